"""One Kiwi pass over a text: sentences with their morphemes and offsets."""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from nlp import EmptyTextError

_PARAGRAPH = re.compile(r"[^\n]+")
_LOCK = threading.Lock()
_KIWI: Any = None


@dataclass(frozen=True, slots=True)
class Morpheme:
    """A morpheme and where its surface sits in the analysed text."""

    form: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the analysed text, verbatim, with offsets and morphemes."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    morphemes: tuple[Morpheme, ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    """The result of analysing one text once."""

    text: str
    sentences: tuple[Sentence, ...]

    def morphemes(self) -> Iterator[Morpheme]:
        for sentence in self.sentences:
            yield from sentence.morphemes


def kiwi() -> Any:
    """The process's one Kiwi, created on first use (1–2 s, ~500 MB)."""
    global _KIWI
    if _KIWI is None:
        with _LOCK:
            if _KIWI is None:
                from kiwipiepy import Kiwi

                with warnings.catch_warnings():
                    # num_workers=0 means "no thread pool" since 0.21; a pool breaks Celery's fork
                    warnings.simplefilter("ignore", DeprecationWarning)
                    _KIWI = Kiwi(num_workers=0)
    return _KIWI


def warm() -> None:
    """Load Kiwi and run it once, so forked children inherit a ready analyser."""
    analyse("정부는 오늘 새 정책을 발표했다.")


def analyse(text: str) -> Analysis:
    """Split `text` into sentences and morphemes in one pass; newlines end paragraphs."""
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
    if not paragraphs:
        raise EmptyTextError("no text to analyse")
    analyser = kiwi()
    sentences: list[Sentence] = []
    # one call per paragraph: Kiwi's batch form needs a thread pool, which we avoid (see kiwi())
    for number, (offset, paragraph) in enumerate(paragraphs):
        for raw in analyser.split_into_sents(paragraph, return_tokens=True):
            sentences.append(_sentence(len(sentences), raw, offset, number, text))
    return Analysis(text=text, sentences=tuple(sentences))


def _sentence(index: int, raw: Any, offset: int, paragraph: int, text: str) -> Sentence:
    start, end = offset + raw.start, offset + raw.end
    morphemes = tuple(
        Morpheme(t.form, t.tag, offset + t.start, offset + t.start + t.len) for t in raw.tokens or ()
    )
    return Sentence(index, text[start:end], start, end, paragraph, morphemes)
