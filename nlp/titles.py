"""Headlines without the site name: ``- 전남일보``, ``| 대한민국 정책브리핑``, ``< 정치 < 기사본문``."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable

MIN_TITLE_CHARS = 6
MAX_SITE_CHARS = 12
MAX_CMS_LINE_CHARS = 30
MAX_LABEL_WORDS = 3
MIN_HEAD_BEFORE_NAME = 8
MIN_NAME_CHARS = 3
MIN_SECTION_REST = 15
BAR_SEPARATORS = ("|", "｜", "ㅣ", "‖", "::")
SEPARATORS = r"\s[-–—―─|:·/«»＜＞]\s|\s?[|｜ㅣ‖]\s?|\s?::\s?|\s[<>]\s"
# Words that name a site, a section or a board rather than an article.
SITE_SUFFIX_RE = re.compile(
    r"(일보|신문|뉴스|닷컴|방송|경제|타임즈|타임스|투데이|미디어|저널|데일리|헤럴드|포스트|통신|"
    r"매거진|정책브리핑|브리핑|누리집|홈페이지|모바일|시청|군청|구청|도청|청|부|처|위원회|"
    r"매일|블로그|사이트|news|times|daily|herald|post|tv|ilbo|shinmun|sinmun|journal|press|tribune|\.com|\.kr|\.net)$",
    re.IGNORECASE,
)
SECTION_WORDS = frozenset(
    {
        "정치", "경제", "사회", "국제", "세계", "문화", "스포츠", "연예", "오피니언", "사설", "칼럼",
        "전국", "지역", "생활", "라이프", "과학", "IT", "IT/과학", "산업", "금융", "부동산", "증권",
        "기업", "교육", "건강", "여행", "국회", "정당", "북한", "행정", "기사본문", "본문", "기사",
        "뉴스", "보도자료", "상세", "상세보기", "기사보기", "뷰", "전체기사", "종합", "포토", "영상",
        "속보", "네이버", "다음", "news", "home", "홈",
    }
)  # fmt: skip
# Words a CMS puts in <title> and headings to name a page type or a board, never an article.
GENERIC_CMS_WORDS = frozenset(
    {
        "보도자료", "보도", "자료", "설명자료", "해명자료", "참고자료", "보도설명", "보도해명", "언론보도",
        "상세", "상세보기", "상세페이지", "상세내용", "내용", "내용보기", "글보기", "보기", "뷰", "목록",
        "리스트", "게시판", "게시물", "게시글", "상세조회", "알림", "알림마당", "알림판", "알림소식", "뉴스",
        "소식", "새소식",
        "뉴스소식", "뉴스룸", "공지", "공지사항", "브리핑", "브리핑룸", "홍보", "홍보마당", "홍보자료",
        "행정소식", "시정소식", "구정소식", "군정소식", "도정소식", "기관소식", "정책소식", "열린마당",
        "소통", "국민소통", "시민소통", "정보", "정보공개", "자료실", "본문", "기사", "기사본문", "기사보기",
        "전체", "전체기사", "최신", "최신뉴스", "홈", "메인", "home", "main", "news", "view", "detail",
        "list", "board", "article", "press", "release", "notice",
        # a party's or a council's boards: ``브리핑·논평 | 가온당``, ``의정소식 - 가온시의회``
        "논평", "성명", "성명서", "대변인", "의정소식", "의정활동",
    }
)  # fmt: skip
_CMS_LOWER = frozenset(w.lower() for w in GENERIC_CMS_WORDS)
# the page types that name a release itself (``[보도자료]``, ``[설명자료]``), never a headline's words
RELEASE_TYPES = frozenset(
    {"보도자료", "보도참고자료", "설명자료", "해명자료", "참고자료", "보도설명", "보도해명"}
)
_GENERIC_LOWER = _CMS_LOWER | frozenset(w.lower() for w in SECTION_WORDS)
_LATIN_NAME_RE = re.compile(r"[A-Za-z][A-Za-z.&'’]*(?:[ -][A-Za-z.&'’]+){0,5}")  # no digits: a name
_HANGUL_RE = re.compile(r"[가-힣]")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9]{2,5}(?:\s?(?:뉴스|NEWS|News|TV|방송))?")  # YTN, KBS 뉴스, MBN
_PLACE_RE = re.compile(
    r"[가-힣]{2,4}(?:특별시|광역시|특별자치시|특별자치도|시|군|구)"
    r"|(?:경기|강원|충청[남북]|전라[남북]|경상[남북]|제주|충[남북]|전[남북]|경[남북])도"
)
# the kinds of board a CMS names (a 브리핑 or an 알림 can be a headline's last word; these cannot)
BOARD_WORDS = frozenset(
    {"보도자료", "소식", "새소식", "게시판", "공지사항", "알림마당", "자료실", "설명자료", "해명자료"}
)
_BOARD_SUFFIXES = ("소식", "자료", "게시판", "공지사항", "보도자료", "알림마당")
_SEGMENT_SPLIT_RE = re.compile(rf"{SEPARATORS}|\s*[>›»<]\s*")
_TOKEN_SPLIT_RE = re.compile(r"[\s·,/()\[\]]+")
_BREADCRUMB_RE = re.compile(r"(?:\s*[>›»]\s*[^>›»]{1,20}){2,}$|^(?:[^>›»]{1,20}\s*[>›»]\s*){2,}")
_GLUED_SECTION_RE = re.compile(r"(?<=\S)[-–—]\s?([^\s\-–—]{1,8})$")
_MOBILE_RE = re.compile(r"\s*(?:모바일|모바일웹|mobile)$", re.IGNORECASE)
# Convention: a site's window title greets the visitor (``:: 가온군청에 오신 것을 환영합니다 ::``);
# a headline that reports a welcome names who welcomed whom (``…을 환영한다``).
_WELCOME_RE = re.compile(r"오신\s*것을\s*환영합니다|방문을\s*환영합니다|^\W*welcome\s+to\b", re.IGNORECASE)
_GENERIC_RE = re.compile(r"^(?:기사\s*)?(?:상세|상세보기|본문|보기|뷰|view|detail|목록|list)$", re.IGNORECASE)


MAX_STRIPS = 8  # site, slogan, section and page-type parts stripped one at a time


def clean_title(title: str | None, site_names: Iterable[str] = (), *, printed: bool = False) -> str | None:
    """The headline with site names, sections and breadcrumbs removed; ``None`` if nothing is left.

    ``printed``: the text is a heading the page prints, not a ``<title>`` or metadata title: a
    site's name after a mere space ends the headline itself there (``청년 축제 연 나래군``).
    """
    if not title:
        return None
    text = original = _undecorated(fold(htmllib.unescape(title)))
    sites = sorted({fold(s) for s in site_names if s and len(fold(s)) >= 2}, key=len, reverse=True)
    for _ in range(MAX_STRIPS):
        before = text
        # Convention: a CMS appends its name to a window title once (``제목 - 나래군``, ``제목 가온일보``);
        # after that strip, or in a printed heading, a name after a mere space is the headline's
        text = _strip_sites(text, sites, spaced=not printed and text == original)
        text = _strip_outlet_marks(text, sites)
        text = _strip_breadcrumb(text)
        text = _strip_edge_segments(text, sites)
        if text == before:
            break
    return text or None


def _undecorated(text: str) -> str:
    """``::가람뉴스::``, ``◆ 가람일보 ◆``, ``[가람뉴스]`` → the name inside.

    Convention: old sites set their window title between ornaments; a headline is never printed
    wrapped in matching ornaments as a whole (its bracket tag is followed by words: ``[포토] …``).
    """
    match = _DECORATED_RE.fullmatch(text)
    return fold(match.group(1) or match.group(2)) if match else text


_ORNAMENT = r"(?:::+|[◆◇■□★☆♣♠●○◎※~=]+)"
_DECORATED_RE = re.compile(rf"{_ORNAMENT}\s*([^\[\]]+?)\s*{_ORNAMENT}|\[\s*([^\[\]]+?)\s*\]")


def is_headline(title: str | None, site_names: Iterable[str] = (), min_chars: int = MIN_TITLE_CHARS) -> bool:
    """True when a cleaned title reads like an article headline, not a menu or a site name."""
    if not title or len(title.replace(" ", "")) < min_chars:
        return False
    if _BREADCRUMB_RE.search(title) or _GENERIC_RE.match(title) or is_generic_title(title, site_names):
        return False
    if _WELCOME_RE.search(title) or is_menu_path(title):
        return False
    squeezed = title.replace(" ", "")
    return all(squeezed != s.replace(" ", "") for s in site_names)


def box_heading_end(text: str) -> int:
    """Where a box's stock heading that opens ``text`` ends (0 when none does); ``text`` folded."""
    match = _BOX_HEADING_RE.match(text)
    return match.end() if match else 0


