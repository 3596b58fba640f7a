// The review page: a queue of drafts, the source beside the editable draft, workflow buttons.
// Plain DOM, no build step. Every value from the API is inserted as text, never as HTML; the
// export preview renders the export's (escaped) HTML in a sandboxed frame that runs no script.
// Words an editor reads come from korean.js (loaded first).
"use strict";

const TOKEN_KEY = "newsdesk.token";
const STATUS_NAMES = { draft: "초안", approved: "승인", published: "게시", rejected: "반려" };
const FIELDS = ["headline", "category", "excerpt", "feature_text", "keywords", "image"];
const state = { status: "draft", current: null, exportText: "", exportName: "draft.md" };

const $ = (id) => document.getElementById(id);

function say(text, isError = false) {
  const box = $("message");
  box.textContent = text;
  box.classList.toggle("error", isError);
}

// A failed request: the HTTP status (0 when the server was not reached) and the API's reason;
// `message` is the Korean sentence an editor sees.
class ApiFailure extends Error {
  constructor(status, reason) {
    super(koreanError(status, reason));
    this.status = status;
    this.reason = reason;
  }
}

async function api(path, options = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY) || "";
  const headers = { Authorization: `Bearer ${token}`, ...(options.headers || {}) };
  if (options.body) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch {
    throw new ApiFailure(0, "");
  }
  const type = response.headers.get("Content-Type") || "";
  const payload = type.includes("json") ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const reason = payload && typeof payload === "object" ? payload.error : payload;
    throw new ApiFailure(response.status, String(reason || ""));
  }
  return { payload, response };
}

// What an editor reads for any failure: the Korean sentence of an API failure, never a script's English.
function failText(error) {
  return error instanceof ApiFailure ? error.message : "화면을 그리는 중에 문제가 생겼습니다. 새로고침해 보세요.";
}

function showEmptyHint(rejected = false) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  $("empty-text").textContent = rejected ? "저장한 편집 토큰이 맞지 않습니다. 위에서 다시 넣어 주세요."
    : token ? "왼쪽 목록에서 검토할 초안을 고르세요." : "먼저 위에 편집 토큰을 넣고 저장하세요.";
}

async function loadQueue() {
  const params = new URLSearchParams({ limit: "200" });
  if (state.status) params.set("status", state.status);
  for (const [key, id] of [["category", "f-category"], ["source", "f-source"], ["kind", "f-kind"]]) {
    if ($(id).value.trim()) params.set(key, $(id).value.trim());
  }
  for (const [key, id] of [["since", "f-since"], ["until", "f-until"]]) {
    const day = isoDay($(id).value);
    if (day === null) {
      say("날짜는 2026-12-01처럼 연-월-일로 넣으세요.", true);
      return;
    }
    if (day) params.set(key, day);
  }
  try {
    const { payload } = await api(`/drafts?${params}`);
    renderQueue(payload);
    showEmptyHint();
    if ($("message").classList.contains("error")) say("");  // the list loaded: an earlier error is past
  } catch (error) {
    say(`목록을 불러오지 못했습니다. ${failText(error)}`, true);
    if (error instanceof ApiFailure && error.status === 401) showEmptyHint(true);
  }
}

function renderQueue(payload) {
  const list = $("queue");
  list.replaceChildren();
  $("queue-count").textContent = `${payload.total}건`;
  for (const item of payload.results) {
    const li = document.createElement("li");
    li.dataset.id = String(item.id);
    li.tabIndex = 0;
    if (state.current && state.current.id === item.id) li.setAttribute("aria-current", "true");
    const title = document.createElement("span");
    title.className = "title";
    title.textContent = item.title;
    const sub = document.createElement("span");
    sub.className = "sub";
    const story = item.story_id ? " · 여러 매체" : "";
    const edited = item.edited.length ? " · 수정됨" : "";
    const when = koreanDate(item.published, item.published_date_only);
    sub.textContent = `${STATUS_NAMES[item.status]} · ${item.source || ""} · ${when}` +
      ` · ${item.category || "분류 없음"}${story}${edited}`;
    li.append(title, sub);
    li.addEventListener("click", () => openDraft(item.id));
    li.addEventListener("keydown", (event) => { if (event.key === "Enter") openDraft(item.id); });
    list.append(li);
  }
}

