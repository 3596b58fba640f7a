// The story view: the release sentence by sentence, marked by how many outlets kept each, beside
// what every outlet added, changed and left out; then the timeline. Values go in as text only.
"use strict";

(() => {
  const TOKEN_KEY = "newsdesk.token";
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const when = (iso) => (iso ? iso.slice(0, 16).replace("T", " ") : "날짜 없음");
  const percent = (share) => (share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`);
  const lag = (minutes) => {
    if (minutes === null || minutes === undefined) return "";
    const sign = minutes < 0 ? "−" : "+";
    const m = Math.abs(minutes);
    return m < 60 ? `${sign}${m}분` : `${sign}${Math.floor(m / 60)}시간 ${m % 60}분`;
  };

  let shown = null;  // the story on screen, so reopening a draft of it does not refetch

  async function showStory(storyId) {
    const view = document.getElementById("story-view");
    if (!view) return;
    if (!storyId) {
      view.hidden = true;
      shown = null;
      return;
    }
    if (shown === storyId && !view.hidden) return;
    const token = sessionStorage.getItem(TOKEN_KEY) || "";
    try {
      const response = await fetch(`/stories/${storyId}`, { headers: { Authorization: `Bearer ${token}` } });
      const payload = await response.json();
      if (!response.ok) throw new Error(`${response.status}: ${payload.error}`);
      render(view, payload);
      shown = storyId;
      view.hidden = false;
    } catch (error) {
      view.hidden = false;
      view.replaceChildren(el("p", "story-error", `이야기 ${storyId}를 불러오지 못했습니다 — ${error.message}`));
    }
  }

  function render(view, story) {
    const release = story.canonical;
    const head = el("h2", "", `여러 매체 보도 (${story.coverage.length}곳)`);
    const columns = el("div", "story-columns");
    columns.append(releaseColumn(release, story.coverage.length), outletColumn(story.coverage));
    view.replaceChildren(head, columns, timeline(story.timeline));
  }

  function releaseColumn(release, outlets) {
    const column = el("article", "story-release");
    column.append(el("h3", "", `${release.is_release ? "보도자료" : "첫 기사"} · ${release.outlet}`));
    column.append(el("p", "story-note", `문장 앞 숫자: ${outlets}곳 가운데 그 문장을 옮긴 매체 수`));
    const list = el("ol", "story-sentences");
    for (const s of release.sentences) {
      const li = el("li");
      li.dataset.index = String(s.index);
      li.dataset.kept = String(s.kept_by);
      li.classList.toggle("none", s.kept_by === 0);
      li.classList.toggle("all", outlets > 0 && s.kept_by === outlets);
      const badge = el("span", "kept", `${s.kept_by}곳`);
      li.append(badge);
      if (s.summary) li.append(el("span", "summary", "요약"));
      li.append(el("span", "text", s.text));
      list.append(li);
    }
    column.append(list);
    return column;
  }

  function outletColumn(coverage) {
    const column = el("div", "story-outlets");
    for (const c of coverage) {
      const card = el("section", "outlet");
      card.dataset.articleId = String(c.article_id);
      card.append(el("h3", "", c.outlet));
      const credit = c.names_source ? `출처 밝힘: ${c.names_source}` : "출처 밝히지 않음";
      card.append(el("p", "meta",
        `${when(c.published)} (${lag(c.lag_minutes)}) · 옮긴 비율 ${percent(c.copied_share)} · ` +
        `요약 문장 반영 ${percent(c.release_kept_share)} · ${credit}`));
      card.append(section("더한 문장", "added", c.added.map((a) => a.text)));
      card.append(section("빠진 요약 문장", "dropped", c.dropped.map((d) => d.text)));
      card.append(section("숫자가 다른 곳", "figures",
        c.figure_differs.map((f) => `${f.release} → ${f.outlet}: ${f.outlet_sentence.text}`)));
      column.append(card);
    }
    return column;
  }

  function section(title, className, lines) {
    const box = el("div", className);
    box.append(el("h4", "", `${title} ${lines.length}`));
    const list = el("ul");
    for (const line of lines) list.append(el("li", "", line));
    if (lines.length) box.append(list);
    return box;
  }

  function timeline(entries) {
    const box = el("div", "story-timeline");
    box.append(el("h3", "", "보도 순서"));
    const list = el("ol");
    for (const t of entries) {
      const tags = [t.canonical && "원문", t.first_report && "첫 보도", t.late_joiner && "뒤늦게 보도",
        t.revisions.length > 1 && `고침 ${t.revisions.length - 1}번`].filter(Boolean);
      const li = el("li", "", `${when(t.published)} ${t.outlet} — ${t.title}`);
      li.dataset.articleId = String(t.article_id);
      for (const tag of tags) li.append(el("span", "tag", tag));
      list.append(li);
    }
    box.append(list);
    return box;
  }

  window.showStory = showStory;
})();
