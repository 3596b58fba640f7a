// Sources that stopped working, at the top of the review page: read from GET /sources (the same
// health rule as `newsdesk sources list`), worded in Korean from each finding's code and numbers.
"use strict";

(() => {
  const REFRESH_MS = 60000;

  const CAUSES = {
    dns: "호스트 이름을 찾을 수 없음",
    connect: "연결이 거부됨",
    timeout: "응답 시간 초과",
    http_4xx: "페이지 없음·접근 거부(HTTP 4xx)",
    http_5xx: "서버 오류(HTTP 5xx)",
    robots: "robots.txt가 수집을 막음",
    too_large: "응답이 너무 큼",
    offsite: "다른 사이트로 이동됨",
    not_html: "HTML이 아닌 응답",
    redirect_loop: "끝없는 주소 이동",
    other: "기사를 읽을 수 없음",
  };

  const n = (value) => Number(value || 0).toLocaleString("ko-KR");
  const was = (issue, text) => (issue.was === null || issue.was === undefined ? "" : ` (이전 ${text})`);
  const cause = (issue) => CAUSES[issue.class] || CAUSES.other;

  const WORDS = {
    crashed: () => "수집 프로세스가 비정상 종료됨",
    unreachable: (i) => `모든 요청 실패: ${cause(i)}`,
    no_links: (i) => `목록에서 기사 링크를 찾지 못함${i.was ? ` (이전 ${n(i.was)}건)` : ""}` +
      (i.class ? ` — ${cause(i)}` : ""),
    pages_failed: (i) => `기사 ${n(i.seen)}건 중 ${n(i.failed)}건 수집 실패: ${cause(i)}`,
    titles: (i) => `제목: 기사 ${n(i.of)}건 중 ${n(i.count)}건만 제목을 찾음` +
      was(i, `${n(i.was_of)}건 중 ${n(i.was)}건`),
    dates: (i) => `날짜: 기사 ${n(i.of)}건 중 ${n(i.count)}건에 날짜 없음` + was(i, `${n(i.was)}건`),
    median_body: (i) => `본문 길이 중앙값 ${n(i.median)}자 (이전 ${n(i.was)}자)`,
    bodies: (i) => `본문: 기사 ${n(i.of)}건 중 ${n(i.count)}건만 200자 넘음 (중앙값 ${n(i.median)}자)`,
    same_titles: (i) => `기사 ${n(i.of)}건 중 ${n(i.count)}건의 제목이 같은 글`,
  };

  const say = (issue) => (WORDS[issue.code] || (() => "확인이 필요함"))(issue);

  function render(box, sources) {
    const failing = sources.filter((s) => s.health && s.health.status === "failing");
    box.replaceChildren();
    box.hidden = failing.length === 0;
    if (!failing.length) return;
    const title = document.createElement("h2");
    title.textContent = `수집이 멈춘 출처 ${failing.length}곳`;
    const list = document.createElement("ul");
    for (const source of failing) {
      const item = document.createElement("li");
      const name = document.createElement("strong");
      name.textContent = source.name;
      const when = document.createElement("span");
      const started = source.health.last_run && source.health.last_run.started_at;
      when.className = "when";
      when.textContent = started ? ` · 마지막 수집 ${new Date(started).toLocaleString("ko-KR")}` : "";
      const reasons = document.createElement("ul");
      for (const issue of source.health.issues || []) {
        const line = document.createElement("li");
        line.textContent = say(issue);
        reasons.append(line);
      }
      item.append(name, when, reasons);
      list.append(item);
    }
    box.append(title, list);
  }

  async function refresh() {
    const box = document.getElementById("source-health");
    if (!box) return;
    try {
      const response = await fetch("/sources");
      if (!response.ok) return;
      const body = await response.json();
      render(box, body.sources || []);
    } catch (error) {
      // the review page works without this panel: a failed refresh keeps the last one shown
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    refresh();
    setInterval(refresh, REFRESH_MS);
  });
})();
