// ksum page logic. A classic script (no import/export) so the same file runs in both builds:
//  - www/index.html loads it as a classic script, then a module script calls startKsum(ksum)
//    with the ES-module glue from www/pkg/ksum.js;
//  - dist/ksum.html inlines it and calls startKsum(wasm_bindgen) with the no-modules glue.
//
// User text only ever reaches the DOM through textContent / createTextNode: nothing the user
// pastes is parsed as markup.
"use strict";

/**
 * Wires the page to a ksum API.
 * @param {{summarize: (text: string, options?: {k?: number, ratio?: number}) =>
 *            {sentences: {start: number, end: number, text: string, score: number, rank: number}[],
 *             summary: number[]},
 *          split: (text: string) => {start: number, end: number, text: string}[]}} api
 */
function startKsum(api) {
  const DEBOUNCE_MS = 150;
  const LEVELS = 5; // distinct highlight strengths in style.css (data-level 1 = strongest)

  const input = document.getElementById("input");
  const count = document.getElementById("count");
  const output = document.getElementById("output");
  const summaryList = document.getElementById("summary");
  const status = document.getElementById("status");
  const numberFmt = new Intl.NumberFormat("ko-KR");

  let timer = 0;
  let lastMs = 0; // time the last summary took: long texts wait longer between keystrokes

  function setStatus(text, isError) {
    status.textContent = text;
    status.classList.toggle("error", Boolean(isError));
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
  }

  /**
   * Highlight strength of each chosen sentence, 1 (strongest) .. LEVELS, from its place among
   * the chosen ones by rank (ranks are over all sentences, so the chosen need not be 1..k).
   */
  function levels(sentences, chosen) {
    const byRank = chosen.slice().sort((a, b) => sentences[a].rank - sentences[b].rank);
    const k = byRank.length;
    const out = new Map();
    byRank.forEach((i, p) => {
      out.set(i, k <= LEVELS ? p + 1 : 1 + Math.floor((p * LEVELS) / k));
    });
    return out;
  }

  /** Splits a span's text into leading whitespace, core, trailing whitespace. */
  function trimParts(s) {
    const lead = s.length - s.trimStart().length;
    const core = s.trim();
    return [s.slice(0, lead), core, s.slice(lead + core.length)];
  }

  function readCount() {
    const raw = count.value.trim();
    if (!/^\d+$/.test(raw) || Number(raw) < 1) return null;
    return Number(raw);
  }

  function showEmpty(message) {
    clear(output);
    clear(summaryList);
    output.classList.add("empty");
    summaryList.classList.add("empty");
    const p = document.createElement("p");
    p.className = "placeholder";
    p.textContent = "요약할 글을 왼쪽에 붙여 넣으면 중요한 문장이 여기에 표시됩니다.";
    output.appendChild(p);
    const li = document.createElement("li");
    li.className = "placeholder";
    li.textContent = "아직 요약이 없습니다.";
    summaryList.appendChild(li);
    setStatus(message, false);
  }

  function render(text, result, ms) {
    const sentences = result.sentences;
    const chosen = result.summary;
    const k = chosen.length;
    const picked = new Set(chosen);
    const strength = levels(sentences, chosen);

    // The document, with the chosen sentences as <mark> in place.
    const frag = document.createDocumentFragment();
    let pos = 0;
    for (let i = 0; i < sentences.length; i++) {
      if (!picked.has(i)) continue;
      const s = sentences[i];
      const [lead, core, trail] = trimParts(text.slice(s.start, s.end));
      const coreStart = s.start + lead.length;
      if (coreStart > pos) frag.appendChild(document.createTextNode(text.slice(pos, coreStart)));
      const mark = document.createElement("mark");
      mark.id = "s-" + i;
      mark.tabIndex = -1;
      mark.dataset.rank = String(s.rank);
      mark.dataset.level = String(strength.get(i));
      mark.title = "중요도 " + s.rank + "위";
      mark.textContent = core;
      frag.appendChild(mark);
      pos = s.end - trail.length;
    }
    if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
    clear(output);
    output.classList.remove("empty");
    output.appendChild(frag);

    // The summary, in document order.
    const list = document.createDocumentFragment();
    for (const i of chosen) {
      const s = sentences[i];
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "#s-" + i;
      a.dataset.target = "s-" + i;
      const badge = document.createElement("span");
      badge.className = "rank";
      badge.dataset.level = String(strength.get(i));
      badge.textContent = s.rank + "위";
      const body = document.createElement("span");
      body.className = "sentence";
      body.textContent = s.text.trim();
      a.append(badge, body);
      li.appendChild(a);
      list.appendChild(li);
    }
    clear(summaryList);
    summaryList.classList.remove("empty");
    summaryList.appendChild(list);

    const chars = Array.from(text).length;
    setStatus(
      "문장 " + numberFmt.format(sentences.length) + "개 중 " + numberFmt.format(k) + "개 선택 · " +
        numberFmt.format(chars) + "자 · " + ms.toFixed(ms < 10 ? 1 : 0) + " ms",
      false,
    );
  }

  function update() {
    clearTimeout(timer);
    timer = 0;
    const text = input.value;
    if (text.trim() === "") {
      showEmpty("글을 입력하면 바로 요약합니다.");
      return;
    }
    const k = readCount();
    if (k === null) {
      setStatus("요약 문장 수는 1 이상의 정수여야 합니다.", true);
      return;
    }
    let result;
    const t0 = performance.now();
    try {
      result = api.summarize(text, { k });
    } catch (err) {
      setStatus("요약하지 못했습니다: " + (err && err.message ? err.message : String(err)), true);
      return;
    }
    lastMs = performance.now() - t0;
    render(text, result, lastMs);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(update, Math.min(1000, Math.max(DEBOUNCE_MS, 2 * lastMs)));
  }

  input.addEventListener("input", schedule);
  count.addEventListener("input", update);
  count.addEventListener("change", update);

  // Clicking a summary item scrolls its sentence into view and flashes it.
  summaryList.addEventListener("click", (event) => {
    const a = event.target instanceof Element ? event.target.closest("a[data-target]") : null;
    if (!a) return;
    const mark = document.getElementById(a.dataset.target);
    if (!mark) return;
    event.preventDefault();
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    mark.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    mark.focus({ preventScroll: true });
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
  });

  document.body.classList.add("ready");
  input.disabled = false;
  count.disabled = false;
  update();
}
