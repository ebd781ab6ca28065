"""The trained model keeps the held-out quality recorded in reports/nlu_eval.json.

The baseline is what `make eval` measured and committed; a change that lowers held-out
accuracy or out-of-scope recall fails here.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from scripts.nlu_eval import heldout_cases, metrics, predict

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "poortwachter.tar.gz"
BASELINE = ROOT / "reports" / "nlu_eval.json"


@pytest.fixture(scope="module")
def measured() -> dict[str, float]:
    cases = heldout_cases()
    predicted = asyncio.run(predict(MODEL, [c.text for c in cases]))
    return metrics(cases, predicted)


@pytest.fixture(scope="module")
def baseline() -> dict[str, float]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))["heldout"]


def test_heldout_faq_accuracy_not_below_baseline(measured, baseline) -> None:
    assert measured["faq_accuracy"] >= baseline["faq_accuracy"]


def test_out_of_scope_recall_not_below_baseline(measured, baseline) -> None:
    assert measured["out_of_scope_recall"] >= baseline["out_of_scope_recall"]


def test_heldout_set_is_the_one_measured(measured, baseline) -> None:
    assert measured["faq_questions"] == baseline["faq_questions"]
    assert measured["out_of_scope_questions"] == baseline["out_of_scope_questions"]
