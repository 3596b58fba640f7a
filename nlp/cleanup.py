"""Korean CMS and newspaper boilerplate removed from extracted body text, line by line.

General rules, not per site: view counters, 등록일/작성자/담당부서 label lines, attachment
lists, 공공누리 notices, satisfaction surveys, comment rules, copyright and 무단전재 lines,
share buttons, photo credits, bylines and reporter e-mails.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.bylines import is_byline, strip_dateline
from nlp.dates import DATE_RE, is_short_stamp, numeric_months
from nlp.listing import DOCUMENT_EXTENSIONS, IMAGE_EXTENSIONS
from nlp.listing import MIN_HEADLINE_CHARS as MIN_TEASER_CHARS  # shorter: a box's name, no article
from nlp.marks import BULLETS, DASHES, char_class
from nlp.titles import box_heading_end, fold, is_box_heading, is_cms_words, is_section_name

MAX_LABEL_LINE = 60
LIST_BULLETS = "-" + BULLETS + " "  # marks a list line starts with; not part of what it says
MAX_NOTICE_LINE = 300

# Labels that never start a sentence: a line ``등록일 2025-12-11`` or ``작성자 홍길동`` is furniture.
STRONG_LABELS = (
    "등록일", "등록일자", "등록일시", "작성일", "작성일자", "작성자", "작성부서", "게시일",
    "게시자", "수정일", "최종수정일", "담당부서", "부서명", "담당자", "연락처", "전화번호",
    "팩스번호", "문의처", "이메일", "조회수", "글쓴이", "작성기관", "기관명", "첨부파일",
    "공공누리", "기사입력", "기사수정", "발행일", "게재일", "등록자", "views", "hits",
    "관리부서", "관리담당자",
)  # fmt: skip
# Labels that also open ordinary sentences: only furniture when a colon follows.
WEAK_LABELS = (
    "담당", "부서", "전화", "팩스", "문의", "조회", "날짜", "일자", "출처", "첨부", "파일", "저작권", "분류",
    "카테고리", "입력", "수정", "승인", "제공", "제목", "hit", "태그", "키워드", "tags", "tag",
    # an old board's English labels (``Subject :``, ``Name :``, ``File #1 :``)
    "subject", "name", "date", "file", "writer",
)  # fmt: skip
_STRONG = "|".join(sorted(STRONG_LABELS, key=len, reverse=True))
_ANY = "|".join(sorted(STRONG_LABELS + WEAK_LABELS, key=len, reverse=True))
_BULLET = rf"^{char_class(DASHES + BULLETS)}?\s*"
# Convention: the survey box under a public page names who keeps its content, the label led by
# what is kept (``콘텐츠 담당부서 : 홍보담당관``, ``정보관리담당자 : …``, ``자료관리 담당부서 : …``)
_KEPT = r"(?:(?:콘텐츠|컨텐츠|페이지|홈페이지|자료|정보)(?:\s*관리)?\s*)?"
LABEL_ONLY_RE = re.compile(rf"{_BULLET}{_KEPT}(?:{_ANY})\s*[:：]?$", re.IGNORECASE)
LABEL_LINE_RE = re.compile(
    rf"{_BULLET}(?:{_KEPT}(?:{_STRONG})\s*[:：|]?\s*\S|(?:{_ANY})\s*[:：|]\s*\S)", re.IGNORECASE
)
TABLE_RULE_RE = re.compile(r"^:?-{2,}:?$")
VALUE_ONLY_RE = re.compile(r"^[-•·*]?\s*[\w.,:/()\-\s@]{1,30}$")

# a phone number as contact lines print it: ``044-205-3121``, ``063)123-4567``, ``02) 345-6789``
_PHONE = r"\d{2,4}[-)]\s?\d{3,4}-\d{4}"
# the words of an article's tool row: listen, scrap, print, share, font size, the networks' names
_TOOL_WORDS = (
    r"기사\s*듣기|본문\s*듣기|음성\s*듣기|스크랩|인쇄(?:하기)?|프린트|공유(?:하기)?|URL\s*복사|링크\s*복사"
    r"|글자\s*(?:크기|확대|축소)|글씨\s*크기|북마크|기사\s*저장|번역|확대|축소|가|페이스북|트위터|카카오톡|카카오스토리"
    r"|밴드|이메일|메일|닫기"
)
# a release's header prints when it is sent and when it may run: ``배포일시``, ``보도일시``, ``보도시점``
_RELEASE_TIME = r"(?:보도|배포)\s?(?:일시|일자|시점)"
# Convention: a broadcast report's transcript credits its crew on a line of its own, roles and names
# set apart by commas or slashes: ``(영상취재 : 김승태, 영상편집 : 박지인)``,
# ``촬영기자:김민혁/그래픽:이하나``
# (a card story credits its makers the same way: ``기획·제작 : 정책노트 디지털뉴스팀 / 이미지 출처 : …``)
_CREW_ROLE = (
    r"(?:영상\s*)?(?:취재|촬영|편집|디자인|그래픽)(?:\s*기자)?|CG|카메라|구성|연출|작가|자막"
    r"|기획\s*[·/]?\s*제작|기획|제작|일러스트|(?:이미지|사진)\s*출처"
)
_CREW = rf"(?:{_CREW_ROLE})\s*[:：]\s*[^:：/|()\[\]]{{2,30}}?"
# a copyright line's ban on reuse: ``무단 전재 및 재배포 금지``, ``All rights reserved``
_REUSE_BAN = r"무단\s*(?:전재|복제)|재배포\s*금지|all\s*rights\s*reserved"
_ISSUE = r"(?:19|20)\d{2}\s*년\s*\d{1,2}\s*월\s*호|(?:통권\s*)?제?\s*\d{1,4}\s*호|vol\.?\s*\d{1,4}"
# …and the day it came out: ``2025.08.28 발행``, ``발행일 2025. 8. 28.``
_ISSUE_DATE = (
    r"(?:발행일?\s*[:：]?\s*)?(?:19|20)\d{2}\s?[.\-/년]\s?\d{1,2}\s?[.\-/월]\s?\d{1,2}\s?[.일]?(?:\s*발행)?"
)
BOILERPLATE_PATTERNS = (
    # …on a line of its own with how it may run: ``보도일시 : 2025. 3. 10. 배포 즉시 보도 가능``
    rf"^(?=.{{0,80}}$){_RELEASE_TIME}\s*[:：]?\s*(?:19|20)\d{{2}}(?!.*[^니]다\.\s*$)",
    rf"^(?=.{{0,120}}$)(?!.*[^니]다\.\s*$)[(\[]?\s*{_CREW}(?:\s*[,/·|]\s*{_CREW})*\s*[)\]]?$",
    # …its cue marks, alone on their lines: ``[앵커]``, ``<기자>``, ``◀ 리포트 ▶``
    r"^[\[<‹◀【]\s*(?:앵\s*커|리\s*포\s*트|기\s*자|인\s*터\s*뷰|녹\s*취|현장음|스탠드업|클로징)\s*[\]>›▶】]$",
    # …and the speaker its interview cue names: ``◀ 인터뷰 ▶ 김가람 / 가람시 주민``
    # (a series tag over a headline, ``<인터뷰> 김마루 군수 "…"``, names no speaker and her post)
    r"^[\[<‹◀【]\s*(?:인\s*터\s*뷰|녹\s*취|싱\s*크)\s*[\]>›▶】]\s*[^.!?/\"“”]{1,20}\s/\s[^.!?/\"“”]{1,25}$",
    # a reader-funded outlet's appeal under the text: ``로움은 독자의 후원으로 만들어집니다``
    r"^(?=.{0,80}$).{0,30}(?:후원|구독료?|회비)(?:으로|로)\s*(?:만들어|운영)(?:집니다|됩니다|지는)",
    # a board skin's table caption for screen readers: ``List of Articles``
    r"^(?:list\s+of\s+articles|게시(?:물|글|판)\s*목록)$",
    # …the player's words for screen readers and its clock: ``동영상 영역 시작``, ``00:00 / 02:14``
    r"^(?:동영상|영상|비디오)\s*(?:영역|플레이어)(?:\s*(?:시작|끝))?$|^\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?$"
    r"|^(?=.{0,80}$)※?\s*(?:동영상|영상)이\s*재생되지\s*않|^재생\s*시간\s*[:：]?\s*\d{1,2}:\d{2}(?::\d{2})?$",
    # …and its sign-off and contact line: ``한빛뉴스 정다은입니다.``, ``YTV 권나래 (nr@ytv.example)``
    r"^(?:[A-Z][A-Za-z0-9]{1,6}(?:\s?뉴스)?|[가-힣A-Za-z]{1,8}(?:뉴스|방송|TV))\s?[가-힣]{2,4}입니다\.?$",
    r"^(?:[A-Z][A-Za-z0-9]{1,6}|[가-힣A-Za-z]{1,8}(?:뉴스|방송|TV))\s[가-힣]{2,4}\s*[(\[]?[\w.+-]+@[\w.-]+\.[a-z]{2,}[)\]]?$",
    # a wire's photo caption set in the text (``정부세종청사 전경. 2025.06.26. kms@… *재판매 및 DB 금지``)
    # and its house line closing the text (``◎공감언론 뉴스온이 제공하는 뉴스입니다.``)
    r"재판매\s*(?:및|·|,)\s*DB\s*금지|^(?=.{0,60}$)[◎○●]?.{0,30}[이가]\s*제공하는\s*(?:뉴스|기사)입니다\.?$",
    # a recommendation box's notice: ``이 기사의 관련 기사는 AI 알고리즘이 자동 추천한 것입니다.``
    r"^(?=.{0,100}$).{0,40}(?:AI|인공지능)\s*(?:알고리즘|시스템)?\s*[이가]?\s*(?:자동\s*)?추천한\s*것입니다",
    # a release wire's tail: its site, a bare phone, its notice (``…를 통해 배포한 보도자료입니다``)
    r"^(?:웹\s*사이트|홈페이지|website)\s*[:：]\s*(?:https?://|www\.)\S+$"
    rf"|^(?:tel|전화|☎)?\s*[:.]?\s*{_PHONE}$|통해\s*배포한\s*보도자료입니다",
    # a radio interview's programme card and its quoting notice: ``■ 방송 : … FM 98.1``, ``■ 진행 : …``,
    # ``※ 인터뷰를 인용보도할 때는 프로그램명 …을 밝혀주시기 바랍니다``
    # (an event's ``진행 : 사회복지과`` stays: the card names a station, a time or a presenter)
    r"^(?!.*[^니]다\.\s*$)[■□◆]?\s*(?:방송\s*[:：].{0,60}(?:FM|AM|라디오|TV|\d{1,2}:\d{2}\s*[~-])"
    r"|진행\s*[:：].{0,30}(?:앵커|아나운서|기자|PD|MC))|인용\s*보도\s*(?:할|하실)\s*때"
    r"|^\[[^\]]{0,60}바로\s*가기\]$",
    # a release's attachment list continued on its own lines: ``2. 자주 묻는 질문 1부. 끝.``
    r"^\d{1,2}\.\s*[^.]{1,60}\s\d+\s*부\.?\s*(?:<?\s*끝\s*>?\.?)?$",
    # a portal's or a board's notice under the text, in the polite style a sentence of news never
    # takes: a reuse licence (``…출처를 표기하여야 하며, 위반 시 저작권법 제37조와 제138조에 따라 …``),
    # a pointer to the attachment (``자세한 내용은 첨부파일을 확인하시기 바랍니다``), a transcript's caveat
    # (``이 브리핑 자료는 속기록으로 실제 발언과 다를 수 있습니다``)
    r"^(?=.{0,200}$)(?!.*[^니]다\.\s*$).{0,120}(?:저작권법\s*제\s*\d+\s*조|자세한\s*내용은\s*첨부\s*(?:파일|문서|자료)"
    r"|속기록으로.{0,20}(?:다를|차이))",
    # …a print view's notice (``이 자료는 … 누리집에서 인쇄한 것으로, 최신 정보와 다를 수 있습니다``), a
    # wire's disclaimer (``…이 작성해 배포한 것으로, … 편집 방향과 무관합니다``), a board's comment count
    # (``총 0개의 코멘트가 있습니다``)
    r"^(?=.{0,200}$)(?!.*[^니]다\.\s*$).{0,120}(?:최신\s*(?:정보|내용)과\s*다를\s*수\s*있습니다"
    # …and an opinion page's: ``※ 외부 기고는 본지의 편집 방향과 다를 수 있습니다``
    r"|(?:편집\s*(?:방향|방침)|입장|견해|논조)(?:과|와)\s*(?:무관|관계\s*없|다를\s*수|일치하지)"
    r"|인쇄한\s*(?:것|자료)(?:으로|입니다))|^총\s*[\d,]+\s*개의\s*(?:코멘트|댓글|의견)[이가]\s*있습니다\.?$",
    # a mailed newsletter's footer: ``본 메일은 … 수신에 동의하신 분들께 발송됩니다``, ``수신거부``
    r"^(?=.{0,200}$)(?:본|이)\s*(?:메일|이메일|뉴스레터)은.{0,80}발송(?:됩니다|되었습니다|한\s*것입니다)"
    r"|^(?=.{0,60}$)[^.!?]{0,30}수신\s*(?:거부|거절|해지|취소)(?:\s*하기)?(?:\s*unsubscribe)?\s*[>›]?$",
    # a print view's or a portal's source line with the page's address: ``출처 : 서부구청 누리집 (https://…)``
    r"^[\[(]?\s*출처\s*[:：]\s*[^.!?]{0,60}(?:https?://|www\.)\S+\s*[)\]]?$",
    # a letter's sign-off: ``- 정책레터 편집팀 드림``
    r"^(?=.{0,30}$)[^.!?]{1,25}\s드림\.?$",
    # a tip line's appeal: ``※ '당신의 제보가 뉴스가 됩니다' … [카카오톡] … [전화] …``,
    # ``제보는 카카오톡 okjebo``
    r"^(?=.{0,300}$)(?!.*[^니]다\.\s*$).{0,60}제보.{0,200}(?:카카오톡|전화|메일).{0,100}(?:카카오톡|전화|메일)"
    r"|^제보는\s*카카오톡|^(?=.{0,120}$)(?!.*[^니]다\.\s*$).{0,80}제보를\s*기다립니다",
    r"^[-•·*]?\s*(?:조회수?|조회\s*수|hits?|views?)\s*[:：]?\s*[\d,]+\s*(?:회)?$",
    rf"\.(?:{DOCUMENT_EXTENSIONS}|{IMAGE_EXTENSIONS})\s*(?:[(\[]\s*[\d.,]+\s*[kmg]?i?b(?:ytes?)?\s*[)\]])?\s*$",
    rf"\.(?:{DOCUMENT_EXTENSIONS})\s*\(",
    r"^\s*[(\[]?\s*(?:hwpx?|pdf|docx?|xlsx?|pptx?|zip|jpe?g|png|gif)?\s*,?\s*[\d.,]+\s*[kmg]?i?b\s*[)\]]?\s*(?:[(\[]\s*\d+\s*hits?\s*[)\]])?$",
    r"^\s*[(\[]\s*\d+\s*hits?\s*[)\]]\s*$",
    r"^\s*(?:첨부\s*파일|첨부|파일\s*첨부|관련\s*파일)\s*(?:[(\[]?\s*\d+\s*[)\]]?)?\s*[:：]?\s*$",
    r"^[<〈\[【]?\s*(?:관련|연관|추천|인기|최신|주요|많이\s*본|가장\s*많이\s*본|이\s*시각|함께\s*본)\s*"
    r"(?:기사|뉴스|소식|보도자료)(?:\s*더\s*보기)?\s*[>〉\]】]?$",
    # what a news page prints under the text for the reader to do: follow, subscribe, react, tip off
    r"^(?=.{0,40}$)[^.!?]{0,30}(?:구독\s*하기|구독\s*신청|채널\s*추가|팔로우\s*하기|알림\s*받기)",
    r"^(?=.{0,40}$)[^.!?]{0,20}기자의\s*(?:다른|최신)\s*기사|^(?:기사|뉴스)\s*더\s*보기$|^다른\s*기사\s*보기$",
    # a reporter's box under the text: ``홍길동 기자 다른기사 보기``
    r"^(?=.{0,40}$)[^.!?]{0,25}다른\s*기사\s*(?:보기|더\s*보기)$",
    r"^이\s*기사를\s*(?:추천|공유)합니다$|^(?:추천|공감|스크랩)하기$",
    r"^(?:(?:좋아요|훈훈해요|슬퍼요|화나요|후속\s*기사\s*원해요|추천해요|놀랐어요|궁금해요)\s*[\d,]*\s*){2,}$",
    r"^(?:#[^\s#]{1,20}\s*)+$",  # a line of hashtags, or one tag chip
    # a byline's fields run together: ``문가은12분 전조회수 3001``
    r"^(?=.{0,40}$)[가-힣]{2,4}\s*(?:기자)?\s*\d{1,3}\s*(?:분|시간|일)\s*전\s*(?:조회\s*수?\s*[\d,]+)?$",
    r"^(?=.{0,40}$)[^.!?]{0,10}(?:기사\s*제보|제보\s*하기|보도자료\s*접수)",
    # a pointer to another article in the body's flow: ``▶ 관련기사: 제목``, ``☞ 관련 기사 - 제목``
    r"^[☞▷►→▶]?\s*(?:관련|연관|추천|함께\s*(?:보면|읽으면)\s*좋은)\s*(?:기사|뉴스)\s*[:：\-–—]\s*\S",
    # the open-licence mark under a public page speaks to the reader (``…이용할 수 있습니다``); a
    # news sentence that reports a licence is plain-styled (``…개방했다.``) and stays
    r"^(?!.*[^니]다\.\s*$).*(?:공공누리|출처\s*표시.{0,20}(?:유형|조건)|저작물\s*이용\s*허락|이용조건)",
    # the identity banner every government site carries over its pages (전자정부 누리집 표시)
    r"^(?=.{0,60}$).{0,10}대한민국\s*공식\s*전자정부\s*누리집|^(?=.{0,40}$).{0,10}공식\s*누리집\s*확인\s*방법",
    # the satisfaction survey under a public page; a sentence reporting a survey's result stays
    # (the design system's: ``이 페이지에서 원하는 정보를 얻으셨나요?``, ``만족해요``, ``아쉬워요``)
    r"원하는\s*정보를\s*(?:얻으셨|찾으셨)|^(?:만족해요|아쉬워요|보통이에요|불만족해요)$|"
    r"만족하(?:십|셨습)니까|만족하셨나요|^(?=.{0,40}$)(?!.*다\.?\s*$).{0,20}만족도\s*(?:조사|평가)(?:\s*(?:하기|참여|바로\s*가기))?$|정보에\s*대하여\s*만족|^(?:매우\s*)?(?:만족|불만족)$|^보통$|^매우\s*불만족$",
    # a comment box's prompt under the text: ``댓글 0 | 로그인 후 댓글을 작성할 수 있습니다``
    r"^(?=.{0,60}$)(?!.*[.!?]\s*$)[^.!?]{0,20}로그인\s*(?:후|하시면|하셔야|하고|한\s*뒤|하여)[^.!?]{0,20}댓글",
    # …an old layout's: ``이 기사에 대한 의견 (0) | 의견쓰기는 로그인 후 가능합니다.``
    r"^(?=.{0,80}$)이\s*기사에\s*대한\s*(?:당신의\s*)?(?:의견|댓글|생각|감정|반응)|^(?=.{0,60}$)(?:의견|댓글)\s*(?:쓰기|작성)[은는]?\s*로그인",
    # an empty comment box: its head with the count, its notice and its button (``독자의견 (0)``,
    # ``등록된 의견이 없습니다. 의견쓰기``)
    r"^(?=.{0,60}$)(?:독자\s*)?(?:의견|댓글)\s*[(\[]\s*\d+\s*[)\]]$"
    r"|^(?=.{0,80}$)(?:등록된|작성된)\s*(?:독자\s*)?(?:의견|댓글)이\s*없습니다"
    # …and a board's empty attachment field: ``첨부파일이 없습니다.``
    r"|^(?:등록된\s*)?첨부\s*파일이\s*없습니다\.?$",
    r"댓글은\s*자유롭게|통보\s*없이\s*삭제|운영\s*취지에\s*맞지|(?:비방|명예훼손|저속한).{0,40}(?:삭제|제한)",
    # a portal reprinting an office's release credits it under the text: ``[자료제공 : 가온부]``,
    # ``<저작권자 ⓒ 대한민국 정부, 출처: 가온부>``, ``이 자료는 가온부의 보도자료를 전재하여 …``
    r"^[\[(〈<【]\s*(?:자료|사진|영상)\s*제공\s*[:：].{0,60}[\])〉>】]$|저작권자\s*(?:ⓒ|©|\(c\))"
    r"|보도자료를\s*전재하여|^(?=.{0,80}$).{0,40}전재하여\s*제공",
    # a paper's imprint among bar-set footer fields: ``경인나우 | 인천광역시 … | 발행·편집인 홍길동``
    r"^(?=.{0,200}$)(?=.*[|｜]).*(?:발행\s*[·/]?\s*편집인|발행인|편집인|등록번호|청소년\s*보호\s*책임자)",
    # a portal's credit line for the outlet it reframes: ``기사제공 한국정책신문``
    r"^기사\s*제공\s*[:：]?\s*[^\s.!?]{2,15}(?:\s[^\s.!?]{1,10})?$|^copyright\s+[\w .&'/-]{2,60}$|"
    rf"{_REUSE_BAN}|copyrights?\s*(?:ⓒ|©|\(c\))|^\s*(?:ⓒ|©)",
    r"^[^.!?]{0,25}바로\s*가기\s*$|^응답소|응답소\s*누리집",
    # a paper's print-edition tools and its issue box: ``지면 PDF 보기``, ``발행 주기: 격주 월요일``
    r"^(?:지면\s*(?:PDF\s*)?보기|PDF\s*지면\s*보기|e-?(?:신문|paper)\s*보기)$|^발행\s*주기\s*[:：]",
    r"^(?:공유하기|기사\s*공유|공유|스크랩|인쇄|(?:기사|본문|음성)\s*듣기|인쇄하기|프린트|글자\s*크기.*|URL\s*복사|링크\s*복사|목록|닫기|TOP|맨\s*위로|라이킷|게시글\s*관리|권리\s*침해\s*신고|PC\s*버전(?:\s*보기)?|모바일\s*버전(?:\s*보기)?|광고|AD|advertisement|sponsored)$",
    # a post's neighbours under it, by any name and arrow: ``▲ 윗글 | 제목``, ``▼ 다음글 제목``, ``Prev 제목``
    r"^(?=.{0,150}$)(?!.*[^니]다\.\s*$)[▲▼△▽↑↓◀▶◁▷<>«»\[【\s]*"
    r"(?:이전\s?글|다음\s?글|윗\s?글|아랫\s?글|(?:prev(?:ious)?|next)(?:\s|[:：|]|$)"
    # …or a news page's ``이전기사``/``다음기사`` (run together: ``이전다음기사``)
    r"|이전\s?(?:다음\s?)?(?:기사|뉴스)|다음\s?기사)",
    # a credit under the text without brackets: ``자료제공 : 해양정책과 (044-…)``, ``자료 : 해양수산부``
    # (a photo's, ``사진 제공 =``, is a caption's pattern below)
    r"^(?=.{0,80}$)(?:자료\s*제공|자료)\s*[:：=]\s*[^.!?]{1,60}$",
    # a notice to browsers without scripts (``<noscript>``): ``자바스크립트를 지원하지 않는 브라우저에서는…``
    r"^(?=.{0,120}$)(?!.*[^니]다\.\s*$).*(?:자바\s*스크립트|javascript|스크립트).{0,30}"
    r"(?:지원하지|사용할\s*수\s*없|사용하실\s*수\s*없|활성화|꺼져|차단)",
    # an ad slot's label inside the text, set off by dashes (``- Advertisement -``, ``― 광고 ―``)
    r"^[-–—―\s]*(?:광고|AD|advertisement|sponsored)[-–—―\s]*$",
    # the heading of a box of more items after the text: ``카드뉴스 더보기``, ``포토 더보기 +``
    r"^(?=.{0,20}$)[^.!?]{0,15}\s*더\s*보기\s*[>›+]?$",
    # a row of page tools, their words run together or apart (``기사 듣기스크랩인쇄공유하기``, ``가 가``)
    # (each in brackets too, a board's buttons: ``[목록] [인쇄]``)
    rf"^(?:[\[【]?\s*(?:{_TOOL_WORDS}|목록|수정|삭제|답변|글쓰기)\s*[\]】]?\s*[|·/]?\s*){{2,}}$",
    r"URL이\s*복사되었습니다|주소가\s*복사되었습니다|(?:페이스북|트위터|카카오(?:톡|스토리)?|네이버\s*블로그|밴드|라인)(?:\s*[,/|]?\s*(?:페이스북|트위터|카카오(?:톡|스토리)?|네이버\s*블로그|밴드|라인|X|URL\s*복사)){2,}",
    r"^[\[(]?\s*사진\s*=|^\*?\s*사진\s*설명\s*[:：]|^[\[(]?\s*사진\s*(?:제공|출처)\s*[=:：]|^※?\s*(?:사진\s*있음|별첨)(?![가-힣])",
    # a photo caption printed as a paragraph: it points at the photo (사진 왼쪽부터) or ends in
    # the photo's credit (사진=가온시 제공, 〈가온일보 DB〉, ⓒ가온일보)
    r"^[(\[]?\s*사진\s*(?:왼쪽|오른쪽|위|아래|가운데|맨)",
    r"^(?=.{0,150}$).*사진.*(?:[(\[〈<]\s*[^()\[\]〈〉<>]{1,20}\s*(?:DB|제공|자료\s*사진)\s*[)\]〉>]|[/=]\s*[가-힣A-Za-z]{2,10}(?:\s*제공)?\s*[)\]]?|ⓒ\s*\S{2,12}|연합뉴스|뉴시스|뉴스1)\s*$",
    r"^[^.!?]{0,150}(?:[/=]\s*|ⓒ\s*)(?:뉴시스|연합뉴스|뉴스1|news1|newsis|yonhap|AP|AFP|로이터|게티이미지(?:뱅크)?|EPA)\s*[)\]]?\s*$",
    # a contact under a release: ``자료문의 : 급식과 김하나 (055-…)``, ``콘텐츠 담당 : 대변인실 (031-…)``
    r"업무\s*담당자|☎|^[(\[<〈‹]?\s*(?:(?:자료|보도|취재|업무)\s*)?문의\s*[:：]?.{0,40}\d{2,4}[-)\s]\d{3,4}-\d{4}"
    r"|^[(\[<〈‹]?\s*(?:(?:콘텐츠|컨텐츠|자료|업무)\s*)?담당\s*[:：]?.{0,40}\d{2,4}[-)\s]\d{3,4}-\d{4}",
    # a reporter box's link to their other stories (``편집부 desk@… 다른기사 보기``, ``서지훈 기자의
    # 다른 기사 보기 | 이메일 …``)
    r"^(?=.{0,120}$)(?!.*다\.\s*$).*다른\s*기사\s*(?:보기|더\s*보기|목록)",
    # a release's contact table read as a row: office, then people by rank with their phones
    # (``생활안전정책과 | 과장 정태민 (044-205-3100) | 김도윤 사무관 (044-205-3121)``, ``<총괄> 담당자
    # 강민서 사무관 (044-202-6201)``), or the page-manager box (``담당부서 : 홍보전산과 전화번호 : 02-…``)
    r"^(?=.{0,240}$)(?!.*다\.\s*$)(?:.*" + _PHONE + r"){2}"
    r"|^(?=.{0,160}$)(?!.*다\.\s*$).*(?:과장|국장|팀장|사무관|주무관|서기관|연구관|연구사|담당자|책임자|실장)"
    r"\s*[가-힣]{0,4}\s*[(:：]?\s*" + _PHONE + r"|^(?=.{0,160}$)(?!.*다\.\s*$).*"
    r"(?:담당\s*부서|담당자|전화\s*번호|연락처)\s*[:：].*" + _PHONE,
    # an info row's office, its label glued on by the markup (``<strong>부서</strong>교육지원과``)
    r"^[-•·]?\s*(?:부서|담당|소관)\s*[:：]?\s*[가-힣]{1,12}(?:과|팀|실|국|센터|담당관|사업소|본부)$",
    # a release's list of attachments closing its text: ``붙임 1. 관련 계획 1부. 끝.``, ``첨부 : 사업 개요``
    r"^(?=.{0,100}$)(?!.*다\.\s*$)[\[<(]?\s*(?:붙\s*임|첨\s*부)\s*(?:\d+|[①-⑩])?\s*[.):：\]>]?\s+\S",
    # a site's footer of fields set apart by bars, a phone among them and its copyright or its
    # address (``마을소식 | 대표 … | 홍성군 홍성읍 조양로 3 | 전화 041-000-0000 | Copyright 마을소식``)
    r"^(?=.{0,300}$)(?!.*다\.\s*$)(?=(?:[^|]*\|){2})(?=.*" + _PHONE + r")"
    r"(?=.*(?:copyright|ⓒ|©|all\s*rights|[가-힣](?:로|길)\s?\d{1,4}(?![\d가-힣])))",
    # a site's footer: its road-name address with a phone number (``(35208) 가온시 청사로 189 · 상담 02-…``)
    r"^(?=.{0,160}$)(?!.*다\.\s*$)(?=.*[가-힣](?:로|길)\s?\d{1,4}(?![\d가-힣])).*\d{2,4}-\d{3,4}-\d{4}\s*\)?$",
    # a one-question survey under a public page: ``이 정보가 도움이 되셨나요?`` and its 예/아니오 buttons
    r"^(?=.{0,40}$).{0,15}도움이\s*(?:되셨나요|되었나요|되었습니까|되셨습니까)|^(?:예|아니오|아니요)$",
    # the site's footer line an old layout table keeps: address, then 전화/TEL and FAX
    r"^(?=.{0,160}$)(?=.*(?:TEL|Tel|전화|대표전화)\s*[:.]?\s*\d)(?=.*(?:FAX|Fax|팩스)\s*[:.]?\s*\d).*\d{2,4}-\d{3,4}-\d{4}",
    r"^(?:바로보기|바로듣기|미리보기|다운로드|내려받기)(?:\s+(?:바로보기|바로듣기|미리보기|다운로드|내려받기))*$",
    r"^(?:홈|home)\s*(?:[>›»]\s*[^>›»]{1,20}){1,}$|^(?:홈|home)\s*(?:[·/]\s*[^·/>›»]{1,20}){2,}$|^(?:[^>›»]{1,15}\s*[>›»]\s*){2,}[^>›»]{1,20}$",
    r"^\s*[\d,]+\s*$|^[-–—]\s*$|^<?\s*끝\s*>?\s*$",
    # a magazine's or newsletter's masthead names its issue: ``2025년 3월호 · 통권 318호``, ``제850호``
    rf"^(?=.{{0,60}}$)(?:{_ISSUE})(?:\s*[·|/,]?\s*(?:{_ISSUE}|{_ISSUE_DATE}))*$",
    # a site builder's skip anchors (``top of page``, ``bottom of page``), a share prompt
    # (``작가의 글을 SNS에 공유해보세요``), a contact line that is an address alone, a report's ISBN
    r"^(?:top|bottom)\s+of\s+page$|^(?=.{0,40}$).{0,25}공유해\s*(?:보세요|주세요)$"
    r"|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$|(?<![\w-])ISBN(?:-1[03])?\s*[:|]?\s*97[89]",
    # a feature's credits without colons: ``글 시정홍보담당관실 · 사진 해오름시``
    r"^(?=.{0,60}$)(?:글|기사)\s+[^·|/]{2,20}\s*[·|/]\s*(?:사진|그림|영상)\s+[^·|/]{2,20}$",
    # a board skin heads each part of a post for screen readers: ``페이지 정보``, ``게시물 정보``
    r"^(?:페이지|게시물|게시글|글)\s*정보$",
    # …and names its writer, a board's admin account, alone on its line: ``관리자``, ``최고관리자``
    r"^(?:최고\s*)?(?:관리자|운영자)$",
)  # fmt: skip
# Convention: a caption under a photo opens with ▲ (or △) and says what the photo shows — "…하고
# 있다", a credit, 사진. The same marks open list items in releases (▲청년 ▲신혼부부), which say none.
CAPTION_RE = re.compile(r"^[▲△]\s*[^▲△]{0,150}(?:하고\s*있다|사진|ⓒ|제공\)?|DB[)\]〉>]?)[^▲△]{0,40}$")
# ``<사진> 김 시장이 …``: a caption labelled as one. A line of the body only: a photo story's
# headline is labelled the same way (``[사진] 폭염 속 쉼터 점검``)
LABELLED_CAPTION_RE = re.compile(r"^(?=.{0,150}$)[<〈\[(【]\s*사진(?:\s*설명)?\s*[>〉\])】]\s*\S")
# a pointer mark (kept on the line: bullets are stripped before BOILERPLATE_RE) needs no colon:
# ``▶ 관련기사 제목``
POINTER_RE = re.compile(r"^(?=.{0,80}$)[☞▷►→▶]\s*(?:관련|연관|추천)\s*(?:기사|뉴스)\s+\S")
BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_PATTERNS), re.IGNORECASE)
TRAILING_RE = re.compile(
    r"(?:\s+(?:바로보기|바로듣기|미리보기|다운로드|내려받기))+\s*$|\s*[<〈]\s*끝\s*[>〉]\s*$|\s*/끝/\s*$"
)
_DATE_LABEL_RE = re.compile(
    rf"{_RELEASE_TIME}|(?:기사|최초|최종)?\s?(?:입력|수정|등록|작성|게재|승인|발행|송고|업데이트)(?:일시|일자|일)?"
)
# An archive viewer's dateline: ``[한빛일보] 2019-03-04 12면`` (source in brackets, printed page).
# a print edition's issue and page (``12면``, ``1244호 4면``), and an archive's paper before them
# (``[한빛일보] 12면``)
_PRINT_PARTS = r"(?<![\d가-힣])\d{1,3}\s*면(?![가-힣])|(?<![\d가-힣])\d{1,5}\s*호(?![가-힣])"
_PRINT_PARTS_RE = re.compile(_PRINT_PARTS)
_ARCHIVE_PARTS_RE = re.compile(rf"^\s*[\[【〔][^\]】〕]{{1,20}}[\]】〕]|{_PRINT_PARTS}")
_TRAILING_ENDS = ("바로보기", "바로듣기", "미리보기", "다운로드", "내려받기", ">", "〉", "/")
_PLACEHOLDER_RE = re.compile(r"\$\$[A-Z_]+\$\$")
# A header's info line is fields between bars or spaced dots: ``입력 2026.12.02 09:30 | 홍길동 기자``.
_FIELD_SPLIT_RE = re.compile(r"\s*[|｜ㅣ]\s*|\s+[·/]\s+")
_FIELD_LABEL_RE = re.compile(
    rf"\bby\b|(?<![가-힣])(?:{_ANY}|{_RELEASE_TIME}|기자명|작성|등록|게시|배포|(?:기사|최초|최종)?\s?(?:입력|수정|등록|작성|게재|승인|발행|송고|업데이트)"
    r"(?:일시|일자|일)?)(?![가-힣])",
    re.IGNORECASE,
)
_FIELD_NOISE_RE = re.compile(  # phone numbers, e-mails, counts, colons, brackets, a reporter's role
    _PHONE + r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\d,]+\s*회?|[:：()\[\]=]"
    r"|(?<![가-힣])(?:기자|특파원|통신원|에디터)(?![가-힣])"
)
_COUNTER_RE = re.compile(r"^[가-힣A-Za-z]{1,4}\s*[:：]?\s*[\d,]+$")  # 댓글 0, 조회 35, 추천 3
_HANGUL_NAME_RE = re.compile(r"[가-힣·]+")
_RELEASE_TIME_RE = re.compile(_RELEASE_TIME)  # a release's 보도일시 is its header's, not an event's 일시
# what an event notice's line says after its date (일시, 장소, 기간): the article's own facts
_EVENT_WORDS_RE = re.compile(r"일시|장소|기간|대상|까지|부터|예정|개최|마감|접수|신청")
MAX_META_LINE = 100
MAX_META_WORDS = 2  # what a field holds besides its date and label: a name (홍길동 기자, 청년정책과)
MAX_NAME_CHARS = 12


def clean_body(text: str, drop: tuple[str, ...] = ()) -> str:
    """Body text without boilerplate lines; lines equal to one in ``drop`` (the title) go too."""
    dropped = {fold(d) for d in drop if d}
    lines: list[str] = []
    skip_value = False
    box_at = 0  # where the last box heading after some text stood
    for raw in _PLACEHOLDER_RE.sub("", text).splitlines():
        line = table_row(fold(raw))
        if line.endswith(_TRAILING_ENDS):  # the regex only where it can match: linear and cheap
            line = TRAILING_RE.sub("", line)
        line = strip_dateline(fold(line))
        if not line:
            continue
        if skip_value and VALUE_ONLY_RE.match(line):
            skip_value = False
            continue
        skip_value = bool(LABEL_ONLY_RE.match(line))
        if skip_value or _dropped(fold(line.lstrip("-• ")), dropped) or is_boilerplate(line):
            if lines and (is_box_heading(line.lstrip(LIST_BULLETS).strip()) or _COPYRIGHT_RE.search(line)):
                box_at = len(lines)
            continue
        if not lines and is_section_name(line):  # the header's section label, above the headline
            continue
        if not lines or lines[-1] != line:
            lines.append(line)
    if box_at and _box_items(lines[box_at:]):
        lines = lines[:box_at]
    return "\n".join(_without_people_boxes(_without_tool_runs(_without_machine_summary(lines))))


def _box_items(lines: list[str]) -> bool:
    """``lines`` are a box's items: a few short lines, none a sentence (other articles' headlines,
    each with its date: ``- 교통약자 이동권 예산 확대 2026.11.28``).

    Convention: a related or most-read box after the text lists headlines under its stock heading,
    or after the copyright line that closes the text;
    the items' links may point nowhere the extractor counts (``href="#"``, a script), so only their
    shape tells them. Text going on under the heading (a sentence) keeps the lines.
    """
    return 0 < len(lines) <= MAX_BOX_ITEMS and all(
        len(line) <= MAX_BOX_ITEM_CHARS and not is_sentence(line) for line in lines
    )


MAX_BOX_ITEMS, MAX_BOX_ITEM_CHARS = 12, 80
# the copyright line a news page closes its text with: what follows it is the page's, not the text's
_COPYRIGHT_RE = re.compile(rf"저작권자|{_REUSE_BAN}|copyright", re.I)


def _without_tool_runs(lines: list[str]) -> list[str]:
    """``lines`` without runs of two or more lines that each hold one tool word (``페이스북`` /
    ``트위터`` / ``카카오톡``).

    Convention: a share row sets each button in an element of its own, so a short text that takes
    the row in gets its words one per line. One such word alone may be the text's (a heading
    ``공유``); two in a row are the buttons.
    """
    tools = [bool(_TOOL_LINE_RE.fullmatch(line)) for line in lines]
    if sum(tools) < 2:
        return lines
    kept = []
    for index, line in enumerate(lines):
        run = tools[index] and (
            (index > 0 and tools[index - 1]) or (index + 1 < len(lines) and tools[index + 1])
        )
        if not run:
            kept.append(line)
    return kept


_TOOL_LINE_RE = re.compile(rf"(?:{_TOOL_WORDS})\s*[|·/]?", re.IGNORECASE)


def _without_people_boxes(lines: list[str]) -> list[str]:
    """``lines`` without the people boxes a regional paper's text ran into at its end.

    Convention: a regional paper sets its 인사, 부고 and 동정 boxes beside the article, each under its
    one-word name with its entries marked ``▲``/``◇`` (``인사`` / ``◇전남도 ▲자치행정국장 박정수``); a
    text that takes them in ends with such names, each over marked lines only.
    """
    cut = len(lines)
    index = len(lines) - 1
    while index > 0:
        entries = index
        while entries > 0 and lines[entries].lstrip()[:1] in _ENTRY_MARKS:
            entries -= 1
        if entries == index or not _PEOPLE_BOX_RE.fullmatch(lines[entries].strip()):
            break
        cut, index = entries, entries - 1
    return lines[:cut] if cut > 0 else lines


_PEOPLE_BOX_RE = re.compile(r"[\[【<]?\s*(?:인사|부고|부음|동정|결혼|화촉|알림|게시판)\s*[\]】>]?")
_ENTRY_MARKS = "▲◇◆△■□"


def _without_machine_summary(lines: list[str]) -> list[str]:
    """``lines`` without the machine-made summary box a news page prints over the text.

    Convention: pages that summarise their articles by AI put a box above the text — a label
    (``AI 요약``), a few bullet points, and a notice that a machine wrote them (``AI 기술로 요약된
    내용입니다``). The points repeat the text; the box is no part of it. The label opens the box and
    the notice, or the last bullet, closes it.
    """
    start = next(
        (i for i, line in enumerate(lines[:MAX_SUMMARY_START]) if _SUMMARY_LABEL_RE.match(line)), None
    )
    if start is None:
        return [line for line in lines if not _SUMMARY_NOTICE_RE.search(line)]
    end = start + 1
    while end < len(lines) and end - start <= MAX_SUMMARY_LINES:
        if _SUMMARY_NOTICE_RE.search(lines[end]):
            end += 1
            break
        if not lines[end].startswith(tuple(LIST_BULLETS.strip())):
            break
        end += 1
    return lines[:start] + lines[end:]


MAX_SUMMARY_START = 6  # the box sits over the text: among its first lines
MAX_SUMMARY_LINES = 8
# (an editor's box says which summary it is: ``핵심 요약``, ``3줄 요약``; a bare ``요약`` may head a
# report's own summary, which is its text)
_SUMMARY_LABEL_RE = re.compile(
    r"^[\[【<]?\s*(?:(?:AI|인공지능)\s*(?:기사\s*)?(?:요약|핵심\s*요약|3줄\s*요약)|(?:핵심|[3세]\s*줄)\s*요약)"
    r"\s*[\]】>]?$",
    re.I,
)
_SUMMARY_NOTICE_RE = re.compile(
    r"^(?=.{0,120}$).*(?:AI|인공지능)[^.]{0,20}(?:요약|정리)(?:한|된|했|하였)[^.]{0,40}(?:입니다|습니다)"
)


def drop_lines(cleaned: str, drop: tuple[str, ...]) -> str:
    """``clean_body`` output without the lines equal to one in ``drop`` (the title), as if
    ``clean_body(text, drop=drop)`` had been called: repeated lines that meet are merged."""
    dropped = {fold(d.lstrip(LIST_BULLETS)) for d in drop if d}
    if not dropped:
        return cleaned
    lines: list[str] = []
    for line in cleaned.splitlines():
        if not _dropped(fold(line.lstrip(LIST_BULLETS)), dropped) and (not lines or lines[-1] != line):
            lines.append(line)
    return "\n".join(lines)


def _dropped(line: str, dropped: set[str]) -> bool:
    """``line`` is one to drop, or one run on with the info line printed after it.

    Convention: a headline box prints the byline and date after the headline in inline elements
    of their own; a page sent without whitespace between tags reads as one line
    (``제목홍길동 기자2024년 05월 03일 (금) 10:20``): the headline's line with nothing else of the text.
    """
    if line in dropped:
        return True
    return any(
        line.startswith(head) and _info_line(fold(line[len(head) :]))
        for head in dropped
        if len(line) > len(head)
    )


def drop_leading_teasers(cleaned: str, teasers: Sequence[str]) -> str:
    """``cleaned`` without the other articles' linked headlines it opens with, when there are several.

    Convention: pages laid out in columns print a box of the latest or most-read headlines, each a
    link to its article, in a column before the article's own; an extractor that keeps that
    column runs it in above the headline. Lines shorter than a headline between them (the box's
    name) stay for the rules that read labels; the run ends at the first line that is no teaser.
    """
    known = {fold(t) for t in teasers}
    if not known:
        return cleaned
    lines = cleaned.split("\n")
    found: list[int] = []
    for index, line in enumerate(lines):
        text = fold(line.lstrip(LIST_BULLETS))
        if text in known:
            found.append(index)
        elif len(text) >= MIN_TEASER_CHARS:
            break
    # one teaser is enough when it is a list's bulleted item (``· 시의회, 예산안 심사 돌입``): a text
    # never opens with a bulleted link to another article
    listed = len(found) == 1 and lines[found[0]][:1] in LIST_BULLETS.strip()
    if (len(found) < MIN_LEADING_TEASERS and not listed) or len(found) == len(lines):
        return cleaned
    gone = set(found)
    return "\n".join(line for index, line in enumerate(lines) if index not in gone)


MIN_LEADING_TEASERS = 2


def drop_item_lines(cleaned: str, items: Sequence[str]) -> str:
    """``cleaned`` without the run of teaser items it ends with (``listing.teaser_items``): the
    summaries printed beside other articles' linked headlines in a related box after the text.

    Only the closing run goes: a most-read box may carry this article's own lead, which the text
    opens with.
    """
    # an item's text runs its parts together (``제목가람시는 …``) where the body's line spaces them
    texts = ["".join(item.split()) for item in items]
    lines = cleaned.split("\n")
    first_item = None
    for index in range(len(lines) - 1, -1, -1):
        # a list of posts set as a table prints each row ``| 제목 | 2025.03.21 |``
        text = fold(lines[index].lstrip(LIST_BULLETS).replace("|", " "))
        if len(text) >= MIN_TEASER_CHARS and any("".join(text.split()) in item for item in texts):
            first_item = index
        elif len(text) >= MIN_TEASER_CHARS:
            break
    if first_item is None or first_item == 0:
        return cleaned
    # the box's own labels printed as items of the same list (``- 이전기사``, ``- 관련기사``)
    while first_item > 1 and _short_item(lines[first_item - 1]):
        first_item -= 1
    return "\n".join(lines[:first_item])


def _short_item(line: str) -> bool:
    stripped = line.lstrip()
    short = len(fold(stripped.lstrip(LIST_BULLETS))) < MIN_TEASER_CHARS
    return stripped[:1] in LIST_BULLETS.strip() and short


def drop_above_headline(cleaned: str, title: str | None) -> str:
    """``cleaned`` without the short lines the extractor kept above the headline's own line (and
    without a board or section label run into that line).

    Convention: an article's text follows its headline. When the extractor takes the headline
    into the body, what it kept above it is page chrome: a menu word, the site's name, a section
    label. Only short lines within the body's first ``MAX_LINES_ABOVE_HEADLINE`` go; a paragraph
    above a repeated headline is text.
    """
    if not title:
        return cleaned
    lines = cleaned.split("\n")
    head = fold(title)
    top = lines[: MAX_LINES_ABOVE_HEADLINE + 1]
    folded = [_unlabelled(fold(line.lstrip(LIST_BULLETS)), head) for line in top]
    at = next((i for i, line in enumerate(folded) if line == head), None)
    if at is None or any(len(line) > MAX_CHROME_CHARS for line in folded[:at]):
        return cleaned
    return "\n".join([title, *lines[at + 1 :]])


def _unlabelled(line: str, title: str) -> str:
    """``보도자료가온시, …``, ``[보도자료] 가온시, …`` → the title: a board's or section's name run
    into the headline's line."""
    if line == title or not line.endswith(title):
        return line
    label = line[: -len(title)].strip().strip("[]【】〔〕《》〈〉<>()").strip()
    return title if is_cms_words(label) or is_section_name(label) else line


