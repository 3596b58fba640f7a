"""Extractive summaries: whole source sentences chosen by centrality with a lead prior.

Only prose is eligible: a sentence that ends as Korean prose does (…다, …요, …까) and is not a
photo caption, byline, dateline or contact line. Each candidate is scored by personalised PageRank
over tf-idf cosine similarity of its content morphemes; the walk restarts at the lead (news puts
the point first; the prior falls with the relative position) and at the title. Short fragments and
quote-only sentences are discounted, and so is background (a sentence dated only years before the
text's newest year); a sentence carrying a key fact of a policy (a number with
a unit: a date, amount, count or age; or who gets it and how to apply: 신청/접수/지급/대상/기간) gets a
prior. Sentences are then picked by maximal marginal relevance, so a
near-repeat of a chosen sentence is never chosen, and a sentence that leans on the one before it
(이번/이는/이에/이를/또한/한편 …) comes with its antecedent when the budget holds both, else not
at all. A summary is about one sentence per six of prose
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
from nlp.marks import BULLETS, DASHES
from nlp.sections import Section
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
# A key fact: a number with its unit (2026년, 41만 명, 2,500원, 38.6km, 86.4%) or how the policy reaches
# people (who is eligible, how and when to apply, what is paid).
_FACT_NUMBER = re.compile(
    r"\d[\d,.]*\s*(?:만|억|조|천)?\s*(?:원|명|개|곳|%|퍼센트|km|㎞|세|살|년|월|일|시|분|회|건|가구|배|시간|학년|톤|대)"
)
_FACT_WORDS = re.compile(r"신청|접수|지급|대상|기간|마감|예산|요금")
# A number with its unit beside a policy word: the policy's dates, amounts or who gets it. Numbers
# alone are everywhere in news (a prior on them lowers ROUGE on the shared set); together they are
# what a reader of a policy needs.
_FACT_PRIOR = 0.3
# Background: a sentence whose years all lie two or more before the newest year of the text
# ("2018년 9월 처음 도입됐다" in a 2026 policy) tells history, not the news.
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)년")
_BACKGROUND_GAP = 2
_BACKGROUND_WEIGHT = 0.6
# Openings that point back at the previous sentence: chosen alone, such a sentence means nothing.
_DEPENDENT = re.compile(
    rf"^[\s{re.escape(DASHES + BULLETS)}]*[\"“]?"
    r"(?:이번|이는|이에|이를|이로써|이로|이와|이러한|이런|이같은|이 같은"
    r"|또한|한편|아울러|그러나|하지만|다만)(?=[\s,])"
)
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
    facts: int = 0,
) -> list[SummarySentence]:
    """Pick up to `sentences` source sentences (and at most `max_chars`), in source order; then up to
    `facts` more that carry a key fact (``fact_weight``) from paragraphs the summary does not reach."""
    pool = _candidates(analysis)
    if sentences <= 0 or not pool:
        return []
    sim, scores = _ranked(pool, title_terms)
    chosen = _select(pool, sim, scores, _target_count(sentences, len(pool)), max_chars)
    return _summary(pool, scores, _with_facts(pool, scores, chosen, facts, max_chars))


def summarise_sections(
    analysis: Analysis,
    sections: Sequence[Section],
    sentences: int = SUMMARY_SENTENCES,
    max_chars: int | None = None,
    title_terms: Sequence[str] = (),
    facts: int = 0,
) -> list[SummarySentence]:
    """Key sentences chosen within each section: every section with prose gets its best one (more
    when `sentences` exceeds the sections), ranked over the whole text; `max_chars` bounds the total."""
    if len(sections) < 2:
        return summarise(analysis, sentences, max_chars, title_terms, facts)
    pool = _candidates(analysis)
    if sentences <= 0 or not pool:
        return []
    sim, scores = _ranked(pool, title_terms)
    parts = [
        [i for i, s in enumerate(pool) if part.start <= s.start and s.end <= part.end] for part in sections
    ]
    parts = [p for p in parts if p]
    each = max(1, sentences // max(len(parts), 1))
    chosen: list[int] = []
    left = max_chars
    for part in parts:
        sub = [pool[i] for i in part]
        picked = _select(
            sub, [[sim[i][j] for j in part] for i in part], [scores[i] for i in part],
            _target_count(each, len(sub)) if each > 1 else 1, left,
        )  # fmt: skip
        chosen += [part[p] for p in picked]
        if left is not None:
            left -= sum(len(sub[p].text) for p in picked)
    return _summary(pool, scores, _with_facts(pool, scores, chosen, facts, max_chars))


def _with_facts(
    pool: Sequence[Sentence], scores: Sequence[float], chosen: list[int], facts: int, max_chars: int | None
) -> list[int]:
    """`chosen` and up to `facts` key-fact sentences (best first, with their antecedents) from
    paragraphs no chosen sentence is in: a draft shows each chosen sentence's paragraph."""
    out = list(chosen)
    used = sum(len(pool[i].text) for i in out)
    needs = _antecedents(pool)
    added = 0
    for i in sorted(range(len(pool)), key=lambda i: -scores[i]):
        group = needs[i]
        if added >= facts:
            break
        if group is None or fact_weight(pool[i].text) <= 1.0:
            continue
        if pool[i].paragraph in {pool[j].paragraph for j in out}:
            continue
        size = sum(len(pool[j].text) for j in group if j not in out)
        if max_chars is not None and used + size > max_chars:
            continue
        out += [j for j in group if j not in out]
        used += size
        added += 1
    return out