def is_box_heading(text: str) -> bool:
    """The heading of a box of other articles: ``이 기사와 관련된 기사``, ``많이 본 뉴스``, ``기자의 다른
    기사``, ``이 시각 주요뉴스``; never a headline, however near the text it sits."""
    return bool(_BOX_HEADING_RE.fullmatch(fold(text)))


# Convention: news pages head their related, most-read and latest boxes with these stock phrases
_BOX_HEADING_RE = re.compile(
    r"(?:AI\s*)?(?:이\s*기사와\s*)?(?:관련(?:된)?|연관|함께\s*(?:보면\s*좋은|읽으면\s*좋은|볼\s*만한)"
    r"|함께\s*(?:읽을|볼)(?:\s*[가-힣]{2,6})?|추천|최신|인기|주요|포토|"
    r"(?:함께\s*)?많이\s*(?:본|읽은|찾은)|오늘의(?:\s*(?:주요|인기))?|이\s*시각(?:\s*(?:주요|많이\s*본))?|[가-힣]{2,4}\s*기자의\s*다른|"
    r"기자의\s*다른|다른|지난|실시간(?:\s*인기)?|같은\s*(?:섹션|분야|카테고리)(?:\s*의)?|['‘\"“][^'’\"”]{1,20}['’\"”]\s*카테고리의\s*다른"
    # …a section's: ``경제·농업 다른기사``
    r"|[가-힣]{2,6}(?:[·/][가-힣]{2,6})?\s다른"
    r"|[가-힣]{2,4}\s*기자의)\s*(?:기사|뉴스|글|소식|포스트|칼럼)(?:\s*(?:보기|더\s?보기|목록|모음))?\s*[>+›]?"
    # …or a box of links out: ``관련 누리집``, ``관련 사이트``
    r"|관련\s*(?:누리집|사이트|홈페이지|링크)(?:\s*바로\s*가기)?",
)


