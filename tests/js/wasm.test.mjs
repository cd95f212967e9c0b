// The wasm build (www/pkg/ksum.js, from `make wasm`) against the native CLI (`make build`):
// same sentences, spans, ranks and picks for the same input, plus the JS-side contract
// (UTF-16 offsets, plain objects, real Error objects on bad options).
// Run: node --test tests/js/   (or `make test-js`, which builds first)

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { cliSummary, readText, requireBuilt, ROOT, TEXTS } from "./helpers.mjs";

let ksum;

before(async () => {
  requireBuilt("www/pkg/ksum.js", "www/pkg/ksum_bg.wasm", "target/release/ksum");
  ksum = await import(pathToFileURL(join(ROOT, "www/pkg/ksum.js")).href);
  ksum.initSync({ module: readFileSync(join(ROOT, "www/pkg/ksum_bg.wasm")) });
});

/** Checks the invariants every result must hold for `text`. */
function checkShape(text, result, k) {
  const keys = Object.keys(result).sort();
  assert.ok(
    JSON.stringify(keys) === JSON.stringify(["sentences", "summary"]) ||
      JSON.stringify(keys) === JSON.stringify(["content", "keywords", "sentences", "summary", "timings"]),
    `result keys: ${keys}`,
  );
  if ("timings" in result) {
    // A transcript's timing marks: ascending, each inside a sentence's span.
    let last = 0;
    for (const t of result.timings) {
      assert.deepEqual(Object.keys(t).sort(), ["end", "start"]);
      assert.ok(t.start >= last && t.end > t.start, `timings ${JSON.stringify(result.timings)}`);
      assert.ok(result.sentences.some((s) => s.start <= t.start && t.end <= s.end), `timing ${t.start}..${t.end}`);
      last = t.end;
    }
  }
  if ("content" in result) {
    assert.ok(
      Number.isInteger(result.content) && result.content >= 0 && result.content <= result.sentences.length,
      `content ${result.content} of ${result.sentences.length} sentences`,
    );
  }
  if ("keywords" in result) checkKeywords(text, result.keywords);
  const { sentences, summary } = result;
  assert.ok(Array.isArray(sentences) && Array.isArray(summary));
  let prevEnd = 0;
  sentences.forEach((s, i) => {
    assert.deepEqual(Object.keys(s).sort(), ["end", "rank", "score", "start", "text"], `sentence ${i} keys`);
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `sentence ${i}: integer offsets`);
    assert.ok(s.start >= prevEnd, `sentence ${i} starts at ${s.start}, before the previous end ${prevEnd}`);
    assert.ok(s.end > s.start && s.end <= text.length, `sentence ${i}: span ${s.start}..${s.end} in 0..${text.length}`);
    assert.equal(text.slice(s.start, s.end), s.text, `sentence ${i}: text.slice(start, end) === text`);
    assert.ok(Number.isFinite(s.score), `sentence ${i}: finite score`);
    prevEnd = s.end;
  });
  const ranks = sentences.map((s) => s.rank).sort((a, b) => a - b);
  assert.deepEqual(ranks, sentences.map((_, i) => i + 1), "ranks are a permutation of 1..n");
  for (let j = 1; j < summary.length; j++) {
    assert.ok(summary[j - 1] < summary[j], `summary in document order without repeats: ${summary}`);
  }
  for (const i of summary) assert.ok(Number.isInteger(i) && i >= 0 && i < sentences.length, `summary index ${i}`);
  if (k !== undefined) assert.equal(summary.length, Math.min(k, sentences.length), `summary length for k=${k}`);
}

/**
 * Keywords (optional, for the page's chips): [{term, score}], most important first, each term a
 * non-empty string without surrounding space, scores finite; the page marks the term where it
 * occurs in the text.
 */