def _ranked(pool: Sequence[Sentence], title_terms: Sequence[str]) -> tuple[list[list[float]], list[float]]:
    """Sentence similarities and scores of the candidates."""
    bags = [Counter(content_forms(s.morphemes)) for s in pool]
    vectors = [_unit(v) for v in _tfidf(bags, bags)]
    sim = [[_dot(a, b) if i != j else 0.0 for j, b in enumerate(vectors)] for i, a in enumerate(vectors)]
    title = _unit(_tfidf([Counter(t.lower() for t in title_terms)], bags)[0])
    return sim, _scores(pool, sim, [_dot(v, title) for v in vectors])


def _summary(
    pool: Sequence[Sentence], scores: Sequence[float], chosen: Sequence[int]
) -> list[SummarySentence]:
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
    newest = max((int(y) for s in pool for y in _YEAR.findall(s.text)), default=None)
    return [
        rank[i]
        * n
        * lead[i]
        * _form_weight(pool[i].text)
        * fact_weight(pool[i].text)
        * _era_weight(pool[i].text, newest)
        for i in range(n)
    ]


def _era_weight(text: str, newest: int | None) -> float:
    """Discount a sentence dated only in years well before the newest one in the text (background)."""
    years = [int(y) for y in _YEAR.findall(text)]
    if newest is None or not years or max(years) > newest - _BACKGROUND_GAP:
        return 1.0
    return _BACKGROUND_WEIGHT


def fact_weight(text: str) -> float:
    """The key-fact prior: 1, raised for a number with its unit beside who gets it or how to apply."""
    return 1.0 + _FACT_PRIOR * bool(_FACT_WORDS.search(text) and _FACT_NUMBER.search(text))


def is_dependent(text: str) -> bool:
    """The sentence opens by pointing back at the one before it (이번 …, 이는 …, 또한 …)."""
    return bool(_DEPENDENT.match(text))


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
    """Greedy maximal marginal relevance within the budget; near-repeats are skipped, and a dependent
    sentence is taken together with its antecedent(s) or not at all."""
    chosen: list[int] = []
    used = 0
    top = max(scores) or 1.0
    needs = _antecedents(pool)
    spread = True  # first one sentence per paragraph (a draft shows each chosen one's paragraph)
    while len(chosen) < k:
        best, best_value, best_group = -1, -math.inf, [-1]
        taken = {pool[j].paragraph for j in chosen}
        for i in range(len(pool)):
            group = needs[i]
            if i in chosen or group is None or (spread and pool[i].paragraph in taken):
                continue
            group = [j for j in group if j not in chosen]
            size = sum(len(pool[j].text) for j in group)
            if len(chosen) + len(group) > k or (max_chars is not None and used + size > max_chars):
                continue
            overlap = max((sim[i][j] for j in chosen), default=0.0)
            value = _RELEVANCE * scores[i] / top - (1 - _RELEVANCE) * overlap
            repeats = max((sim[g][j] for g in group for j in chosen), default=0.0)  # antecedents too
            if repeats < _NEAR_DUPLICATE and value > best_value:
                best, best_value, best_group = i, value, group
        if best < 0 and spread:
            spread = False
            continue
        if best < 0:
            break
        chosen.extend(best_group)
        used += sum(len(pool[j].text) for j in best_group)
    return chosen


def _antecedents(pool: Sequence[Sentence]) -> list[list[int] | None]:
    """For each candidate, itself and the candidates it leans on; None when one of them is not a candidate."""
    place = {s.index: p for p, s in enumerate(pool)}
    out: list[list[int] | None] = []
    for p, sentence in enumerate(pool):
        group: list[int] | None = [p]
        current = sentence
        while group is not None and is_dependent(current.text):
            before = place.get(current.index - 1)
            if before is None:
                group = None
                break
            group.append(before)
            current = pool[before]
        out.append(group)
    return out


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
