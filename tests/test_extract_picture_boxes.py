"""A picture set in a box of its own with one short line under it: the line is its caption, no
part of the text, though nothing names it (hashed or utility classes, no ▲, no credit). Two
made-up templates: a utility-class (Tailwind-like) page and a styled-components page with a lazy
image and its ``<noscript>`` copy. A photo story's longer text beside its picture stays.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nlp.extract import extract_page

TITLE = "국민연금 보험료율 13%로…국회 본회의 통과"
LINES = [
    "국회는 20일 본회의를 열어 국민연금 보험료율을 9%에서 13%로 올리는 개정안을 통과시켰다.",
    "보험료율은 내년부터 해마다 0.5%포인트씩 8년에 걸쳐 오른다.",
    "정부는 이번 개혁으로 기금 소진 시점이 8년가량 늦춰질 것으로 추산했다.",
]
CAPTION = "국회 본회의장 전경."


def utility_page(caption: str, lines: list[str]) -> str:
    text = "".join(f'<p class="mb-6 leading-8">{line}</p>' for line in lines)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE} | 더폴리시</title></head><body>
<div class="mx-auto max-w-3xl"><h1 class="text-3xl font-bold">{TITLE}</h1>
<time class="text-sm text-gray-500" datetime="2025-03-20T15:00:00+09:00">2025.03.20 15:00</time>
<div class="my-6"><img alt="" loading="lazy" src="/_next/image?url=%2Fa.jpg"/>
<p class="mt-2 text-xs text-gray-500">{caption}</p></div><div>{text}</div></div></body></html>"""


def styled_page(caption: str, lines: list[str]) -> str:
    text = "".join(f"<p class=sc-f6>{line}</p>" for line in lines)
    return f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="sc-a1"><h2 class="sc-b2">{TITLE}</h2>
<time datetime="2025-03-20T06:00:00.000Z">3시간 전</time></div>
<div class="sc-c3"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/a.webp" alt="">
<noscript><img src="/a.webp"></noscript><span class="sc-d4">{caption}</span></div>
<div class="sc-e5">{text}</div></body></html>"""


@pytest.mark.parametrize("template", [utility_page, styled_page])
def test_a_pictures_one_line_is_its_caption(template: Callable[[str, list[str]], str]) -> None:
    extracted = extract_page(template(CAPTION, LINES).encode())
    assert extracted.title == TITLE
    assert extracted.body.split("\n") == LINES


@pytest.mark.parametrize("template", [utility_page, styled_page])
def test_a_photo_storys_text_beside_its_picture_stays(template: Callable[[str, list[str]], str]) -> None:
    story = (
        "장마를 앞둔 20일 오전 국회 앞에서 구청 직원들이 빗물받이에 쌓인 낙엽과 쓰레기를 치우고 있다. "
        "구청은 이달 말까지 3천여 곳을 정비한다."
    )
    extracted = extract_page(template(story, []).encode())
    assert story in extracted.body
