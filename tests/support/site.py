"""A loopback news site for crawl tests and the crawl benchmark: pages written here, served by a real
``ThreadingHTTPServer`` on 127.0.0.1, with every request logged.

Pages can carry an ETag / Last-Modified (answered with 304), fail a number of times with 500,
redirect, hang, or be huge. Nothing here touches the network beyond 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import html
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.support.pages import article_html

HANG_SECONDS = 30.0
CHUNK = 1 << 16


Route = tuple[int, dict[str, str], bytes]  # (status, headers, body)


@dataclass
class Reply:
    """What the site answers for one path (with its query)."""

    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: bool = False
    last_modified: float | None = None
    fail_first: int = 0  # answer 500 this many times first
    hang: bool = False
    size: int | None = None  # a body of this many bytes (not held in memory)
    make: Callable[[], Route] | None = None  # answer with what this returns, at request time


@dataclass(frozen=True)
class Hit:
    """One request the site received."""

    path: str
    status: int
    headers: dict[str, str]


class Site:
    """Pages by path; start() serves them on 127.0.0.1 and returns the base URL."""

    def __init__(self) -> None:
        self.pages: dict[str, Reply] = {}
        self.hits: list[Hit] = []
        self.tries: Counter[str] = Counter()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.base = ""

    def add(self, path: str, body: bytes | str = b"", **options: Any) -> None:
        """Serve `body` at `path` (text is UTF-8 encoded) with the Reply options given."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = Reply(body=data, **options)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def port(self) -> int:
        return int(self.base.rsplit(":", 1)[1])

    @property
    def requests(self) -> list[tuple[str, str]]:
        """(path, Host header) of every request so far."""
        with self.lock:
            return [(h.path, h.headers.get("Host", "")) for h in self.hits]

    def start(self) -> str:
        site = self

        class Handler(_Handler):
            pass

        Handler.site = site
        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, name="loopback-site", daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        return self.base

    def stop(self) -> None:
        self.stopping.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def requests_for(self, path: str, since: int = 0) -> list[Hit]:
        """Requests for `path` logged from index `since` on."""
        with self.lock:
            return [h for h in self.hits[since:] if h.path == path]

    def mark(self) -> int:
        """The current length of the request log (to look at later requests only)."""
        with self.lock:
            return len(self.hits)


@contextmanager
def loopback_site(routes: Mapping[str, Route | Callable[[], Route]]) -> Iterator[Site]:
    """Serve fixed `routes` (path → (status, headers, body), or a callable making one) for a block."""
    site = Site()
    for path, route in routes.items():
        if callable(route):
            site.pages[path] = Reply(make=route, content_type=None)
        else:
            status, headers, body = route
            site.pages[path] = Reply(body=body, status=status, headers=dict(headers), content_type=None)
    site.start()
    try:
        yield site
    finally:
        site.stop()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that hang up on the huge or hanging pages are expected: no tracebacks."""


class _Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""

    def do_GET(self) -> None:
        site = self.site
        reply = site.pages.get(self.path)
        headers = {k: v for k, v in self.headers.items()}
        if reply is None:
            return self._send(site, 404, b"<html><body>not found</body></html>", "text/html", headers)
        if reply.make is not None:
            status, extra, body = reply.make()
            return self._send(site, status, body, None, headers, extra)
        with site.lock:
            site.tries[self.path] += 1
            tries = site.tries[self.path]
        if reply.hang:
            site.hits.append(Hit(self.path, 0, headers))
            site.stopping.wait(HANG_SECONDS)
            return None
        if tries <= reply.fail_first:
            return self._send(site, 500, b"<html><body>server error</body></html>", "text/html", headers)
        if reply.size is not None:
            return self._send_big(site, reply, headers)
        if self._not_modified(reply):
            return self._send(site, 304, b"", None, headers, self._validators(reply))
        extra = dict(reply.headers, **self._validators(reply))
        return self._send(site, reply.status, reply.body, reply.content_type, headers, extra)

    def _validators(self, reply: Reply) -> dict[str, str]:
        found: dict[str, str] = {}
        if reply.etag:
            found["ETag"] = '"' + hashlib.sha1(reply.body).hexdigest()[:16] + '"'
        if reply.last_modified is not None:
            found["Last-Modified"] = formatdate(reply.last_modified, usegmt=True)
        return found

    def _not_modified(self, reply: Reply) -> bool:
        validators = self._validators(reply)
        if "ETag" in validators and self.headers.get("If-None-Match"):
            return self.headers["If-None-Match"] == validators["ETag"]
        if "Last-Modified" in validators and self.headers.get("If-Modified-Since"):
            return self.headers["If-Modified-Since"] == validators["Last-Modified"]
        return False

    def _send(
        self,
        site: Site,
        status: int,
        body: bytes,
        content_type: str | None,
        seen: dict[str, str],
        extra: dict[str, str] | None = None,
    ) -> None:
        with site.lock:
            site.hits.append(Hit(self.path, status, seen))
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _send_big(self, site: Site, reply: Reply, seen: dict[str, str]) -> None:
        assert reply.size is not None
        with site.lock:
            site.hits.append(Hit(self.path, 200, seen))
        self.send_response(200)
        self.send_header("Content-Type", reply.content_type or "text/html")
        self.send_header("Content-Length", str(reply.size))
        self.end_headers()
        chunk = b"<p>" + b"x" * (CHUNK - 7) + b"</p>\n"
        sent = 0
        while sent < reply.size and not site.stopping.is_set():
            part = chunk[: reply.size - sent]
            self.wfile.write(part)
            sent += len(part)


# --- pages ---------------------------------------------------------------------------------------


def listing_page(title: str, links: Sequence[tuple[str, str]], next_href: str | None = None) -> str:
    """A list page: article links in ``ul.board_list``, and an ``a.next`` link when there is one."""
    items = "\n".join(
        f'<li><a href="{html.escape(href)}"><strong>{html.escape(text)}</strong></a>'
        '<span class="date">2025.05.03</span></li>'
        for href, text in links
    )
    pager = (
        f'<div class="paging"><a class="next" href="{html.escape(next_href)}">다음</a></div>'
        if next_href
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body><div id="header"><a href="/">홈</a> <a href="/about.html">소개</a></div>
<h2>{html.escape(title)}</h2>
<ul class="board_list">
{items}
</ul>
{pager}
</body></html>
"""


