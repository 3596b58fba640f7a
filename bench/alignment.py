"""Alignment quality and cost on outlet rewrites whose every sentence knows where it came from.

Used by bench/stories.py. A rewrite keeps 50–80% of the release's sentences, in order except a
shuffled middle; each kept sentence is copied verbatim, copied with one figure changed (when it
has a figure) or with its ending in another register (했다 → 했습니다), or edited (words dropped,
the opening phrase moved after the middle); background sentences from articles outside the set
are added.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from nlp.align import Unit, align, figures, units
from nlp.analyse import analyse

CLASSES = ("copied", "edited", "added")
FIGURE_CHANGE = 0.3  # share of copied sentences with a figure that get the figure changed
ENDING_CHANGE = 0.3  # share of the other copies whose past-tense ending turns formal (했다 → 했습니다)
_DIGITS = re.compile(r"\d+")
_PAST_ENDING = re.compile(r"(었|았|였|했|겠)다(?=[.\s]*$)")


class Background:
    """Sentences from articles outside the set, each drawn once in a shuffled order; a set too
    small for the run is shuffled again and drawn anew (`rounds` counts the passes), since an
    added sentence needs only to be absent from the release it is added against."""

    def __init__(self, sentences: Sequence[str], rng: random.Random) -> None:
        if not sentences:
            raise ValueError("no background sentences: the set needs articles outside it")
        self.sentences = list(sentences)
        self.rng = rng
        self.left: list[str] = []
        self.rounds = 0
        self.drawn = 0
        self._refill()

    def pop(self) -> str:
        """The next sentence (a fresh shuffle when every one has been drawn)."""
        if not self.left:
            self._refill()
        self.drawn += 1
        return self.left.pop()

    def _refill(self) -> None:
        self.left = self.sentences[:]
        self.rng.shuffle(self.left)
        self.rounds += 1


@dataclass(frozen=True, slots=True)
class Line:
    """A rewritten sentence and its truth: the class, the release sentence, a changed figure."""

    text: str
    kind: str
    source: int | None
    figure_changed: bool = False


def paraphrase(sentence: str, rng: random.Random) -> str:
    """A reporter's edit: drop a sixth of the words, and half the time move the opening phrase
    after the middle; the predicate stays last, as Korean keeps it."""
    words = sentence.split()
    for _ in range(max(1, len(words) // 6)):
        if len(words) > 4:
            words.pop(rng.randrange(1, len(words) - 1))
    if len(words) > 6 and rng.random() < 0.5:
        cut = rng.randrange(2, len(words) - 2)
        words = words[cut:-1] + words[:cut] + words[-1:]
    return " ".join(words)


def change_figure(sentence: str, rng: random.Random) -> str | None:
    """The sentence with its first figure's number changed, or None when it has no figure."""
    found = figures(sentence)
    if not found:
        return None
    start = sentence.index(found[0].text)
    digits = _DIGITS.search(sentence, start)
    if digits is None:
        return None
    number = int(digits.group())
    changed = str(number + rng.randint(1, 9) if number < 10 else number * 2 - rng.randint(1, 3))
    return sentence[: digits.start()] + changed + sentence[digits.end() :]


