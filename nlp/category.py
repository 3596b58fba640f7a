"""Policy categories from keywords, with the terms that decided it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

TAXONOMY: dict[str, tuple[str, ...]] = {
    "육아": (
        "아동",
        "육아",
        "보육",
        "출산",
        "임신",
        "어린이집",
        "양육",
        "부모",
        "아동수당",
        "돌봄",
        "영유아",
        "저출생",
    ),
    "복지": (
        "복지",
        "기초생활",
        "수급",
        "장애인",
        "노인",
        "어르신",
        "취약계층",
        "연금",
        "바우처",
        "생계",
        "긴급지원",
    ),
    "교육": ("교육", "학교", "학생", "교사", "대학", "입시", "늘봄", "급식", "교과", "학습", "유치원"),
    "고용·노동": ("고용", "일자리", "청년", "노동", "근로", "취업", "실업", "임금", "노사", "채용", "구직"),
    "경제·금융": ("경제", "금융", "투자", "수출", "기업", "금리", "물가", "세금", "예산", "산업", "소상공인"),
    "부동산·주거": ("주택", "부동산", "주거", "임대", "전세", "분양", "재건축", "공공주택", "청약"),
    "교통": ("교통", "버스", "철도", "지하철", "도로", "기차", "운행", "노선", "택시", "공항", "열차"),
    "보건·의료": ("의료", "병원", "보건", "건강", "감염", "백신", "의사", "환자", "질병", "응급"),
    "환경": ("환경", "탄소", "기후", "미세먼지", "재활용", "폐기물", "에너지", "녹색", "오염"),
    "안전": ("안전", "재난", "사고", "화재", "방재", "소방", "범죄", "예방", "폭염", "한파"),
    "문화": ("문화", "관광", "축제", "예술", "공연", "체육", "도서관", "박물관", "스포츠"),
    "행정": ("행정", "민원", "누리집", "공무원", "조직", "정부", "지자체", "시정", "군정", "인증", "디지털"),
}


@dataclass(frozen=True, slots=True)
class Category:
    """A category and the matched terms that chose it (empty when it is the source's default)."""

    name: str | None
    reason: tuple[str, ...]


def categorise(keywords: Sequence[str], terms: Sequence[str] = (), default: str | None = None) -> Category:
    """Pick the category whose vocabulary the keywords and terms hit most; else `default`."""
    best: Category = Category(default, ())
    best_score = 0.0
    bag = [t.lower() for t in terms]
    for name, vocabulary in TAXONOMY.items():
        matched: list[str] = []
        score = 0.0
        for rank, keyword in enumerate(keywords):
            hits = [v for v in vocabulary if v in keyword]
            if hits:
                score += 3.0 / (1 + rank * 0.3)
                matched.extend(h for h in hits if h not in matched)
        for word in vocabulary:
            count = bag.count(word)
            if count:
                score += min(count, 5) * 0.5
                if word not in matched:
                    matched.append(word)
        if default == name:
            score += 1.0
        if score > best_score and matched:
            best, best_score = Category(name, tuple(matched[:5])), score
    return best
