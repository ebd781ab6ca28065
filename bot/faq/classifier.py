"""Which FAQ entry a question asks about: a linear model over word and character n-grams.

Rasa's DIET model only says whether a message is a FAQ question; this small scikit-learn model
says which entry (it generalised better to new wording than Rasa's response selector, which
it replaced; reports/nlu_tuning.md). It learns from the
examples and titles in knowledge/, from the sentences of the answers (users often describe a
topic in the answer's plain words rather than in jargon) and from the out-of-scope examples,
as one extra class: a question outside this law should not be forced onto an entry. The
assistant decides with its ranking in bot.turn. Training takes a few seconds and is
deterministic, so it happens when the service starts, not in `rasa train`, and the model can
never drift from knowledge/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from bot.dutch.text import fold, keywords
from bot.knowledge.base import KnowledgeBase, knowledge

# liblinear shuffles its data: random_state keeps training deterministic.
# Regularisation of the linear SVM, chosen on the development set (reports/nlu_tuning.md):
# 0.5 until the knowledge base grew to 83 entries; then 0.25 / 0.5 / 1 / 2 gave 87.4 / 88.3 /
# 88.5 / 88.0% (selector never overriding), tuning row 29.
REGULARISATION_C = 1.0
# Answer sentences shorter than this say too little about the topic to learn from.
MIN_SENTENCE_WORDS = 4
# Only the first sentences of an answer (per role) are learned from: they state the topic,
# while later ones give general advice ("Twijfel je? Vraag advies …") or mention neighbouring
# topics, which pulled out-of-scope questions and neighbours onto an entry. On the
# development set all / 5 / 4 / 3 / 2 sentences gave 94.8 / 95.4 / 95.6 / 95.3 / 94.6% right
# entry and 94.0 / 95.2 / 97.6 / 97.6 / 97.6% out-of-scope recall (reports/nlu_tuning.md row 36).
ANSWER_SENTENCES = 4
SENTENCE_END = re.compile(r"(?<=[.?!:;])\s+|\n")
# The class of questions outside this law; never an entry id (ids are snake_case words).
OUT_OF_SCOPE = "<buiten bereik>"


@dataclass(frozen=True)
class Guess:
    id: str
    score: float  # the SVM's decision value: > 0 leans towards this entry


def normalised(text: str) -> str:
    """Folded surface text plus lemmas: typos are caught by the character n-grams of the
    surface, inflection by the lemmas."""
    return f"{fold(text)} {' '.join(keywords(text))}"


def answer_sentences(answer: str) -> list[str]:
    parts = (s.strip(" -*") for s in SENTENCE_END.split(answer))
    return [s for s in parts if len(s.split()) >= MIN_SENTENCE_WORDS]


def training_data(base: KnowledgeBase) -> tuple[list[str], list[str]]:
    """(text, label) pairs: each entry's title, examples and first answer sentences under its
    id, and the out-of-scope examples under OUT_OF_SCOPE."""
    texts, labels = [], []
    for entry in base.entries:
        sentences = dict.fromkeys(
            s for a in entry.answers.values() for s in answer_sentences(a)[:ANSWER_SENTENCES]
        )
        for text in (entry.title, *entry.examples, *sentences):
            texts.append(text)
            labels.append(entry.id)
    for category in base.out_of_scope:
        texts += category.examples
        labels += [OUT_OF_SCOPE] * len(category.examples)
    return texts, labels


def build_model(texts: list[str], labels: list[str]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.svm import LinearSVC

    features = make_union(
        TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
    )
    model = make_pipeline(features, LinearSVC(C=REGULARISATION_C, random_state=0))
    model.fit([normalised(t) for t in texts], labels)
    return model


@cache
def faq_classifier() -> Any:
    return build_model(*training_data(knowledge()))


def knows_a_word(text: str, model: Any = None) -> bool:
    """Whether the message has a word the classifier learned from (examples, titles, answer
    sentences, out-of-scope examples). "blorp xq9" or an emoji has none: it was not
    understood, rather than being about something else."""
    model = model if model is not None else faq_classifier()
    words = model.steps[0][1].transformer_list[0][1]  # the word TF-IDF of build_model
    return any(word in words.vocabulary_ for word in words.build_analyzer()(normalised(text)))


def rank(text: str, limit: int = 3, model: Any = None) -> list[Guess]:
    """The `limit` most likely labels (entry ids or OUT_OF_SCOPE) for a question, best first."""
    model = model if model is not None else faq_classifier()
    scores = model.decision_function([normalised(text)])[0]
    order = scores.argsort()[::-1][:limit]
    return [Guess(str(model.classes_[i]), float(scores[i])) for i in order]