function checkKeywords(text, keywords) {
  assert.ok(Array.isArray(keywords), "keywords is an array");
  const seen = new Set();
  keywords.forEach((kw, i) => {
    assert.deepEqual(Object.keys(kw).sort(), ["score", "term"], `keyword ${i} keys`);
    assert.equal(typeof kw.term, "string");
    assert.ok(kw.term.length > 0 && kw.term === kw.term.trim(), `keyword ${i}: ${JSON.stringify(kw.term)}`);
    assert.ok(Number.isFinite(kw.score), `keyword ${i}: finite score`);
    if (i > 0) assert.ok(kw.score <= keywords[i - 1].score, `keywords sorted by score: ${JSON.stringify(keywords)}`);
    assert.ok(!seen.has(kw.term), `keyword ${kw.term} repeated`);
    seen.add(kw.term);
  });
  if (text.trim() === "") assert.deepEqual(keywords, []);
}

/**
 * The wasm result must be the CLI's, to the last bit: same spans, texts, ranks, picks, scores
 * and keywords (the core uses the same pure-Rust logarithm on both targets).
 */
function assertSameAsCli(wasm, cli, label) {
  assert.deepEqual(wasm.summary, cli.summary, `${label}: summary indices`);
  assert.equal(wasm.sentences.length, cli.sentences.length, `${label}: sentence count`);
  const strip = (ss) => ss.map(({ start, end, text, rank }) => ({ start, end, text, rank }));
  assert.deepEqual(strip(wasm.sentences), strip(cli.sentences), `${label}: spans, texts and ranks`);
  wasm.sentences.forEach((s, i) => {
    assert.equal(s.score, cli.sentences[i].score, `${label}: score of sentence ${i}`);
  });
  assert.deepEqual(wasm, cli, `${label}: the whole object`);
}

for (const [name, path, present] of TEXTS) {
  describe(`summarize(${name}) equals the CLI`, { skip: present ? false : `${path} is absent` }, () => {
    for (const k of [1, 3, 5]) {
      test(`k=${k}`, () => {
        const text = readText(path);
        const result = ksum.summarize(text, { k });
        checkShape(text, result, k);
        assertSameAsCli(result, cliSummary(path, k), `${name} k=${k}`);
      });
    }

    test("split() gives summarize()'s sentences", () => {
      const text = readText(path);
      const spans = ksum.split(text);
      const { sentences } = ksum.summarize(text, { k: 3 });
      assert.deepEqual(
        spans.map(({ start, end, text: t }) => ({ start, end, text: t })),
        sentences.map(({ start, end, text: t }) => ({ start, end, text: t })),
      );
      for (const s of spans) assert.deepEqual(Object.keys(s).sort(), ["end", "start", "text"]);
    });

    test("no options means k=3", () => {
      const text = readText(path);
      assert.deepEqual(ksum.summarize(text), ksum.summarize(text, { k: 3 }));
      assert.deepEqual(ksum.summarize(text, undefined), ksum.summarize(text, { k: 3 }));
    });
  });
}

describe("options", () => {
  const text = () => readText(TEXTS[0][1]);

  for (const [opts, name] of [
    [{ k: 0 }, "k"],
    [{ k: -1 }, "k"],
    [{ k: "x" }, "k"],
    [{ ratio: 0 }, "ratio"],
    [{ ratio: 2 }, "ratio"],
    [{ ratio: -0.5 }, "ratio"],
  ]) {
    test(`${JSON.stringify(opts)} throws an Error naming ${name}, and the module still works`, () => {
      const before = ksum.summarize(text(), { k: 3 });
      assert.throws(
        () => ksum.summarize(text(), opts),
        (err) => {
          assert.ok(err instanceof Error, `threw ${typeof err} ${String(err)}, not an Error`);
          assert.match(err.message, new RegExp(`\\b${name}\\b`), `message names ${name}: ${err.message}`);
          return true;
        },
      );
      // A trap would have killed the instance; a clean error leaves it usable.
      assert.deepEqual(ksum.summarize(text(), { k: 3 }), before);
      assert.ok(ksum.split(text()).length > 0);
    });
  }

  test("ratio picks a share of the prose sentences", () => {
    const t = text();
    const n = ksum.split(t).length;
    const half = ksum.summarize(t, { ratio: 0.5 });
    checkShape(t, half);
    const c = half.content;
    assert.ok(c >= 1 && c < n, `content ${c} of ${n}: the headline, byline and caption are not prose`);
    assert.equal(half.summary.length, Math.ceil(c / 2), `ratio 0.5 picked ${half.summary.length} of ${c}`);
    const all = ksum.summarize(t, { ratio: 1 });
    assert.equal(all.summary.length, c);
    // The prose is what a ratio of 1 picks: the sentences ranked 1..content.
    assert.deepEqual(all.summary, all.sentences.map((s, i) => [s.rank, i]).filter(([r]) => r <= c).map(([, i]) => i));
  });

  test("k larger than the sentence count picks every sentence", () => {
    const t = text();
    const r = ksum.summarize(t, { k: 1000 });
    checkShape(t, r, 1000);
    assert.deepEqual(r.summary, r.sentences.map((_, i) => i));
  });
});

