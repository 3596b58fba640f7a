"""Everything the service derives from an article's text, from one Kiwi pass over it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsdesk.defaults import EXCERPT_CHARS, KEY_FACT_SENTENCES, SUMMARY_SENTENCES
from nlp.analyse import Analysis, analyse
from nlp.category import Category, categorise
from nlp.dedupe import Signature, signature
from nlp.excerpt import excerpt
from nlp.keywords import keywords
from nlp.sections import split_sections
from nlp.summarize import SummarySentence, summarise_sections
from nlp.terms import Term, content_forms, terms


@dataclass(frozen=True, slots=True)
class DigestOptions:
    """How long summaries and excerpts are, and the fallback category."""

    sentences: int = SUMMARY_SENTENCES
    max_chars: int | None = None
    excerpt_chars: int = EXCERPT_CHARS
    keywords: int = 10
    key_facts: int = KEY_FACT_SENTENCES  # more sentences with a policy's key facts (nlp.summarize)
    default_category: str | None = None


@dataclass(frozen=True, slots=True)
class Digest:
    """Summary, excerpt, keywords, category and search terms of one text."""

    analysis: Analysis
    summary: list[SummarySentence]
    excerpt: str
    keywords: list[str]
    category: Category
    terms: list[Term]
    title_terms: list[Term]
    signature: Signature


def title_terms_of(title: str | None) -> list[Term]:
    """The search terms of a headline (its own short Kiwi pass), or none for an empty one."""
    return terms(analyse(title).morphemes()) if title and title.strip() else []


def digest(
    body: str,
    title: str | None = None,
    options: DigestOptions | None = None,
    headings: Sequence[Sequence[int]] = (),
    generic: Mapping[str, float] | None = None,
) -> Digest:
    """Analyse `body` once (and the title once) and derive everything from that analysis; with the
    spans of the source's sub-headings (``nlp.sections``), the summary has key sentences per section;
    `generic` (a term's share of the stored articles) ranks common words down in the keywords."""
    opts = options or DigestOptions()
    analysis = analyse(body)
    title_terms = title_terms_of(title)
    title_forms = [t.term for t in title_terms]
    body_terms = terms(analysis.morphemes())
    found = keywords(analysis, opts.keywords, title_forms, generic)
    return Digest(
        analysis=analysis,
        summary=summarise_sections(
            analysis,
            split_sections(body, headings),
            opts.sentences,
            opts.max_chars,
            title_forms,
            opts.key_facts,
        ),
        excerpt=excerpt(analysis, opts.excerpt_chars),
        keywords=found,
        category=categorise(found, [t.term for t in body_terms], opts.default_category),
        terms=body_terms,
        title_terms=title_terms,
        signature=signature(content_forms(analysis.morphemes())),
    )