MAX_LINES_ABOVE_HEADLINE = 10  # a header menu the extractor kept in full: 홈, 정치, 경제, 사회, 로그인 …
MAX_CHROME_CHARS = 30


def table_row(line: str) -> str:
    """A ``| a | b |`` table row as text: ``""`` for rules, blank rows and label rows (``| 담당부서 | …``).

    A row with one filled cell is that cell's text (page layout drawn with a table).
    """
    if len(line) < 2 or not (line.startswith("|") and line.endswith("|")):
        return line
    cells = [c for c in (fold(c.replace("\\|", "|")) for c in _CELL_SPLIT_RE.split(line[1:-1])) if c]
    if not cells or all(TABLE_RULE_RE.match(c) for c in cells):
        return ""
    if len(cells) == 1:
        return "" if _menu_cell(cells[0]) else cells[0]
    first = _unspaced(cells[0])
    if LABEL_ONLY_RE.match(first):
        return ""
    if (is_cms_words(first) or is_boilerplate(first)) and not _figures_row(cells[1:]):
        return ""
    return line


def _unspaced(text: str) -> str:
    """A word set with a space between its letters, whole: ``보 도 자 료`` → ``보도자료``.

    Convention: an HWP release's header table letter-spaces its kind (``보 도 자 료``) across the cell.
    """
    return text.replace(" ", "") if _LETTER_SPACED_RE.fullmatch(text) else text


