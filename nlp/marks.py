"""The marks Korean releases and articles print before a line, in one place.

Releases open their parts and items with symbols (□ 추진 배경, ○ 지원 대상은…, ▲ 일정, ※ 참고);
articles list with dots and arrows (· 항목, ▶ 관련기사). The mark says what kind of line follows,
never what it says: the clean-up, the lead, excerpts, the summariser and sections all read past
it, each with the same set.
"""

from __future__ import annotations

import re

DASHES = "-–—"
# every symbol a line may open with, as a list item or a part's heading
BULLETS = "•·*▶▷►■□◆◇○●◎◈❍➢✓✔※◦▪▫▲△"
# the symbols releases head their parts with (a dot, an asterisk or a check mark only lists)
HEADING_BULLETS = "□■◆◇▲△▶▷○●◎◈"


def char_class(marks: str) -> str:
    """A regular-expression character class of exactly these marks."""
    return "[" + re.escape(marks) + "]"
