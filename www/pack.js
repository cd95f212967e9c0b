// The result message shared by the worker (www/worker.js) and the page's main-thread fallback
// (www/engine.js): a summary packed into typed arrays, without the sentence texts. A classic
// script: scripts/build-html.mjs puts it before both.
"use strict";

/** Code points in `text` (what a person calls characters), without building an array. */
function countChars(text) {
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}

function pack(id, text, result, ms) {
  const sentences = result.sentences;
  const n = sentences.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const ranks = new Int32Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = sentences[i];
    starts[i] = s.start;
    ends[i] = s.end;
    ranks[i] = s.rank;
    scores[i] = s.score;
  }
  // A transcript's timing marks (ascending): in sentences' spans, but not said.
  const timings = Array.isArray(result.timings) ? result.timings : [];
  const timingStarts = new Int32Array(timings.length);
  const timingEnds = new Int32Array(timings.length);
  for (let i = 0; i < timings.length; i++) {
    timingStarts[i] = timings[i].start;
    timingEnds[i] = timings[i].end;
  }
  const msg = {
    type: "result",
    id,
    ms,
    chars: countChars(text),
    n,
    starts,
    ends,
    ranks,
    scores,
    timingStarts,
    timingEnds,
    summary: Array.from(result.summary),
    // The prose sentences, which a ratio counts (the summarizer's own base).
    content: typeof result.content === "number" ? result.content : n,
  };
  if (Array.isArray(result.keywords)) msg.keywords = result.keywords;
  return msg;
}