_LETTER_SPACED_RE = re.compile(r"[가-힣](?: [가-힣]){2,}")


def _menu_cell(cell: str) -> bool:
    """A layout cell holding the site's menu: three or more short names between bars
    (``지역뉴스 | 의회 | 교육 | 사람들``).

    Convention: table-era sites draw their menu as one cell of links set apart by ``|``; an article's
    cell holds sentences, and a data table's names sit in cells of their own.
    """
    items = [fold(item) for item in cell.split("|")]
    return len(items) >= MIN_MENU_ITEMS and all(_MENU_ITEM_RE.fullmatch(item) for item in items)


MIN_MENU_ITEMS = 3
_MENU_ITEM_RE = re.compile(r"[가-힣A-Za-z·&/]{1,8}(?: [가-힣A-Za-z·&/]{1,8})?")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")  # trafilatura writes a bar inside a cell as ``\|``


def _figures_row(cells: list[str]) -> bool:
    """The cells after a row's label are all figures (``| 전체 | 1,043 | 1,200 | 157 |``).

    Convention: the data tables of a press release (HWP tables) total their figures in a row
    labelled ``전체``/``합계``/``계``; a page-type word there is a row name, not board furniture,
    whose values are names, dates and counters beside labels (``| 작성일 | 2025.12.16 | 조회수 | 9 |``).
    """
    return len(cells) >= 2 and all(is_figure(cell) for cell in cells)


