// ksum page logic. A classic script (no import/export): scripts/build-html.mjs inlines it into
// the one self-contained page (dist/ksum.html, also what `make run` serves), after
//   - the wasm-bindgen no-modules glue (global `wasm_bindgen`, used only if workers fail),
//   - a data script defining KSUM_WASM_GZIP_BASE64 (gzipped wasm) and KSUM_WORKER_SOURCE,
//   - www/engine.js (createKsumEngine: the summarizer in a Web Worker).
//
// User text only ever reaches the DOM through textContent / createTextNode: nothing the user
// pastes is parsed as markup. Long text never goes into the textarea (laying out megabytes in
// a textarea freezes a page for seconds); it is shown in the output in blocks that the browser
// lays out only near the viewport (content-visibility: auto), built a slice at a time.
/* global createKsumEngine, wasm_bindgen, KSUM_WASM_GZIP_BASE64, KSUM_WORKER_SOURCE */
"use strict";

const KSUM_I18N = {
  ko: {
    skip: "입력란으로 건너뛰기",
    tagline: "한국어 문서 요약",
    lede: "글을 붙여 넣거나 .txt 파일을 끌어다 놓으면 가장 중요한 문장을 골라 원문 안에 표시합니다. 모든 처리는 이 브라우저 안에서 이루어지며, 글은 어디로도 전송되지 않습니다.",
    source: "원문",
    open: "파일 열기",
    clear: "지우기",
    placeholder: "요약할 한국어 글을 여기에 붙여 넣거나 입력하세요. .txt 파일을 끌어다 놓아도 됩니다.",
    drop: "여기에 놓으면 파일을 엽니다",
    length: "요약 길이",
    mode: "요약 길이 단위",
    "mode-k": "문장",
    "mode-ratio": "% (비율)",
    remember: "이 브라우저에 글 보관",
    cancel: "취소",
    summary: "요약",
    copy: "요약 복사",
    copied: "복사했습니다 ✓",
    keywords: "핵심어",
    output: "원문에서 찾기",
    legend: "진할수록 중요한 문장",
    foot: "ksum · 추출 요약 (Rust + WebAssembly) · 네트워크 요청 없음 · 이 페이지를 저장하면 오프라인에서도 그대로 쓸 수 있습니다",
    langButton: "English",
    langLabel: "Switch to English",
    loading: "요약 엔진을 불러오는 중…",
    engineFailed: "요약 엔진을 불러오지 못했습니다: {msg}",
    notBuilt: "이 파일은 틀입니다. `make web`으로 만든 dist/ksum.html을 여세요.",
    empty: "글을 입력하면 바로 요약합니다.",
    placeholderOut: "요약할 글을 붙여 넣으면 중요한 문장이 여기에 표시됩니다.",
    placeholderSummary: "아직 요약이 없습니다.",
    done: "문장 {n}개 중 {k}개 선택 · {chars}자 · {ms} ms",
    doneProse: "문장 {n}개 중 {k}개 선택 · 본문 문장 {content}개 · {chars}자 · {ms} ms",
    badCount: "요약 문장 수는 1 이상의 정수여야 합니다.",
    badRatio: "비율은 1에서 100 사이의 정수(%)여야 합니다.",
    working: "요약하는 중… {sec}초",
    workingStatus: "{size} 글을 요약하는 중…",
    rendering: "표시하는 중… {pct}%",
    cancelled: "요약을 취소했습니다. 글은 그대로 남아 있습니다.",
    tooBig: "글이 너무 큽니다: {size} (최대 {limit}). 요약하지 않았고, 글은 그대로 남아 있습니다.",
    fileTooBig: "파일이 너무 큽니다: {name}, {size} (최대 {limit}). 지금 글은 그대로 둡니다.",
    fileFailed: "파일을 읽지 못했습니다: {name}",
    fileNotText: "텍스트 파일이 아닙니다: {name} (UTF-8, UTF-16, EUC-KR만 읽습니다). 지금 글은 그대로 둡니다.",
    fileOpened: "파일을 열었습니다: {name}",
    error: "요약하지 못했습니다: {msg}",
    bigTitle: "긴 글 · {size}",
    bigNote: "입력란에 넣으면 브라우저가 멈추므로, 글은 오른쪽 ‘원문에서 찾기’에 나눠서 보여 줍니다. 새 글을 붙여 넣거나(Ctrl+V) ‘지우기’를 누르세요.",
    more: "외 {n}문장 더 (요약 복사에는 모두 들어갑니다)",
    rankTitle: "중요도 {rank}위",
    rankBadge: "{rank}위",
    kwCount: "‘{term}’ {n}곳 표시",
    kwNone: "‘{term}’이(가) 원문에 그대로 나오지 않습니다.",
    copiedNotice: "요약 {n}문장을 복사했습니다.",
    copyFailed: "복사하지 못했습니다. 요약을 직접 선택해 복사하세요.",
    rememberOn: "이 브라우저에 글을 보관합니다. 끄면 바로 지웁니다.",
    rememberOff: "보관한 글을 지웠습니다.",
    rememberTooLong: "글이 너무 길어 보관하지 않았습니다.",
  },
  en: {
    skip: "Skip to the text box",
    tagline: "Korean text summarizer",
    lede: "Paste text or drop a .txt file: the most important sentences are picked and highlighted in place. Everything runs inside this browser; your text is never sent anywhere.",
    source: "Text",
    open: "Open file",
    clear: "Clear",
    placeholder: "Paste or type Korean text to summarize. You can also drop a .txt file here.",
    drop: "Drop to open the file",
    length: "Length",
    mode: "Length unit",
    "mode-k": "sentences",
    "mode-ratio": "% of sentences",
    remember: "Keep my text in this browser",
    cancel: "Cancel",
    summary: "Summary",
    copy: "Copy summary",
    copied: "Copied ✓",
    keywords: "Keywords",
    output: "In the text",
    legend: "Darker means more important",
    foot: "ksum · extractive summaries (Rust + WebAssembly) · no network requests · save this page to use it offline",
    langButton: "한국어",
    langLabel: "한국어로 보기",
    loading: "Loading the summarizer…",
    engineFailed: "Could not load the summarizer: {msg}",
    notBuilt: "This is the template; open dist/ksum.html, built by `make web`.",
    empty: "Type or paste text to summarize it.",
    placeholderOut: "Paste text and its most important sentences are highlighted here.",
    placeholderSummary: "No summary yet.",
    done: "{k} of {n} sentences · {chars} characters · {ms} ms",
    doneProse: "{k} of {n} sentences · {content} of them prose · {chars} characters · {ms} ms",
    badCount: "The number of sentences must be a whole number of at least 1.",
    badRatio: "The ratio must be a whole percentage from 1 to 100.",
    working: "Summarizing… {sec} s",
    workingStatus: "Summarizing {size} of text…",
    rendering: "Showing the text… {pct}%",
    cancelled: "Cancelled. Your text is still here.",
    tooBig: "This text is too large: {size} (limit {limit}). It was not summarized; your text is kept.",
    fileTooBig: "This file is too large: {name}, {size} (limit {limit}). The current text is kept.",
    fileFailed: "Could not read the file: {name}",
    fileNotText: "This is not a text file: {name} (UTF-8, UTF-16 or EUC-KR). The current text is kept.",
    fileOpened: "Opened {name}",
    error: "Could not summarize: {msg}",
    bigTitle: "Long text · {size}",
    bigNote: "Text this long would freeze the text box, so it is shown in parts under ‘In the text’. Paste new text (Ctrl+V) or press ‘Clear’.",
    more: "and {n} more sentences (Copy summary includes them all)",
    rankTitle: "Rank {rank}",
    rankBadge: "#{rank}",
    kwCount: "“{term}”: {n} marked",
    kwNone: "“{term}” does not occur verbatim in the text.",
    copiedNotice: "Copied {n} summary sentences.",
    copyFailed: "Could not copy. Select the summary and copy it by hand.",
    rememberOn: "Your text is kept in this browser. Turn this off to erase it.",
    rememberOff: "The kept text was erased.",
    rememberTooLong: "The text is too long to keep.",
  },
};

