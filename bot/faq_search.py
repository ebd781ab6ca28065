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

from bot.dutch_text import keywords
from bot.faq_classifier import faq_classifier
from bot.knowledge import KnowledgeBase, knowledge

BM25_K1 = 1.2
BM25_B = 0.75
# How much better (in BM25 score) a question must match the out-of-scope examples than the
# best FAQ entry to veto a FAQ answer; chosen on the development set.
OUT_OF_SCOPE_LEAD = 1.5


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


def suggest_faq(text: str, limit: int = 3, min_score: float = 1.0) -> list[str]:
    """Ids of up to `limit` FAQ entries that best match the text, best first."""
    return [hit.id for hit in faq_index().search(keywords(text), limit, min_score)]


def best_score(index: Bm25Index, words: list[str]) -> float:
    hits = index.search(words, 1, 0.0)
    return hits[0].score if hits else 0.0


def leans_out_of_scope(text: str) -> bool:
    """True when the words of a question match the out-of-scope topics clearly better than
    any FAQ entry ("hoe zeg je ziekmelding in het Engels"): then it is not answered from the
    FAQ even when a model thinks so (reports/nlu_tuning.md)."""
    words = keywords(text)
    lead = best_score(out_of_scope_index(), words) - best_score(faq_index(), words)
    return lead > OUT_OF_SCOPE_LEAD


def out_of_scope_category(text: str) -> str | None:
    hits = out_of_scope_index().search(keywords(text), 1, 0.5)
    return hits[0].id if hits else None