def is_figure(text: str) -> bool:
    """A table cell's figure: ``1,043``, ``12.5%``, ``△3.1%p``, ``520억 원``."""
    return bool(_FIGURE_RE.match(text))


_FIGURE_RE = re.compile(
    r"^[-+△▲▼]?\s*[\d][\d,.]*\s*(?:%|%p|배|명|개|건|원|억\s*원?|만\s*원?|천\s*원?|조\s*원?)?$"
)


def is_boilerplate(line: str) -> bool:
    """True for one line of CMS or newspaper furniture rather than article text."""
    bare = line.lstrip(LIST_BULLETS).strip()
    if not bare or is_cms_words(bare):
        return True
    if _LETTER_SPACED_RE.fullmatch(bare) and is_cms_words(bare.replace(" ", "")):
        return True  # an HWP release's banner set letter by letter: ``보 도 자 료``
    if is_box_heading(bare) or _box_led(bare):
        # Convention: a related, most-read or latest box under its stock heading (``이 기사와 관련된
        # 기사``); its linked items go as links, and the heading alone is no line of the text, nor
        # the heading run together with the one title an inline box holds (``함께 읽으면 좋은 기사제목``)
        return True
    if len(bare) <= MAX_NOTICE_LINE and BOILERPLATE_RE.search(bare):
        return True
    if is_byline(bare) or _only_dates(bare) or _info_line(bare):
        return True
    if any(pattern.match(line.strip()) for pattern in (CAPTION_RE, LABELLED_CAPTION_RE, POINTER_RE)):
        return True
    if _column_list(bare):
        return True
    return len(bare) <= MAX_LABEL_LINE and bool(LABEL_LINE_RE.match(bare)) and not is_sentence(bare)


