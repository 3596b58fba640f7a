"""Search terms: the morphemes that carry meaning, used alike for documents and queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nlp.analyse import Morpheme

# Nouns, numerals, foreign words and verb/adjective stems: 협력했다 and 협력을 share 협력.
INDEX_TAGS = frozenset({"NNG", "NNP", "NR", "NP", "SL", "SH", "SN", "XR", "VV", "VA", "MAG"})
CONTENT_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "XR", "VV", "VA"})
NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SH"})


@dataclass(frozen=True, slots=True)
class Term:
    """A search term and the span of the original text it came from."""

    term: str
    start: int
    end: int


def term_of(morpheme: Morpheme) -> str | None:
    """The index form of a morpheme, or None when it carries no meaning for search."""
    if morpheme.tag not in INDEX_TAGS:
        return None
    form = morpheme.form.strip().lower()
    return form or None


def terms(morphemes: Iterable[Morpheme]) -> list[Term]:
    """Index terms of `morphemes`, in order, with their spans."""
    out = []
    for m in morphemes:
        t = term_of(m)
        if t is not None:
            out.append(Term(t, m.start, m.end))
    return out


def content_forms(morphemes: Iterable[Morpheme]) -> list[str]:
    """Forms of the content morphemes, for similarity between sentences."""
    return [m.form.lower() for m in morphemes if m.tag in CONTENT_TAGS]
