"""Extractive summaries: whole source sentences chosen by centrality with a lead prior.

Only prose is eligible: a sentence that ends as Korean prose does (…다, …요, …까) and is not a
photo caption, byline, dateline or contact line. Each candidate is scored by personalised PageRank
over tf-idf cosine similarity of its content morphemes; the walk restarts at the lead (news puts
the point first; the prior falls with the relative position) and at the title. Short fragments and
quote-only sentences are discounted. Sentences are then picked by maximal marginal relevance, so a
near-repeat of a chosen sentence is never chosen. A summary is about one sentence per six of prose
(at least two), up to the count asked.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsdesk.defaults import SUMMARY_SENTENCES
from nlp.analyse import Analysis, Sentence
from nlp.terms import content_forms

# Lines that are not prose: photo captions, bylines, datelines, contact lines, list marks.
_NOT_PROSE = re.compile(
    r"^\s*(?:[\[(（【<〈][^\])）】>〉]{0,40}[\])）】>〉]\s*)?(?:사진|자료|그래픽|제공|출처)\s*[=:]"
    r"|^\s*사진\s*(?:은|설명)"
    r"|[\w.+-]+@[\w-]+\.[\w.]+\s*$"
    r"|^\s*[가-힣]{2,4}\s*(?:기자|특파원)\s*$"
    r"|^\s*[▲△※]"
)
# Korean prose ends in a final ending: 했다, 합니다/해요, 할까, 하죠, 하십시오, 해 보자, 하리라.
_PROSE_ENDINGS = ("다", "요", "까", "죠", "오", "자", "라", "네")
_TRAILING = re.compile(r"[\s.!?…。'\"’”」』)\]]+$")
_QUOTES = frozenset('"“”')
_MIN_CHARS = 12
_SHORT_CHARS = 40  # sentences shorter than this are discounted in proportion
_QUOTE_ONLY = 0.8  # share of characters inside quotation marks that makes a sentence a bare quote
_QUOTE_DISCOUNT = 0.5
_LEAD_EXPONENT = 3  # lead prior (1 - position / (n + 1)) ** 3: relative, so a long feature's lead is longer
_TITLE_WEIGHT = 2.0
_DAMPING = 0.85
_ITERATIONS = 30
_RELEVANCE = 0.8  # MMR trade-off between score and novelty
_NEAR_DUPLICATE = 0.8  # cosine at which a sentence repeats one already chosen
_PROSE_PER_SUMMARY_SENTENCE = 6
_MIN_SUMMARY_SENTENCES = 2

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A source sentence, verbatim, with its place in the text."""

    index: int
    text: str
    start: int
    end: int
    score: float

    def as_dict(self) -> dict[str, int | str | float]:
        """The stored and printed shape: text, index, start, end, score."""
        return {
            "text": self.text,
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "score": self.score,
        }


def summarise(
    analysis: Analysis,
    sentences: int = SUMMARY_SENTENCES,
    max_chars: int | None = None,
    title_terms: Sequence[str] = (),
) -> list[SummarySentence]:
    """Pick up to `sentences` source sentences (and at most `max_chars`), in source order."""
    pool = _candidates(analysis)
    if sentences <= 0 or not pool:
        return []
    bags = [Counter(content_forms(s.morphemes)) for s in pool]
    vectors = [_unit(v) for v in _tfidf(bags, bags)]
    sim = [[_dot(a, b) if i != j else 0.0 for j, b in enumerate(vectors)] for i, a in enumerate(vectors)]
    title = _unit(_tfidf([Counter(t.lower() for t in title_terms)], bags)[0])
    scores = _scores(pool, sim, [_dot(v, title) for v in vectors])
    chosen = _select(pool, sim, scores, _target_count(sentences, len(pool)), max_chars)
    return [
        SummarySentence(pool[i].index, pool[i].text, pool[i].start, pool[i].end, round(scores[i], 6))
        for i in sorted(chosen)
    ]


