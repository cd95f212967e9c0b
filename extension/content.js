// ksum content script: injected by the service worker (chrome.scripting, isolated world) only
// when the user asks. Finds the article text, gets the summary from the service worker (where
// the wasm runs), and highlights the chosen sentences with the CSS Custom Highlight API, so the
// site's DOM is not rewritten (a <mark> fallback is used only where that API is missing).
//
// Offsets: the article text is built by concatenating the visible text nodes, whitespace runs
// collapsed to one space as the browser renders them and "\n" between blocks (a line break
// always ends a sentence for the splitter). Every emitted UTF-16 unit that came from a text node
// remembers (node, offset in node.data); separators belong to no node. A sentence [start, end)
// from the summarizer becomes one DOM Range per text node it covers.
//
// Nothing is stored: the text lives in this script's memory until Esc / 닫기 clears it.

(() => {
  "use strict";
  // Injected again on every click: keep the running instance, unless it belongs to an earlier
  // (reloaded or updated) copy of the extension, whose messaging no longer works.
  const previous = globalThis.ksumContent;
  if (previous?.alive()) return;
  try {
    previous?.clear();
  } catch {
    // nothing to clean up
  }

  // Replaced by scripts/build-extension.mjs with the contents of extension/panel.css.
  const PANEL_CSS = "__KSUM_PANEL_CSS__";

  const HOST_TAG = "ksum-panel";
  const DEFAULT_K = 3;
  const MAX_K = 50;
  const LEVELS = 5; // highlight strengths, ksum-1 (rank 1, strongest) .. ksum-5 and beyond
  const HAS_HIGHLIGHTS = typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";

  // Never text, in any mode.
  const ALWAYS_SKIP = new Set([
    "script", "style", "noscript", "template", "textarea", "input", "select", "option", "button",
    "svg", "math", "iframe", "frame", "object", "embed", "canvas", "video", "audio", "img",
    "picture", "head", "title", "meta", "link", HOST_TAG,
  ]);
  // Not the article, when looking for it (page mode).
  const PAGE_SKIP = new Set([
    "nav", "header", "footer", "aside", "figure", "figcaption", "form", "menu", "dialog", "caption",
    "label", "fieldset", "legend", "sup",
  ]);
  const ROLE_SKIP = new Set([
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
    "alertdialog", "tablist", "toolbar", "form",
  ]);
  // Class/id words of page furniture (whole words between - _ or spaces, case-insensitive;
  // not after `has-`, `with-` or `no-`: `has-sidebar` is a page's main wrapper).
  const FURNITURE = new RegExp(
    "(^|[\\s_-])(?<!(?:has|with|no)-)(" +
      [
        "comments?", "cmt", "reply", "replies", "related", "relation", "recommend\\w*", "popular",
        "ranking", "rank", "most[-_]?(read|viewed)", "hot[-_]?news", "aside", "share", "sharing", "social", "sns",
        "sponsor(ed)?", "ads?", "advert\\w*", "adsense", "banner", "promo\\w*", "newsletter",
        "subscribe", "subscription", "caption", "photo", "img[-_]?desc", "breadcrumbs?", "tags?", "keywords?",
        "copyright", "byline", "reporter", "author", "nav", "navbar", "menu", "gnb", "lnb", "snb",
        "sidebar", "widget", "outbrain", "taboola", "disqus", "sr-only", "visually-?hidden",
        "blind", "skip", "toolbar", "paging", "pagination",
        // an encyclopedia's boxes, edit links, contents and references
        "infobox", "navbox", "editsection", "toc", "references", "reflist", "catlinks",
      ].join("|") +
      ")($|[\\s_-])",
    "i",
  );

  // A message quoted in a reply (webmail's history under the newest message: Gmail's
  // `gmail_quote`, a `quote_area`, Outlook's `divRplyFwdMsg`), a pull quote or an embedded
  // post (`<blockquote>`): not the text being read, however long.
  const QUOTE = /(^|[\s_-])(quote|quoted|divRplyFwdMsg)($|[\s_-])/i;

  let state = null;

  // ---------------------------------------------------------------------------------------
  // Text collection

  /** Collapsible whitespace (HTML's, not NBSP). */
  function isSpace(c) {
    return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
  }

  class TextBuilder {
    constructor() {
      this.chunks = [];
      this.length = 0;
      this.segments = []; // {node, start, end, offs}: text[start, end) came from node at offs[i]
      this.breakPending = false;
      this.afterSpace = true; // at the start of a block: drop leading whitespace
    }

    lineBreak() {
      if (this.length > 0) this.breakPending = true;
      this.afterSpace = true;
    }

    /** Appends node.data[from, to), collapsing whitespace unless `pre`. */
    add(node, from, to, pre) {
      const data = node.data;
      let out = "";
      const offs = [];
      for (let i = from; i < to; i++) {
        const c = data.charCodeAt(i);
        if (pre && (c === 10 || c === 13)) {
          // A preserved line break: a sentence boundary, mapped to no node.
          if (out) this.flush(node, out, offs);
          out = "";
          offs.length = 0;
          this.lineBreak();
          continue;
        }
        // Zero-width spaces and joiners, and the BOM: nothing to read (a paragraph of one
        // is an empty line of a blog editor).
        if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff) continue;
        if (!pre && isSpace(c)) {
          if (this.afterSpace) continue;
          this.afterSpace = true;
          if (this.breakPending) continue;
          out += " ";
          offs.push(i);
          continue;
        }
        if (this.breakPending) {
          if (out) this.flush(node, out, offs);
          out = "";
          offs.length = 0;
          this.chunks.push("\n");
          this.length += 1;
          this.breakPending = false;
        }
        this.afterSpace = false;
        out += data[i];
        offs.push(i);
      }
      if (out) this.flush(node, out, offs);
    }

    flush(node, out, offs) {
      this.segments.push({ node, start: this.length, end: this.length + out.length, offs: Uint32Array.from(offs) });
      this.chunks.push(out);
      this.length += out.length;
    }

    text() {
      return this.chunks.join("");
    }
  }

  function isPanelHost(el) {
    return el.localName === HOST_TAG;
  }

  function preservesBreaks(style) {
    const collapse = style.whiteSpaceCollapse;
    if (collapse) return collapse === "preserve" || collapse === "preserve-breaks" || collapse === "break-spaces";
    return /^(pre|pre-wrap|pre-line|break-spaces)$/.test(style.whiteSpace);
  }

  /** Whether el's class or id has a word of `words` (FURNITURE, QUOTE). */
  function named(el, words) {
    const cls = typeof el.className === "string" ? el.className : el.getAttribute("class") || "";
    return words.test(cls) || (el.id !== "" && words.test(el.id));
  }

  /** A quoted message or a pull quote (QUOTE). */
  function isQuote(el) {
    return el.localName === "blockquote" || named(el, QUOTE);
  }

  /** Is el a quote or inside one (isQuote)? Stops at body. */
  function inQuote(el) {
    for (let e = el; e && e !== document.body; e = e.parentElement) if (isQuote(e)) return true;
    return false;
  }

  /** Looks like page furniture by its tag, role, aria-hidden or class/id words. */
  function furnitureLike(el) {
    if (PAGE_SKIP.has(el.localName)) return true;
    const role = el.getAttribute("role");
    if (role && ROLE_SKIP.has(role)) return true;
    return el.getAttribute("aria-hidden") === "true" || named(el, FURNITURE);
  }

  /**
   * A furniture test for a scope of `scopeLength` characters: an element that holds half of the
   * scope's text or more is structure, not furniture, whatever its name (ASP.NET wraps whole
   * pages in <form>, themes put "has-sidebar" on the main wrapper, "article ads-inside"...).
   */
  function furnitureTest(scopeLength) {
    const big = Math.max(scopeLength * 0.5, 400);
    const cache = new Map();
    return (el) => {
      let v = cache.get(el);
      if (v === undefined) {
        v = furnitureLike(el) && textLength(el) < big;
        cache.set(el, v);
      }
      return v;
    };
  }

  /**
   * The length of el's text, without what its scripts, styles and templates hold: a page's
   * data script (`__NEXT_DATA__`) repeats the whole article.
   */
  function textLength(el) {
    let n = el.textContent.length;
    for (const s of el.querySelectorAll("script, style, template, noscript")) n -= s.textContent.length;
    return n;
  }

  /** A photo's caption in an image wrapper without a telling class name: short text whose
   * wrapper holds an image and little else (`<div><div><img></div><div>…</div></div>`). */
  function imageCaption(el) {
    const parent = el.parentElement;
    if (!parent || hasMoreChildren(parent, 3) || el.querySelector("img")) return false;
    return parent.querySelector("img") !== null && el.textContent.length < 200;
  }

  /** Whether el has more than n element children. (childElementCount counts them all: asked
   * for each of a page's 16,000 paragraphs, of their parent's, it took seconds.) */
  function hasMoreChildren(el, n) {
    let child = el.firstElementChild;
    for (let i = 0; child && i < n; i++) child = child.nextElementSibling;
    return child !== null;
  }

  /** Share of the element's text that sits inside links. */
  function linkDensity(el) {
    const total = el.textContent.replace(/\s+/g, "").length;
    if (!total) return 0;
    let linked = 0;
    for (const a of el.querySelectorAll("a")) linked += a.textContent.replace(/\s+/g, "").length;
    return linked / total;
  }

  /**
   * How the walker treats an element: null to skip it (and everything in it), else
   * {block, pre}. `furniture` (page mode; see furnitureTest) also skips page furniture.
   */
  function classify(el, furniture) {
    const name = el.localName;
    if (ALWAYS_SKIP.has(name)) return null;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden" || style.visibility === "collapse") return null;
    const block = !style.display.startsWith("inline") && style.display !== "contents" && style.display !== "ruby";
    if (name === "br") return { br: true };
    if (furniture) {
      if (furniture(el) || isQuote(el)) return null;
      // Screen-reader-only text ("본문 바로가기" and the like).
      if (style.position === "absolute" || style.position === "fixed") {
        const r = el.getBoundingClientRect();
        if (r.width <= 2 && r.height <= 2) return null;
      }
      // Link lists: related articles, tags, "많이 본 뉴스" without a telling class name (a
      // paragraph that reads as a sentence stays, however many of its words are links).
      if (block && el.querySelector("a") && linkDensity(el) > 0.6 && !(name === "p" && SENTENCE_END.test(el.textContent))) return null;
      if (block && imageCaption(el)) return null;
    }
    return { block, pre: preservesBreaks(style) };
  }

  /** Walks el's children into b. `range` (selection mode) clips the text to it. */
  function walk(el, b, furniture, pre, range) {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (range && !range.intersectsNode(child)) continue;
      if (child.nodeType === Node.TEXT_NODE) {
        let from = 0;
        let to = child.data.length;
        if (range && child === range.startContainer) from = range.startOffset;
        if (range && child === range.endContainer) to = range.endOffset;
        if (from < to) b.add(child, from, to, pre);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (isPanelHost(child)) continue;
        const info = classify(child, furniture);
        if (!info) {
          // A skipped block (a figure between paragraphs) still separates what surrounds it.
          if (furniture && child.getClientRects().length && getComputedStyle(child).display !== "inline") b.lineBreak();
          continue;
        }
        if (info.br) {
          b.lineBreak();
          continue;
        }
        if (info.block) b.lineBreak();
        walk(child, b, furniture, info.pre, range);
        if (info.block) b.lineBreak();
      }
    }
  }

  /** Is el inside page furniture (for scoring candidate blocks)? Stops at body. */
  function inFurniture(el, furniture) {
    for (let e = el; e && e !== document.body && e !== document.documentElement; e = e.parentElement) {
      if (ALWAYS_SKIP.has(e.localName) || furniture(e)) return true;
    }
    return false;
  }

  function visible(el) {
    if (typeof el.checkVisibility === "function") return el.checkVisibility({ visibilityProperty: true });
    return el.getClientRects().length > 0;
  }

  /** Text that sits directly in el (not in child elements), whitespace removed. */
  function directTextLength(el) {
    let n = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === Node.TEXT_NODE) n += c.data.replace(/\s+/g, "").length;
    }
    return n;
  }

  const SENTENCE_END = /[.!?…。]|[다요죠까][\s"'”’)]*$/m;

  /**
   * The element holding the article: [itemprop=articleBody] or the <article> around the
   * densest block of paragraph text, else that block's container, else <main>, else <body>.
   */
  function findArticleRoot() {
    const body = document.body;
    if (!body) return document.documentElement;
    const scores = new Map();
    const bump = (el, v) => {
      if (el && el !== document.documentElement) scores.set(el, (scores.get(el) || 0) + v);
    };
    // The blocks that hold text themselves (a paragraph's parent, a div of text).
    const holders = new Set();
    const furniture = furnitureTest(textLength(body));
    const blocks = [...body.querySelectorAll("p, div, section, article, td, blockquote, pre")];
    // Quoted messages count only on a page that is all quotes.
    const unquoted = blocks.filter((el) => !inQuote(el));
    for (const el of unquoted.some((el) => directTextLength(el) >= 20) ? unquoted : blocks) {
      const isP = el.localName === "p";
      const len = isP ? el.textContent.replace(/\s+/g, "").length : directTextLength(el);
      if (len < 20) continue;
      if (inFurniture(el, furniture) || !visible(el)) continue;
      if (linkDensity(el) > 0.5) continue;
      let v = len;
      if (!SENTENCE_END.test(el.textContent)) v *= 0.3; // menus and lists have no sentence ends
      if (isP) {
        bump(el.parentElement, v);
        bump(el.parentElement?.parentElement, v / 2);
        if (el.parentElement) holders.add(el.parentElement);
      } else {
        // Text straight in a div (<br><br>-separated articles): the div is the container.
        bump(el, v);
        bump(el.parentElement, v / 2);
        holders.add(el);
      }
    }
    let best = null;
    let bestScore = 0;
    for (const [el, v] of scores) {
      if (v > bestScore) {
        best = el;
        bestScore = v;
      }
    }
    best = withKin(best, holders, scores, body);
    const marked = body.querySelector('[itemprop="articleBody"]');
    if (marked && visible(marked) && (!best || marked.contains(best) || best.contains(marked))) return marked;
    if (best) return best.closest('[itemprop="articleBody"], article') || best;
    return body.querySelector("article, main, [role=main]") || body;
  }

  /**
   * A blog editor puts each run of paragraphs in wrappers of its own (`se-component` >
   * … > `se-module-text`): when text blocks of the best one's kind (tag and class) score a
   * fifth of it or more, the article is their common ancestor, if it is near (6 levels).
   */
  function withKin(best, holders, scores, body) {
    if (!best || typeof best.className !== "string" || !best.className) return best;
    const floor = (scores.get(best) || 0) * 0.2;
    const kin = [...holders].filter(
      (e) => e !== best && e.localName === best.localName && e.className === best.className && (scores.get(e) || 0) >= floor,
    );
    if (!kin.length) return best;
    let root = best;
    for (let depth = 0; depth < 6 && !kin.every((e) => root.contains(e)); depth++) {
      root = root.parentElement;
      if (!root || root === body || root === document.documentElement) return best;
    }
    return kin.every((e) => root.contains(e)) ? root : best;
  }

  /**
   * True when a frame of the page (webmail's reading pane, groupware) that takes a quarter of
   * the window or more holds 200 chars or more and over half as much text as was found
   * outside it (a mailbox's list and headers): the text being read is in there, and the
   * worker runs this script in that frame instead. Only a same-origin frame can be measured.
   */
  function framedArticle(found) {
    for (const f of document.querySelectorAll("iframe, frame")) {
      const r = f.getBoundingClientRect();
      if (r.width * r.height < innerWidth * innerHeight * 0.25) continue;
      let body = null;
      try {
        body = f.contentDocument?.body;
      } catch {
        // another origin's
      }
      const inside = body ? textLength(body) : 0;
      if (inside >= 200 && 2 * inside > found) return true;
    }
    return false;
  }

  function collectPage() {
    const root = findArticleRoot();
    const b = new TextBuilder();
    walk(root, b, furnitureTest(textLength(root)), preservesBreaks(getComputedStyle(root)), null);
    return b;
  }

  function collectSelection() {
    const sel = getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0).cloneRange();
    const b = new TextBuilder();
    const common = range.commonAncestorContainer;
    if (common.nodeType === Node.TEXT_NODE) {
      const parent = common.parentElement;
      b.add(common, range.startOffset, range.endOffset, parent ? preservesBreaks(getComputedStyle(parent)) : false);
    } else {
      const el = common.nodeType === Node.ELEMENT_NODE ? common : common.parentElement;
      walk(el, b, null, preservesBreaks(getComputedStyle(el)), range);
    }
    sel.removeAllRanges(); // the selection would paint over the highlights
    return b;
  }

  // ---------------------------------------------------------------------------------------
  // Offsets -> Ranges

  /** Index of the first segment whose end is > pos. */
  function firstSegmentAfter(segments, pos) {
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid].end <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** DOM Ranges (one per text node) covering text[start, end) of the built text. */
  function rangesFor(segments, start, end) {
    const out = [];
    for (let i = firstSegmentAfter(segments, start); i < segments.length && segments[i].start < end; i++) {
      const s = segments[i];
      const lo = Math.max(start, s.start) - s.start;
      const hi = Math.min(end, s.end) - s.start;
      if (lo >= hi) continue;
      const r = document.createRange();
      r.setStart(s.node, s.offs[lo]);
      r.setEnd(s.node, s.offs[hi - 1] + 1);
      out.push(r);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------
  // Highlights

  function highlightCss(levels) {
    const css = [];
    for (let n = 1; n <= levels; n++) {
      const l = Math.min(n, LEVELS);
      css.push(`::highlight(ksum-${n}) { background-color: ${MARKS[l - 1]}; color: #17181a; }`);
      css.push(`mark.ksum-mark[data-ksum-level="${n}"] { background-color: ${MARKS[l - 1]}; color: #17181a; }`);
    }
    css.push("::highlight(ksum-focus) { background-color: #ffb300; color: #000; text-decoration: underline 2px #8a5a00; }");
    css.push("mark.ksum-mark.ksum-focus { background-color: #ffb300; color: #000; text-decoration: underline 2px #8a5a00; }");
    return css.join("\n");
  }
  // Opaque so that the text stays readable on light and dark sites alike.
  const MARKS = ["#ffc93c", "#ffd666", "#ffe08f", "#ffe9b3", "#fff0cc"];

  function clearPaint() {
    if (HAS_HIGHLIGHTS) {
      for (const name of [...CSS.highlights.keys()]) if (name.startsWith("ksum-")) CSS.highlights.delete(name);
    }
    // <mark> fallback: undo the wraps in reverse order; every split text node gets its exact
    // data back, so the collected segments (node, offset) stay valid for the next paint.
    const wraps = state?.wraps || [];
    for (let i = wraps.length - 1; i >= 0; i--) {
      const { node, mid, tail, mark } = wraps[i];
      node.appendData(mid.data + tail.data);
      mark.remove();
      tail.remove();
    }
    if (state) state.wraps = [];
  }

  /** Wraps one single-text-node range in a <mark> by splitting the node (fallback only). */
  function wrap(range, level) {
    const { startContainer: node, startOffset: a, endOffset: b } = range; // read before splitting moves the range
    const mid = node.splitText(a);
    const tail = mid.splitText(b - a);
    const mark = document.createElement("mark");
    mark.className = "ksum-mark";
    mark.dataset.ksumLevel = String(level);
    node.parentNode.insertBefore(mark, tail);
    mark.append(mid);
    return { node, mid, tail, mark };
  }

  /** Highlights picks (each gets .ranges and .level: 1 = best rank among the picks). */
  function paint(picks) {
    clearPaint();
    const byRank = [...picks].sort((a, b) => a.rank - b.rank);
    byRank.forEach((p, i) => (p.level = i + 1));
    for (const p of picks) p.ranges = rangesFor(state.segments, p.start, p.end);
    ensureSheet().replaceSync(highlightCss(picks.length));
    if (HAS_HIGHLIGHTS) {
      for (const p of picks) CSS.highlights.set(`ksum-${p.level}`, new Highlight(...p.ranges));
    } else {
      // Last to first: splitting a text node never moves a range that is still to be wrapped.
      const jobs = picks.flatMap((p) => p.ranges.map((r) => [r, p]));
      jobs.sort((x, y) => y[0].compareBoundaryPoints(Range.START_TO_START, x[0]));
      for (const [r, p] of jobs) {
        const w = wrap(r, p.level);
        state.wraps.push(w);
        (p.marks ??= []).push(w.mark);
      }
    }
    document.documentElement.setAttribute("data-ksum-count", String(picks.length));
  }

  function focusPick(p) {
    if (HAS_HIGHLIGHTS) {
      const h = new Highlight(...p.ranges);
      h.priority = 10;
      CSS.highlights.set("ksum-focus", h);
    } else {
      for (const m of document.querySelectorAll("mark.ksum-focus")) m.classList.remove("ksum-focus");
      for (const m of p.marks || []) m.classList.add("ksum-focus");
    }
    const first = p.ranges[0];
    const el = p.marks?.[0] || (first && (first.startContainer.nodeType === Node.ELEMENT_NODE ? first.startContainer : first.startContainer.parentElement));
    if (!el) return;
    const behavior = matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
    // The sentence (not its element, which may be a whole <br>-separated article) goes to
    // the middle of the screen, or, where the panel is beside it (a narrow window), to the
    // middle of the larger part of the screen the panel leaves free.
    const box = (first || el).getBoundingClientRect();
    const panel = state.shadow?.querySelector(".panel")?.getBoundingClientRect();
    const beside = panel && box.right > panel.left && box.left < panel.right;
    const above = beside ? panel.top : innerHeight;
    const below = beside ? innerHeight - panel.bottom : 0;
    const target = below > above ? (panel.bottom + innerHeight) / 2 : above / 2;
    const scroller = document.scrollingElement;
    if (scroller && scroller.scrollHeight > innerHeight) {
      // An element that scrolls inside (a reading pane) brings the sentence in first; the
      // window then moves it to the target.
      el.scrollIntoView({ block: "nearest" });
      const now = (first || el).getBoundingClientRect();
      scrollBy({ top: now.top + now.height / 2 - target, behavior });
    } else {
      el.scrollIntoView({ block: "center", behavior });
    }
  }

  /** True when `el` takes typing (a text field, a select, an editable region). */
  function isEditable(el) {
    return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
  }

  function ensureSheet() {
    if (!state.sheet) {
      state.sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, state.sheet];
    }
    return state.sheet;
  }

  // ---------------------------------------------------------------------------------------
  // Panel (shadow DOM: the site's CSS cannot reach in, ours cannot leak out)

  function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v);
    }
    for (const c of children) if (c != null) el.append(c);
    return el;
  }

  const numberFmt = new Intl.NumberFormat("ko-KR");

  function ensurePanel() {
    if (state.host?.isConnected) return state.shadow;
    const host = document.createElement(HOST_TAG);
    const shadow = host.attachShadow({ mode: "open" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PANEL_CSS);
    shadow.adoptedStyleSheets = [sheet];
    document.documentElement.append(host);
    state.host = host;
    state.shadow = shadow;
    return shadow;
  }

  // A pick as the page and the CLI show it (src/display.rs): without the marker that
  // opens a list item (`□`, `▲` however spaced; `ㅇ`, `-`, `*` before a space) or a
  // subtitle's closing dash; a marker alone stays.
  const LIST_MARKER = /^(?:[□■▢▣○●◦•‣∙·◎◉◆◇◈▪▫★☆▲△▶▷►➢➤✓✔☞]+\s*|([ㅇ*+\-–—])\s+)/u;
  function withoutListMarker(text) {
    const line = text.replace(/\s*\n\s*/g, " ").trim();
    const m = LIST_MARKER.exec(line);
    if (!m) return text;
    let rest = line.slice(m[0].length);
    if (m[1] === "-" || m[1] === "–") rest = rest.replace(/[-–]$/, "").trimEnd();
    return rest || text;
  }

  function renderPanel(message) {
    const shadow = ensurePanel();
    // The control that had the focus keeps it through the new render (+, −, an item).
    const had = shadow.activeElement;
    const keep = had && (had.classList.contains("plus") ? ".plus" : had.classList.contains("minus") ? ".minus" : had.classList.contains("fold") ? ".fold" : had.dataset.index ? `.item[data-index="${had.dataset.index}"]` : null);
    const picks = state.picks || [];
    const what = state.mode === "selection" ? "선택한 부분" : "본문";
    const title = h("div", { class: "title" },
      h("span", { class: "logo", "aria-hidden": "true" }),
      h("strong", { text: "ksum 요약" }),
      h("span", { class: "scope", text: what }));
    const close = h("button", { class: "close", type: "button", title: "지우기 (Esc)", "aria-label": "요약 지우기 (Esc)", text: "×", onclick: () => clearAll() });
    // Folded, the panel is its header only and the highlights stay: the page can be read
    // with nothing over it. A message is always shown whole.
    const folded = Boolean(state?.folded) && !message;
    const foldLabel = folded ? "요약 펼치기" : "요약 접기";
    const fold = message ? null : h("button", { class: "fold", type: "button", title: foldLabel, "aria-label": foldLabel, "aria-expanded": String(!folded), text: folded ? "▸" : "▾", onclick: () => setFolded(!folded) });
    if (folded) title.append(h("span", { class: "count", text: `${numberFmt.format(picks.length)}문장` }));
    const parts = [h("header", {}, title, h("div", { class: "actions" }, fold, close))];
    if (folded) {
      // The header alone.
    } else if (message) {
      parts.push(h("p", { class: "message", role: "status", text: message }));
    } else {
      const k = state.k;
      const minus = h("button", { class: "step minus", type: "button", "aria-label": "한 문장 덜", title: "한 문장 덜", text: "−", onclick: () => setK(k - 1) });
      const plus = h("button", { class: "step plus", type: "button", "aria-label": "한 문장 더", title: "한 문장 더", text: "+", onclick: () => setK(k + 1) });
      if (k <= 1) minus.disabled = true;
      if (k >= Math.min(state.total, MAX_K)) plus.disabled = true;
      parts.push(h("div", { class: "controls" },
        h("div", { class: "stepper", role: "group", "aria-label": "요약 문장 수" }, minus, h("output", { class: "k", text: String(picks.length) }), plus),
        h("span", { class: "stats", role: "status", text: `${what} ${numberFmt.format(state.total)}문장 중 ${numberFmt.format(picks.length)}문장` })));
      const list = h("ol", { class: "list" });
      picks.forEach((p, i) => {
        const item = h("button", { class: "item", type: "button", "data-index": String(i), onclick: () => focusPick(p) },
          h("span", { class: `badge level-${Math.min(p.level, LEVELS)}`, text: `${p.rank}위`, title: `중요도 ${p.rank}위` }),
          h("span", { class: "text", text: withoutListMarker(p.text) }));
        list.append(h("li", {}, item));
      });
      parts.push(list);
    }
    if (!folded) parts.push(h("p", { class: "foot", text: "진할수록 중요한 문장 · Esc로 지우기 · 외부 전송 없음" }));
    const panel = h("section", { class: folded ? "panel folded" : "panel", lang: "ko", role: "region", "aria-label": "ksum 요약", tabindex: "-1" }, ...parts);
    shadow.replaceChildren(panel);
    state?.host?.toggleAttribute("data-folded", folded);
    if (keep) {
      const again = shadow.querySelector(keep);
      (again && !again.disabled ? again : panel).focus({ preventScroll: true });
    }
  }

  // ---------------------------------------------------------------------------------------
  // Flow

  async function summarizeText(text, k) {
    let reply;
    try {
      reply = await chrome.runtime.sendMessage({ type: "ksum:summarize", text, k });
    } catch (err) {
      throw new Error(`요약 엔진에 연결하지 못했습니다 (${err?.message ?? err})`);
    }
    if (!reply || !reply.ok) throw new Error(`요약하지 못했습니다: ${reply?.error ?? "응답 없음"}`);
    return reply;
  }

  async function summarizeInto(k) {
    const reply = await summarizeText(state.text, k);
    if (!state) return 0; // cleared while waiting
    state.k = k;
    state.total = reply.total;
    state.picks = reply.picks;
    paint(state.picks);
    renderPanel();
    return state.picks.length;
  }

  async function setK(k) {
    if (!state || !state.text) return;
    k = Math.max(1, Math.min(k, state.total || 1, MAX_K));
    try {
      await summarizeInto(k);
    } catch (err) {
      renderPanel(err.message);
    }
  }

  function setFolded(folded) {
    if (!state) return;
    state.folded = folded;
    renderPanel();
  }

  function onKey(event) {
    if (event.key !== "Escape" || !state) return;
    // Esc in the page's own fields is the page's (closing its search box, say).
    const inPanel = state.host && event.composedPath().includes(state.host);
    if (inPanel || !isEditable(document.activeElement)) clearAll();
  }

  function clearAll() {
    if (!state) return;
    clearPaint();
    if (state.sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== state.sheet);
    state.host?.remove();
    removeEventListener("keydown", onKey, true);
    document.documentElement.removeAttribute("data-ksum-count");
    state = null;
  }

  /** Entry point for the service worker: mode "page" or "selection". Resolves to {count}. */
  /**
   * Runs in `mode` ("page" or "selection"). In page mode, a page whose text is in a frame
   * (framedArticle) returns {count: 0, framed: true} at once, so that the worker can run
   * in that frame instead; with `framedMessage` (the frame could not be reached) it says
   * so in the panel.
   */
  async function run(mode, framedMessage = false) {
    const keepK = state && state.mode === mode ? state.k : DEFAULT_K;
    clearAll();
    state = { mode, k: keepK, total: 0, picks: [], wraps: [] };
    addEventListener("keydown", onKey, true);
    const built = mode === "selection" ? collectSelection() : collectPage();
    if (!built) {
      renderPanel("선택한 텍스트가 없습니다. 요약할 부분을 드래그해 선택한 뒤 다시 시도하세요.");
      document.documentElement.setAttribute("data-ksum-count", "0");
      return { count: 0 };
    }
    state.text = built.text();
    state.segments = built.segments;
    if (mode === "page" && framedArticle(state.text.length)) {
      // What the page holds around the frame (a mailbox's list) is not what is being read.
      if (!framedMessage) {
        clearAll();
        return { count: 0, framed: true };
      }
      renderPanel("이 페이지의 본문은 프레임 안에 있어 바로 찾을 수 없습니다. 본문을 드래그해 선택한 뒤 오른쪽 클릭 메뉴의 'ksum으로 요약'을 써 보세요.");
      document.documentElement.setAttribute("data-ksum-count", "0");
      return { count: 0 };
    }
    if (!state.text.trim()) {
      renderPanel(mode === "selection" ? "선택한 부분에 요약할 글이 없습니다." : "이 페이지에서 기사 본문을 찾지 못했습니다. 요약할 부분을 선택한 뒤 오른쪽 클릭 메뉴의 'ksum으로 요약'을 써 보세요.");
      document.documentElement.setAttribute("data-ksum-count", "0");
      return { count: 0 };
    }
    try {
      const count = await summarizeInto(keepK);
      // Keyboard users reach the panel at once (it comes last in the page's tab order).
      state?.shadow?.querySelector(".panel")?.focus({ preventScroll: true });
      return { count };
    } catch (err) {
      renderPanel(err.message);
      document.documentElement.setAttribute("data-ksum-count", "0");
      return { count: 0, error: err.message };
    }
  }

  function alive() {
    try {
      return Boolean(chrome.runtime?.id);
    } catch {
      return false;
    }
  }

  globalThis.ksumContent = { run, clear: clearAll, alive };
})();