def is_menu_path(title: str) -> bool:
    """``홍보센터 < 가온토지공사``: a menu path of names (one or two words each), not a headline.

    Convention: a CMS builds ``<title>`` from the menu path, from the page up to the site (``<``)
    or down (``>``); a headline before such a path is stripped first (``_strip_breadcrumb``), so what
    is left with the separator holds names only. Quotes keep a comparison (``‘국민 < 정당’``).
    """
    parts = _PATH_SPLIT_RE.split(title)
    if len(parts) < 2 or _QUOTES_RE.search(title):
        return False
    return all(0 < len(p.split()) <= 2 and len(p.replace(" ", "")) <= MAX_SITE_CHARS for p in parts)


_PATH_SPLIT_RE = re.compile(r"\s+[<>›»]\s+")


def is_generic_title(title: str, site_names: Iterable[str] = ()) -> bool:
    """True when ``title`` names a page type, a board, a section or a site rather than an article.

    ``보도자료 상세 | 알림``, ``고용노동부 > 뉴스·소식``, ``보도자료 | 브리핑룸 | 누리``: the <title>
    shape "page type | section | site" of a CMS. Without separators, a title is generic only when
    all its words are; with them, when every segment is generic or a site name, allowing one
    short unknown name (the site) at either end.
    """
    segments = split_segments(title)
    if not segments:
        return True
    if len(segments) == 1:
        one = segments[0]
        return (
            _generic_words(one)
            or is_board_label(one)
            or is_site_label(one)
            or bool(_ISSUE_NAME_RE.fullmatch(one))
        )
    sites = [fold(s) for s in site_names if s]
    others = [i for i, s in enumerate(segments) if not (_generic_words(s) or _is_site_or_section(s, sites))]
    if not others:
        return True
    if len(others) > 1 or others[0] not in (0, len(segments) - 1):
        return False
    name = segments[others[0]]
    return len(name.replace(" ", "")) <= MAX_SITE_CHARS and len(name.split()) <= 3