def _box_led(line: str) -> bool:
    """A box's stock heading with one headline after it, not a sentence going on from its words."""
    end = box_heading_end(line)
    rest = line[end:].strip()
    return (
        bool(end)
        and MIN_TEASER_CHARS <= len(rest) <= MAX_LABEL_LINE
        and rest[0] not in _PARTICLES
        and not (is_sentence(rest))
    )


_PARTICLES = "을를이가은는에의로와과도만"


def _column_list(line: str) -> bool:
    """A table's caption naming its columns: ``보도자료 상세보기 - 제목, 작성자, 작성일, 조회수, 내용``.

    Convention: accessible boards (KWCAG) give each table a ``<caption>`` or summary for screen
    readers that lists the fields it holds, after the table's name; the extractor reads it as the
    body's first line. Every item is a field label, but for one (``내용으로 구성된 표``).
    """
    if len(line) > MAX_COLUMNS_LINE or len(_COLUMN_SPLIT_RE.findall(line)) < 2:
        return False
    fields = _TABLE_NAME_RE.split(line)[-1]
    items = [fold(item) for item in _COLUMN_SPLIT_RE.split(fields) if fold(item)]
    if items and not _column_name(items[-1]) and _TABLE_WORDS_RE.search(items[-1]):
        items = items[:-1]  # ``… 조회수, 내용으로 구성된 표``: the last field said with what the table is
    return len(items) >= 3 and all(_column_name(item) for item in items)


