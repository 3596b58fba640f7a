"""Keywords: noun phrases (runs of nouns), weighted by frequency and position."""

from __future__ import annotations

from collections.abc import Sequence

from nlp.analyse import Analysis, Morpheme

_NOUNS = frozenset({"NNG", "NNP", "SL", "SH"})
_MAX_RUN = 4


def keywords(analysis: Analysis, limit: int = 10, title_terms: Sequence[str] = ()) -> list[str]:
    """Up to `limit` noun phrases, most telling first."""
    weight: dict[str, float] = {}
    title = {t.lower() for t in title_terms}
    total = max(len(analysis.sentences), 1)
    for sentence in analysis.sentences:
        position = 1.0 + 0.5 * (1 - sentence.index / total)
        for run in _noun_runs(sentence.morphemes):
            for phrase, parts in _phrases(run, analysis.text):
                bonus = 1.5 if title and all(p.lower() in title for p in parts) else 1.0
                gain = position * bonus * (1 + 0.3 * (len(parts) - 1))
                weight[phrase] = weight.get(phrase, 0.0) + gain
    ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    out: list[str] = []
    for phrase, _ in ranked:
        if len(out) >= limit:
            break
        if not any(phrase in kept for kept in out):  # a noun inside a kept compound adds nothing
            out.append(phrase)
    return out


def _noun_runs(morphemes: Sequence[Morpheme]) -> list[list[Morpheme]]:
    runs: list[list[Morpheme]] = []
    current: list[Morpheme] = []
    for m in morphemes:
        if m.tag in _NOUNS and (not current or m.start == current[-1].end):
            current.append(m)
            continue
        if current:
            runs.append(current)
        current = [m] if m.tag in _NOUNS else []
    if current:
        runs.append(current)
    return runs


def _phrases(run: list[Morpheme], text: str) -> list[tuple[str, list[str]]]:
    """A compound as written (아동수당), or a single noun of two or more syllables."""
    if len(run) > _MAX_RUN:
        return []
    if len(run) > 1:
        return [(text[run[0].start : run[-1].end], [m.form for m in run])]
    return [(run[0].form, [run[0].form])] if len(run[0].form) >= 2 else []