describe("edge cases", () => {
  test("empty string gives an empty summary", () => {
    const r = ksum.summarize("", { k: 3 });
    assert.deepEqual(r.summary, []);
    assert.deepEqual(r.sentences, []);
    assert.deepEqual(ksum.split(""), []);
  });

  test("whitespace only gives an empty summary", () => {
    const r = ksum.summarize(" \n\t \n", { k: 3 });
    assert.deepEqual(r.summary, []);
  });

  test("offsets are UTF-16 code units (emoji and Hangul)", () => {
    const text = "오늘은 날씨가 맑았다 😀. 공원에는 사람이 많았다 🎉🎉! 저녁에는 비가 올 것이라고 한다. 𠀀 글자도 있다.";
    const r = ksum.summarize(text, { k: 2 });
    checkShape(text, r, 2);
    assert.ok(r.sentences.length >= 3, `split into ${r.sentences.length} sentences`);
  });

  test("one sentence without a final period", () => {
    const text = "마침표가 없는 한 문장";
    const r = ksum.summarize(text, { k: 3 });
    checkShape(text, r, 3);
    assert.equal(r.sentences.length, 1);
    assert.deepEqual(r.summary, [0]);
  });
});

test("the module carries no panic message of str slicing (DESIGN.md, Size)", () => {
  // `&s[a..b]` brings Rust's message for a cut char and, with it, the tables of printable
  // chars (2.9 KB of the gzipped page); every slice is `s.get(a..b)`.
  const wasm = readFileSync(join(ROOT, "www/pkg/ksum_bg.wasm"));
  for (const message of ["is not a char boundary", "is out of bounds of `"]) {
    assert.equal(wasm.includes(Buffer.from(message)), false, message);
  }
});

test("the module's allocator keeps every block: summaries stay the same after heavy churn (DESIGN.md, allocator)", () => {
  // Each fixture's summary, then again after long texts (blocks past the small sizes, the
  // memory grown) and many short ones (every small size freed and reused) went through
  // the same module: a block handed out twice or cut short would change an output.
  const dir = join(ROOT, "tests/fixtures");
  const texts = readdirSync(dir)
    .filter((f) => /\.(txt|srt|html)$/.test(f))
    .map((f) => readFileSync(join(dir, f), "utf8"));
  const first = texts.map((t) => JSON.stringify(ksum.summarize(t, { k: 3 })));
  const long = texts.join("\n").repeat(40);
  for (let round = 0; round < 3; round++) {
    ksum.summarize(long.slice(0, long.length >> round), { ratio: 0.3 });
    for (let i = 0; i < texts.length; i++) {
      const t = texts[(i * 7 + round) % texts.length];
      ksum.split(t.slice(0, (t.length * (i + 1)) / texts.length));
      ksum.summarize(t.slice(t.length >> 2), { k: 1 + (i % 5) });
    }
    texts.forEach((t, i) => assert.equal(JSON.stringify(ksum.summarize(t, { k: 3 })), first[i], `fixture ${i}, round ${round}`));
  }
});
