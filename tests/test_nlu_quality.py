"""The trained model keeps the quality recorded in reports/nlu_eval.json.

The baseline is what `make eval` measured and committed; a change that lowers FAQ accuracy or
out-of-scope recall on the held-out set or on the development set fails here.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from scripts.nlu_eval import dev_cases, heldout_cases, metrics, predict

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "poortwachter.tar.gz"
BASELINE = ROOT / "reports" / "nlu_eval.json"
SETS = {"heldout": heldout_cases, "development": dev_cases}

Results = dict[str, dict[str, Any]]


@pytest.fixture(scope="module")
def measured() -> Results:
    sets = {name: cases() for name, cases in SETS.items()}
    texts = [c.text for cases in sets.values() for c in cases]
    predicted = iter(asyncio.run(predict(MODEL, texts)))
    return {name: metrics(cases, [next(predicted) for _ in cases]) for name, cases in sets.items()}


@pytest.fixture(scope="module")
def baseline() -> Results:
    result: Results = json.loads(BASELINE.read_text(encoding="utf-8"))
    return result


@pytest.mark.parametrize("name", list(SETS))
def test_faq_accuracy_not_below_baseline(measured: Results, baseline: Results, name: str) -> None:
    assert measured[name]["faq_accuracy"] >= baseline[name]["faq_accuracy"]


@pytest.mark.parametrize("name", list(SETS))
def test_out_of_scope_recall_not_below_baseline(
    measured: Results, baseline: Results, name: str
) -> None:
    assert measured[name]["out_of_scope_recall"] >= baseline[name]["out_of_scope_recall"]


@pytest.mark.parametrize("name", list(SETS))
def test_set_is_the_one_measured(measured: Results, baseline: Results, name: str) -> None:
    assert measured[name]["faq_questions"] == baseline[name]["faq_questions"]
    assert measured[name]["out_of_scope_questions"] == baseline[name]["out_of_scope_questions"]


def test_heldout_targets_hold(measured: Results) -> None:
    assert measured["heldout"]["faq_accuracy"] >= 0.95
    assert measured["heldout"]["out_of_scope_recall"] >= 0.95