def _column_name(item: str) -> bool:
    return bool(LABEL_ONLY_RE.match(item)) or item in COLUMN_WORDS


MAX_COLUMNS_LINE = 150
COLUMN_WORDS = frozenset(
    {
        "내용",
        "본문",
        "번호",
        "글번호",
        "이름",
        "구분",
        "작성",
        "등록",
        "파일명",
        "배포일시",
        "보도일시",
        "보도시점",
    }
)
_COLUMN_SPLIT_RE = re.compile(r"\s*[,·/、]\s*")
_TABLE_WORDS_RE = re.compile(r"^\S{1,6}(?:으로|로)\s*(?:구성|이루어)|표(?:입니다)?$|정보(?:를|입니다)?")
_TABLE_NAME_RE = re.compile(r"\s[-–—]\s|[:：]\s*")


def _only_dates(line: str) -> bool:
    """A line that is nothing but dates with 입력/수정-style labels."""
    if not DATE_RE.search(line):  # most lines: one quick search, no substitutions
        return is_short_stamp(line)
    rest = DATE_RE.sub(" ", line)
    rest = _DATE_LABEL_RE.sub(" ", rest)
    rest = _ARCHIVE_PARTS_RE.sub(" ", rest)
    return not re.search(r"[가-힣A-Za-z]{2,}", rest)


