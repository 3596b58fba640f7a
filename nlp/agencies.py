"""Government bodies named in a text, and whether another text credits one of them."""

from __future__ import annotations

import re
from collections.abc import Iterable

RELEASE_WORD = "보도자료"
# 보건복지부, 식품의약품안전처, 통계청, 금융위원회, 국민건강보험공단, 종로구청: a name, then a particle,
# a space or punctuation; two syllables at least before 부/청 keep 정부, 일부, 신청 out; 처 only after
# the words government 처 names end in (안전처, 혁신처, 보훈처, 법제처…), so 거래처, 바우처 stay out
_AGENCY = re.compile(
    r"(?<![가-힣])([가-힣]{2,12}(?:부|청|위원회|공단)|[가-힣]{0,10}(?:안전|혁신|보훈|법제|경호|예산)처)"
    r"(?=[은는이가을를의와과에도로및·,.\s)]|$)"
)


def agencies(text: str) -> list[str]:
    """Government body names in `text`, first mention first, each once."""
    names = (m.group(1) for m in _AGENCY.finditer(text))
    return list(dict.fromkeys(n for n in names if not n.endswith("정부")))  # 한국정부 is no body


def credited(text: str, names: Iterable[str]) -> str | None:
    """The first of `names` (or 보도자료) that `text` mentions, earliest in the text; None if none."""
    found = [(text.find(n), n) for n in (*names, RELEASE_WORD) if n and n in text]
    return min(found)[1] if found else None
