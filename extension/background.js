// ksum service worker (Manifest V3, "type": "module").
//
// The summarizer (Rust compiled to wasm, wasm-bindgen --target web glue in ksum.js) runs HERE,
// under the extension's own CSP ('wasm-unsafe-eval'), never in the page: a site's CSP cannot
// block it and the site cannot see it. The page side is content.js, injected on demand with
// chrome.scripting (activeTab: only after the user clicks the button, presses the shortcut or
// picks the context-menu item). content.js collects the article text, asks this worker for a
// summary over runtime messaging, and highlights the chosen sentences in the page.
//
// Nothing is stored and nothing leaves the browser: the only fetch is of this extension's own
// ksum_bg.wasm (a chrome-extension:// URL, not a network request).
//
// Test hooks (also what the UI calls): self.ksumSummarizeTab(tabId) and
// self.ksumSummarizeSelection(tabId, frameId?) resolve to the number of highlighted sentences.

import init, { summarize } from "./ksum.js";

const MENU_ID = "ksum-summarize-selection";
const MAX_K = 50;

let ready = null;

/** Instantiates the wasm once per worker lifetime (the worker may be stopped when idle). */
function ensureWasm() {
  ready ??= init({ module_or_path: chrome.runtime.getURL("ksum_bg.wasm") }).catch((err) => {
    ready = null;
    throw err;
  });
  return ready;
}

/** Only what the page needs back: the picked sentences (document order) and the total count. */
function runSummary(text, k) {
  const result = summarize(text, { k });
  return {
    total: result.sentences.length,
    picks: result.summary.map((i) => {
      const s = result.sentences[i];
      return { start: s.start, end: s.end, text: s.text, rank: s.rank, score: s.score };
    }),
  };
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !message || message.type !== "ksum:summarize") return false;
  const k = Math.min(MAX_K, Math.max(1, Math.floor(Number(message.k) || 3)));
  ensureWasm()
    .then(() => sendResponse({ ok: true, ...runSummary(String(message.text ?? ""), k) }))
    .catch((err) => sendResponse({ ok: false, error: String(err?.message ?? err) }));
  return true; // responds asynchronously
});

/**
 * Injects content.js. Right after a click the activeTab grant can reach this worker a moment
 * after action.onClicked does (seen with Chromium 156), so a refusal is retried briefly.
 */
async function inject(target) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await chrome.scripting.executeScript({ target, files: ["content.js"] });
    } catch (err) {
      if (attempt >= 4 || !/Cannot access|permission/i.test(String(err?.message))) throw err;
      await new Promise((r) => setTimeout(r, 25 * (attempt + 1)));
    }
  }
}

/** Runs the injected content.js in `target` in `mode`; its {count, framed?} result. */
async function runIn(target, mode, framedMessage = false) {
  const [first] = await chrome.scripting.executeScript({
    target,
    func: (m, f) => globalThis.ksumContent.run(m, f),
    args: [mode, framedMessage],
  });
  const out = first?.result;
  if (!out || typeof out.count !== "number" || out.error) throw new Error(out?.error || "ksum: the page script returned nothing");
  return out;
}

/**
 * The frame of the tab with the most text, other than the top one: where a page whose text is
 * in a frame (webmail, groupware) shows it. Chrome runs the probe in the frames this extension
 * may enter and skips another origin's (a test checks); null when none has text or the probe
 * fails.
 */
async function textFrame(tabId) {
  try {
    const probes = await chrome.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: () => (innerWidth * innerHeight > 0 ? (document.body?.innerText || "").length : 0),
    });
    const best = probes.filter((p) => p.frameId !== 0 && p.result > 0).sort((a, b) => b.result - a.result)[0];
    return best ? best.frameId : null;
  } catch {
    return null;
  }
}

/** Injects content.js into the tab (idempotent) and runs it in `mode` ("page" or "selection"). */
async function runInTab(tabId, mode, frameId) {
  if (!Number.isInteger(tabId)) throw new TypeError(`tabId must be an integer, got ${tabId}`);
  // Loading the wasm first also lets a fresh activeTab grant settle before the injection.
  await ensureWasm();
  const target = Number.isInteger(frameId) && frameId > 0 ? { tabId, frameIds: [frameId] } : { tabId };
  await inject(target);
  const out = await runIn(target, mode);
  if (!out.framed) return out.count;
  // The page's text is in a frame: run there, or else say so in the page.
  const frame = await textFrame(tabId);
  if (frame !== null) {
    try {
      const inFrame = { tabId, frameIds: [frame] };
      await inject(inFrame);
      const there = await runIn(inFrame, mode, true);
      if (there.count > 0) return there.count;
    } catch {
      // fall through to the message
    }
  }
  return (await runIn(target, mode, true)).count;
}

self.ksumSummarizeTab = (tabId) => runInTab(tabId, "page");
self.ksumSummarizeSelection = (tabId, frameId) => runInTab(tabId, "selection", frameId);

/** Runs `job`; a failure (e.g. a chrome:// page, where no extension may run) shows on the badge. */
async function report(tabId, job) {
  try {
    await job;
    await chrome.action.setBadgeText({ tabId, text: "" });
    await chrome.action.setTitle({ tabId, title: chrome.runtime.getManifest().action.default_title });
  } catch (err) {
    console.warn("ksum:", err);
    try {
      await chrome.action.setBadgeBackgroundColor({ tabId, color: "#b3261e" });
      await chrome.action.setBadgeText({ tabId, text: "!" });
      await chrome.action.setTitle({ tabId, title: `ksum: 이 페이지에서는 요약할 수 없습니다 (${err?.message ?? err})` });
    } catch {
      // the tab is gone
    }
  }
}

chrome.action.onClicked.addListener((tab) => {
  if (tab?.id != null) report(tab.id, self.ksumSummarizeTab(tab.id));
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID && tab?.id != null) {
    report(tab.id, self.ksumSummarizeSelection(tab.id, info.frameId));
  }
});

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_ID, title: "ksum으로 요약", contexts: ["selection"] });
  });
});