def _info_line(line: str) -> bool:
    """The info line an article header prints under the headline: each field is a date, a labelled
    value or a byline (``입력 2026.12.02 09:30 | 홍길동 기자``, ``2026.12.02 청년정책과``,
    ``부서 청년정책과 | 담당자 김하늘 | 연락처 031-000-0000``).

    Convention: CMS article and board views set date, writer, department and contact on one line
    between the headline and the text; what is left of a field once its date or label goes is a
    name of at most two words. A date with an event's words after it (``일시 12. 2. 10:00``,
    ``1월 15일부터 접수``) is the article's own fact and stays.
    """
    if (
        len(line) > MAX_META_LINE
        or is_sentence(line)
        or _EVENT_WORDS_RE.search(_RELEASE_TIME_RE.sub(" ", line))
    ):
        return False
    fields = [f for f in _FIELD_SPLIT_RE.split(line) if f.strip()]
    unmarked = [f for f in fields if not _info_field(f)]
    # the writer's office unlabelled among them (``소방본부 대변인 | 2025년 6월 26일 | 조회 81``):
    # one short name, beside at least two fields that are marked
    if len(unmarked) == 1 and len(fields) >= 3:
        words = unmarked[0].split()
        return len(words) <= MAX_META_WORDS and all(
            len(w) <= MAX_NAME_CHARS and _HANGUL_NAME_RE.fullmatch(w) for w in words
        )
    return bool(fields) and not unmarked


