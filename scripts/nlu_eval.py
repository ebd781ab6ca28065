"""Held-out evaluation of the trained NLU model (`make eval`).

Each held-out question is classified the way the assistant acts on it (bot.turn's choice):
the FAQ entry it answers with, or "fallback" (out of scope / not understood), or another intent.
Writes reports/nlu_eval.md and reports/nlu_eval.json. With --cv N, also an N-fold
cross-validation of the FAQ classifier on the training data (seconds); with --rasa-cv N, Rasa's
own N-fold cross-validation of DIET's intents (it retrains N times).
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

from actions.intents import intent_of
from bot.faq.classifier import OUT_OF_SCOPE, build_model, rank, training_data
from bot.intents import Intent
from bot.knowledge.base import knowledge
from bot.turn import UNSURE_INTENTS, choose_faq_entry

ROOT = Path(__file__).resolve().parent.parent
HELDOUT_DIR = ROOT / "tests" / "heldout"
# Tuning happens on this second set, written later by other writers, so that the held-out
# set stays a fair final check.
DEV_DIR = ROOT / "tests" / "dev"
FALLBACK = "fallback"


@dataclass(frozen=True)
class Case:
    text: str
    expected: str  # FAQ entry id, or FALLBACK


def _questions(path: Path) -> list[dict[str, str]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["questions"])


def cases_in(directory: Path) -> list[Case]:
    """FAQ questions (faq_*.yml) and out-of-scope questions (out_of_scope_*.yml)."""
    cases = [
        Case(q["text"], q["id"])
        for path in sorted(directory.glob("faq_*.yml"))
        for q in _questions(path)
    ]
    cases += [
        Case(q["text"], FALLBACK)
        for path in sorted(directory.glob("out_of_scope_*.yml"))
        for q in _questions(path)
    ]
    return cases


def heldout_cases() -> list[Case]:
    return cases_in(HELDOUT_DIR)


def dev_cases() -> list[Case]:
    return cases_in(DEV_DIR)


def label_of(parse: dict[str, Any]) -> str:
    """What the assistant does with the message in a fresh conversation (bot.turn's choice of
    FAQ entry): a FAQ entry, the fallback, or another intent's reply."""
    name = (parse.get("intent") or {}).get("name")
    intent = intent_of(name)
    if intent is not Intent.FAQ and intent not in UNSURE_INTENTS:
        return f"intent:{name}"
    text = str(parse.get("text") or "")
    return choose_faq_entry(text, intent).entry or FALLBACK


async def predict(model: Path, texts: list[str]) -> list[str]:
    from rasa.core.agent import Agent

    from api.core.logging_setup import configure_logging

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
        "wrong_entry": sum(p not in (c.expected, FALLBACK) for c, p in faq),
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


def classifier_cross_validation(folds: int) -> dict[str, Any]:
    """N-fold cross-validation of bot.faq.classifier on knowledge/ (stratified, seeded).
    Every fold trains on all kinds of text; only questions (titles and examples) are scored,
    not answer sentences."""
    from sklearn.model_selection import StratifiedKFold

    base = knowledge()
    texts, labels = training_data(base)
    questions = {q for e in base.entries for q in (e.title, *e.examples)}
    questions |= {q for c in base.out_of_scope for q in c.examples}
    predicted: dict[int, str] = {}
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=42)
    for train, test in splitter.split(texts, labels):
        model = build_model([texts[i] for i in train], [labels[i] for i in train])
        for i in test:
            if texts[i] in questions:
                predicted[i] = rank(texts[i], 1, model)[0].id
    pairs = [(labels[i], p) for i, p in predicted.items()]
    faq = [(e, p) for e, p in pairs if e != OUT_OF_SCOPE]
    oos = [(e, p) for e, p in pairs if e == OUT_OF_SCOPE]
    return {
        "folds": folds,
        "questions": len(pairs),
        "faq_entry_accuracy": sum(e == p for e, p in faq) / len(faq),
        "out_of_scope_recall": sum(p == OUT_OF_SCOPE for _, p in oos) / len(oos),
    }


def rasa_cross_validation(folds: int) -> dict[str, Any]:
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
    return {
        "folds": folds,
        "intent_accuracy": intents["accuracy"],
        "intent_weighted_f1": intents["weighted avg"]["f1-score"],
    }