def _candidates(analysis: Analysis) -> list[Sentence]:
    """Prose sentences; with fewer than two, anything that is not a caption or byline; failing that, all."""
    prose = [s for s in analysis.sentences if _is_prose(s)]
    if len(prose) >= _MIN_SUMMARY_SENTENCES:
        return prose
    usable = [s for s in analysis.sentences if not _NOT_PROSE.search(s.text)]
    if len(usable) > len(prose):  # a short text of short sentences still gives two of them
        return usable
    return prose or list(analysis.sentences)


def _is_prose(sentence: Sentence) -> bool:
    text = sentence.text.strip()
    if len(text) < _MIN_CHARS or _NOT_PROSE.search(text):
        return False
    if not _TRAILING.sub("", text).endswith(_PROSE_ENDINGS):
        return False  # headlines, decks and captions: "…차등 지원", "…색채 입혀", "…전경."
    return len(content_forms(sentence.morphemes)) >= 3


def _target_count(asked: int, prose: int) -> int:
    """About one summary sentence per six of prose, at least two, never more than asked."""
    return min(asked, prose, max(_MIN_SUMMARY_SENTENCES, math.ceil(prose / _PROSE_PER_SUMMARY_SENTENCE)))


def _scores(pool: Sequence[Sentence], sim: Sequence[Sequence[float]], title: Sequence[float]) -> list[float]:
    """Personalised PageRank whose walk restarts at the lead and the title, then weighed by the lead."""
    n = len(pool)
    lead = [(1 - k / (n + 1)) ** _LEAD_EXPONENT for k in range(n)]
    restart = [lead[k] + _TITLE_WEIGHT * title[k] for k in range(n)]
    total = sum(restart)
    teleport = [r / total for r in restart]
    out_weight = [sum(row) or 1.0 for row in sim]
    links = [[(j, sim[j][i] / out_weight[j]) for j in range(n) if sim[j][i]] for i in range(n)]
    rank = teleport[:]
    for _ in range(_ITERATIONS):
        rank = [
            (1 - _DAMPING) * teleport[i] + _DAMPING * sum(rank[j] * w for j, w in links[i]) for i in range(n)
        ]
    return [rank[i] * n * lead[i] * _form_weight(pool[i].text) for i in range(n)]


def _form_weight(text: str) -> float:
    """Discount very short sentences (fragments, asides) and sentences that are only a quotation."""
    text = text.strip()
    weight = min(1.0, len(text) / _SHORT_CHARS)
    return weight * (_QUOTE_DISCOUNT if _quoted_share(text) >= _QUOTE_ONLY else 1.0)


def _quoted_share(text: str) -> float:
    marks = [i for i, c in enumerate(text) if c in _QUOTES]
    inside = sum(b - a + 1 for a, b in zip(marks[::2], marks[1::2], strict=False))
    return inside / len(text) if text else 0.0


def _select(
    pool: Sequence[Sentence],
    sim: Sequence[Sequence[float]],
    scores: Sequence[float],
    k: int,
    max_chars: int | None,
) -> list[int]:
    """Greedy maximal marginal relevance within the character budget; near-repeats are skipped."""
    chosen: list[int] = []
    used = 0
    top = max(scores) or 1.0
    while len(chosen) < k:
        best, best_value = -1, -math.inf
        for i, sentence in enumerate(pool):
            if i in chosen or (max_chars is not None and used + len(sentence.text) > max_chars):
                continue
            overlap = max((sim[i][j] for j in chosen), default=0.0)
            value = _RELEVANCE * scores[i] / top - (1 - _RELEVANCE) * overlap
            if overlap < _NEAR_DUPLICATE and value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        chosen.append(best)
        used += len(pool[best].text)
    return chosen


def _tfidf(bags: Sequence[Counter[str]], corpus: Sequence[Counter[str]]) -> list[Vector]:
    """Log-scaled tf-idf of `bags`, with document frequencies from `corpus` (the candidate sentences)."""
    df: Counter[str] = Counter()
    for bag in corpus:
        df.update(bag.keys())
    idf = {t: math.log((len(corpus) + 1) / (d + 0.5)) for t, d in df.items()}
    return [{t: (1 + math.log(c)) * idf.get(t, 0.0) for t, c in bag.items()} for bag in bags]


def _unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def _dot(a: Vector, b: Vector) -> float:
    """Cosine similarity of two unit vectors."""
    if len(b) < len(a):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
