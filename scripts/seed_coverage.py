"""Coverage of the seed documents' questions (`make seed-coverage`, issue 14 point 3).

Reads the seed questions of the development set (tests/dev/faq_dev_seeds.yml: each with the FAQ
entry that answers it; tests/dev/out_of_scope_dev_seeds.yml: out of scope), asks the trained model
what the assistant picks for each (scripts.nlu_eval.predict, the way `make eval` does), and writes
reports/seed_coverage.md: a table question -> expected -> picked -> right/wrong, the totals, and
the questions no entry answers yet (copied from reports/seed_gaps.md). Never trains.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from scripts.nlu_eval import DEV_DIR, FALLBACK, Case, predict

ROOT = Path(__file__).resolve().parent.parent
SEED_FAQ = DEV_DIR / "faq_dev_seeds.yml"
SEED_OUT_OF_SCOPE = DEV_DIR / "out_of_scope_dev_seeds.yml"
GAPS = ROOT / "reports" / "seed_gaps.md"
MODEL = ROOT / "models" / "poortwachter.tar.gz"
OUT = ROOT / "reports" / "seed_coverage.md"
# What the model is trained from (the Makefile's TRAIN_INPUTS).
TRAIN_INPUTS = ("config.yml", "domain.yml", "data")


@dataclass(frozen=True)
class SeedCase:
    case: Case  # text and expected entry id (or FALLBACK)
    seed: str  # seed file and the question's number there
    also: tuple[str, ...] = ()  # other entries that answer the question just as well


@dataclass(frozen=True)
class Row:
    """One row of a markdown table in reports/seed_gaps.md."""

    cells: tuple[str, ...]


def seed_cases(path: Path, expected: str | None = None) -> list[SeedCase]:
    """The questions of a seed development file; `expected` overrides the id (out of scope)."""
    questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return [
        SeedCase(
            Case(str(q["text"]), expected or str(q["id"])),
            str(q.get("seed", "")),
            tuple(str(a) for a in q.get("also") or ()),
        )
        for q in questions
    ]


def table_rows(markdown: str, header: str) -> list[Row]:
    """The body rows of the markdown table whose header line starts with `header`."""
    rows: list[Row] = []
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith(header):
            continue
        for body in lines[i + 2 :]:
            if not body.startswith("|"):
                break
            rows.append(Row(tuple(cell.strip() for cell in body.strip().strip("|").split("|"))))
    return rows


GAP_HEADER = "| seed | no. | question | what an answer needs |"
LEFT_OUT_HEADER = "| seed | no. | question | expected entry | why left out |"


def is_right(case: SeedCase, picked: str) -> bool:
    return picked == case.case.expected or picked in case.also


def verdict(expected: str, picked: str, also: tuple[str, ...] = ()) -> str:
    if picked == expected:
        return "right"
    if picked in also:
        return "right (also answers it)"
    if picked == FALLBACK:
        return "wrong (no answer)"
    return "wrong (other answer)"


def _stamp(path: Path) -> float:
    if path.is_dir():
        return max((p.stat().st_mtime for p in path.rglob("*.yml")), default=0.0)
    return path.stat().st_mtime if path.exists() else 0.0


def model_note(model: Path) -> str:
    trained = datetime.fromtimestamp(model.stat().st_mtime, tz=timezone.utc)
    shown = model.relative_to(ROOT) if model.is_relative_to(ROOT) else model
    note = f"Model: `{shown}`, trained {trained:%Y-%m-%d %H:%M} UTC."
    newest_input = max(_stamp(ROOT / name) for name in TRAIN_INPUTS)
    if newest_input > model.stat().st_mtime:
        note += (
            " **The model is older than its training data** (`data/`, `domain.yml`, "
            "`config.yml`): entries added since are known to the assistant's own classifier "
            "but not to Rasa's models, so some picks will change after `make train`."
        )
    return note


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown(
    faq: list[SeedCase],
    faq_picked: list[str],
    oos: list[SeedCase],
    oos_picked: list[str],
    gaps: list[Row],
    left_out: list[Row],
    left_out_picked: list[str],
    note: str,
) -> str:
    pairs = list(zip(faq, faq_picked, strict=True))
    faq_right = sum(is_right(c, p) for c, p in pairs)
    faq_strict = sum(c.case.expected == p for c, p in pairs)
    oos_right = sum(p == FALLBACK for p in oos_picked)
    left_right = sum(
        verdict(row.cells[3], p).startswith("right")
        for row, p in zip(left_out, left_out_picked, strict=True)
    )
    covered = len(faq) + len(left_out) + len(oos)
    total = covered + len(gaps)
    all_right = faq_right + left_right + oos_right
    kinds = Counter(verdict(c.case.expected, p, c.also) for c, p in pairs)
    lines = [
        "# Seed questions: what the assistant answers",
        "",
        "Written by `make seed-coverage` (python -m scripts.seed_coverage). The questions of the "
        "seed documents (`../shared/seeds/`), word for word, each labelled with the FAQ entry that "
        "answers it correctly and completely (`tests/dev/faq_dev_seeds.yml`), or as out of scope "
        "(`tests/dev/out_of_scope_dev_seeds.yml`). *Picked* is what the assistant does with the "
        "question as the first message of a conversation: an entry, `fallback` (out of scope or "
        "not understood) or another intent. The role (employee or employer) changes the wording "
        "of an answer, not the entry. Suggestions count as wrong; an entry the seed file lists "
        "under `also` answers the question just as well and counts as right.",
        "",
        note,
        "",
        "## Totals",
        "",
        "| | questions | assistant right | share |",
        "|---|---|---|---|",
        f"| an entry answers it (development set) | {len(faq)} | {faq_right} | "
        f"{_share(faq_right, len(faq))} |",
        f"| an entry answers it, left out of the development set (copy of a training text) | "
        f"{len(left_out)} | {left_right} | {_share(left_right, len(left_out))} |",
        f"| out of scope (should get the fallback) | {len(oos)} | {oos_right} | "
        f"{_share(oos_right, len(oos))} |",
        f"| no entry answers it yet (`reports/seed_gaps.md`) | {len(gaps)} | 0 | |",
        f"| **all seed questions** | **{total}** | **{all_right}** | "
        f"**{_share(all_right, total)}** |",
        "",
        f"The knowledge base answers (or rightly declines) {covered} of the {total} seed "
        f"questions ({_share(covered, total)}); {len(gaps)} still need an entry.",
        "",
        "Development-set questions an entry answers: "
        + ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
        + f". Counting only the labelled entry (`id`, as `make eval` does): {faq_strict} of "
        f"{len(faq)} ({_share(faq_strict, len(faq))}).",
        "",
        "## Questions an entry answers",
        "",
        "| seed | question | expected | picked | |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {c.seed} | {_cell(c.case.text)} | {c.case.expected} | {p} | "
        f"{verdict(c.case.expected, p, c.also)} |"
        for c, p in pairs
    ]
    lines += [
        "",
        "## Out-of-scope questions",
        "",
        "| seed | question | picked | |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| {c.seed} | {_cell(c.case.text)} | {p} | {verdict(FALLBACK, p)} |"
        for c, p in zip(oos, oos_picked, strict=True)
    ]
    lines += [
        "",
        "## No entry answers these yet",
        "",
        "From `reports/seed_gaps.md`: not in the development set until an entry answers them.",
        "",
        "| seed | no. | question | what an answer needs |",
        "|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(row.cells) + " |" for row in gaps]
    lines += [
        "",
        "## Left out of the development set",
        "",
        "Seed questions equal to a training example or a held-out question (listed in "
        "`reports/seed_gaps.md`); what the assistant picks is shown, but they are no fair test.",
        "",
    ]
    if left_out:
        lines += ["| seed | no. | question | expected | why left out | picked | |"]
        lines += ["|---|---|---|---|---|---|---|"]
        lines += [
            "| " + " | ".join(row.cells) + f" | {p} | {verdict(row.cells[3], p)} |"
            for row, p in zip(left_out, left_out_picked, strict=True)
        ]
    else:
        lines += ["None: no seed question equals a training example or a held-out question."]
    return "\n".join(lines) + "\n"


def _share(right: int, total: int) -> str:
    return f"{right / total:.1%}" if total else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=str(MODEL))
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    model = Path(args.model).resolve()
    if not model.exists():
        print(f"{model} is missing: run `make train` first.", file=sys.stderr)
        return 1
    faq = seed_cases(SEED_FAQ)
    oos = seed_cases(SEED_OUT_OF_SCOPE, expected=FALLBACK)
    gap_text = GAPS.read_text(encoding="utf-8")
    gaps = table_rows(gap_text, GAP_HEADER)
    left_out = table_rows(gap_text, LEFT_OUT_HEADER)
    texts = [c.case.text for c in (*faq, *oos)] + [row.cells[2] for row in left_out]
    picked = iter(asyncio.run(predict(model, texts)))
    faq_picked = [next(picked) for _ in faq]
    oos_picked = [next(picked) for _ in oos]
    left_out_picked = [next(picked) for _ in left_out]
    report = markdown(
        faq, faq_picked, oos, oos_picked, gaps, left_out, left_out_picked, model_note(model)
    )
    Path(args.out).write_text(report, encoding="utf-8")
    right = sum(is_right(c, p) for c, p in zip(faq, faq_picked, strict=True))
    print(f"seed questions: {right}/{len(faq)} right entry, {len(gaps)} without an entry")
    return 0


if __name__ == "__main__":
    sys.exit(main())