async function openDraft(id) {
  try {
    const { payload } = await api(`/drafts/${id}`);
    state.current = payload;
    renderDraft(payload);
    await loadExport(id);
    for (const li of $("queue").children) {
      li.toggleAttribute("aria-current", li.dataset.id === String(id));
    }
  } catch (error) {
    say(`초안 ${id}번을 열지 못했습니다. ${failText(error)}`, true);
  }
}

function renderDraft(d) {
  $("empty").hidden = true;
  $("review").hidden = false;
  const badge = $("d-status");
  badge.textContent = STATUS_NAMES[d.status] || d.status;
  badge.className = `badge ${d.status}`;
  badge.dataset.status = d.status;
  $("d-source").textContent = d.source || "";
  $("d-published").textContent = koreanDate(d.published, d.published_date_only);
  const link = $("d-url");  // an http(s) URL only: a stored javascript: URL must never become a link
  if (/^https?:\/\//i.test(d.url || "")) link.href = d.url;
  else link.removeAttribute("href");
  $("d-outlets").textContent = d.outlets.length
    ? `함께 보도한 곳: ${d.outlets.map((o) => o.name).join(", ")}` : "";
  $("d-rights").textContent = rightsText(d.rights);
  $("d-reason").textContent = d.category_reason.length ? `근거: ${d.category_reason.join(", ")}` : "";
  for (const field of FIELDS) {
    const value = d[field];
    $(`e-${field}`).value = Array.isArray(value) ? value.join(", ") : value || "";
    $(`e-${field}`).closest("label").classList.toggle("changed", field in d.edits);
  }
  const edited = Object.keys(d.edits);
  const names = edited.map((field) => FIELD_NAMES[field] || "기타");
  $("d-edited").textContent = edited.length ? `수정한 항목: ${names.join(", ")}` : "";
  $("r-sentences").value = d.summary_sentences || d.key_sentences.length || 3;
  $("r-chars").value = d.summary_max_chars || "";
  for (const button of $("actions").querySelectorAll("button")) {
    button.disabled = !d.transitions.includes(button.dataset.to);
  }
  renderKey(d.key_sentences);
  renderBody(d.body, d.key_sentences);
}

function rightsText(rights) {
  const mode = RIGHTS_NAMES[rights.summary_mode] || "";
  const caps = [rights.max_sentences && `최대 ${rights.max_sentences}문장`,
    rights.max_chars && `최대 ${rights.max_chars}자`].filter(Boolean);
  return [mode, ...caps].join(" · ");
}

function renderKey(sentences) {
  const list = $("d-key");
  list.replaceChildren();
  for (const s of sentences) {
    const li = document.createElement("li");
    li.textContent = s.text;
    list.append(li);
  }
}

// Offsets are Python string indices (code points), so slice by code point, not UTF-16 unit.
function renderBody(body, sentences) {
  const chars = Array.from(body);
  const spans = sentences.map((s) => [s.start, s.end]).sort((a, b) => a[0] - b[0]);
  const box = $("d-body");
  box.replaceChildren();
  let start = 0;
  for (let i = 0; i <= chars.length; i += 1) {
    if (i === chars.length || chars[i] === "\n") {
      if (i > start) box.append(paragraph(chars, start, i, spans));
      start = i + 1;
    }
  }
}

function paragraph(chars, start, end, spans) {
  const p = document.createElement("p");
  let cursor = start;
  for (const [a, b] of spans) {
    if (a < start || b > end) continue;
    p.append(chars.slice(cursor, a).join(""));
    const mark = document.createElement("mark");
    mark.textContent = chars.slice(a, b).join("");
    p.append(mark);
    cursor = b;
  }
  p.append(chars.slice(cursor, end).join(""));
  return p;
}

async function loadExport(id) {
  const { payload, response } = await api(`/drafts/${id}/export?format=jekyll`);
  state.exportText = payload;
  const disposition = response.headers.get("Content-Disposition") || "";
  const match = disposition.match(/filename\*=UTF-8''([^;]+)/);
  state.exportName = match ? decodeURIComponent(match[1]) : `draft-${id}.md`;
  $("export").value = payload;
  showPreview(payload, state.current ? state.current.headline : "");
  const link = $("download");
  if (link.href) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([payload], { type: "text/markdown" }));
  link.download = state.exportName;
}

