"""Ranked keyword search over knowledge/ (BM25 over lemmatised Dutch text).

Used when the model does not understand a message: instead of a dead end, the user gets the
best-matching FAQ questions as buttons. Also picks the out-of-scope category whose reply
fits a question outside this law.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from bot.dutch.text import keywords
from bot.faq.classifier import faq_classifier
from bot.knowledge.base import KnowledgeBase, knowledge

# BM25's usual parameters. The thresholds applied to its scores are in bot.turn.Thresholds.
BM25_K1 = 1.2
BM25_B = 0.75


@dataclass(frozen=True)
class Hit:
    id: str
    score: float


class Bm25Index:
    """A small in-memory BM25 index: documents are lists of keywords, keyed by id."""

    def __init__(self, documents: dict[str, list[str]]) -> None:
        self._terms = {doc_id: Counter(words) for doc_id, words in documents.items()}
        self._lengths = {doc_id: len(words) for doc_id, words in documents.items()}
        self._average = sum(self._lengths.values()) / max(len(documents), 1)
        frequency: Counter[str] = Counter()
        for counts in self._terms.values():
            frequency.update(counts.keys())
        total = len(documents)
        self._idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}

    def search(self, query: Sequence[str], limit: int, min_score: float) -> list[Hit]:
        hits = [Hit(doc_id, self._score(doc_id, query)) for doc_id in self._terms]
        ranked = sorted((h for h in hits if h.score >= min_score), key=lambda h: -h.score)
        return ranked[:limit]

    def _score(self, doc_id: str, query: Sequence[str]) -> float:
        counts, length = self._terms[doc_id], self._lengths[doc_id]
        score = 0.0
        for term in set(query):
            tf = counts.get(term, 0)
            if tf:
                norm = tf + BM25_K1 * (1 - BM25_B + BM25_B * length / self._average)
                score += self._idf[term] * tf * (BM25_K1 + 1) / norm
        return score


def _faq_documents(base: KnowledgeBase) -> dict[str, list[str]]:
    documents = {}
    for entry in base.entries:
        text = " ".join([entry.title, entry.title, *entry.examples])
        documents[entry.id] = keywords(text)
    return documents


@cache
def faq_index() -> Bm25Index:
    return Bm25Index(_faq_documents(knowledge()))


@cache
def out_of_scope_index() -> Bm25Index:
    base = knowledge()
    return Bm25Index({c.id: keywords(" ".join(c.examples)) for c in base.out_of_scope})


def warm_up() -> None:
    """Build both indexes and the FAQ classifier now (spaCy start-up and training take
    seconds) rather than on a user's turn."""
    faq_index()
    out_of_scope_index()
    faq_classifier()


def suggest_faq(text: str, limit: int, min_score: float) -> list[str]:
    """Ids of up to `limit` FAQ entries that score at least `min_score`, best first."""
    return [hit.id for hit in faq_index().search(keywords(text), limit, min_score)]


def best_score(index: Bm25Index, words: list[str]) -> float:
    hits = index.search(words, 1, 0.0)
    return hits[0].score if hits else 0.0


def out_of_scope_lead(text: str) -> float:
    """How much better (in BM25 score) the words of a question match the out-of-scope topics
    than the best FAQ entry ("hoe zeg je ziekmelding in het Engels"); bot.turn vetoes a FAQ
    answer above a threshold (reports/nlu_tuning.md)."""
    words = keywords(text)
    return best_score(out_of_scope_index(), words) - best_score(faq_index(), words)


def out_of_scope_category(text: str, min_score: float) -> str | None:
    """The out-of-scope topic that best matches the text with at least `min_score`."""
    hits = out_of_scope_index().search(keywords(text), 1, min_score)
    return hits[0].id if hits else None
