"""Reader comment boxes: what readers wrote under an article is no part of it.

trafilatura leaves out boxes whose class says ``comment``; Korean news templates name theirs
otherwise too (``reply``, ``cmt_area``, ``u_cbox``), or only head them ``댓글``. Left in, they close
the text with ``닉네임 내용 날짜`` lines, and on a short article the recovery takes them for it.
"""

from __future__ import annotations

import re

from lxml import html

from nlp.titles import fold

# Convention: a comment box's class or id holds one of these words between ``-``/``_`` (``reply``,
# ``cmt_area``, ``reply-list``, ``u_cbox``, ``article-comment``); ``commentary`` (a column) does not.
COMMENT_WORDS = frozenset({"reply", "replies", "cmt", "cmts", "comment", "comments", "cbox", "댓글"})
# Convention: a board prints its writer's signature under each post, in a box its skin names so
# (gnuboard's ``<div class="signature">``, XE's ``get_sign``): the writer's, not the post's words
SIGNATURE_WORDS = frozenset({"signature", "sign"})
# …or its own first heading names it: ``<h4>댓글 <em>2</em></h4>``, ``독자의견 (3)``
# (a board's ``댓글목록`` / ``전체 댓글``: GNU board and XE head their comment lists so)
_COMMENT_HEAD_RE = re.compile(
    r"^(?:(?:전체\s*)?댓글(?:\s*목록)?|독자\s*(?:의견|댓글)|의견\s*(?:쓰기|남기기))\s*[\d(),\s]*$"
)
_SPLIT_RE = re.compile(r"[-_\s]+")
MAX_BOX_SHARE = 0.5  # a box holding more of the page's text than this is the page, not its comments
HEAD_TAGS = ("h2", "h3", "h4", "h5", "strong", "b")


def drop_comment_boxes(tree: html.HtmlElement) -> int:
    """Remove reader comment boxes (by their class or id, or by their heading) and a board's signature
    box under the post; return how many."""
    body = tree.find("body")
    if body is None:
        return 0
    boxes = [e for e in body.iter("div", "section", "ul", "ol", "dl", "aside") if _named_comments(e)]
    for heading in body.iter(*HEAD_TAGS):
        parent = heading.getparent()
        if parent is not None and parent is not body and _COMMENT_HEAD_RE.match(fold(heading.text_content())):
            table = _headed_table(parent)
            boxes.append(parent if table is None else table)
    if not boxes:
        return 0
    total = len(fold(body.text_content())) or 1
    marked = set(boxes)
    # only the outermost of nested boxes: one walk up each (a hostile page may nest thousands)
    outermost = [box for box in dict.fromkeys(boxes) if not any(a in marked for a in box.iterancestors())]
    dropped = 0
    for box in outermost:
        if box.getparent() is None or any(True for _ in box.iter("h1")):
            continue
        if len(fold(box.text_content())) > MAX_BOX_SHARE * total:
            continue
        box.drop_tree()
        dropped += 1
    return dropped


def _headed_table(cell: html.HtmlElement) -> html.HtmlElement | None:
    """The table whose first row is ``cell``'s, when ``cell`` is a table cell: an old board heads its
    comment table so (``<table><tr><td><b>댓글 2</b></td></tr><tr><td>이름 25-06-24 …``)."""
    if cell.tag not in ("td", "th"):
        return None
    table = next(cell.iterancestors("table"), None)
    first = next(table.iter("tr"), None) if table is not None else None
    return table if first is not None and cell in first else None


def _named_comments(element: html.HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return any(part in COMMENT_WORDS or part in SIGNATURE_WORDS for part in _SPLIT_RE.split(names))
