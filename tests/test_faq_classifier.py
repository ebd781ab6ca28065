"""The second FAQ classifier: trained from knowledge/, deterministic, ranks sensibly."""

from __future__ import annotations

import pytest

from bot.faq.classifier import (
    ANSWER_SENTENCES,
    OUT_OF_SCOPE,
    answer_sentences,
    build_model,
    rank,
    training_data,
)
from bot.knowledge.base import knowledge


def test_training_data_has_titles_examples_and_first_answer_sentences() -> None:
    texts, labels = training_data(knowledge())
    entry = knowledge().entry("passend_werk")
    assert entry is not None
    own = {t for t, label in zip(texts, labels, strict=True) if label == "passend_werk"}
    assert entry.title in own
    assert set(entry.examples) <= own
    sentences = answer_sentences(entry.answer_for("werknemer"))
    assert len(sentences) > ANSWER_SENTENCES  # the premise: this answer has later sentences
    assert set(sentences[:ANSWER_SENTENCES]) <= own
    # Later sentences (general advice, neighbouring topics) are not learned from, unless the
    # other role's answer has them among its first ones.
    werkgever_first = set(answer_sentences(entry.answer_for("werkgever"))[:ANSWER_SENTENCES])
    assert not (set(sentences[ANSWER_SENTENCES:]) - werkgever_first) & own
    assert set(labels) == {e.id for e in knowledge().entries} | {OUT_OF_SCOPE}
    out_of_scope = {t for t, label in zip(texts, labels, strict=True) if label == OUT_OF_SCOPE}
    assert out_of_scope == {e for c in knowledge().out_of_scope for e in c.examples}


def test_answer_sentences_drop_short_fragments_and_list_marks() -> None:
    answer = "Ja.\n- Je krijgt dan 70% van je loon.\nDat is zo. Je werkgever betaalt het loon door."
    assert answer_sentences(answer) == [
        "Je krijgt dan 70% van je loon.",
        "Je werkgever betaalt het loon door.",
    ]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("wat is passend werk precies", "passend_werk"),
        ("wie betaalt het re-integratiebureau voor spoor 2", "spoor2_kosten"),
        ("wanneer moet ik de WIA aanvragen", "wia_aanvraag"),
        ("hoeveel loon krijg ik als ik ziek ben", "loondoorbetaling"),
        ("mag mijn baas vragen wat ik heb", "privacy_vragen_werkgever"),
    ],
)
def test_clear_questions_rank_their_entry_first(question: str, expected: str) -> None:
    assert rank(question)[0].id == expected


def test_rank_gives_distinct_entries_best_first() -> None:
    guesses = rank("spoor 2 starten", limit=5)
    assert len(guesses) == 5
    assert len({g.id for g in guesses}) == 5
    assert [g.score for g in guesses] == sorted((g.score for g in guesses), reverse=True)


@pytest.mark.slow  # trains the classifier twice
def test_training_is_deterministic() -> None:
    texts, labels = training_data(knowledge())
    first, second = build_model(texts, labels), build_model(texts, labels)
    question = "mijn werkgever doet niks aan mijn terugkeer"
    assert rank(question, 5, first) == rank(question, 5, second)