# Convention: a newsletter's or magazine's archive titles each page by its issue, a short name
# then the number (``미래세움 레터 Vol.42``, ``가람소식 제52호``, ``구정소식 2025년 3월호``)
_ISSUE_NAME_RE = re.compile(
    r"(?:\S+\s?){1,3}?\s?(?:vol\.?\s?\d{1,4}|no\.?\s?\d{1,4}|(?:통권\s?)?제?\s?\d{1,4}\s?호"
    r"|(?:19|20)\d{2}\s?년\s?\d{1,2}\s?월\s?호)",
    re.IGNORECASE,
)


def is_board_label(text: str) -> bool:
    """A board's name: a short owner name before a page-type word (``새벽군 보도자료``, ``시정 소식``).

    Convention: CMS boards are headed by the office's name and the board's kind; a headline
    does not end in a page-type word after one or two short words.
    """
    words = [w for w in _TOKEN_SPLIT_RE.split(text.lower()) if w]
    if len(words) == 1:  # written as one word: 기획행정소식, 시정홍보자료
        word = words[0]
        return len(word) <= MAX_SITE_CHARS and any(word.endswith(w) and word != w for w in _BOARD_SUFFIXES)
    if not 2 <= len(words) <= MAX_LABEL_WORDS or words[-1] not in BOARD_WORDS:
        return False
    return sum(len(w) for w in words[:-1]) <= MAX_SITE_CHARS


def is_site_label(text: str) -> bool:
    """A site naming itself: a short owner name before a word for a web site (``가온시 누리집``,
    ``한빛구청 홈페이지``, ``누리시청누리집``).

    Convention: Korean public bodies call their site 누리집 (or 홈페이지) after their own name, in
    ``<title>`` and ``og:title`` alike; a headline does not end in that word after one or two short
    words.
    """
    words = [w for w in _TOKEN_SPLIT_RE.split(text.lower()) if w]
    if len(words) == 1:
        word = words[0]
        owner = next((word[: -len(w)] for w in _SITE_WORDS if w != word and word.endswith(w)), "")
        return 0 < len(owner) <= MAX_SITE_CHARS
    if not 2 <= len(words) <= MAX_LABEL_WORDS or words[-1] not in _SITE_WORDS:
        return False
    return sum(len(w) for w in words[:-1]) <= MAX_SITE_CHARS


_SITE_WORDS = ("누리집", "홈페이지", "공식누리집", "공식홈페이지")


def split_segments(title: str) -> list[str]:
    """The parts of a title between separators (``|``, `` - ``, ``>``, ``::``, …)."""
    return [s.strip() for s in _SEGMENT_SPLIT_RE.split(fold(title)) if s and s.strip()]


def title_parts(title: str) -> list[str]:
    """The short parts of a title with separators: where a site puts its name, section or slogan
    (``제목 - 가온인사이트 - 시민과 함께``); ``[]`` for a title of one part."""
    segments = split_segments(title)
    if len(segments) < 2:
        return []
    return [s for s in dict.fromkeys(segments) if len(s) <= MAX_EDGE_CHARS]


MAX_EDGE_CHARS = 30  # a site's name, section or slogan; longer parts are headlines


def listing_title(raw: str | None, site_names: Iterable[str] = ()) -> str | None:
    """An index page's name: its first segment that is not a page-type word, else the site name."""
    if not raw:
        return None
    sites = [fold(s) for s in site_names if s]
    segments = [s for s in split_segments(htmllib.unescape(raw)) if not _generic_words(s, _CMS_LOWER)]
    named = [s for s in segments if all(s.replace(" ", "") != site.replace(" ", "") for site in sites)]
    return next(iter(named or segments), None) or next(iter(sites), None)


