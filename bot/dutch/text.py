"""Dutch text normalisation for keyword search: spaCy's blank Dutch pipeline.

Tokens, stop words and lemma lookups (spacy-lookups-data) need no model download. When the
optional nl_core_news_sm model is installed its lemmatizer is not needed here: lookups are
fast and deterministic, which is what a ranked keyword search wants.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

# Words that carry no topic in this domain, on top of spaCy's Dutch stop words.
DOMAIN_STOP_WORDS = frozenset({"wat", "hoe", "wanneer", "moet", "mag", "kan", "ik", "je", "jij"})


@cache
def _pipeline() -> Any:
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@cache
def _lemma_table() -> Any:
    return _pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


def lemma(word: str) -> str:
    """Dictionary lemma of one Dutch word ('werknemers' -> 'werknemer'), lowercased."""
    lowered = word.lower()
    return str(_lemma_table().get(lowered, lowered))


def fold(text: str) -> str:
    """Lowercase without accents, so 'ziekte' and 'ziektë' or 'WIA' and 'wia' match."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def keywords(text: str) -> list[str]:
    """Lemmatised content words of a Dutch text (stop words and punctuation dropped)."""
    doc = _pipeline()(text)
    words = []
    for token in doc:
        if token.is_punct or token.is_space or token.is_stop:
            continue
        lemma = fold(token.lemma_ or token.text)
        if lemma and lemma not in DOMAIN_STOP_WORDS and any(ch.isalnum() for ch in lemma):
            words.append(lemma)
    return words