def rss_feed(base: str, items: Sequence[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (link, title, RFC 822 date) items."""
    body = "\n".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link><pubDate>{d}</pubDate>"
        f"<dc:creator>정책브리핑</dc:creator></item>"
        for link, t, d in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>정책뉴스</title><link>{base}/</link><description>정책브리핑 정책뉴스</description>
<atom:link href="{base}/feeds/rss.xml" rel="self" type="application/rss+xml"/>
{body}
</channel></rss>
"""


def atom_feed(base: str, entries: Sequence[tuple[str, str, str]]) -> str:
    """An Atom feed of (link, title, ISO date) entries."""
    body = "\n".join(
        f'<entry><title>{html.escape(t)}</title><link rel="alternate" href="{html.escape(link)}"/>'
        f"<id>{html.escape(link)}</id><updated>{d}</updated></entry>"
        for link, t, d in entries
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>보도자료</title><id>{base}/</id>
<updated>2025-05-03T15:12:00+09:00</updated>
<link rel="self" href="{base}/feeds/atom.xml"/>
{body}
</feed>
"""


def sitemap_index(locs: Sequence[str]) -> str:
    items = "\n".join(f"<sitemap><loc>{html.escape(u)}</loc></sitemap>" for u in locs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{items}
</sitemapindex>
"""


def news_sitemap(entries: Sequence[tuple[str, str]]) -> str:
    """A Google news sitemap of (loc, ISO publication date) entries."""
    items = "\n".join(
        f"<url><loc>{html.escape(u)}</loc><news:news><news:publication><news:name>정책브리핑</news:name>"
        f"<news:language>ko</news:language></news:publication><news:publication_date>{d}</news:publication_date>"
        f"<news:title>정책 소식</news:title></news:news></url>"
        for u, d in entries
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{items}
</urlset>
"""


def plain_sitemap(locs: Sequence[str]) -> str:
    items = "\n".join(f"<url><loc>{html.escape(u)}</loc><lastmod>2025-05-01</lastmod></url>" for u in locs)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{items}
</urlset>
"""


PRESS_QUERY = "&pageIndex=1&repCodeType=&repCode=&startDate=2025-01-07&endDate=2026-01-07&srchWord=&period="


def press_release_path(news_id: int) -> str:
    """The path (with query) a press-release list links to, as the browser would request it."""
    return f"/briefing/pressReleaseView.do?newsId={news_id}{PRESS_QUERY}"


def press_release_list(news_ids: Sequence[int]) -> str:
    """A list page shaped like 정책브리핑's 보도자료 list: ``pressReleaseView.do?newsId=…`` links."""
    query = html.escape(PRESS_QUERY)
    items = "\n".join(
        f"""<li>
<a href="/briefing/pressReleaseView.do?newsId={news_id}{query}">
<span class="text"><strong>{html.escape(PRESS_TITLES[i % len(PRESS_TITLES)])} ({i + 1})</strong>
<span class="lead is-truncated">{html.escape(PRESS_LEADS[i % len(PRESS_LEADS)])}···</span>
<span class="source"><span>2026.01.07</span><span>{PRESS_DEPTS[i % len(PRESS_DEPTS)]}</span></span></span>
</a>
</li>"""
        for i, news_id in enumerate(news_ids)
    )
    pages = "".join(
        f'<span class="num"><a href="#pageLink" onclick="pageLink({n}); return false;" '
        f'title="{n}페이지">{n}</a></span>'
        for n in range(2, 11)
    )
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="UTF-8"><title>보도자료 | 브리핑룸 | 대한민국 정책브리핑</title></head>
<body>
<div id="header"><h1><a href="/">대한민국 정책브리핑</a></h1>
<ul class="gnb"><li><a href="/news/policyNewsList.do">뉴스</a></li>
<li><a href="/briefing/pressReleaseList.do">브리핑룸</a></li>
<li><a href="/etc/rss.do">RSS</a></li></ul></div>
<div class="sub_contents"><h2 class="page_title">보도자료</h2>
<div class="list_type"><ul>
{items}
</ul></div>
<div class="paging"><a class="first" href="#pageLink" onclick="pageLink(1); return false;">처음</a>
<span class="num on"><a href="#pageLink" class="on" title="현재페이지">1</a></span>{pages}
<a class="next" href="#pageLink" onclick="pageLink(11); return false;">다음</a></div>
</div>
<div id="footer">대한민국 정책브리핑 · 문화체육관광부 국민소통실</div>
</body></html>
"""


PRESS_TITLES = [
    "고용노동부, 울산 남구 고용위기 선제대응지역 신규 지정",
    "보건복지부, 겨울철 취약계층 난방비 지원 확대",
    "교육부, 늘봄학교 운영 현장 점검 결과 발표",
    "국토교통부, 수도권 광역버스 노선 12개 신설",
    "행정안전부, 지방자치단체 재난안전 대응체계 점검",
    "기획재정부, 2026년 상반기 재정 신속집행 계획 확정",
    "환경부, 미세먼지 계절관리제 시행 상황 점검",
]
PRESS_LEADS = [
    "- 석유화학 밀집 지역 3개 지역 모두 고용안정 집중 지원 -",
    "- 에너지바우처 지원 단가 인상, 신청 기간 연장 -",
    "- 전국 초등학교 1·2학년 희망 학생 모두 참여 -",
]
PRESS_DEPTS = ["고용노동부", "보건복지부", "교육부", "국토교통부", "행정안전부", "기획재정부", "환경부"]

# Korean policy prose for test articles; each article takes 6 sentences.
TOPICS: dict[str, tuple[str, list[str]]] = {
    "care": ("아이돌봄 서비스 지원 대상 확대", [
        "여성가족부는 내년부터 아이돌봄 서비스 지원 대상을 중위소득 200% 이하 가구로 넓힌다고 밝혔다.",
        "지금까지는 중위소득 150% 이하 가구만 정부 지원을 받을 수 있었다.",
        "이번 확대로 맞벌이 가구 약 3만 가구가 새로 지원을 받을 것으로 보인다.",
        "정부는 돌보미 인력을 늘리기 위해 돌보미 수당도 시간당 500원 올리기로 했다.",
        "신청은 주소지 읍면동 행정복지센터나 복지로 누리집에서 할 수 있다.",
        "여성가족부 관계자는 부모들이 안심하고 일할 수 있도록 돌봄 공백을 줄이겠다고 말했다.",
    ]),
    "bus": ("광역버스 출퇴근 노선 12개 신설", [
        "국토교통부는 수도권 출퇴근 불편을 줄이기 위해 광역버스 노선 12개를 새로 만든다고 밝혔다.",
        "새 노선은 경기 남부와 서울 도심을 잇는 구간에 집중적으로 배치된다.",
        "출퇴근 시간대에는 배차 간격을 10분 이내로 줄여 대기 시간을 단축한다.",
        "정부는 차량 구입비와 운영비 일부를 지방자치단체와 함께 부담하기로 했다.",
        "노선별 운행 시작일은 다음 달 중 각 지방자치단체 누리집에 공개된다.",
        "국토교통부는 이용 실적을 분석해 하반기에 추가 노선도 검토할 계획이다.",
    ]),
    "meals": ("초등학교 무상급식 식재료 단가 인상", [
        "교육부는 새 학기부터 초등학교 급식 식재료 단가를 평균 8% 올린다고 밝혔다.",
        "최근 농산물 가격이 크게 오르면서 급식의 질이 떨어졌다는 지적이 이어졌기 때문이다.",
        "인상분은 교육청과 지방자치단체가 절반씩 나누어 부담한다.",
        "학교는 늘어난 예산을 친환경 농산물과 지역 식재료 구입에 우선 쓰게 된다.",
        "교육부는 학부모 모니터링단을 꾸려 급식 운영 상황을 정기적으로 점검할 예정이다.",
        "교육부 관계자는 아이들이 건강한 한 끼를 먹을 수 있도록 지원을 아끼지 않겠다고 말했다.",
    ]),
    "jobs": ("청년 일경험 지원사업 참여자 모집", [
        "고용노동부는 청년 일경험 지원사업에 참여할 청년 5만 명을 모집한다고 밝혔다.",
        "참여 청년은 기업에서 최대 6개월 동안 직무 경험을 쌓고 참여 수당을 받는다.",
        "참여 기업에는 청년 1명당 월 최대 80만 원의 운영 지원금이 지급된다.",
        "올해는 인공지능과 반도체 등 신산업 분야 일자리를 크게 늘렸다.",
        "신청은 고용24 누리집에서 이달 말까지 받는다.",
        "고용노동부 장관은 청년들이 실제 일터에서 경력을 쌓을 기회를 넓히겠다고 말했다.",
    ]),
    "heat": ("취약계층 겨울철 난방비 지원 확대", [
        "보건복지부는 올겨울 취약계층 난방비 지원을 가구당 평균 10만 원 늘린다고 밝혔다.",
        "지원 대상은 기초생활수급 가구와 차상위 계층 등 약 120만 가구다.",
        "에너지바우처 지원 단가도 함께 올라 가스와 등유 구입 부담이 줄어들 전망이다.",
        "신청하지 않은 가구를 찾기 위해 읍면동 공무원이 직접 방문 상담에 나선다.",
        "정부는 한파 특보가 내려지면 독거노인 안부 확인도 매일 실시하기로 했다.",
        "보건복지부 관계자는 난방비 걱정 없이 겨울을 날 수 있도록 빈틈없이 살피겠다고 말했다.",
    ]),
    "trail": ("국유림 등산로 안전시설 정비", [
        "산림청은 가을철 등산객이 늘어남에 따라 주요 등산로의 안전시설을 새로 정비한다고 밝혔다.",
        "정비 대상은 전국 국유림 등산로 120곳이며, 낡은 난간과 계단, 안내판을 차례로 교체한다.",
        "산림청은 정비가 끝난 구간부터 순차적으로 개방하고 공사 기간에는 우회로를 안내할 예정이다.",
        "등산객은 산림청 누리집에서 구간별 공사 일정과 우회로 정보를 확인할 수 있다.",
        "산림청은 등산로 입구마다 응급 구조 위치 표지판도 새로 설치한다.",
        "산림청 관계자는 안전한 산행 문화를 만들기 위해 시설 관리에 힘쓰겠다고 말했다.",
    ]),
    "seoul": ("서울시, 똠양꿍 축제 열고 다문화 가정 초청", [
        "서울시는 이번 주말 광화문광장에서 세계 음식 축제를 열고 다문화 가정을 초청한다고 밝혔다.",
        "축제에서는 똠양꿍과 쌀국수 등 여러 나라 음식을 맛볼 수 있는 부스 40곳이 운영된다.",
        "다문화 가정 어린이를 위한 전통 놀이 체험과 공연도 함께 마련됐다.",
        "서울시는 축제 수익금 전액을 다문화 가정 자녀 장학금으로 기부할 계획이다.",
        "행사장 주변 도로는 토요일 오전부터 일요일 밤까지 차량 통행이 제한된다.",
        "서울시 관계자는 시민 모두가 어울리는 축제가 되도록 준비했다고 말했다.",
    ]),
}  # fmt: skip


def topic_article(topic: str, variant: int = 0, charset: str = "utf-8", extra: str = "") -> bytes:
    """An article page on one of TOPICS; `variant` rotates the sentences, `extra` adds a second one."""
    title, sentences = TOPICS[topic]
    shift = variant % len(sentences)
    body = sentences[shift:] + sentences[:shift]
    if extra:
        body.insert(1, extra)
    return article_html(
        f"{title}" + (f" ({variant})" if variant else ""), body, charset=charset, layout="government"
    )


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
