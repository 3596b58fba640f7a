"""Sentence alignment of an outlet's article against the release it retells.

Each sentence is reduced once, at ingest, to a `Unit`: its offsets, its content morphemes, its
skeleton (every morpheme but particles, endings and punctuation, in order, digits as #: so
발표했다 and 발표했습니다 agree) and its figures (amounts, dates, percentages read as numbers with
their units). An outlet sentence is then

- ``copied``: its skeleton is a release sentence's, up to a small edit (one morpheme in ~35);
- ``edited``: most of its content morphemes are one release sentence's (reworded, cut, reordered,
  one half of a split sentence, or two release sentences merged into one);
- ``added``: neither.

A release sentence is ``kept`` when an outlet sentence copies or edits it, or one outlet sentence
contains most of it (two release sentences merged into one). A figure that differs within an
aligned pair is reported: the outlet changed a number of the same unit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from nlp.analyse import Analysis, Morpheme, Sentence
from nlp.terms import CONTENT_TAGS

Kind = Literal["copied", "edited", "added"]

COPIED_SEQUENCE = 0.97  # ordered skeleton similarity of a copy with a small edit (1 morpheme in ~35)
COPIED_BAG = 0.9  # content overlap below which a pair is never a copy (skips the ordered comparison)
EDITED_BAG = 0.5  # Dice overlap of content morphemes: the same content, reworded
EDITED_PART = 0.75  # an outlet sentence that is most of one release sentence (a split or a cut)
KEPT_PART = 0.7  # share of a release sentence one outlet sentence carries (a merge)
MIN_PART_FORMS = 3  # a part this short is too little to call the sentence edited from the release

_MAGNITUDE = {"천": 10**3, "만": 10**4, "억": 10**8, "조": 10**12}
# longest first: 퍼센트포인트 before 퍼센트, %p before %
_UNITS = (
    "퍼센트포인트", "퍼센트", "%p", "%", "가구", "개월", "달러", "포인트", "시간", "주년",
    "원", "명", "년", "월", "일", "개", "곳", "건", "배", "세", "회", "톤", "대", "주", "시", "분",
    "㎡", "㎢", "km", "kg",
)  # fmt: skip
_FUNCTION_TAGS = ("J", "E", "XS")  # particles, endings, suffixes
_DIGIT_RUN = re.compile(r"\d+")
_PUNCTUATION = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW", "SB"})
_UNIT_ALIAS = {"퍼센트": "%", "퍼센트포인트": "%p", "포인트": "%p"}
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# 1조 2,000억, 2천억, 50만, 12.5: a run of digit groups, each scaled by the magnitudes after it
_NUMBER = re.compile(rf"(?<![\d.,]){_DIGITS}(?:\s*[천만억조]+(?:\s*{_DIGITS}\s*[천만억조]*)*)?")
_GROUP = re.compile(rf"({_DIGITS})\s*([천만억조]*)")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as written, its value and its unit ('' when none follows)."""

    text: str
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Unit:
    """What alignment needs of one sentence: offsets, content morphemes in order, figures."""

    index: int
    start: int
    end: int
    forms: tuple[str, ...]
    figures: tuple[Figure, ...] = ()
    skeleton: tuple[str, ...] = ()  # every morpheme but particles, endings, punctuation; numbers as #

    def to_json(self) -> list[Any]:
        """A compact stored form: [index, start, end, forms, [[text, value, unit], ...], skeleton]."""
        return [
            self.index,
            self.start,
            self.end,
            list(self.forms),
            [[f.text, f.value, f.unit] for f in self.figures],
            list(self.skeleton),
        ]

    @classmethod
    def from_json(cls, data: Any) -> Unit:
        index, start, end, forms, figures, skeleton = data
        return cls(
            int(index),
            int(start),
            int(end),
            tuple(map(str, forms)),
            tuple(Figure(str(t), float(v), str(u)) for t, v, u in figures) if figures else (),
            tuple(map(str, skeleton)),
        )


