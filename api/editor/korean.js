// The review page's Korean: field and status names, dates in KST, and API errors as sentences.
// The API's error texts stay English (they are for logs and scripts); an editor reads only these.
"use strict";

const FIELD_NAMES = {
  headline: "제목", category: "분류", excerpt: "발췌", feature_text: "소개",
  key_sentences: "핵심 문장", keywords: "키워드", image: "이미지",
};
const STATUS_DONE = {
  draft: "초안으로 되돌렸습니다", approved: "승인했습니다", published: "게시했습니다", rejected: "반려했습니다",
};
const RIGHTS_NAMES = { full: "요약해 실을 수 있음", excerpt: "발췌만 실을 수 있음", none: "요약해 실을 수 없음" };

// Known reasons first (a substring of the API's text), then one sentence per status.
const KNOWN_REASONS = [
  [/no editor tokens are configured/i, "서버에 편집 토큰이 설정되어 있지 않습니다. 관리자에게 문의하세요."],
  [/token is required/i, "편집 토큰을 먼저 넣고 저장하세요."],
  [/unknown token/i, "편집 토큰이 맞지 않습니다. 토큰을 다시 확인하세요."],
  [/read-only/i, "읽기 전용 토큰입니다. 초안을 바꾸려면 편집 토큰이 필요합니다."],
  [/points at .* address/i, "내부망이나 이 컴퓨터를 가리키는 주소는 가져올 수 없습니다. 공개된 기사 주소를 넣으세요."],
  [/credentials/i, "아이디나 비밀번호가 든 주소는 가져올 수 없습니다."],
  [/refused/i, "이 주소는 가져올 수 없습니다. 공개된 기사 주소를 넣으세요."],
  [/robots\.txt/i, "이 사이트는 자동 수집을 허용하지 않습니다."],
  [/not a web page|not HTML/i, "웹 문서가 아닙니다. 기사 페이지 주소를 넣으세요."],
  [/listing page/i, "기사 목록 페이지입니다. 기사 하나의 주소를 넣으세요."],
  [/could not make an article|no draft was made|no article body/i, "이 페이지에서 기사 본문을 찾지 못했습니다."],
  [/timed out/i, "기사 사이트가 제때 응답하지 않았습니다. 잠시 뒤 다시 해 보세요."],
  [/too many redirects/i, "주소가 너무 여러 번 다른 곳으로 넘어갑니다."],
  [/larger than/i, "페이지가 너무 커서 가져오지 않았습니다."],
  [/cannot resolve|resolves to no address/i, "그런 주소의 사이트를 찾지 못했습니다."],
  [/must be approved before/i, "초안은 먼저 승인해야 게시할 수 있습니다."],
  [/already/i, "이미 그 상태입니다."],
  [/is final/i, "이미 끝난 초안이라 상태를 바꿀 수 없습니다."],
  [/does not quote the source/i, "핵심 문장이 원문과 맞지 않습니다."],
  [/no draft with id/i, "그 초안을 찾지 못했습니다. 목록을 새로 불러오세요."],
];
const BY_STATUS = {
  400: "요청이 올바르지 않습니다.",
  401: "편집 토큰이 맞지 않습니다. 토큰을 다시 확인하세요.",
  403: "이 토큰으로는 할 수 없는 일입니다.",
  404: "찾는 항목이 없습니다.",
  409: "지금 상태에서는 그렇게 바꿀 수 없습니다.",
  413: "보낸 내용이 너무 깁니다.",
  422: "입력한 값이 올바르지 않습니다. 다시 확인하세요.",
  429: "요청이 너무 잦습니다. 잠시 뒤 다시 해 보세요.",
  502: "기사 사이트에서 페이지를 가져오지 못했습니다.",
};

function koreanError(status, reason) {
  // status 0: the request never reached the server
  if (!status) return "서버에 연결하지 못했습니다. 네트워크를 확인하세요.";
  for (const [pattern, sentence] of KNOWN_REASONS) {
    if (pattern.test(reason || "")) return sentence;
  }
  if (BY_STATUS[status]) return BY_STATUS[status];
  if (status >= 500) return "서버에서 오류가 났습니다. 잠시 뒤 다시 해 보세요.";
  return "요청을 처리하지 못했습니다.";
}

const KST_PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Seoul", year: "numeric", month: "numeric", day: "numeric",
  hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

// 2026년 12월 2일 14:05 (KST), or only the day when the page gave no time.
function koreanDate(iso, dateOnly = false) {
  if (!iso) return "날짜 없음";
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return "날짜 없음";
  const part = Object.fromEntries(KST_PARTS.formatToParts(when).map((p) => [p.type, p.value]));
  const day = `${part.year}년 ${Number(part.month)}월 ${Number(part.day)}일`;
  return dateOnly ? day : `${day} ${part.hour}:${part.minute}`;
}

// A day typed as 2026-12-01, 2026.12.1 or 2026년 12월 1일 → "2026-12-01"; "" when empty; null when no day.
function isoDay(text) {
  const value = (text || "").trim();
  if (!value) return "";
  const match = value.match(/^(\d{4})\s*(?:[-./]|년)\s*(\d{1,2})\s*(?:[-./]|월)\s*(\d{1,2})\s*(?:일|\.)?$/);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
