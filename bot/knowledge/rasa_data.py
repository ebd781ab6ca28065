"""Build the Rasa training data for FAQ and out-of-scope from knowledge/ (no Rasa import).

`python -m bot.knowledge.rasa_data` writes the files; `python -m bot.knowledge.rasa_data --check`
fails when the committed files differ from what knowledge/ produces, so the two can never
drift.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.knowledge.base import KnowledgeBase, load_knowledge

ROOT = Path(__file__).resolve().parents[2]
FAQ_DATA = ROOT / "data" / "generated_faq.yml"
OUT_OF_SCOPE_DATA = ROOT / "data" / "generated_out_of_scope.yml"
FAQ_INTENT = "faq"
OUT_OF_SCOPE_INTENT = "out_of_scope"
# A greeting or thanks in front of a real question must not turn it into small talk
# ("goedemorgen, wat wordt het weer?"): every OPENER_EVERY-th example is also trained with one.
OPENERS = ("hoi", "goedemorgen", "dank je", "hallo", "bedankt", "goedemiddag", "hey", "dag")
OPENER_EVERY = 10
HEADER = "# GENERATED from knowledge/ by `make data`. Do not edit: change knowledge/ instead.\n"


def _examples_block(examples: tuple[str, ...]) -> str:
    lines = []
    for example in dict.fromkeys(" ".join(e.split()) for e in examples):
        lines.append(f"      - {example}")
    return "\n".join(lines)


def with_openers(examples: tuple[str, ...]) -> tuple[str, ...]:
    """The examples plus greeting-prefixed copies of every OPENER_EVERY-th one."""
    greeted = (
        f"{OPENERS[i % len(OPENERS)]}, {e[:1].lower()}{e[1:]}"
        for i, e in enumerate(examples[::OPENER_EVERY])
    )
    return (*examples, *greeted)


def faq_yaml(base: KnowledgeBase) -> str:
    """Every entry's examples as the one intent `faq`: DIET only tells a FAQ question from
    the other intents; which entry it asks about is bot/faq/classifier.py's job."""
    examples = tuple(e for entry in base.entries for e in with_openers(entry.examples))
    return "".join(
        [
            HEADER,
            'version: "3.1"\n\nnlu:\n',
            f"  - intent: {FAQ_INTENT}\n    examples: |\n",
            _examples_block(examples) + "\n",
        ]
    )


def out_of_scope_yaml(base: KnowledgeBase) -> str:
    examples = tuple(e for category in base.out_of_scope for e in category.examples)
    return "".join(
        [
            HEADER,
            'version: "3.1"\n\nnlu:\n',
            f"  - intent: {OUT_OF_SCOPE_INTENT}\n    examples: |\n",
            _examples_block(with_openers(examples)) + "\n",
        ]
    )


def generated_files(base: KnowledgeBase) -> dict[Path, str]:
    return {FAQ_DATA: faq_yaml(base), OUT_OF_SCOPE_DATA: out_of_scope_yaml(base)}


def main(argv: list[str]) -> int:
    files = generated_files(load_knowledge())
    if "--check" in argv:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run `make data`", file=sys.stderr)
        return 1 if stale else 0
    for path, text in files.items():
        # Write only on change: the file's time decides whether make retrains the model.
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