@dataclass(frozen=True, slots=True)
class Pair:
    """One outlet sentence and what it is to the release: the release sentence it came from, if any."""

    outlet: int
    release: int | None
    kind: Kind
    similarity: float
    novel: int  # distinct content morphemes the release has nowhere: what the sentence brings
    figure_differs: tuple[tuple[Figure, Figure], ...] = ()


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every outlet sentence's pair, in outlet order, and the release sentences the outlet kept."""

    pairs: tuple[Pair, ...]
    kept: frozenset[int]

    def copied_share(self) -> float:
        """Share of the outlet's sentences copied or edited from the release."""
        if not self.pairs:
            return 0.0
        return sum(p.kind != "added" for p in self.pairs) / len(self.pairs)


def unit_of(sentence: Sentence) -> Unit:
    """The alignment unit of an analysed sentence."""
    forms, skeleton = _forms_and_skeleton(sentence.morphemes)
    return Unit(sentence.index, sentence.start, sentence.end, forms, figures(sentence.text), skeleton)


def forms_of(morphemes: Iterable[Morpheme]) -> tuple[str, ...]:
    """Content morphemes in order (irregular stems too: 들었다 is 듣/VV-I); for a sentence with
    none, every morpheme but punctuation, so 듣기도 했다 is still compared by something."""
    return _forms_and_skeleton(morphemes)[0]


def skeleton_of(morphemes: Iterable[Morpheme]) -> tuple[str, ...]:
    """The sentence less its particles, endings and punctuation, numbers as #: what a copy keeps
    (a copy may change a figure; that is reported, not a rewording)."""
    return _forms_and_skeleton(morphemes)[1]


