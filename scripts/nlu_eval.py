"""Held-out evaluation of the trained NLU model (`make eval`).

Each held-out question is classified the way the assistant acts on it: the FAQ entry picked
by the response selector, or "fallback" (out of scope / not understood), or another intent.
Writes reports/nlu_eval.md and reports/nlu_eval.json. With --cv, also runs Rasa's 5-fold
cross-validation on the training data.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.faq_answers import chosen_entry

ROOT = Path(__file__).resolve().parent.parent
HELDOUT_DIR = ROOT / "tests" / "heldout"
FALLBACK = "fallback"
FALLBACK_INTENTS = {"out_of_scope", "nlu_fallback"}


@dataclass(frozen=True)
class Case:
    text: str
    expected: str  # FAQ entry id, or FALLBACK


def heldout_cases() -> list[Case]:
    cases = []
    for path in sorted(HELDOUT_DIR.glob("faq_heldout_*.yml")):
        for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]:
            cases.append(Case(q["text"], q["id"]))
    oos = yaml.safe_load((HELDOUT_DIR / "out_of_scope_heldout.yml").read_text(encoding="utf-8"))
    cases.extend(Case(q["text"], FALLBACK) for q in oos["questions"])
    return cases


def label_of(parse: dict[str, Any]) -> str:
    """What the assistant does with the message (mirrors actions/faq.py)."""
    intent = (parse.get("intent") or {}).get("name")
    if intent == "faq":
        response = parse["response_selector"]["faq"]["response"]
        key = str(response.get("intent_response_key") or "")
        entry_id = key.split("/", 1)[1] if "/" in key else None
        confidence = float(response.get("confidence") or 0.0)
        return chosen_entry(str(parse.get("text") or ""), entry_id, confidence) or FALLBACK
    if intent in FALLBACK_INTENTS:
        return FALLBACK
    return f"intent:{intent}"


async def predict(model: Path, texts: list[str]) -> list[str]:
    from rasa.core.agent import Agent

    from api.logging_setup import configure_logging

    configure_logging("WARNING")

    agent = Agent.load(str(model))
    return [label_of(await agent.parse_message(text)) for text in texts]


def f1_per_label(cases: list[Case], predicted: list[str]) -> dict[str, float]:
    scores = {}
    pairs = [(c.expected, p) for c, p in zip(cases, predicted, strict=True)]
    for label in sorted({c.expected for c in cases}):
        tp = sum(1 for e, p in pairs if e == label and p == label)
        fp = sum(1 for e, p in pairs if e != label and p == label)
        fn = sum(1 for e, p in pairs if e == label and p != label)
        scores[label] = 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
    return scores


def metrics(cases: list[Case], predicted: list[str]) -> dict[str, Any]:
    pairs = list(zip(cases, predicted, strict=True))
    faq = [(c, p) for c, p in pairs if c.expected != FALLBACK]
    oos = [(c, p) for c, p in pairs if c.expected == FALLBACK]
    predicted_fallback = [(c, p) for c, p in pairs if p == FALLBACK]
    confusions = Counter((c.expected, p) for c, p in pairs if c.expected != p)
    return {
        "faq_questions": len(faq),
        "faq_accuracy": sum(c.expected == p for c, p in faq) / len(faq),
        "out_of_scope_questions": len(oos),
        "out_of_scope_recall": sum(p == FALLBACK for _, p in oos) / len(oos),
        "out_of_scope_precision": (
            sum(c.expected == FALLBACK for c, _ in predicted_fallback) / len(predicted_fallback)
            if predicted_fallback
            else 0.0
        ),
        "f1_per_entry": f1_per_label(cases, predicted),
        "confusions": [
            {"expected": e, "predicted": p, "count": n} for (e, p), n in confusions.most_common()
        ],
        "errors": [
            {"text": c.text, "expected": c.expected, "predicted": p}
            for c, p in pairs
            if c.expected != p
        ],
    }


def cross_validation(folds: int) -> dict[str, Any]:
    out = ROOT / "results" / "cv"
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    cmd = [
        str(Path(sys.executable).parent / "rasa"),
        "test",
        "nlu",
        "--nlu",
        "data",
        "--config",
        "config.yml",
        "--cross-validation",
        "--folds",
        str(folds),
        "--out",
        str(out),
        "--quiet",
    ]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True)
    intents = json.loads((out / "intent_report.json").read_text())
    selection = json.loads((out / "response_selection_report.json").read_text())
    return {
        "folds": folds,
        "intent_accuracy": intents["accuracy"],
        "intent_weighted_f1": intents["weighted avg"]["f1-score"],
        "response_selection_accuracy": selection["accuracy"],
        "response_selection_weighted_f1": selection["weighted avg"]["f1-score"],
    }


def markdown(result: dict[str, Any]) -> str:
    m = result["heldout"]
    lines = [
        "# NLU evaluation",
        "",
        "Written by `make eval` (python -m scripts.nlu_eval). Held-out questions were written "
        "separately from the training examples, by a different writer, with other wording.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| FAQ questions (held-out) | {m['faq_questions']} | ≥ 3 per entry |",
        f"| right entry | {m['faq_accuracy']:.1%} | ≥ 95% |",
        f"| out-of-scope questions (held-out) | {m['out_of_scope_questions']} | ≥ 50 |",
        f"| out-of-scope recall (get the fallback) | {m['out_of_scope_recall']:.1%} | ≥ 90% |",
        f"| out-of-scope precision | {m['out_of_scope_precision']:.1%} | |",
    ]
    cv = result.get("cross_validation")
    if cv:
        lines += [
            f"| {cv['folds']}-fold CV intent accuracy | {cv['intent_accuracy']:.1%} | |",
            f"| {cv['folds']}-fold CV FAQ entry accuracy | "
            f"{cv['response_selection_accuracy']:.1%} | |",
        ]
    lines += ["", "## F1 per entry", "", "| entry | F1 |", "|---|---|"]
    lines += [f"| {k} | {v:.2f} |" for k, v in m["f1_per_entry"].items()]
    lines += ["", "## Confusions", "", "| expected | predicted | count |", "|---|---|---|"]
    lines += [f"| {c['expected']} | {c['predicted']} | {c['count']} |" for c in m["confusions"]]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=str(ROOT / "models" / "poortwachter.tar.gz"))
    parser.add_argument("--out", default=str(ROOT / "reports" / "nlu_eval"))
    parser.add_argument("--cv", type=int, default=0, help="number of folds (0: skip)")
    args = parser.parse_args()
    cases = heldout_cases()
    predicted = asyncio.run(predict(Path(args.model), [c.text for c in cases]))
    result: dict[str, Any] = {"heldout": metrics(cases, predicted)}
    if args.cv:
        result["cross_validation"] = cross_validation(args.cv)
    Path(args.out + ".json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    Path(args.out + ".md").write_text(markdown(result))
    m = result["heldout"]
    print(
        f"FAQ accuracy {m['faq_accuracy']:.1%}  OOS recall {m['out_of_scope_recall']:.1%}  "
        f"OOS precision {m['out_of_scope_precision']:.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