def _info_field(field: str) -> bool:
    """One field of an info line: a byline, or a date or label with at most a short name left."""
    if is_byline(field) or _COUNTER_RE.match(field.strip()):
        return True
    field = numeric_months(field)
    rest = DATE_RE.sub(" ", field)
    printed = _PRINT_PARTS_RE.sub(" ", rest)  # a print edition's ``1244호 4면``
    marked = printed != field
    unlabelled = _FIELD_LABEL_RE.sub(" ", printed)
    if not marked and unlabelled != printed and not _label_at_edge(printed.strip()):
        return False  # a field opens or closes with its label (``문의 …``, ``미디어 문의``), not in passing
    marked = marked or unlabelled != printed
    words = _FIELD_NOISE_RE.sub(" ", unlabelled).split()
    return marked and len(words) <= MAX_META_WORDS and all(len(w) <= MAX_NAME_CHARS for w in words)


def _label_at_edge(field: str) -> bool:
    """A field's label opens or closes it (``문의 …``, ``미디어 문의``); English ``by`` stands inside
    (``Designed by …``, ``Posted by …``)."""
    return any(
        m.start() == 0 or m.end() == len(field) or m.group().lower() == "by"
        for m in _FIELD_LABEL_RE.finditer(field)
    )


def is_sentence(line: str) -> bool:
    """Looks like a prose sentence: ends like one (…했다.) and is not a bare label."""
    return len(line) >= 8 and bool(re.search(r"(?:다|요|죠|까)[.!?。]?[\"'”’)]*$", line))