def _forms_and_skeleton(morphemes: Iterable[Morpheme]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``forms_of`` and ``skeleton_of`` in one pass, each morpheme's tag and form looked at once
    (every ingested page computes its units: ``ingest.coverage.store_units``)."""
    content: list[str] = []
    other: list[str] = []
    skeleton: list[str] = []
    kinds, normal = _TAG_KINDS, _FORMS
    for m in morphemes:
        kind = kinds.get(m.tag)
        if kind is None:
            kind = kinds[m.tag] = _tag_kind(m.tag)
        if not kind[0]:  # punctuation: in neither
            continue
        form = normal.get(m.form)
        if form is None:
            form = _form(m)
            if len(normal) < _FORMS_KEPT:
                normal[m.form] = form
        other.append(form)
        if kind[1]:
            content.append(form)
        if kind[2]:
            skeleton.append(form)
    return tuple(content or other), tuple(skeleton)


def _tag_kind(tag: str) -> tuple[bool, bool, bool]:
    """Whether a morpheme of this tag counts at all (punctuation does not, not even in a sentence
    with no content morphemes), is content (``forms_of``), and is in the skeleton."""
    if tag in _PUNCTUATION:
        return (False, False, False)
    return (True, tag.split("-")[0] in CONTENT_TAGS, not tag.startswith(_FUNCTION_TAGS))


_TAG_KINDS: dict[str, tuple[bool, bool, bool]] = {}  # each tag's ``_tag_kind``, as tags come
_FORMS: dict[str, str] = {}  # each form's ``_form``, as forms come (a text repeats its morphemes)
_FORMS_KEPT = 200_000  # a bound for a long-running worker: forms past it are normalised each time


def _form(morpheme: Morpheme) -> str:
    """The form with its digits as #: a changed figure is a figure difference, not a rewording."""
    return _DIGIT_RUN.sub("#", morpheme.form.lower())


def units(analysis: Analysis) -> list[Unit]:
    """The alignment units of every sentence of an analysis, in order."""
    return [unit_of(s) for s in analysis.sentences]


def figures(text: str) -> tuple[Figure, ...]:
    """Numbers in `text` with their units: 1조 2,000억원 is 1.2e12 원, 12.5% is 12.5 %."""
    out = []
    for match in _NUMBER.finditer(text):
        value = sum(_group_value(g) for g in _GROUP.finditer(match.group()))
        unit, end = _unit_after(text, match.end())
        out.append(Figure(text[match.start() : end].strip(), value, unit))
    return tuple(out)


def _group_value(group: re.Match[str]) -> float:
    digits, magnitudes = group.groups()
    value = float(digits.replace(",", ""))
    for magnitude in magnitudes:
        value *= _MAGNITUDE[magnitude]
    return value


def _unit_after(text: str, at: int) -> tuple[str, int]:
    rest = text[at : at + 8]
    stripped = rest.lstrip()
    gap = len(rest) - len(stripped)
    for unit in _UNITS:
        if stripped.startswith(unit):
            return _UNIT_ALIAS.get(unit, unit), at + gap + len(unit)
    return "", at


def align(release: Sequence[Unit], outlet: Sequence[Unit]) -> Alignment:
    """Align each outlet sentence to the release sentence it copies or edits, if any."""
    bags = [Counter(r.forms) for r in release]
    where: dict[str, list[int]] = {}  # form -> release sentences that have it
    for k, bag in enumerate(bags):
        for form in bag:
            where.setdefault(form, []).append(k)
    pairs = []
    kept: set[int] = set()
    for o in outlet:
        shared: Counter[int] = Counter()  # multiset overlap with each release sentence sharing a form
        for form, count in Counter(o.forms).items():
            for k in where.get(form, ()):
                shared[k] += min(count, bags[k][form])
        pair = _pair(o, release, shared, novel=len({f for f in o.forms if f not in where}))
        pairs.append(pair)
        if pair.release is not None:
            kept.add(pair.release)
        if pair.kind != "added":  # a merge keeps every release sentence it carries most of
            kept.update(release[k].index for k, n in shared.items() if _carried(release[k], n))
    return Alignment(tuple(pairs), frozenset(kept))


def _carried(r: Unit, shared: int) -> bool:
    """True when an outlet sentence holds most of the release sentence `r` (a short one never)."""
    return len(r.forms) >= MIN_PART_FORMS and shared / len(r.forms) >= KEPT_PART


def _pair(o: Unit, release: Sequence[Unit], shared: Counter[int], novel: int) -> Pair:
    """The outlet sentence's best release sentence by overlap, and how close the two are."""
    if not o.forms or not shared:
        return Pair(o.index, None, "added", 0.0, novel)
    size = len(o.forms)
    # (Dice, share of the outlet sentence the release sentence has, position)
    scored = [(2 * n / (size + len(release[k].forms)), n / size, k) for k, n in shared.items()]
    dice, part, k = max(scored)
    if dice < EDITED_BAG:  # perhaps a split: the outlet sentence is most of a longer release sentence
        part, dice, k = max((p, d, j) for d, p, j in scored)
        if part < EDITED_PART or size < MIN_PART_FORMS:
            # perhaps a merge: the outlet sentence carries most of two or more release sentences
            merged = [(n, j) for j, n in shared.items() if _carried(release[j], n)]
            if len(merged) < 2:
                return Pair(o.index, None, "added", round(max(dice, part), 4), novel)
            k = max(merged)[1]
    r = release[k]
    sequence = _ordered(r.skeleton, o.skeleton) if dice >= COPIED_BAG else 0.0
    kind: Kind = "copied" if sequence >= COPIED_SEQUENCE else "edited"
    similarity = sequence if kind == "copied" else max(dice, part)
    return Pair(o.index, r.index, kind, round(similarity, 4), novel, figure_changes(r.figures, o.figures))


def _ordered(a: Sequence[str], b: Sequence[str]) -> float:
    if a == b:  # a verbatim copy (most of them): what SequenceMatcher's ratio says of equal sequences
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def figure_changes(release: Iterable[Figure], outlet: Iterable[Figure]) -> tuple[tuple[Figure, Figure], ...]:
    """Figures of one unit that the outlet gives differently: (release figure, outlet figure).
    Counted as multisets, so 80×80 turned into 158×80 is one change."""
    by_unit: dict[str, tuple[list[Figure], list[Figure]]] = {}
    for side, found in enumerate((release, outlet)):
        for f in found:
            by_unit.setdefault(f.unit, ([], []))[side].append(f)
    out: list[tuple[Figure, Figure]] = []
    for ours, theirs in by_unit.values():
        gone, new = _unmatched(ours, theirs), _unmatched(theirs, ours)
        out.extend(zip(gone, new, strict=False))  # an outlet that only drops a figure changed none
    return tuple(out)


def _unmatched(figures: Sequence[Figure], others: Sequence[Figure]) -> list[Figure]:
    """The figures of `figures` left once each value of `others` has cancelled one of them."""
    left = Counter(f.value for f in others)
    out = []
    for f in figures:
        if left[f.value]:
            left[f.value] -= 1
        else:
            out.append(f)
    return out