/**
 * Wires the page to a ksum engine (see www/engine.js).
 * @param {{summarize(text: string, options: object): Promise<object>, cancel(): void, mode: string}} engine
 */
function startKsum(engine) {
  const DEBOUNCE_MS = 150;
  const LEVELS = 5; // distinct highlight strengths in style.css (data-level 1 = strongest)
  const TEXTAREA_MAX = 100000; // longer text is shown in the output only (see the top)
  const LIMIT_BYTES = 20 * 1024 * 1024; // UTF-8 bytes we agree to summarize
  const BLOCK = 4000; // characters per output block (cut at line ends)
  const MAX_BLOCK = 32000;
  const SLICE_MS = 8; // main-thread work between yields while rendering
  const SUMMARY_SHOWN = 300; // longer summaries are listed in part (copy has them all)
  const KEEP_MAX = 1000000; // characters kept in localStorage at most
  const BUSY_DELAY_MS = 120; // show the progress row only for runs longer than this

  const $ = (id) => document.getElementById(id);
  const input = $("input");
  const count = $("count");
  const ratio = $("ratio");
  const mode = $("mode");
  const output = $("output");
  const summaryList = $("summary");
  const summaryMore = $("summary-more");
  const status = $("status");
  const notice = $("notice");
  const busy = $("busy");
  const progress = $("progress");
  const busyLabel = $("busy-label");
  const cancelBtn = $("cancel");
  const copyBtn = $("copy");
  const clearBtn = $("clear");
  const openBtn = $("open");
  const fileInput = $("file");
  const bigdoc = $("bigdoc");
  const keywordsBox = $("keywords");
  const chips = $("chips");
  const skip = document.querySelector(".skip");
  const kwinfo = $("kwinfo");
  const remember = $("remember");
  const langBtn = $("lang");

  const store = {
    get(key) {
      try {
        return window.localStorage.getItem("ksum." + key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        window.localStorage.setItem("ksum." + key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        window.localStorage.removeItem("ksum." + key);
      } catch {
        /* nothing kept */
      }
    },
  };

  const state = {
    lang: store.get("lang") === "en" ? "en" : "ko",
    text: "",
    textId: 0,
    big: false, // the text lives outside the textarea
    tooBig: false,
    result: null, // the engine's result for state.textId, plus byRank and `prefix`
    picks: [], // chosen sentence indices, document order
    keyword: null,
    statusKey: "loading",
    statusArgs: {},
    statusError: false,
    msPerChar: 0.001, // learned from runs; drives the progress estimate
  };

  // ---- text and formatting ------------------------------------------------------------

  function t(key, args) {
    const table = KSUM_I18N[state.lang];
    const s = key in table ? table[key] : KSUM_I18N.ko[key];
    return s.replace(/\{(\w+)\}/g, (_, name) => (args && name in args ? String(args[name]) : ""));
  }

  function num(n) {
    return new Intl.NumberFormat(state.lang === "ko" ? "ko-KR" : "en-US").format(n);
  }

  function size(bytes) {
    if (bytes < 1024 * 1024) return num(Math.max(1, Math.round(bytes / 1024))) + " KB";
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  /** UTF-8 size of `text` without allocating; exact. */
  function utf8Bytes(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c <= 0xdbff) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  function overLimit(text) {
    if (text.length * 3 <= LIMIT_BYTES) return false;
    if (text.length > LIMIT_BYTES) return true;
    return utf8Bytes(text) > LIMIT_BYTES;
  }

  function setStatus(key, args, isError) {
    state.statusKey = key;
    state.statusArgs = args || {};
    state.statusError = Boolean(isError);
    status.textContent = t(key, args);
    status.classList.toggle("error", Boolean(isError));
  }

  let noticeTimer = 0;
  function say(key, args) {
    clearTimeout(noticeTimer);
    notice.textContent = t(key, args);
    notice.classList.add("shown");
    noticeTimer = setTimeout(() => {
      notice.classList.remove("shown");
      notice.textContent = "";
    }, 3500);
  }

  // The box holds Korean text, but when it is empty a screen reader reads its
  // placeholder, which is in the interface's language.
  function setInputLang() {
    input.lang = input.value ? "ko" : state.lang;
  }

  function applyLang() {
    document.documentElement.lang = state.lang;
    setInputLang();
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
    for (const el of document.querySelectorAll("[data-i18n-placeholder]")) {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    }
    for (const el of document.querySelectorAll("[data-i18n-aria-label]")) {
      el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
    }
    langBtn.textContent = t("langButton");
    langBtn.lang = state.lang === "ko" ? "en" : "ko";
    langBtn.setAttribute("aria-label", t("langLabel"));
    document.title = "ksum · " + t("tagline");
    status.textContent = t(state.statusKey, state.statusArgs);
    if (state.big) showBigdoc();
    if (state.result && state.result.textId === state.textId) {
      renderSummary();
      renderStatus();
      renderKeywordInfo();
    } else if (!state.text) {
      showEmpty();
    } else {
      showSummaryPlaceholder();
    }
    for (const mark of output.querySelectorAll("mark[data-rank]")) {
      mark.title = t("rankTitle", { rank: mark.dataset.rank });
    }
  }

  // ---- the output: blocks laid out lazily ----------------------------------------------

  /** Index of the first i in sorted `arr` (length n) with arr[i] > x. */
  function upper(arr, n, x) {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (arr[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * Block boundaries [0, ..., text.length]: about BLOCK characters each, cut after a line
   * break, never inside a sentence when the sentences are known.
   */
  function computeCuts(text, r) {
    const len = text.length;
    const cuts = [0];
    let p = 0;
    while (len - p > BLOCK * 1.5) {
      let cut;
      // Looked for up to MAX_BLOCK only (a slice is no copy): a search to the text's end
      // for each block took time growing with the square of a text without line breaks.
      const ahead = text.slice(p + BLOCK, p + MAX_BLOCK + 1);
      const nl = ahead.indexOf("\n");
      if (nl !== -1) {
        cut = p + BLOCK + nl + 1;
      } else {
        const ws = ahead.search(/\s/);
        cut = ws !== -1 ? p + BLOCK + ws : p + BLOCK;
        const c = text.charCodeAt(cut);
        if (c >= 0xdc00 && c <= 0xdfff) cut++;
      }
      if (r && r.n) {
        // A block ends with the sentence it cuts, unless that makes it longer than
        // MAX_BLOCK: a sentence of 170,000 chars (a pasted page's tags, quotes that never
        // close) was one block, whose layout took 10 s, and 2 minutes at 4 times the size.
        const j = upper(r.starts, r.n, cut - 1) - 1; // last sentence starting before cut
        if (j >= 0 && r.ends[j] > cut && r.ends[j] - p <= MAX_BLOCK) cut = r.ends[j];
      }
      if (cut >= len) break;
      cuts.push(cut);
      p = cut;
    }
    cuts.push(len);
    return cuts;
  }

  const view = {
    text: null,
    cuts: [],
    blocks: [], // {a, b, el, sig}
    token: 0,
    busy: false,
  };

  function sameCuts(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /** The marks to draw: sentences {i, start, end, rank, level} and keyword ranges. */
  function currentMarks() {
    const r = state.result && state.result.textId === state.textId ? state.result : null;
    const sel = [];
    if (r) {
      const strength = levels(r, state.picks);
      for (const i of state.picks) {
        let s = r.starts[i];
        let e = r.ends[i];
        // Not the timing lines (or the timestamp) that open a transcript's sentence.
        for (let j = upper(r.timingEnds, r.timingEnds.length, s); ; j++) {
          while (s < e && /\s/.test(state.text[s])) s++;
          if (!(j < r.timingStarts.length && r.timingStarts[j] <= s)) break;
          s = Math.min(Math.max(s, r.timingEnds[j]), e);
        }
        while (e > s && /\s/.test(state.text[e - 1])) e--;
        sel.push({ i, start: s, end: e, rank: r.ranks[i], level: strength.get(i) });
      }
    }
    return { sel, kw: keywordRanges() };
  }

  /** Highlight strength of each chosen sentence, 1 (strongest) .. LEVELS, by rank. */
  function levels(r, chosen) {
    const byRank = chosen.slice().sort((a, b) => r.ranks[a] - r.ranks[b]);
    const k = byRank.length;
    const out = new Map();
    byRank.forEach((i, p) => out.set(i, k <= LEVELS ? p + 1 : 1 + Math.floor((p * LEVELS) / k)));
    return out;
  }

  let kwCache = { textId: -1, term: null, starts: [], ends: [] };
  function keywordRanges() {
    const term = state.keyword;
    if (!term) return { starts: [], ends: [], n: 0, term: null };
    if (kwCache.textId !== state.textId || kwCache.term !== term) {
      const starts = [];
      const ends = [];
      const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // A Latin keyword is a whole word (`AI`, not the `ai` of `said`), in any case; a
      // Hangul one may go on with a particle (`클라우드를`).
      const latin = /^[\x00-\x7f]+$/.test(term);
      const re = new RegExp(latin ? `(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])` : escaped, "giu");
      const text = state.text;
      let m;
      while ((m = re.exec(text)) !== null && starts.length < 200000) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        starts.push(m.index);
        ends.push(m.index + m[0].length);
      }
      kwCache = { textId: state.textId, term, starts, ends };
    }
    return { starts: kwCache.starts, ends: kwCache.ends, n: kwCache.starts.length, term };
  }

  /** Appends text[x..y) to `parent`, with keyword ranges as <mark class="kw">. */
  function appendRange(parent, x, y, kw) {
    const text = state.text;
    let pos = x;
    let j = upper(kw.ends, kw.n, x);
    while (j < kw.n && kw.starts[j] < y) {
      const s = Math.max(kw.starts[j], pos);
      const e = Math.min(kw.ends[j], y);
      if (s > pos) parent.appendChild(document.createTextNode(text.slice(pos, s)));
      if (e > s) {
        const m = document.createElement("mark");
        m.className = "kw";
        m.textContent = text.slice(s, e);
        parent.appendChild(m);
      }
      pos = e;
      if (kw.ends[j] <= y) j++;
      else break;
    }
    if (pos < y) parent.appendChild(document.createTextNode(text.slice(pos, y)));
  }

  function fillBlock(block, marks) {
    const { a, b } = block;
    const frag = document.createDocumentFragment();
    const sel = marks.sel;
    let pos = a;
    for (let q = block.firstSel; q < sel.length && sel[q].start < b; q++) {
      const s = sel[q];
      const cs = Math.max(s.start, a);
      const ce = Math.min(s.end, b);
      if (ce <= cs) continue;
      appendRange(frag, pos, cs, marks.kw);
      const mark = document.createElement("mark");
      if (cs === s.start) mark.id = "s-" + s.i;
      mark.tabIndex = -1;
      mark.dataset.rank = String(s.rank);
      mark.dataset.level = String(s.level);
      mark.title = t("rankTitle", { rank: s.rank });
      appendRange(mark, cs, ce, marks.kw);
      frag.appendChild(mark);
      pos = ce;
    }
    appendRange(frag, pos, b, marks.kw);
    block.el.replaceChildren(frag);
  }

  /** Per block: the first selected sentence ending after its start, and a signature of its marks. */
  function signBlocks(blocks, marks) {
    const sel = marks.sel;
    const kw = marks.kw;
    let q = 0;
    let j = 0;
    for (const block of blocks) {
      while (q < sel.length && sel[q].end <= block.a) q++;
      block.firstSel = q;
      let sig = "";
      for (let r = q; r < sel.length && sel[r].start < block.b; r++) sig += sel[r].i + ":" + sel[r].level + ",";
      while (j < kw.n && kw.ends[j] <= block.a) j++;
      let k = j;
      while (k < kw.n && kw.starts[k] < block.b) k++;
      if (k > j) sig += "|" + kw.term + ":" + j + "-" + k;
      block.nextSig = sig;
    }
  }

  function estimateHeight(text, a, b, perLine, lineHeight) {
    const block = text.slice(a, b); // (searched within the block, not to the text's end)
    let lines = 0;
    let p = 0;
    while (p < block.length) {
      let nl = block.indexOf("\n", p);
      if (nl === -1) nl = block.length;
      lines += Math.max(1, Math.ceil((nl - p) / perLine));
      p = nl + 1;
    }
    return Math.max(1, lines) * lineHeight;
  }

  const yieldNow = () => new Promise((resolve) => setTimeout(resolve, 0));

  /**
   * Brings the output up to date with state.text and its marks. Rebuilds every block when the
   * text (or its blocks) changed, else refills only the blocks whose marks changed. Works in
   * slices of SLICE_MS, so a long text never blocks the page; a newer call cancels this one.
   */
  async function renderOutput() {
    const token = ++view.token;
    const text = state.text;
    const r = state.result && state.result.textId === state.textId ? state.result : null;
    const marks = currentMarks();
    if (!text) {
      view.text = null;
      view.blocks = [];
      view.cuts = [];
      output.setAttribute("aria-busy", "false");
      return;
    }
    const cuts = computeCuts(text, r);
    const rebuild = view.text !== text || !sameCuts(cuts, view.cuts) || view.blocks.length === 0;
    let work;
    if (rebuild) {
      output.replaceChildren();
      output.classList.remove("empty");
      view.text = text;
      view.cuts = cuts;
      view.blocks = [];
      const width = Math.max(200, output.clientWidth - 8);
      const fontPx = parseFloat(getComputedStyle(output).fontSize) || 16;
      const perLine = Math.max(10, Math.floor(width / (fontPx * 0.92)));
      const lineHeight = fontPx * 1.9;
      for (let i = 0; i + 1 < cuts.length; i++) {
        view.blocks.push({ a: cuts[i], b: cuts[i + 1], el: null, sig: null, perLine, lineHeight });
      }
      output.classList.toggle("lazy", view.blocks.length > 1);
      work = view.blocks;
    } else {
      work = null;
    }
    signBlocks(view.blocks, marks);
    if (!work) work = view.blocks.filter((blk) => blk.sig !== blk.nextSig);
    if (work.length === 0) return;

    view.busy = true;
    output.setAttribute("aria-busy", "true");
    let sliceStart = performance.now();
    let shownProgress = false;
    for (let w = 0; w < work.length; w++) {
      const block = work[w];
      if (!block.el) {
        block.el = document.createElement("div");
        block.el.className = "chunk";
        if (view.blocks.length > 1) {
          block.el.style.containIntrinsicSize =
            "auto " + Math.round(estimateHeight(text, block.a, block.b, block.perLine, block.lineHeight)) + "px";
        }
        output.appendChild(block.el);
      }
      fillBlock(block, marks);
      block.sig = block.nextSig;
      if (performance.now() - sliceStart > SLICE_MS && w + 1 < work.length) {
        if (work.length > 50 && !engineBusy) {
          shownProgress = true;
          showBusy(t("rendering", { pct: Math.floor((100 * w) / work.length) }), w / work.length, false);
        }
        await yieldNow();
        if (token !== view.token) return;
        sliceStart = performance.now();
      }
    }
    view.busy = false;
    output.setAttribute("aria-busy", "false");
    if (shownProgress && !engineBusy) hideBusy();
  }

  // ---- summary, status, keywords --------------------------------------------------------

  function clearEl(el) {
    el.replaceChildren();
  }

  /** Empties `el` and shows a placeholder `tag` with the message `key`. */
  function showPlaceholder(el, tag, key) {
    clearEl(el);
    el.classList.add("empty");
    const item = document.createElement(tag);
    item.className = "placeholder";
    // In the user's text's boxes (`lang="ko"`), the interface's own language.
    item.lang = state.lang;
    item.textContent = t(key);
    el.appendChild(item);
  }

  function showEmpty() {
    showPlaceholder(output, "p", "placeholderOut");
    view.text = null;
    view.blocks = [];
    showSummaryPlaceholder();
    keywordsBox.hidden = true;
    copyBtn.disabled = true;
  }

  function showSummaryPlaceholder() {
    showPlaceholder(summaryList, "li", "placeholderSummary");
    summaryMore.hidden = true;
    copyBtn.disabled = true;
  }

  // A sentence on one line, as the CLI prints it (src/display.rs): hard-wrapped text's
  // breaks are spaces in it, a transcript's timing marks (timing lines, cue numbers,
  // timestamps opening captions) are not said, and a list item's marker is left out.
  function sentenceText(r, i) {
    const end = r.ends[i];
    const ts = r.timingStarts;
    const te = r.timingEnds;
    let from = r.starts[i];
    let text = "";
    for (let j = upper(te, te.length, from); j < ts.length && ts[j] < end; j++) {
      text += state.text.slice(from, ts[j]) + "\n";
      from = Math.max(from, te[j]);
    }
    text += state.text.slice(from, end);
    const line = text.replace(/\s*\n\s*/g, " ").trim();
    const markup = line.length <= MAX_MARKUP_LINE && /[<&]/.test(line);
    return withoutListMarker(markup ? withoutMarkup(line) : line);
  }

  // A summary line as the list shows it: a "sentence" longer than MAX_LISTED chars (a
  // pasted page's tags, quotes never closed) is cut there, as its laying out took seconds;
  // it is highlighted and copied whole.
  const MAX_LISTED = 1000;
  function listed(line) {
    if (line.length <= MAX_LISTED) return line;
    let end = MAX_LISTED;
    const c = line.charCodeAt(end);
    if (c >= 0xdc00 && c <= 0xdfff) end--; // not between a surrogate pair's halves
    return line.slice(0, end) + "…";
  }

  // A pasted page source's markup, as the CLI leaves it out of a summary line
  // (src/display.rs): comments, a doctype, scripts and style sheets, and the tags of
  // elements the browser knows (`<조선일보>`, `<foo>` and `a < b` are text; a paragraph's,
  // a cell's or a line break's tag parts words as a space does), with character
  // references read (`&nbsp;`, `&amp;`, `&#39;`; an unknown one stays as written).
  const MARKUP = /<!--[^]*?-->|<!doctype[^>]*>|<(script|style)\b[^>]*>[^]*?<\/\1\s*>|<\/?([a-z][a-z\d]*)(?=[\s/>])[^>]*>|&#?[a-z\d]{1,8};/gi;
  const SPACING = /^(br|div|h\d|hr|li|p|t[dhr])$/i;
  // Longer lines, which no one reads as a sentence, are shown as they are: each `<`
  // never closed makes the search scan to the line's end (10,000 chars take 20 ms).
  const MAX_MARKUP_LINE = 10000;
  const decoder = document.createElement("textarea");
  function withoutMarkup(line) {
    return line
      .replace(MARKUP, (m, raw, name) => {
        if (m[0] === "&") {
          decoder.innerHTML = m; // a textarea's content is text: nothing in it runs
          return decoder.value.replace("\u00a0", " ");
        }
        if (!name) return "";
        if (document.createElement(name) instanceof HTMLUnknownElement) return m;
        return SPACING.test(name) ? " " : "";
      })
      .replace(/[\t\n\f\r ]+/g, " ")
      .trim();
  }

  // A list item's opening marker (`□`, `▲` however spaced; `ㅇ`, `-`, `*` before a
  // space), and a subtitle's closing dash (`- 6월부터 시범 운영 -`); a marker alone stays.
  const LIST_MARKER = /^(?:[□■▢▣○●◦•‣∙·◎◉◆◇◈▪▫★☆▲△▶▷►➢➤✓✔☞]+\s*|([ㅇ*+\-–—])\s+)/u;
  function withoutListMarker(line) {
    const m = LIST_MARKER.exec(line);
    if (!m) return line;
    let rest = line.slice(m[0].length);
    if (m[1] === "-" || m[1] === "–") rest = rest.replace(/[-–]$/, "").trimEnd();
    return rest || line;
  }

  function renderSummary() {
    const r = state.result;
    const picks = state.picks;
    if (!r || picks.length === 0) {
      showSummaryPlaceholder();
      return;
    }
    const strength = levels(r, picks);
    const list = document.createDocumentFragment();
    for (const i of picks.slice(0, SUMMARY_SHOWN)) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = "#s-" + i;
      a.dataset.target = "s-" + i;
      const badge = document.createElement("span");
      badge.className = "rank";
      badge.dataset.level = String(strength.get(i));
      badge.textContent = t("rankBadge", { rank: r.ranks[i] });
      const body = document.createElement("span");
      body.className = "sentence";
      body.textContent = listed(sentenceText(r, i));
      a.append(badge, body);
      li.appendChild(a);
      list.appendChild(li);
    }
    clearEl(summaryList);
    summaryList.classList.remove("empty");
    summaryList.appendChild(list);
    summaryMore.hidden = picks.length <= SUMMARY_SHOWN;
    summaryMore.textContent = t("more", { n: num(picks.length - SUMMARY_SHOWN) });
    copyBtn.disabled = false;
  }

  function renderStatus() {
    const r = state.result;
    const ms = r.ms;
    // When headlines, bylines or page furniture were set aside, say how much prose is left: a
    // ratio is a share of it.
    setStatus(r.content < r.n ? "doneProse" : "done", {
      n: num(r.n),
      content: num(r.content),
      k: num(state.picks.length),
      chars: num(r.chars),
      ms: ms < 10 ? ms.toFixed(1) : num(Math.round(ms)),
    });
  }

  function renderKeywords() {
    const r = state.result;
    const list = r && Array.isArray(r.keywords) ? r.keywords.slice(0, 12) : [];
    clearEl(chips);
    if (list.length === 0) {
      keywordsBox.hidden = true;
      state.keyword = null;
      return;
    }
    if (state.keyword && !list.some((kw) => kw.term === state.keyword)) state.keyword = null;
    for (const kw of list) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "chip";
      b.dataset.term = kw.term;
      b.textContent = kw.term;
      b.setAttribute("aria-pressed", String(kw.term === state.keyword));
      chips.appendChild(b);
    }
    keywordsBox.hidden = false;
    renderKeywordInfo();
  }

  function renderKeywordInfo() {
    if (!state.keyword) {
      kwinfo.textContent = "";
      return;
    }
    const n = keywordRanges().n;
    const info = n ? t("kwCount", { term: state.keyword, n: num(n) }) : t("kwNone", { term: state.keyword });
    // Rewritten, the live region would be read again after every run.
    if (kwinfo.textContent !== info) kwinfo.textContent = info;
  }

  // ---- the summary length ---------------------------------------------------------------

  /** {k} or {ratio} from the controls, or null (with an error status) when invalid. */
  function readLength() {
    const byRatio = mode.value === "ratio";
    const field = byRatio ? ratio : count;
    const raw = field.value.trim();
    const n = /^\d+$/.test(raw) ? Number(raw) : 0;
    const valid = n >= 1 && (!byRatio || n <= 100);
    field.setAttribute("aria-invalid", String(!valid));
    if (!valid) {
      setStatus(byRatio ? "badRatio" : "badCount", null, true);
      // The summary of the last valid length is no answer to this one: not shown, not
      // copied (kept, so that a valid length picks again at once).
      state.picks = [];
      showSummaryPlaceholder();
      if (view.text === state.text) renderOutput();
      return null;
    }
    return byRatio ? { ratio: n / 100 } : { k: n };
  }

  /** How many sentences `opts` picks out of n, a ratio of the `content` (prose) ones, as the
   * Rust side counts them (Options::summary_len). */
  function lengthFor(opts, n, content) {
    if (n === 0) return 0;
    if (opts.ratio !== undefined) {
      const base = Math.min(n, content);
      return Math.min(n, Math.max(1, Math.min(base, Math.ceil(base * opts.ratio))));
    }
    return Math.min(n, opts.k);
  }

  /** The picks for `opts`: the top-ranked sentences, in document order. */
  function picksFor(r, opts) {
    return r.byRank.slice(0, lengthFor(opts, r.n, r.content)).sort((a, b) => a - b);
  }

  // ---- running the engine ---------------------------------------------------------------

  let engineBusy = false;
  let busyTimer = 0;
  let tickTimer = 0;

  function showBusy(label, value, cancellable) {
    busy.hidden = false;
    busyLabel.textContent = label;
    if (value === null) progress.removeAttribute("value");
    else progress.value = value;
    cancelBtn.hidden = !cancellable;
  }

  function hideBusy() {
    clearTimeout(busyTimer);
    clearInterval(tickTimer);
    busy.hidden = true;
  }

  function startBusy(text) {
    const t0 = performance.now();
    const expected = Math.max(200, text.length * state.msPerChar);
    clearTimeout(busyTimer);
    clearInterval(tickTimer);
    const tick = () => {
      const elapsed = performance.now() - t0;
      // An estimate from the last runs' speed; never claims to be done before it is.
      showBusy(t("working", { sec: (elapsed / 1000).toFixed(1) }), Math.min(0.95, elapsed / expected), true);
    };
    // Long text: at once; short text: only if it takes a while (no flicker while typing).
    busyTimer = setTimeout(() => {
      setStatus("workingStatus", { size: size(utf8Bytes(text)) });
      tick();
      tickTimer = setInterval(tick, 100);
    }, text.length > TEXTAREA_MAX ? 0 : BUSY_DELAY_MS);
  }

  let plainTimer = 0;

  /** Summarizes state.text; `fresh` (a new document) shows it unmarked at once if that takes a while. */
  async function run(fresh) {
    clearTimeout(typingTimer);
    typingTimer = 0;
    const textId = state.textId;
    const text = state.text;
    if (text.trim() === "") {
      engine.cancel();
      engineBusy = false;
      hideBusy();
      state.result = null;
      state.picks = [];
      showEmpty();
      setStatus("empty");
      return;
    }
    if (state.tooBig) return;
    const opts = readLength();
    if (!opts) {
      // An invalid length: stop a run in flight, so its result cannot replace the error, and
      // show the text unmarked if it is new.
      if (engineBusy) engine.cancel();
      engineBusy = false;
      hideBusy();
      clearTimeout(plainTimer);
      if (view.text !== text) renderOutput();
      return;
    }

    engineBusy = true;
    startBusy(text);
    // A new document shows at once, unmarked, while it is summarized; while typing, the old
    // marks stay until the new ones come.
    clearTimeout(plainTimer);
    if (fresh && view.text !== text) {
      plainTimer = setTimeout(() => {
        if (state.textId === textId && engineBusy) renderOutput();
      }, 60);
    }
    let msg;
    try {
      msg = await engine.summarize(text, opts);
    } catch (err) {
      if (err && err.name === "KsumCancelled") return; // a newer run or a cancel took over
      if (state.textId !== textId) return;
      engineBusy = false;
      hideBusy();
      setStatus("error", { msg: (err && err.message) || String(err) }, true);
      return;
    }
    if (state.textId !== textId) return;
    engineBusy = false;
    hideBusy();
    clearTimeout(plainTimer);
    if (text.length > 20000) state.msPerChar = Math.max(0.0001, msg.ms / text.length);

    // byRank[p] = the sentence of rank p+1. The summary of k is the top k ranks (DESIGN.md);
    // if a result ever breaks that, count changes go back to the engine instead.
    const byRank = new Int32Array(msg.n);
    for (let i = 0; i < msg.n; i++) byRank[msg.ranks[i] - 1] = i;
    msg.byRank = Array.from(byRank);
    const top = new Set(msg.byRank.slice(0, msg.summary.length));
    msg.prefix = msg.summary.every((i) => top.has(i));
    msg.textId = textId;
    msg.opts = opts;
    state.result = msg;
    state.picks = msg.summary.slice();
    renderKeywords();
    renderSummary();
    renderStatus();
    renderOutput();
  }

  /** The length controls changed: re-pick from the ranks we have, or run again. */
  function lengthChanged() {
    const r = state.result;
    if (r && r.textId === state.textId && !engineBusy && r.prefix) {
      const opts = readLength();
      if (!opts) return;
      state.picks = picksFor(r, opts);
      renderSummary();
      renderStatus();
      renderOutput();
      return;
    }
    if (state.tooBig) return; // the size message stands
    if (state.text) run();
    else if (readLength()) setStatus("empty"); // no text: only the length's own error shows
  }

  // ---- the text -------------------------------------------------------------------------

  function showBigdoc() {
    $("bigdoc-title").textContent = t("bigTitle", { size: size(utf8Bytes(state.text)) });
    $("bigdoc-note").textContent = t("bigNote");
  }

  /** Replaces the document (paste, file, restore, clear). */
  function setText(text) {
    state.text = text;
    state.textId++;
    state.result = null;
    state.picks = [];
    const big = text.length > TEXTAREA_MAX;
    state.big = big;
    input.hidden = big;
    bigdoc.hidden = !big;
    // The skip link leads to the text, in the box or, when it is too long for one, shown.
    skip.hash = big ? "output" : "input";
    if (big) {
      input.value = "";
      showBigdoc();
    } else if (input.value !== text) {
      input.value = text;
    }
    setInputLang();
    state.tooBig = overLimit(text);
    saveSoon();
    kwinfo.textContent = "";
    if (state.tooBig) {
      engine.cancel();
      engineBusy = false;
      hideBusy();
      showSummaryPlaceholder();
      keywordsBox.hidden = true;
      setStatus("tooBig", { size: size(utf8Bytes(text)), limit: size(LIMIT_BYTES) }, true);
      renderOutput(); // the text stays, shown as it is
      return;
    }
    run(true);
  }

  let typingTimer = 0;
  let quietTimer = 0;
  let lastRunMs = 0;
  input.addEventListener("input", () => {
    state.text = input.value;
    state.textId++;
    setInputLang();
    state.tooBig = false;
    saveSoon();
    clearTimeout(typingTimer);
    if (pasting) {
      pasting = false;
      run(true);
      return;
    }
    lastRunMs = state.result ? state.result.ms : lastRunMs;
    const wait = Math.min(1000, Math.max(DEBOUNCE_MS, 2 * lastRunMs));
    typingTimer = setTimeout(run, wait);
    // While typing, the status changes silently: a screen reader hears it once, at a pause.
    status.ariaLive = "off";
    clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      status.ariaLive = "polite";
      status.textContent = status.textContent;
    }, wait + 800);
  });

  // Paste: short text goes into the textarea as usual; long text (or a paste outside the
  // textarea) replaces the document without touching the textarea.
  let pasting = false;
  document.addEventListener("paste", (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) return;
    const data = event.clipboardData;
    if (!data) return;
    // Line breaks as the textarea and a file give them (`\r\n` from Windows is `\n`).
    const pasted = (data.getData("text/plain") || data.getData("text")).replace(/\r\n?/g, "\n");
    if (!pasted) {
      if (data.files && data.files.length) {
        event.preventDefault();
        openFile(data.files[0]);
      }
      return;
    }
    if (target === input && !state.big) {
      const a = input.selectionStart;
      const b = input.selectionEnd;
      const total = input.value.length - (b - a) + pasted.length;
      if (total <= TEXTAREA_MAX) {
        pasting = true; // summarize on the input event, without the typing delay
        setTimeout(() => (pasting = false), 0);
        return;
      }
      event.preventDefault();
      setText(input.value.slice(0, a) + pasted + input.value.slice(b));
      return;
    }
    if (target === input || target === document.body || target === document.documentElement || bigdoc.contains(target) || output.contains(target)) {
      event.preventDefault();
      setText(pasted);
    }
  });

  // ---- files --------------------------------------------------------------------------

  /**
   * Decodes a text file as the CLI does: by its BOM, else UTF-8, else EUC-KR (CP949),
   * common for Korean files, unless the UTF-8 is only cut off inside its last char.
   * Nothing is replaced: other bytes (not text) throw.
   */
  function decode(buffer) {
    const bytes = new Uint8Array(buffer);
    const decoder = (label) => new TextDecoder(label, { fatal: true, ignoreBOM: true });
    const strict = (label, from) => decoder(label).decode(bytes.subarray(from));
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict("utf-8", 3);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict("utf-16le", 2);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict("utf-16be", 2);
    try {
      return strict("utf-8", 0);
    } catch (notUtf8) {
      // A stream decode holds back an unfinished last char instead of failing on it.
      let cutOff = true;
      try {
        decoder("utf-8").decode(bytes, { stream: true });
      } catch {
        cutOff = false;
      }
      if (cutOff) throw notUtf8;
      return strict("euc-kr", 0);
    }
  }

  async function openFile(file) {
    if (!file) return;
    if (file.size > LIMIT_BYTES) {
      setStatus("fileTooBig", { name: file.name, size: size(file.size), limit: size(LIMIT_BYTES) }, true);
      return;
    }
    let buffer, text;
    try {
      buffer = await file.arrayBuffer();
    } catch {
      setStatus("error", { msg: t("fileFailed", { name: file.name }) }, true);
      return;
    }
    try {
      text = decode(buffer);
    } catch {
      setStatus("fileNotText", { name: file.name }, true);
      return;
    }
    text = text.replace(/\r\n?/g, "\n");
    // Over text in the box, as an edit of it: Ctrl+Z brings the old text back.
    if (!state.big && input.value && text.length <= TEXTAREA_MAX) {
      input.focus();
      input.select();
      pasting = true; // summarize at once, as a paste
      if (!document.execCommand("insertText", false, text)) pasting = false;
    }
    if (input.value !== text || state.big) setText(text);
    say("fileOpened", { name: file.name });
  }

  openBtn.addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    openFile(file);
  });

  let dragDepth = 0;
  const hasFiles = (event) => event.dataTransfer && Array.from(event.dataTransfer.types || []).includes("Files");
  window.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    dragDepth++;
    document.body.classList.add("dragging");
  });
  window.addEventListener("dragleave", (event) => {
    if (!hasFiles(event)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) document.body.classList.remove("dragging");
  });
  window.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  window.addEventListener("drop", (event) => {
    dragDepth = 0;
    document.body.classList.remove("dragging");
    if (!hasFiles(event)) return;
    event.preventDefault();
    openFile(event.dataTransfer.files[0]);
  });

  // ---- controls ---------------------------------------------------------------------------

  count.addEventListener("input", lengthChanged);
  ratio.addEventListener("input", lengthChanged);
  mode.addEventListener("change", () => {
    const byRatio = mode.value === "ratio";
    count.hidden = byRatio;
    ratio.hidden = !byRatio;
    lengthChanged();
  });

  cancelBtn.addEventListener("click", () => {
    engine.cancel();
    engineBusy = false;
    hideBusy();
    state.result = null;
    state.picks = [];
    showSummaryPlaceholder();
    keywordsBox.hidden = true;
    renderOutput(); // the text, unmarked
    setStatus("cancelled");
  });

  // Clearing can be undone (Ctrl+Z): in the text box as the browser's own delete, which
  // keeps its undo history; a text too long for the box is kept here until then.
  let cleared = null;
  clearBtn.addEventListener("click", () => {
    cleared = null;
    if (!state.big && input.value) {
      input.focus();
      input.select();
      if (document.execCommand("delete")) return;
    }
    cleared = state.text;
    setText("");
    input.focus();
  });
  input.addEventListener("keydown", (event) => {
    const undo = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === "z";
    if (undo && cleared !== null && input.value === "") {
      event.preventDefault();
      const text = cleared;
      cleared = null;
      setText(text);
    }
  });

  copyBtn.addEventListener("click", async () => {
    const r = state.result;
    if (!r || !state.picks.length) return;
    const text = state.picks.map((i) => sentenceText(r, i)).join("\n");
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No async clipboard (permissions, an old browser): the classic way, with a
      // throwaway textarea filled through .value (text, never markup).
      const ta = document.createElement("textarea");
      ta.value = text;
      ta.setAttribute("readonly", "");
      ta.className = "offscreen";
      document.body.appendChild(ta);
      ta.select();
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
      ta.remove();
      copyBtn.focus();
    }
    if (ok) {
      say("copiedNotice", { n: num(state.picks.length) });
      copyBtn.textContent = t("copied");
      copyBtn.classList.add("done");
      setTimeout(() => {
        copyBtn.textContent = t("copy");
        copyBtn.classList.remove("done");
      }, 2000);
    } else {
      say("copyFailed");
    }
  });

  chips.addEventListener("click", (event) => {
    const chip = event.target instanceof Element ? event.target.closest("button.chip") : null;
    if (!chip) return;
    const term = chip.dataset.term;
    state.keyword = state.keyword === term ? null : term;
    for (const b of chips.querySelectorAll("button.chip")) {
      b.setAttribute("aria-pressed", String(b.dataset.term === state.keyword));
    }
    renderKeywordInfo();
    renderOutput().then(() => {
      const first = output.querySelector("mark.kw");
      if (first && state.keyword) {
        const box = output.getBoundingClientRect();
        const at = first.getBoundingClientRect();
        if (at.top < box.top || at.bottom > box.bottom) output.scrollTop += at.top - box.top - box.height / 3;
        // The box itself may be below the window (a laptop's screen): bring the mark in.
        const seen = first.getBoundingClientRect();
        if (seen.top < 0 || seen.bottom > window.innerHeight) first.scrollIntoView({ block: "nearest" });
      }
    });
  });

  // Clicking a summary item scrolls its sentence into view and flashes it.
  summaryList.addEventListener("click", (event) => {
    const a = event.target instanceof Element ? event.target.closest("a[data-target]") : null;
    if (!a) return;
    event.preventDefault();
    const mark = document.getElementById(a.dataset.target);
    if (!mark) return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    mark.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    mark.focus({ preventScroll: true });
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
  });

  langBtn.addEventListener("click", () => {
    state.lang = state.lang === "ko" ? "en" : "ko";
    store.set("lang", state.lang);
    applyLang();
  });

  // ---- keeping the text (opt-in) ----------------------------------------------------------

  let saveTimer = 0;
  function saveSoon() {
    if (!remember.checked) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 400);
  }
  function save() {
    if (!remember.checked) return;
    if (state.text.length > KEEP_MAX) {
      store.remove("text");
      say("rememberTooLong");
      return;
    }
    if (!store.set("text", state.text)) say("rememberTooLong");
  }
  remember.addEventListener("change", () => {
    if (remember.checked) {
      store.set("remember", "1");
      save();
      say("rememberOn");
    } else {
      clearTimeout(saveTimer);
      store.remove("remember");
      store.remove("text");
      say("rememberOff");
    }
  });

  // ---- start ----------------------------------------------------------------------------

  applyLang();
  document.body.classList.add("ready");
  for (const el of [input, count, ratio, mode, openBtn, clearBtn]) el.disabled = false;
  mark("ksum-ready");
  remember.checked = store.get("remember") === "1";
  const kept = remember.checked ? store.get("text") : null;
  if (kept) setText(kept);
  else {
    showEmpty();
    setStatus("empty");
  }

  return {
    /** The engine could not start: say so; the text stays, and summaries are refused. */
    engineFailed(msg) {
      engineBusy = false;
      hideBusy();
      setStatus("engineFailed", { msg }, true);
    },
  };
}

