"""The two pages the drafts tests write (issue 18): a ministry release with □/○ parts and a
newspaper article with <h3> sub-heads, with the sub-headings each should export as sections."""

from __future__ import annotations

RELEASE_URL = "https://www.mois.example.go.kr/bbs/view.do?nttId=18"
NEWS_URL = "https://www.hanbit-ilbo.example.com/news/articleView.html?idxno=1818"

RELEASE = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>보도자료 | 행정안전부</title>
</head><body><main id="content"><div class="board_view">
<h3 class="view_title">청년 월세 지원, 내년부터 소득 기준 완화</h3>
<ul class="view_info"><li>등록일 2025.11.20 10:00</li><li>작성자 청년정책과</li></ul>
<div class="view_cont">
<p class="sub">- 월 최대 20만 원씩 12개월 지원 -<br>- 2026년 3월 2일부터 복지로에서 신청 접수 -</p>
<p>행정안전부는 내년부터 청년 월세 지원의 소득 기준을 중위소득 60%에서 100%로 완화한다고 20일 밝혔다.
이번 조치로 약 15만 명의 청년이 새로 지원을 받게 된다.</p>
<p>□ 지원 대상 확대</p>
<p>○ 지원 대상은 만 19~34세 무주택 청년으로, 부모와 따로 사는 청년이면 누구나 신청할 수 있다.
소득 기준은 중위소득 100% 이하로 넓어진다.</p>
<p>○ 정부는 이를 위해 내년 예산에 1,200억 원을 반영했다. 이는 올해보다 400억 원 늘어난 규모다.</p>
<p>□ 신청 방법과 기간</p>
<p>○ 신청은 2026년 3월 2일부터 복지로 누리집이나 주소지 행정복지센터에서 할 수 있다.
신청 기간은 12월 31일까지이며 매월 25일 월세가 지급된다.</p>
<p>○ 신청할 때는 임대차계약서와 월세 이체 내역을 함께 내야 한다. 서류가 빠지면 지급이 늦어질 수 있다.</p>
<p>□ 향후 계획</p>
<p>○ 행정안전부는 지자체와 함께 집주인의 월세 인상 동향을 살피고 제도를 보완해 나갈 계획이다.
청년 단체의 의견도 정기적으로 듣기로 했다.</p>
</div></div></main></body></html>"""
RELEASE_HEADINGS = ["지원 대상 확대", "신청 방법과 기간", "향후 계획"]

NEWS = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>경기도, 어르신 버스요금 환급 시행 - 한빛일보</title>
<meta property="og:title" content="경기도, 어르신 버스요금 환급 시행"></head><body>
<article><h1>경기도, 어르신 버스요금 환급 시행</h1>
<div class="byline">홍길동 기자 | 입력 2025.10.02 09:30</div>
<div id="article-body">
<p>경기도가 다음 달부터 만 70세 이상 어르신에게 시내버스 요금을 지원한다고 2일 밝혔다.
도내 어르신 약 90만 명이 혜택을 받는다.</p>
<h3>연간 최대 24만 원 환급</h3>
<p>어르신은 교통카드로 요금을 낸 뒤 분기마다 최대 6만 원, 연간 최대 24만 원을 돌려받는다.
환급금은 본인 명의 계좌로 지급된다.</p>
<p>경기도는 이 사업에 내년 예산 850억 원을 편성했다. 도의회도 예산안을 원안대로 처리할 방침이다.</p>
<h3>주민센터에서 카드 등록해야</h3>
<p>혜택을 받으려면 11월 1일부터 가까운 행정복지센터에서 교통카드를 등록하고 신청해야 한다.
등록은 신분증만 있으면 누구나 할 수 있다.</p>
<p>경기도 관계자는 "어르신들이 부담 없이 이동하실 수 있도록 홍보를 강화하겠다"고 말했다.</p>
</div></article></body></html>"""
NEWS_HEADINGS = ["연간 최대 24만 원 환급", "주민센터에서 카드 등록해야"]