def is_section_name(text: str) -> bool:
    """A newspaper section's name alone: ``사회``, ``정치 > 국회``, ``IT/과학``.

    Convention: an article's header prints its section above the headline; before any body line
    such a text is that label. (Later in the body the same word can head a part of a digest.)
    """
    words = [w for w in _TOKEN_SPLIT_RE.split(text.lower().replace(">", " ")) if w]
    return 0 < len(text) <= MAX_CMS_LINE_CHARS and bool(words) and all(w in _SECTION_LOWER for w in words)


_SECTION_LOWER = frozenset(w.lower() for w in SECTION_WORDS)


def is_outlet_name(text: str) -> bool:
    """A short name made like a newspaper's or an office's (``가람일보``, ``누리뉴스``, ``한빛구청``).

    Convention: Korean outlets and offices name themselves with a kind word at the end (일보,
    신문, 뉴스, 방송, 시청, 구청 …); a name is short and has at most three words.
    """
    squeezed = text.replace(" ", "")
    return (
        MIN_NAME_CHARS <= len(squeezed) <= MAX_SITE_CHARS
        and len(text.split()) <= 3
        # from the second letter: a kind word alone (``[브리핑]``, ``[위원회]``) names no one
        and bool(SITE_SUFFIX_RE.search(squeezed, 1))
        and not _FORMAT_TAG_RE.match(squeezed)
    )


# Convention: a story's format is tagged with a medium word before 뉴스 or 브리핑 (``[카드뉴스]``,
# ``[포토뉴스]``, ``[영상뉴스]``, ``[그래픽뉴스]``): the headline keeps that tag like ``[포토]``; it names
# no outlet
_FORMAT_TAG_RE = re.compile(
    r"(?:카드|포토|사진|영상|동영상|그래픽|인포그래픽|오디오|숏폼|만화|웹툰)(?:뉴스|브리핑)$"
)


def is_page_label(text: str) -> bool:
    """An outlet's or office's name, a section's name or page-type words: what a page prints as a
    label over or beside an article, never its text."""
    return is_outlet_name(text) or is_section_name(text) or is_cms_words(text)


def is_cms_words(text: str) -> bool:
    """A short text made only of page-type words: ``보도자료``, ``보도자료 상세``, ``뉴스·소식``."""
    return 0 < len(text) <= MAX_CMS_LINE_CHARS and _generic_words(text, _CMS_LOWER)


def _generic_words(segment: str, vocabulary: frozenset[str] | None = None) -> bool:
    """All the words of ``segment`` are generic CMS (or section) words."""
    words = [w for w in _TOKEN_SPLIT_RE.split(segment.lower()) if w]
    known = _GENERIC_LOWER if vocabulary is None else vocabulary
    return all(w in known for w in words)


def fold(text: str) -> str:
    """Collapse whitespace (including no-break spaces) and trim."""
    return " ".join(text.split())  # the same as re.sub(r"\s+", " ", …).strip(), three times faster


def _strip_sites(text: str, sites: list[str], *, spaced: bool = True) -> str:
    """Remove a known site name at either end, with its separator (after the headline, a space is
    one when ``spaced``)."""
    for site in sites:
        sep = rf"\s*(?:{SEPARATORS}|\s)\s*" if spaced else rf"\s*(?:{SEPARATORS})\s*"
        tail = re.compile(rf"{sep}{re.escape(site)}(?:\s*모바일)?\s*$", re.IGNORECASE)
        # before the headline only with a separator: an office's or paper's name and a space open
        # its own headlines (``가람시 청년 월세 지원 확대``, ``가온일보 창간 30주년 기념식``)
        head = re.compile(rf"^{re.escape(site)}(?:\s*모바일)?\s*(?:{SEPARATORS})\s*", re.IGNORECASE)
        stripped = head.sub("", tail.sub("", text)).strip()
        if stripped and stripped != text:
            return stripped
    return text


