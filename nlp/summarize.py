"""Extractive summaries: whole source sentences chosen by centrality with a lead prior."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from nlp.analyse import Analysis, Sentence
from nlp.terms import content_forms

# Lines that are not prose: photo captions, bylines, datelines, contact lines.
_NOT_PROSE = re.compile(
    r"^\s*(?:[\[(（【<〈][^\])）】>〉]{0,40}[\])）】>〉]\s*)?(?:사진|자료|그래픽|제공|출처)\s*[=:]"
    r"|[\w.+-]+@[\w-]+\.[\w.]+\s*$"
    r"|^\s*[가-힣]{2,4}\s*(?:기자|특파원)\s*$"
)
_DAMPING = 0.85
_ITERATIONS = 40


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A source sentence, verbatim, with its place in the text."""

    index: int
    text: str
    start: int
    end: int
    score: float


def summarise(
    analysis: Analysis,
    sentences: int = 3,
    max_chars: int | None = None,
    title_terms: Sequence[str] = (),
) -> list[SummarySentence]:
    """Pick up to `sentences` source sentences (and at most `max_chars`), in source order."""
    pool = [s for s in analysis.sentences if _is_candidate(s)] or list(analysis.sentences)
    bags = [Counter(content_forms(s.morphemes)) for s in pool]
    scores = _scores(pool, bags, Counter(t.lower() for t in title_terms))
    chosen = _select(pool, bags, scores, sentences, max_chars)
    return [
        SummarySentence(s.index, s.text, s.start, s.end, round(scores[i], 6))
        for i, s in sorted(((i, pool[i]) for i in chosen), key=lambda p: p[1].index)
    ]


def _is_candidate(sentence: Sentence) -> bool:
    text = sentence.text.strip()
    if len(text) < 12 or _NOT_PROSE.search(text):
        return False
    return len(content_forms(sentence.morphemes)) >= 3


def _scores(pool: Sequence[Sentence], bags: Sequence[Counter[str]], title: Counter[str]) -> list[float]:
    """Personalised PageRank over tf-idf cosine similarity; the lead and the title bias the walk."""
    n = len(pool)
    vectors = _tfidf(bags)
    sim = [[_cosine(vectors[i], vectors[j]) if i != j else 0.0 for j in range(n)] for i in range(n)]
    title_vec = _tfidf([title], reference=bags)[0] if title else {}
    prior = [1.0 / math.sqrt(1 + k) + 2.0 * _cosine(vectors[k], title_vec) for k in range(n)]
    total = sum(prior) or 1.0
    prior = [p / total for p in prior]
    out_weight = [sum(row) or 1.0 for row in sim]
    rank = prior[:]
    for _ in range(_ITERATIONS):
        rank = [
            (1 - _DAMPING) * prior[i]
            + _DAMPING * sum(rank[j] * sim[j][i] / out_weight[j] for j in range(n) if sim[j][i])
            for i in range(n)
        ]
    return [r * p * n for r, p in zip(rank, prior, strict=True)]


def _select(
    pool: Sequence[Sentence],
    bags: Sequence[Counter[str]],
    scores: Sequence[float],
    k: int,
    max_chars: int | None,
) -> list[int]:
    """Greedy maximal marginal relevance: high score, low overlap with what is already chosen."""
    vectors = _tfidf(bags)
    chosen: list[int] = []
    used = 0
    top = max(scores, default=1.0) or 1.0
    while len(chosen) < k:
        best, best_value = -1, -math.inf
        for i in range(len(pool)):
            if i in chosen or (max_chars is not None and used + len(pool[i].text) > max_chars and chosen):
                continue
            overlap = max((_cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            value = 0.75 * scores[i] / top - 0.25 * overlap
            if value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        chosen.append(best)
        used += len(pool[best].text)
    return chosen


def _tfidf(
    bags: Sequence[Counter[str]], reference: Sequence[Counter[str]] | None = None
) -> list[dict[str, float]]:
    corpus = reference if reference is not None else bags
    df: Counter[str] = Counter()
    for bag in corpus:
        df.update(bag.keys())
    n = len(corpus)
    return [
        {t: (1 + math.log(c)) * math.log((n + 1) / (df[t] + 0.5)) for t, c in bag.items()} for bag in bags
    ]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0
