"""A city's news board on the loopback site, before and after a template change (source health)."""

from __future__ import annotations

import html
import socket

from tests.support.site import TOPICS, Site, listing_page

TOPIC_NAMES = list(TOPICS)
FIRST, SECOND = range(0, 6), range(6, 12)
DRIFTS = ("titles", "dates", "body")


def article(layout: str, k: int) -> bytes:
    """An article of a city's news board; `layout` is ``v1`` or the template change it went through.

    titles: the headline became an image with no words for it (an empty ``alt``) and ``<title>`` the
    board's name;
    dates: the 등록일 line is gone; body: the body container was renamed and its text moved into an
    iframe, leaving only the lead on the page.
    """
    title = f"{TOPICS[TOPIC_NAMES[k % 7]][0]} ({k})"
    sentences = TOPICS[TOPIC_NAMES[k % 7]][1] + TOPICS[TOPIC_NAMES[(k + 1) % 7]][1]
    paragraphs = "".join(f"<p>{html.escape(s)}</p>" for s in sentences)
    head = f"<title>{html.escape(title)} | 새벽시 소식</title>"
    top = f'<h3 class="view_title">{html.escape(title)}</h3>'
    date = f'<p class="view_date">등록일 2025.05.{k % 28 + 1:02d} 10:00</p>'
    body = f'<div id="view_body">{paragraphs}</div>'
    if layout == "titles":
        head = "<title>새벽시 소식</title>"
        top = f'<div class="subject_v2"><img src="/img/title-{k}.png" alt=""></div>'
    elif layout == "dates":
        date = ""
    elif layout == "body":
        lead = html.escape(sentences[0])
        frame = f'<iframe src="/frame/{k}.html" title="본문"></iframe>'
        body = f'<div class="news_txt_v2"><p>{lead}</p>{frame}</div>'
    return f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">{head}</head><body>
<div id="header"><a href="/">새벽시</a> <a href="/news/">시정소식</a></div>
<div class="view">{top}{date}{body}</div>
<div id="footer">새벽시청 · 대표전화 123-4567</div></body></html>""".encode()


def publish(site: Site, name: str, layout: str, ks: range) -> None:
    """The board `name` lists articles `ks`, written in `layout` (validators, so a re-crawl gets 304)."""
    links = [(f"/{name}/a{k}.html", f"소식 {k}") for k in ks]
    site.add(f"/{name}/list.html", listing_page("시정소식", links))
    for k in ks:
        site.add(f"/{name}/a{k}.html", article(layout, k), etag=True)


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