def _strip_outlet_marks(text: str, sites: list[str]) -> str:
    """``[가온일보] 제목``, ``제목 《가온일보》``: an outlet's name in brackets before or after the
    headline, or a page type before it (``[보도자료] 제목``). A desk or section tag (``[단독]``,
    ``[포토]``, ``[사회]``) stays: pages print it in the headline too, and where they do not, the
    printed headline agrees with the tagged one (``nlp.headline``)."""
    for pattern in (_BRACKET_HEAD_RE, _BRACKET_TAIL_RE):
        match = pattern.search(text)
        name = match.group("name") if match else ""
        if match and (
            is_outlet_name(_unbracketed(name))
            or any(name.replace(" ", "") == x.replace(" ", "") for x in sites)
            # a board's page type, as ``보도자료 - 제목`` loses it: ``제목 (보도자료)``; before the
            # headline only a release's own type (``[보도자료] 제목``): a paper or a wire files
            # ``[알림] …`` and ``[게시판] …`` as such, and where only ``<title>`` carries such a tag,
            # the printed headline agrees without it (``nlp.headline``)
            or (
                is_cms_words(name) and (pattern is _BRACKET_TAIL_RE or name.replace(" ", "") in RELEASE_TYPES)
            )
        ):
            rest = (text[: match.start()] + text[match.end() :]).strip()
            if len(rest.replace(" ", "")) >= MIN_HEAD_BEFORE_NAME:
                return rest
    # a ministry files its releases' kinds in parentheses too: ``(참고자료) 제목``, ``(설명자료) 제목``
    match = _PAREN_HEAD_RE.match(text)
    if match and match.group("name").replace(" ", "") in RELEASE_TYPES:
        rest = text[match.end() :].strip()
        if len(rest.replace(" ", "")) >= MIN_HEAD_BEFORE_NAME:
            return rest
    return text


_BRACKET_HEAD_RE = re.compile(r"^\s*[\[【〔《〈<]\s*(?P<name>[^\]】〕》〉>]{1,20}?)\s*[\]】〕》〉>]\s*")
_PAREN_HEAD_RE = re.compile(r"^\s*\(\s*(?P<name>[^()]{1,10}?)\s*\)\s*")
# the tail also in parentheses (``제목 (가온일보)``), never a head: ``(사진)제목``, ``(종합)`` are no outlets
_BRACKET_TAIL_RE = re.compile(r"\s*[\[【〔《〈<(]\s*(?P<name>[^\]】〕》〉>()]{1,20}?)\s*[\]】〕》〉>)]\s*$")


def _strip_breadcrumb(text: str) -> str:
    """``제목 < 정치 < 기사본문`` → ``제목``; ``알림 > 뉴스 > 제목`` → ``제목``."""
    parts = [p.strip() for p in re.split(r"\s+<\s+", text) if p.strip()]
    if not parts:
        return text
    # a ``<`` inside a quotation compares (``‘국민 < 정당’ 논란``): the headline before a path is whole
    whole = len(parts[0].replace(" ", "")) >= MIN_HEAD_BEFORE_NAME and _quotes_closed(parts[0])
    if len(parts) >= 2 and all(len(p) <= 20 for p in parts[1:]) and whole:
        return parts[0]
    parts = [p.strip() for p in re.split(r"\s*[>›»]\s*", text) if p.strip()]
    if len(parts) >= 3 and all(len(p) <= 20 for p in parts[:-1]) and len(parts[-1]) > 20:
        return parts[-1]
    # Convention: a window title puts the article's section before it as a one-step path
    # (``사회 > 제목``); only a section's own name there, before a headline-length rest
    if len(parts) == 2 and is_section_name(parts[0]) and len(parts[1]) >= MIN_SECTION_REST:
        return parts[1]
    # Convention: a board CMS titles a post "subject > board" (GNU board's ``wr_subject > bo_subject``,
    # the site's name after it once stripped): a short name of one or two words after a spaced
    # ``>`` behind a headline-length subject is the board's
    if len(parts) == 2 and text.count(" > ") == 1 and is_board_after(parts[0], parts[1]):
        return parts[0]
    # ``제목 > 보도자료 > 알림소식 > 가온시``: the page's own name, then its menu path upwards to the
    # site. Every step after the headline is short, and most name a board, a section or the site.
    tail = parts[1:]
    if len(parts) >= 3 and all(len(p) <= 20 for p in tail) and len(parts[0]) >= MIN_HEAD_BEFORE_NAME:
        named = sum(_generic_words(p) or _is_site_or_section(p, []) or is_board_label(p) for p in tail)
        if 2 * named >= len(tail):
            return parts[0]
    # ``가람협동조합 > 공지사항 > 12월 정기 모임 안내``: the path downwards from the site, the post last
    head = parts[:-1]
    if len(parts) >= 3 and all(len(p) <= 20 for p in head) and len(parts[-1]) >= MIN_HEAD_BEFORE_NAME:
        named = sum(_generic_words(p) or _is_site_or_section(p, []) or is_board_label(p) for p in head)
        if 2 * named >= len(head):
            return parts[-1]
    return text