def _summary_rows(m: dict[str, Any], d: dict[str, Any]) -> list[str]:
    """The headline figures; the targets are issue 14's (held-out, and 95% right entry on the
    development set). tests/test_nlu_quality.py holds the gate CI enforces."""
    return [
        "| measure | held-out | development | target |",
        "|---|---|---|---|",
        f"| FAQ questions | {m['faq_questions']} | {d['faq_questions']} | ≥ 3 per entry |",
        f"| right entry | {m['faq_accuracy']:.1%} | {d['faq_accuracy']:.1%} | "
        "held-out ≥ 97%, development ≥ 95% |",
        f"| out-of-scope questions | {m['out_of_scope_questions']} | "
        f"{d['out_of_scope_questions']} | ≥ 50 |",
        f"| out-of-scope recall (get the fallback) | {m['out_of_scope_recall']:.1%} | "
        f"{d['out_of_scope_recall']:.1%} | ≥ 95% |",
        f"| out-of-scope precision | {m['out_of_scope_precision']:.1%} | "
        f"{d['out_of_scope_precision']:.1%} | ≥ 97% |",
        f"| FAQ questions given a wrong answer | {m['wrong_entry']} | {d['wrong_entry']} | |",
    ]


def markdown(result: dict[str, Any]) -> str:
    m, d = result["heldout"], result["development"]
    lines = [
        "# NLU evaluation",
        "",
        "Written by `make eval` (python -m scripts.nlu_eval). Two question sets, both written "
        "separately from the training examples: the held-out set (`tests/heldout/`, the final "
        "check the targets apply to) and the development set (`tests/dev/`, written later by "
        "two writers who saw only the titles and answers in knowledge/; settings are tuned on "
        "this one). A question counts as right only when the assistant answers it with the "
        "expected entry; suggestions count as wrong.",
        "",
        *_summary_rows(m, d),
    ]
    cv = result.get("classifier_cross_validation")
    if cv:
        lines += [
            "",
            f"{cv['folds']}-fold cross-validation of the FAQ classifier on knowledge/ (scored "
            f"on its {cv['questions']} example questions and titles, many of them two or three "
            f"words): right entry {cv['faq_entry_accuracy']:.1%}, out of scope recognised "
            f"{cv['out_of_scope_recall']:.1%}.",
        ]
    rasa_cv = result.get("rasa_cross_validation")
    if rasa_cv:
        lines += [
            "",
            f"{rasa_cv['folds']}-fold cross-validation of Rasa's models on the training data: "
            f"intent accuracy {rasa_cv['intent_accuracy']:.1%}.",
        ]
    lines += ["", "## F1 per entry (held-out)", "", "| entry | F1 |", "|---|---|"]
    lines += [f"| {k} | {v:.2f} |" for k, v in m["f1_per_entry"].items()]
    lines += ["", "## Confusions (held-out)", "", "| expected | predicted | count |"]
    lines += ["|---|---|---|"]
    lines += [f"| {c['expected']} | {c['predicted']} | {c['count']} |" for c in m["confusions"]]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=str(ROOT / "models" / "poortwachter.tar.gz"))
    parser.add_argument("--out", default=str(ROOT / "reports" / "nlu_eval"))
    parser.add_argument("--cv", type=int, default=0, help="classifier folds (0: skip)")
    parser.add_argument("--rasa-cv", type=int, default=0, help="Rasa folds (0: skip)")
    args = parser.parse_args()
    sets = {"heldout": heldout_cases(), "development": dev_cases()}
    texts = [c.text for cases in sets.values() for c in cases]
    predicted = iter(asyncio.run(predict(Path(args.model), texts)))
    result: dict[str, Any] = {
        name: metrics(cases, [next(predicted) for _ in cases]) for name, cases in sets.items()
    }
    if args.cv:
        result["classifier_cross_validation"] = classifier_cross_validation(args.cv)
    if args.rasa_cv:
        result["rasa_cross_validation"] = rasa_cross_validation(args.rasa_cv)
    Path(args.out + ".json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    Path(args.out + ".md").write_text(markdown(result))
    for name in sets:
        m = result[name]
        print(
            f"{name}: FAQ accuracy {m['faq_accuracy']:.1%}  "
            f"OOS recall {m['out_of_scope_recall']:.1%}  "
            f"OOS precision {m['out_of_scope_precision']:.1%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
