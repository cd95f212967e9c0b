// ksum summarizing worker. A CLASSIC worker script: scripts/build-html.mjs prepends the
// wasm-bindgen no-modules glue (global `wasm_bindgen`) and the page starts it from a blob: URL,
// which works from file:// too (a module worker from blob: does not, there).
//
// Messages in:
//   {type: "init", module: WebAssembly.Module | Uint8Array}
//   {type: "summarize", id, text, options: {k} | {ratio}}
// Messages out:
//   {type: "ready"} | {type: "fatal", message}
//   {type: "result", id, ms, chars, n, content, starts, ends, ranks: Int32Array,
//    scores: Float64Array, timingStarts, timingEnds: Int32Array (a transcript's timing
//    marks), summary: number[], keywords?: {term, score}[]}
//   (typed arrays are transferred; content: the prose sentences, which a ratio counts)
//   {type: "error", id, message, fatal}
// The sentence texts are not sent back: the page has the text and the UTF-16 offsets.
// scripts/build-html.mjs also prepends www/pack.js (countChars, pack).
/* global wasm_bindgen, pack */
"use strict";

const WARM_UP =
  "[가상일보 김하늘 기자] 해오름시가 폐교를 창업 공간으로 바꾼다. " +
  "시는 12일 \"청년 창업가 30팀을 뽑겠다\"고 밝혔다.\n" +
  "입주 기업은 2년간 임대료를 내지 않는다(사진=해오름시 제공). 주민 설명회도 열린다.";

self.onmessage = (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    try {
      wasm_bindgen.initSync({ module: msg.module });
      self.postMessage({ type: "ready" });
    } catch (err) {
      self.postMessage({ type: "fatal", message: String((err && err.message) || err) });
      return;
    }
    // V8 compiles wasm functions on their first call and optimizes them later: one small
    // summary now (a few ms, while the user is still pasting) makes the first real one fast.
    try {
      wasm_bindgen.summarize(WARM_UP, { k: 1 });
    } catch (_) {
      // A failure here shows again, with its message, on the first real summary.
    }
    return;
  }
  if (msg.type === "summarize") {
    const t0 = performance.now();
    let result;
    try {
      result = wasm_bindgen.summarize(msg.text, msg.options);
    } catch (err) {
      // A RuntimeError is a trap: the instance is unusable and the page restarts this worker.
      const fatal = typeof WebAssembly !== "undefined" && err instanceof WebAssembly.RuntimeError;
      self.postMessage({ type: "error", id: msg.id, message: String((err && err.message) || err), fatal });
      return;
    }
    const out = pack(msg.id, msg.text, result, performance.now() - t0);
    const buffers = [out.starts, out.ends, out.ranks, out.scores, out.timingStarts, out.timingEnds];
    self.postMessage(out, buffers.map((a) => a.buffer));
  }
};
