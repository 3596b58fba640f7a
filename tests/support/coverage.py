"""A press release and three outlets' versions of it, served from a loopback site and crawled.

The outlets retell the release in different ways: 한빛일보 copies five sentences (changing one
figure) and adds a critic's line; 바른뉴스 rewords two, copies three (one with another ending) and
adds local numbers;
오늘경제, two days late, copies four (changing the budget) and adds an expert's line and a rural one
without naming the ministry. ``EXPECTED`` says what alignment must find.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from crawler.runner import crawl_source
from newsdesk.settings import Settings
from store.db import Database
from tests.support.pages import article_html
from tests.support.site import Site, rss_feed

RELEASE_SOURCE = "보건복지부"
RELEASE = [
    "보건복지부는 올겨울 취약계층 난방비 지원을 가구당 평균 10만 원 늘린다고 3일 밝혔다.",
    "지원 대상은 기초생활수급 가구와 차상위 계층 등 약 120만 가구다.",
    "에너지바우처 지원 단가도 함께 올라 가스와 등유 구입 부담이 줄어들 전망이다.",
    "신청하지 않은 가구를 찾기 위해 읍면동 공무원이 직접 방문 상담에 나선다.",
    "정부는 한파 특보가 내려지면 독거노인 안부 확인도 매일 실시하기로 했다.",
    "올해 난방비 지원 예산은 모두 3,200억 원으로 지난해보다 15% 늘었다.",
    "신청은 다음 달 31일까지 주소지 행정복지센터나 복지로 누리집에서 받는다.",
    "보건복지부 관계자는 난방비 걱정 없이 겨울을 날 수 있도록 빈틈없이 살피겠다고 말했다.",
]
CRITIC = "시민단체는 지원 대상이 여전히 좁다며 소득 기준을 더 넓혀야 한다고 지적했다."
LOCAL = "서울 지역에서는 약 8만 가구가 이번 지원을 새로 받을 것으로 보인다."
EXPERT = "전문가들은 에너지 가격이 계속 오르는 만큼 지원을 상시화해야 한다고 조언했다."
RURAL = "등유를 쓰는 농촌 가구는 체감 효과가 더 클 것으로 보인다."
REVISED = "한빛일보 취재 결과 일부 지역은 아직 방문 상담 인력을 뽑지 못한 것으로 확인됐다."


@dataclass(frozen=True)
class Outlet:
    name: str
    path: str
    title: str
    published: str
    paragraphs: list[str]


OUTLETS = [
    Outlet(
        "한빛일보",
        "/hanbit/heat.html",
        "취약계층 난방비 가구당 10만 원 더 준다",
        "2025-05-03T15:40:00+09:00",
        [RELEASE[0], RELEASE[1].replace("120만", "130만"), RELEASE[2], CRITIC, RELEASE[5], RELEASE[7]],
    ),
    Outlet(
        "바른뉴스",
        "/bareun/heat.html",
        "올겨울 난방비 지원 늘린다",
        "2025-05-03T18:12:00+09:00",
        [
            "정부가 올겨울 취약계층 가구의 난방비 지원을 평균 10만 원 늘리기로 했다고 "
            "보건복지부가 3일 밝혔다.",
            "읍면동 공무원이 신청하지 않은 가구를 직접 찾아가 방문 상담을 한다.",
            LOCAL,
            RELEASE[6],
            RELEASE[2],
            RELEASE[7].replace("빈틈없이 살피겠다고", "빈틈없이 살피겠다"),
        ],
    ),
    Outlet(
        "오늘경제",
        "/today/heat.html",
        "난방비 예산 늘었지만",
        "2025-05-05T09:00:00+09:00",
        [RELEASE[4], RELEASE[5].replace("3,200억", "3,500억"), EXPERT, RELEASE[2], RURAL, RELEASE[6]],
    ),
]

# what each outlet kept of the release (sentence numbers), copied, edited and added, and changed
EXPECTED = {
    "한빛일보": {
        "kept": {0, 1, 2, 5, 7},
        "copied": 5,
        "edited": 0,
        "added": [CRITIC],
        "best": CRITIC,
        "figures": [("120만 가구", "130만 가구")],
        "names_source": "보건복지부",
        "lag": 28,
    },
    "바른뉴스": {
        "kept": {0, 2, 3, 6, 7},
        "copied": 3,
        "edited": 2,
        "added": [LOCAL],
        "best": LOCAL,
        "figures": [],
        "names_source": "보건복지부",
        "lag": 180,
    },
    "오늘경제": {
        "kept": {2, 4, 5, 6},
        "copied": 4,
        "edited": 0,
        "added": [EXPERT, RURAL],
        "best": RURAL,  # the added line with the most content the release lacks (농촌, 체감, 효과…)
        "figures": [("3,200억 원", "3,500억 원")],
        "names_source": None,
        "lag": 2 * 24 * 60 - 6 * 60 - 12,
    },
}

SOURCES = """
[crawler]
contact = "coverage-tests@example.org"
download_timeout = 3.0
retry_times = 1
backoff = 0.05
backoff_max = 0.2
revisit_hours = 24
"""


def outlet_page(outlet: Outlet, extra: str | None = None) -> bytes:
    """The outlet's article page (with one more paragraph at the end: its revision)."""
    paragraphs = [*outlet.paragraphs, extra] if extra else outlet.paragraphs
    return article_html(outlet.title, paragraphs, published=outlet.published, modified=None, site=outlet.name)


