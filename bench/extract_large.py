"""Extraction time on large generated pages: every step must be linear in the page size.

Generates pages of several shapes (many Korean paragraphs in many nested divs, one huge text node,
a page of 100k-style links, deep nesting) at 1, 5 and 20 MB, extracts each with ``extract_page``
and prints seconds per MB and the 20 MB / 1 MB time ratio (≈20 when linear). A page may also be
refused with ``EmptyPageError``; the reason is printed. Not a timed test.

Usage: ``python bench/extract_large.py [--quick] [--shape NAME] [--profile]`` (``--quick``: 1 and 5 MB).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlp import EmptyPageError
from nlp.extract import extract_page

MB = 1 << 20
SENTENCE = (
    "정부는 오늘 지역 균형 발전을 위한 새로운 정책 방안을 발표했으며 관계 부처와 협의를 이어갈 계획이다. "
)
HEAD = (
    "<html><head><meta charset='utf-8'><title>대용량 시험 기사 제목입니다</title></head><body>"
    "<h1>대용량 시험 기사 제목입니다</h1><div class='info'>입력 2024.05.03 15:12</div>"
)
TAIL = "</body></html>"


def paragraphs(size: int) -> str:
    """Many Korean paragraphs, ten per div, in an article."""
    parts = [HEAD, "<article>"]
    total = len(HEAD.encode())
    n = 0
    while total < size:
        chunk = (
            f"<div class='sec{n % 7}'><p>{n}번째 문단. {SENTENCE * 3}</p>"
            + "".join(f"<p>{SENTENCE * 2}{n}-{i}</p>" for i in range(9))
            + "</div>"
        )
        parts.append(chunk)
        total += len(chunk.encode())
        n += 1
    return "".join(parts) + "</article>" + TAIL


def same_lines(size: int) -> str:
    """The same paragraph over and over (every text node holds the body's first line)."""
    para = f"<div><p>{SENTENCE * 2}</p></div>"
    return HEAD + "<article>" + para * max(1, size // len(para.encode())) + "</article>" + TAIL


def one_node(size: int) -> str:
    """One huge text node."""
    count = max(1, size // len(SENTENCE.encode()))
    return HEAD + "<article><p>" + SENTENCE * count + "</p></article>" + TAIL


def links(size: int) -> str:
    """A page of links (a huge index) with a short article."""
    parts = [HEAD, "<article><p>", SENTENCE * 5, "</p></article><ul>"]
    total = sum(len(p.encode()) for p in parts)
    n = 0
    while total < size:
        item = f"<li><a href='/news/articleView.html?idxno={n}'>{n}번 기사 제목 정책 발표 소식</a></li>"
        parts.append(item)
        total += len(item.encode())
        n += 1
    return "".join(parts) + "</ul>" + TAIL


def deep(size: int) -> str:
    """Deeply nested divs (a few thousand levels), each with a paragraph, repeated to the size."""
    block_parts: list[str] = []
    depth = 2000
    for i in range(depth):
        block_parts.append(f"<div><p>{i} {SENTENCE}</p>")
    block = "".join(block_parts) + "</div>" * depth
    count = max(1, size // len(block.encode()))
    return HEAD + "<article>" + block * count + "</article>" + TAIL


SHAPES: dict[str, Callable[[int], str]] = {
    "paragraphs": paragraphs, "same-lines": same_lines, "one-node": one_node, "links": links, "deep": deep,
}  # fmt: skip


def run(page: bytes) -> tuple[float, str]:
    """CPU seconds to extract ``page`` (wall time suffers when other processes share the machine)
    and what came out."""
    start = time.process_time()
    try:
        result = extract_page(page, "https://example.test/news/1", "utf-8")
        outcome = f"{result.kind}, body {len(result.body)} chars"
    except EmptyPageError as error:
        outcome = f"refused: {error}"
    return time.process_time() - start, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 and 5 MB only")
    parser.add_argument(
        "--shape", choices=sorted(SHAPES), action="append", help="shapes to run (default all)"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the largest size of each shape")
    args = parser.parse_args()
    sizes = (1, 5) if args.quick else (1, 5, 20)
    for name in args.shape or list(SHAPES):
        times: dict[int, float] = {}
        for mb in sizes:
            page = SHAPES[name](mb * MB).encode()
            if args.profile and mb == sizes[-1]:
                profile = cProfile.Profile()
                profile.enable()
            seconds, outcome = run(page)
            if args.profile and mb == sizes[-1]:
                profile.disable()
                pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
            times[mb] = seconds
            size = len(page) / MB
            print(f"{name:10} {size:6.1f} MB {seconds:7.2f} s CPU {seconds / size:6.3f} s/MB  {outcome[:90]}")
        ratio = times[sizes[-1]] / max(times[sizes[0]], 1e-6)
        print(
            f"{name:10} ratio {sizes[-1]}MB/{sizes[0]}MB = {ratio:.1f} (linear ≈ {sizes[-1] / sizes[0]:.0f})"
        )


if __name__ == "__main__":
    main()