def rewrite(sentences: Sequence[str], background: Background, rng: random.Random) -> list[Line]:
    """One outlet's version of the release, every line labelled with its provenance."""
    chosen = [i for i in range(len(sentences)) if rng.random() < rng.uniform(0.5, 0.8)] or [0, 1, 2]
    lines = [_retell(i, sentences[i], rng) for i in chosen]
    middle = lines[1:-1]
    rng.shuffle(middle)
    added = [Line(background.pop(), "added", None) for _ in range(2)]
    head, tail = lines[:1], lines[1:][-1:]
    return [*head, *middle[: len(middle) // 2], *added, *middle[len(middle) // 2 :], *tail]


def _retell(index: int, sentence: str, rng: random.Random) -> Line:
    roll = rng.random()
    if roll < 0.5:
        edited = paraphrase(sentence, rng)
        if edited != sentence:
            return Line(edited, "edited", index)
    if roll < 0.5 + FIGURE_CHANGE:
        changed = change_figure(sentence, rng)
        if changed is not None:
            return Line(changed, "copied", index, figure_changed=True)
    if rng.random() < ENDING_CHANGE:  # a copy in another register: only the ending differs
        return Line(_PAST_ENDING.sub(r"\1습니다", sentence), "copied", index)
    return Line(sentence, "copied", index)


@dataclass(slots=True)
class Tally:
    """Counts across all outlets."""

    true: Counter[str]
    found: Counter[str]
    right: Counter[str]
    share_errors: list[float]
    kept_errors: list[float] = field(default_factory=list)  # share of release lines misjudged kept/dropped
    figures_changed: int = 0
    figures_flagged: int = 0
    false_flags: int = 0
    copied_unchanged: int = 0


def score(stories: Sequence[tuple[Sequence[str], Sequence[Sequence[Line]]]]) -> Tally:
    """Align every outlet of every story against its release and count against the truth."""
    tally = Tally(Counter(), Counter(), Counter(), [])
    for release_text, outlets in stories:
        analysis = analyse("\n".join(release_text))
        release = units(analysis)
        # one release sentence per line; a line Kiwi split gives both its sentences the line's number
        line_of = {s.index: s.paragraph for s in analysis.sentences}
        for lines in outlets:
            outlet_units, truth = labelled_units(lines)
            result = align(release, outlet_units)
            pairs = result.pairs
            for pair, line in zip(pairs, truth, strict=True):
                tally.true[line.kind] += 1
                tally.found[pair.kind] += 1
                found = line_of.get(pair.release) if pair.release is not None else None
                source_ok = line.kind == "added" or found == line.source
                tally.right[line.kind] += pair.kind == line.kind and source_ok
                if line.figure_changed:
                    tally.figures_changed += 1
                    tally.figures_flagged += bool(pair.figure_differs)
                elif line.kind == "copied":
                    tally.copied_unchanged += 1
                    tally.false_flags += bool(pair.figure_differs)
            true_share = sum(line.kind != "added" for line in truth) / len(truth)
            found_share = sum(p.kind != "added" for p in pairs) / len(pairs)
            tally.share_errors.append(abs(true_share - found_share))
            true_kept = {line.source for line in truth if line.source is not None}
            found_kept = {line_of[i] for i in result.kept}
            tally.kept_errors.append(len(true_kept ^ found_kept) / len(release_text))
    return tally


def labelled_units(lines: Sequence[Line]) -> tuple[list[Unit], list[Line]]:
    """The outlet's alignment units and, for each, the truth of the line it came from
    (Kiwi may split a line in two: both halves carry its label)."""
    analysis = analyse("\n".join(line.text for line in lines))
    return units(analysis), [lines[s.paragraph] for s in analysis.sentences]


def report(tally: Tally) -> None:
    print(f"\nalignment: {sum(tally.true.values())} outlet sentences, {len(tally.share_errors)} outlets")
    print(f"{'class':<8} {'true':>5} {'found':>6} {'precision':>9} {'recall':>7}")
    for kind in CLASSES:
        right, found, true = tally.right[kind], tally.found[kind], tally.true[kind]
        precision = right / found if found else 1.0
        recall = right / true if true else 1.0
        print(f"{kind:<8} {true:5d} {found:6d} {precision:9.3f} {recall:7.3f}")
    print(
        f"copied_share MAE {statistics.fmean(tally.share_errors):.3f}; "
        f"release sentences misjudged kept/dropped {statistics.fmean(tally.kept_errors):.3f}"
    )
    rate = tally.figures_flagged / tally.figures_changed if tally.figures_changed else 1.0
    false_rate = tally.false_flags / tally.copied_unchanged if tally.copied_unchanged else 0.0
    print(
        f"changed figure flagged {rate:.3f} ({tally.figures_flagged}/{tally.figures_changed}); "
        f"flag on an unchanged copy {false_rate:.3f}"
    )


def cost(release_text: Sequence[str], outlets: Sequence[Sequence[Line]]) -> None:
    """Alignment ms per outlet and per story of len(outlets), against one Kiwi pass per outlet."""
    release = units(analyse("\n".join(release_text)))
    texts = ["\n".join(line.text for line in lines) for lines in outlets]
    started = time.perf_counter()
    outlet_units = [units(analyse(text)) for text in texts]
    kiwi_ms = (time.perf_counter() - started) * 1000 / len(texts)
    rounds = 5
    started = time.perf_counter()
    for _ in range(rounds):
        for u in outlet_units:
            align(release, u)
    story_ms = (time.perf_counter() - started) * 1000 / rounds
    pair_ms = story_ms / len(outlets)
    print(
        f"alignment {pair_ms:.2f} ms per outlet, {story_ms:.1f} ms per story of {len(outlets)} outlets; "
        f"one Kiwi pass {kiwi_ms:.1f} ms per outlet (alignment/Kiwi {pair_ms / kiwi_ms:.3f})"
    )