def build(site: Site) -> None:
    """The release on a ministry's pages and each outlet's article, each behind its own RSS feed."""
    base = site.base
    site.add(
        "/mohw/release.html",
        article_html(
            "취약계층 겨울철 난방비 지원 확대",
            RELEASE,
            layout="government",
            published="2025.05.03. 오후 3:12",
            site=RELEASE_SOURCE,
            department="기초생활보장과",
        ),
    )
    feeds = [("release", "/mohw/release.html", "Sat, 03 May 2025 15:12:00 +0900")]
    feeds += [(o.name, o.path, "Sat, 03 May 2025 15:40:00 +0900") for o in OUTLETS]
    for name, path, date in feeds:
        feed = rss_feed(base, [(f"{base}{path}", name, date)])
        site.add(f"/feeds/{path.strip('/').split('/')[0]}.xml", feed, content_type="application/rss+xml")


def sources_text(base: str) -> str:
    names = [(RELEASE_SOURCE, "mohw"), *[(o.name, o.path.strip("/").split("/")[0]) for o in OUTLETS]]
    return SOURCES + "".join(
        f'\n[[source]]\nname = "{name}"\nkind = "feed"\nstart_urls = ["{base}/feeds/{feed}.xml"]\n'
        f'allowed_domains = ["127.0.0.1"]\ncategory = "복지"\nschedule = "0 * * * *"\ndelay = 0\n'
        for name, feed in names
    )


@dataclass
class StoryWorld:
    site: Site
    settings: Settings
    db: Database


@contextmanager
def crawled_story(folder: Path) -> Iterator[StoryWorld]:
    """The site served and every source crawled, the release first, into a SQLite file."""
    site = Site()
    site.start()
    for outlet in OUTLETS:
        site.add(outlet.path, outlet_page(outlet))
    build(site)
    path = folder / "sources.toml"
    path.write_text(sources_text(site.base), encoding="utf-8")
    settings = Settings(
        data_dir=folder, database_url=f"sqlite:///{folder / 'story.db'}", broker_url="memory://", sources=path
    )
    db = Database(settings.database_url)
    try:
        for name in (RELEASE_SOURCE, *(o.name for o in OUTLETS)):
            summary = crawl_source(settings, name)
            assert summary.new == 1, (name, summary)
        yield StoryWorld(site, settings, db)
    finally:
        db.dispose()
        site.stop()