/** A performance mark for `make bench` (scripts/bench-page.mjs), where marks exist. */
function mark(name) {
  if (typeof performance !== "undefined" && performance.mark) performance.mark(name);
}

/** The bytes of a base64 string: natively where the browser can (Chromium 140 on), which
 * takes a fraction of the millisecond the loop over `atob`'s string takes. */
function base64Bytes(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Starts the page from the data the build inlined (dist/ksum.html). */
function bootKsum() {
  const status = document.getElementById("status");
  const fail = (message) => {
    const lang = document.documentElement.lang === "en" ? "en" : "ko";
    status.textContent = message || KSUM_I18N[lang].notBuilt;
    status.classList.add("error");
  };
  if (typeof KSUM_WASM_GZIP_BASE64 !== "string") {
    fail();
    return;
  }
  // The page takes input at once (ksum-ready); a summary asked for meanwhile waits for the
  // engine, which loads in the background (ksum-engine-ready).
  const engine = createKsumEngine({
    workerSource: typeof KSUM_WORKER_SOURCE === "string" ? KSUM_WORKER_SOURCE : null,
    api: typeof wasm_bindgen !== "undefined" ? wasm_bindgen : null,
  });
  const page = startKsum(engine);
  engine.warm();
  const broken = (err) => {
    const msg = (err && err.message) || String(err);
    engine.fail(new Error(msg));
    page.engineFailed(msg);
  };
  // In a task of its own: decoding the base64 blocks the thread for a moment, and the
  // page is ready for input (the mark above) only if it can paint and respond first.
  setTimeout(() => {
    try {
      const gzipped = base64Bytes(KSUM_WASM_GZIP_BASE64);
      // Inflate in memory (no request: a Blob's stream through DecompressionStream).
      const inflated = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream("gzip"));
      new Response(inflated)
        .arrayBuffer()
        .then((bytes) => WebAssembly.compile(bytes))
        .then((module) => engine.start(module))
        .then(() => mark("ksum-engine-ready"))
        .catch(broken);
    } catch (err) {
      broken(err);
    }
  }, 0);
}

bootKsum();