def is_board_after(head: str, name: str) -> bool:
    """``name`` reads as a board's name after the headline ``head`` (``지역소식``, ``재단 소식``)."""
    squeezed = name.replace(" ", "")
    if (
        len(head.replace(" ", "")) < MIN_HEAD_BEFORE_NAME
        or not MIN_BOARD_CHARS <= len(squeezed) <= MAX_SITE_CHARS
    ):
        return False
    return len(name.split()) <= 2 and bool(_BOARD_NAME_RE.fullmatch(squeezed)) and _quotes_closed(head)


MIN_BOARD_CHARS = 2
_BOARD_NAME_RE = re.compile(r"[가-힣A-Za-z·&]+")  # no figure, quote or sentence ending: a name


def _quotes_closed(text: str) -> bool:
    """Every quotation opened in ``text`` is closed in it."""
    return all(text.count(a) <= text.count(b) for a, b in _QUOTE_PAIRS)


_QUOTE_PAIRS = (("‘", "’"), ("“", "”"), ("「", "」"), ("『", "』"))
_QUOTES_RE = re.compile("[\"'" + "".join(a + b for a, b in _QUOTE_PAIRS) + "]")


def _strip_edge_segments(text: str, sites: list[str]) -> str:
    """Drop a leading or trailing segment that names a site or a section."""
    glued = _GLUED_SECTION_RE.search(text)
    if glued and glued.group(1) in SECTION_WORDS:
        return text[: glued.start()].strip()
    segments = re.split(rf"({SEPARATORS})", text)
    if len(segments) < 3:
        return text
    first, last = segments[0].strip(), segments[-1].strip()
    if _is_site_or_section(last, sites) or _is_trailing_name(segments):
        return _without_section_before_site(segments)
    head = "".join(segments[:-2]).strip()
    if is_cms_words(last) and len(head.replace(" ", "")) >= MIN_HEAD_BEFORE_NAME:
        return head  # ``제목 - 상세보기 | 보도자료 | 알림``: the page type and menu after the headline
    named = _site_after_bar(segments, sites)
    if named is not None:
        return "".join(segments[:named]).strip()
    # a section name first is a section only before a headline-length rest (``사회 | 제목``); a short
    # rest is the headline's own words (``경제 | 성장``)
    rest = "".join(segments[2:]).strip()
    section_first = first.replace(" ", "") in SECTION_WORDS
    leading_site = _is_site_or_section(first, sites) and (not section_first or len(rest) >= MIN_SECTION_REST)
    if leading_site and segments[1].strip() in ("::", "|", "ㅣ", "｜", ":"):
        return "".join(segments[2:]).strip()
    # ``가온일보 - 제목``, ``보도자료 - 제목``: a paper's name or a page type before any separator;
    # ``학교소식 - 제목``: XE and Rhymix put the board's (module's) name before the post's subject
    named_first = is_outlet_name(_unbracketed(first)) or is_cms_words(first) or is_board_label(first)
    if len(rest) >= MIN_SECTION_REST and named_first:
        return rest
    return text