// The post as the blog shows it: the headline, then the export's HTML after its front matter. The
// export escapes every text it holds; the frame is sandboxed (no script, no same-origin) all the same.
function showPreview(post, headline) {
  const body = post.replace(/^---\n[\s\S]*?\n---\n/, "");
  const doc = document.implementation.createHTMLDocument("");
  const title = doc.createElement("h1");
  title.textContent = headline;
  doc.body.append(title);
  $("preview").srcdoc = `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"></head><body>` +
    `${title.outerHTML}${body}</body></html>`;
}

function editsFromForm(d) {
  const changes = {};
  for (const field of FIELDS) {
    const raw = $(`e-${field}`).value.trim();
    const value = field === "keywords" ? raw.split(",").map((k) => k.trim()).filter(Boolean) : raw;
    const generated = d.generated[field] ?? (field === "keywords" ? [] : "");
    const same = JSON.stringify(value) === JSON.stringify(generated);
    if (same && field in d.edits) changes[field] = null;
    else if (!same) changes[field] = value;
  }
  return changes;
}

async function send(path, method, body, done) {
  try {
    const { payload } = await api(path, { method, body: JSON.stringify(body) });
    state.current = payload;
    renderDraft(payload);
    await loadExport(payload.id);
    say(done);
    await loadQueue();
  } catch (error) {
    say(failText(error), true);
  }
}

async function copyExport() {
  try {
    await navigator.clipboard.writeText(state.exportText);
  } catch {
    const area = $("export");
    area.select();
    document.execCommand("copy");
  }
  say("내보낼 글을 복사했습니다");
}

function wire() {
  $("token").value = sessionStorage.getItem(TOKEN_KEY) || "";
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $("token").value.trim());
    say("토큰을 저장했습니다 (이 탭에서만 씁니다)");
    showEmptyHint();
    loadQueue();
  });
  $("token-clear").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $("token").value = "";
    say("토큰을 지웠습니다");
    showEmptyHint();
  });
  for (const tab of $("status-tabs").querySelectorAll("button")) {
    tab.addEventListener("click", () => {
      state.status = tab.dataset.status;
      for (const other of $("status-tabs").querySelectorAll("button")) {
        other.setAttribute("aria-selected", String(other === tab));
      }
      loadQueue();
    });
  }
  $("filters").addEventListener("submit", (event) => { event.preventDefault(); loadQueue(); });
  wireDraft();
}

function wireDraft() {
  const id = () => state.current.id;
  $("draft-form").addEventListener("submit", (event) => {
    event.preventDefault();
    send(`/drafts/${id()}`, "PATCH", editsFromForm(state.current), "수정을 저장했습니다");
  });
  $("revert").addEventListener("click", () => {
    const nulls = Object.fromEntries(Object.keys(state.current.edits).map((k) => [k, null]));
    send(`/drafts/${id()}`, "PATCH", nulls, "생성된 글로 되돌렸습니다");
  });
  for (const button of $("actions").querySelectorAll("button")) {
    const to = button.dataset.to;
    button.addEventListener("click", () =>
      send(`/drafts/${id()}/status`, "POST", { status: to }, STATUS_DONE[to]));
  }
  $("regenerate").addEventListener("click", () => {
    const body = { sentences: Number($("r-sentences").value) || null };
    if ($("r-chars").value) body.max_chars = Number($("r-chars").value);
    send(`/drafts/${id()}/regenerate`, "POST", body, "요약을 다시 만들었습니다 (수정한 항목은 그대로)");
  });
  $("copy").addEventListener("click", copyExport);
  $("submit-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    say("가져오는 중…");
    try {
      const { payload } = await api("/drafts/submit", {
        method: "POST", body: JSON.stringify({ url: $("submit-url").value.trim() }) });
      say(`초안 ${payload.id}번을 만들었습니다`);
      await loadQueue();
      await openDraft(payload.id);
    } catch (error) {
      say(failText(error), true);
    }
  });
}

document.addEventListener("DOMContentLoaded", () => {
  wire();
  showEmptyHint();
  if (sessionStorage.getItem(TOKEN_KEY)) loadQueue();
});