def _without_section_before_site(segments: list[str]) -> str:
    """The title left of a site's name (``segments`` ends with it and its separator), without the
    one-word section printed right before it with the same separator.

    Convention: ``<title>`` is "headline - section - site" (the menu path reversed); a section
    the vocabulary does not know (``자치행정``, ``지역경제``) is still one short word there.
    """
    kept = segments[:-2]
    text = "".join(kept).strip()
    if len(kept) < 3:
        return text
    section, separator = kept[-1].strip(), kept[-2].strip()
    head = "".join(kept[:-2]).strip()
    same_path = separator == segments[-2].strip()
    headline_long = len(head.replace(" ", "")) >= MIN_HEAD_BEFORE_NAME
    if same_path and headline_long and _SECTION_WORD_RE.fullmatch(section):
        return head
    return text


_SECTION_WORD_RE = re.compile(r"[가-힣]{2,6}")


def _site_after_bar(segments: list[str], sites: list[str]) -> int | None:
    """Where a site's name follows a bar behind the headline, with its slogan or menu after it
    (``제목 | 가온일보 - 가온의 목소리``): the index of that bar in ``segments``.

    Convention: ``<title>`` is "headline | site …"; what a bar opens with a site's name is the
    site's, however it goes on.
    """
    for index in range(1, len(segments) - 2, 2):
        head = "".join(segments[:index]).strip()
        if len(head.replace(" ", "")) < MIN_HEAD_BEFORE_NAME:
            continue
        name = segments[index + 1].strip()
        bar = segments[index].strip() in BAR_SEPARATORS
        if bar and name.replace(" ", "") not in SECTION_WORDS and _is_site_or_section(name, sites):
            return index
        if is_outlet_name(_unbracketed(name)) and name.replace(" ", "") not in SECTION_WORDS:
            return index  # ``제목 - 가온일보 | 가온의 모든 것``: a paper's name after any separator
    return None


def _unbracketed(name: str) -> str:
    """``가온신문 (GaonNews)`` → ``가온신문``: a name with its other spelling after it."""
    return _NAME_GLOSS_RE.sub("", name).strip() or name


_NAME_GLOSS_RE = re.compile(r"\s*\([^()]{1,20}\)\s*$")


def _is_trailing_name(segments: list[str]) -> bool:
    """``headline | 한겨레``, ``headline - YTN``: a short name after a bar (or an acronym after any
    separator) behind a headline-length text.

    Convention: ``<title>`` is "headline | site"; a headline does not end in a bar and two words.
    """
    last, separator = segments[-1].strip(), segments[-2].strip()
    head = "".join(segments[:-2]).strip()
    if len(head.replace(" ", "")) < MIN_HEAD_BEFORE_NAME or not last:
        return False
    if _ACRONYM_RE.fullmatch(last):
        return True
    if separator in BAR_SEPARATORS and _LATIN_NAME_RE.fullmatch(last) and _HANGUL_RE.search(head):
        return True  # ``제목 | Gaon City Hall``: a Korean site's English name; headlines don't end so
    squeezed = last.replace(" ", "")
    name_like = MIN_NAME_CHARS <= len(squeezed) <= MAX_SITE_CHARS and not any(c.isdigit() for c in last)
    return separator in BAR_SEPARATORS and name_like and len(last.split()) <= 2


def _is_site_or_section(segment: str, sites: list[str]) -> bool:
    """A short segment that is a site name, a newspaper-like name or a section word."""
    segment = _unbracketed(_MOBILE_RE.sub("", segment).strip())
    if not segment or len(segment) > 20:
        return False
    if _PLACE_RE.fullmatch(segment):  # an office named by its place: 새벽시, 서울특별시, 경기도
        return True
    squeezed = segment.replace(" ", "")
    if squeezed in SECTION_WORDS or any(squeezed == s.replace(" ", "") for s in sites):
        return True
    return (
        len(squeezed) <= MAX_SITE_CHARS
        and len(segment.split()) <= 3
        and bool(SITE_SUFFIX_RE.search(squeezed))
    )
