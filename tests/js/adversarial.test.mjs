// The wasm module (www/pkg/ksum.js) against what people paste and what callers get wrong:
// an adversarial corpus generated from fixed seeds, decomposed Hangul, lone surrogates,
// huge inputs, wrong option types, throwing proxies, and a trap inside the module — after
// every error the module must still give the same answers as before.
// Run: node --test tests/js/   (after `make build web`)

import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { inspect } from "node:util";

import { CLI, cliSummary, requireBuilt, ROOT } from "./helpers.mjs";

let ksum;
let raw; // the instance's own exports, to provoke a trap

before(async () => {
  requireBuilt("www/pkg/ksum.js", "www/pkg/ksum_bg.wasm");
  ksum = await import(pathToFileURL(join(ROOT, "www/pkg/ksum.js")).href);
  raw = ksum.initSync({ module: readFileSync(join(ROOT, "www/pkg/ksum_bg.wasm")) });
});

const ARTICLE = readFileSync(join(ROOT, "tests/fixtures/article.txt"), "utf8");

// Rust's char::is_whitespace (Unicode White_Space), which the span invariant uses; JS's \s
// differs (it has U+FEFF, lacks U+0085).
const RUST_WS = /^[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*$/;

/** Spans in order, slicing `text` exactly (lone surrogates read as U+FFFD), covering all but whitespace. */
function checkSentences(label, text, sentences) {
  let last = 0;
  for (const [i, s] of sentences.entries()) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${label}: sentence ${i} offsets`);
    assert.ok(s.start >= last && s.start < s.end && s.end <= text.length, `${label}: sentence ${i} at ${s.start}..${s.end} after ${last}`);
    assert.ok(RUST_WS.test(text.slice(last, s.start)), `${label}: text lost before sentence ${i}`);
    assert.equal(text.slice(s.start, s.end).toWellFormed(), s.text, `${label}: sentence ${i} does not slice`);
    last = s.end;
  }
  assert.ok(RUST_WS.test(text.slice(last)), `${label}: text lost at the end`);
}

function checkSummary(label, text, result, k) {
  checkSentences(label, text, result.sentences);
  const n = result.sentences.length;
  const ranks = result.sentences.map((s) => s.rank).sort((a, b) => a - b);
  assert.deepEqual(ranks, [...Array(n).keys()].map((i) => i + 1), `${label}: ranks`);
  assert.equal(result.summary.length, Math.min(k, n), `${label}: summary length`);
  for (const s of result.sentences) assert.ok(Number.isFinite(s.score), `${label}: score`);
  for (const kw of result.keywords ?? []) assert.ok(kw.term.length > 0 && Number.isFinite(kw.score), `${label}: keyword`);
}

// ------------------------------------------------------------------------------------------
// A deterministic corpus (mulberry32): the same texts on every run and machine.

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    below: (n) => Math.floor(next() * n),
    pick(xs) {
      return xs[this.below(xs.length)];
    },
  };
}

const SENTENCES = ARTICLE.split("\n").filter((l) => l.trim());
const ODD = ["\0", "\x01", "\x1b[0m", "\x7f", "\u0085", "\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u202e", "\u2060",
  "\ufeff", "\ufffd", "\uffff", "\ud800", "\udc00", "\ud83d", "\ude00", "\u{10ffff}", "\u0301", "\u3000", "\r", "\u2028"];
const EMOJI = ["😀", "👍🏻", "🇰🇷", "❤️", "👨‍👩‍👧‍👦", "🏳️‍🌈", "ㅋㅋㅋ", "ㅠㅠ", "✨"];

function adversarial(kind, r, size) {
  let t = "";
  while (t.length < size) {
    const s = r.pick(SENTENCES);
    switch (kind) {
      case 0: // markup
        t += r.pick([`<p>${s}</p>`, `<script>var s="${s}"; if (a<b) {}</script>`, `&nbsp;${s}&#8203;`, `<img src=x onerror="alert(1)">${s}`]);
        t += r.pick(["", "\n", " "]);
        break;
      case 1: // PDF: broken spacing and line breaks
        for (const c of s) t += c + r.pick(["", "", "", "", "", " ", "\n", "-\n"]);
        break;
      case 2: // decomposed Hangul, whole or mixed
        t += (r.below(10) < 7 ? s.normalize("NFD") : s) + " ";
        break;
      case 3: // emoji runs
        t += s;
        for (let i = r.below(20); i > 0; i--) t += r.pick(EMOJI) + r.pick(["", "", " "]);
        break;
      case 4: // lone surrogates, controls, invisible and bidi characters
        for (const c of s) t += c + (r.below(100) < 15 ? r.pick(ODD) : "");
        break;
      case 5: // random UTF-16 code units: lone surrogates included
        for (let i = r.below(40); i > 0; i--) t += String.fromCharCode(r.below(0x10000));
        break;
      case 6: // quotes and brackets that never close
        for (const w of s.split(" ")) t += r.pick(["", "", "“", "\"", "(", ")", "「", "』", "'"]) + w + " ";
        break;
      default: // punctuation storms and whitespace
        t += r.pick([".", "!?", "…", "...", "。", "~", "ㅋ", " ", "\n", "\u3000"]) + (r.below(3) ? "" : s);
    }
  }
  return t;
}

function corpus() {
  const out = [];
  for (let kind = 0; kind < 8; kind++) {
    for (const [seed, size] of [[1, 40], [2, 600], [3, 6000]]) {
      out.push([`kind${kind}-seed${seed}`, adversarial(kind, rng(seed * 1000 + kind), size)]);
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------

describe("adversarial corpus through the wasm module", () => {
  test("the generator is deterministic", () => {
    assert.deepEqual(corpus(), corpus());
  });

  test("every text: spans slice the JS string, ranks, summary, determinism", () => {
    for (const [name, text] of corpus()) {
      for (const k of [1, 3, 1000]) {
        const result = ksum.summarize(text, { k });
        checkSummary(name, text, result, k);
        assert.deepEqual(ksum.summarize(text, { k }), result, `${name}: deterministic`);
        const split = ksum.split(text);
        assert.deepEqual(split, result.sentences.map(({ start, end, text }) => ({ start, end, text })), `${name}: split`);
      }
    }
  });

  test("tests/fixtures/adversarial: same sentences, ranks and picks as the CLI", { skip: !existsSync(CLI) && "no release CLI (make build)" }, () => {
    const dir = join(ROOT, "tests/fixtures/adversarial");
    for (const name of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, name));
      let text;
      try {
        text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        // Not UTF-8: the CLI refuses it; the module gets what a browser would decode.
        text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
        checkSummary(name, text, ksum.summarize(text, { k: 3 }), 3);
        continue;
      }
      const wasm = ksum.summarize(text, { k: 3 });
      checkSummary(name, text, wasm, 3);
      const cli = cliSummary(join(dir, name), 3);
      assert.deepEqual(wasm.summary, cli.summary, `${name}: summary`);
      const strip = (ss) => ss.map(({ start, end, text, rank }) => ({ start, end, text, rank }));
      assert.deepEqual(strip(wasm.sentences), strip(cli.sentences), `${name}: sentences`);
    }
  });

  test("empty and whitespace-only text give an empty summary", () => {
    for (const text of ["", " ", "\n\r\n\t", "\u3000\u00a0\u2028\u0085"]) {
      assert.deepEqual(ksum.summarize(text), { sentences: [], summary: [], keywords: [], content: 0, timings: [] });
      assert.deepEqual(ksum.split(text), []);
    }
  });
});

describe("Unicode from JS strings", () => {
  test("lone surrogates become U+FFFD and offsets still slice the JS string", () => {
    const text = "\ud800정부가 발표했다. \udc00\ud800 업계는\udfff 환영했다.\ud83d 끝이다. 😀\ud83d";
    const result = ksum.summarize(text, { k: 5 });
    checkSummary("surrogates", text, result, 5);
    assert.equal(result.sentences.at(-1).end, text.length);
    assert.ok(result.sentences[0].text.startsWith("\ufffd"));
  });

  test("decomposed Hangul (macOS NFD) summarizes like NFC, spans into the NFD string", () => {
    const nfc = ARTICLE;
    const nfd = nfc.normalize("NFD");
    assert.notEqual(nfd, nfc);
    const a = ksum.summarize(nfc, { k: 3 });
    const b = ksum.summarize(nfd, { k: 3 });
    checkSummary("nfd", nfd, b, 3);
    assert.deepEqual(b.summary, a.summary);
    assert.deepEqual(b.keywords, a.keywords);
    assert.equal(b.sentences.length, a.sentences.length);
    b.sentences.forEach((s, i) => {
      assert.equal(nfd.slice(s.start, s.end).normalize("NFC"), a.sentences[i].text);
      assert.equal(s.rank, a.sentences[i].rank);
    });
  });

  test("100,000 one-character lines and a 1 MB sentence without punctuation", () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode(0xac00 + (i % 11172))).join("\n");
    let t0 = performance.now();
    const a = ksum.summarize(lines, { k: 5 });
    assert.equal(a.sentences.length, 100_000);
    assert.ok(performance.now() - t0 < 10_000, `lines took ${performance.now() - t0} ms`);
    const words = ["클라우드", "산업의", "핵심", "인프라", "데이터"];
    const r = rng(7);
    let long = "";
    while (long.length < 350_000) long += r.pick(words) + " "; // ~1 MB of UTF-8
    t0 = performance.now();
    const b = ksum.summarize(long);
    assert.equal(b.sentences.length, 1);
    assert.equal(b.sentences[0].end, long.trimEnd().length);
    assert.ok(performance.now() - t0 < 10_000, `long sentence took ${performance.now() - t0} ms`);
  });
});

describe("pathological texts take linear time", () => {
  test("thousands of verb forms, each turned down as a keyword", () => {
    // Every stem a different verb form (`갸냐릴 수 있고`): the keywords searched the text
    // once for each.
    const syllable = (i) => String.fromCharCode(0xac00 + ((i * 7919) % 11172));
    let text = "";
    for (let i = 0; i < 100_000; i++) text += syllable(i) + syllable(3 * i + 1) + "릴 수 있고 ";
    const t0 = performance.now();
    const r = ksum.summarize(text, { k: 3 });
    const took = performance.now() - t0;
    assert.equal(r.sentences.length, 1);
    assert.ok(took < 5_000, `took ${took} ms`);
  });

  test("markup never closed: no search ahead is made again", () => {
    // Each `<` looked to the text's end for its `>`, `-->` or closing tag: a minute
    // for 100,000 of them.
    for (const unit of ["가나 <b ", "가나</b ", "가<!-- ", "가<script> ", "가<style>x</style "]) {
      const text = unit.repeat(100_000) + "했다.";
      const t0 = performance.now();
      const r = ksum.summarize(text, { k: 3 });
      const took = performance.now() - t0;
      assert.ok(r.sentences.length >= 1, unit);
      assert.ok(took < 5_000, `${JSON.stringify(unit)} took ${took} ms`);
    }
  });
});

describe("errors leave the module usable", () => {
  const REF_TEXT = ARTICLE;
  let reference;
  const same = (label) =>
    assert.deepEqual(ksum.summarize(REF_TEXT, { k: 3 }), reference, `${label}: a later call gives a different answer`);

  before(() => {
    reference = ksum.summarize(REF_TEXT, { k: 3 });
  });

  const badOptions = [
    [{ k: "3" }, /options\.k must be a whole number >= 1, got "3"/],
    [{ k: 0 }, /options\.k/],
    [{ k: -1 }, /options\.k/],
    [{ k: 2.5 }, /options\.k/],
    [{ k: NaN }, /options\.k.*NaN/],
    [{ k: Infinity }, /options\.k/],
    [{ k: null }, /options\.k.*null/],
    [{ k: 3n }, /options\.k.*bigint/],
    [{ k: {} }, /options\.k.*object/],
    [{ k: [3] }, /options\.k/],
    [{ k: Symbol("k") }, /options\.k.*symbol/],
    [{ k: () => 3 }, /options\.k.*function/],
    [{ k: 2 ** 53 }, /options\.k/],
    [{ ratio: 0 }, /options\.ratio must be a number in \(0, 1\]/],
    [{ ratio: 1.5 }, /options\.ratio/],
    [{ ratio: "0.5" }, /options\.ratio.*"0\.5"/],
    [{ ratio: NaN }, /options\.ratio/],
    [{ k: 3, ratio: 0.5 }, /not both/],
    [{ K: 3 }, /unknown option "K"/],
    [{ k: 3, extra: true }, /unknown option "extra"/],
    [{ ["x".repeat(10_000)]: 1 }, /unknown option/],
    [3, /options must be an object/],
    ["k=3", /options must be an object/],
    [true, /options must be an object/],
    [() => {}, /options must be an object/],
  ];
  for (const [opts, re] of badOptions) {
    const shown = inspect(opts, { breakLength: Infinity }).slice(0, 60);
    test(`options ${shown} throw an Error naming the option`, () => {
      assert.throws(() => ksum.summarize(REF_TEXT, opts), (e) => e instanceof Error && re.test(e.message));
      same(shown);
    });
  }

  test("a text that is not a string throws an Error naming text", () => {
    for (const text of [undefined, null, 5, {}, ["a"], 1n, Symbol("s"), new String("x")]) {
      assert.throws(() => ksum.summarize(text), (e) => e instanceof Error && /text must be a string/.test(e.message));
      assert.throws(() => ksum.split(text), (e) => e instanceof Error && /text must be a string/.test(e.message));
    }
    same("text type");
  });

  test("throwing proxies and getters are caught, not unwound through the module", () => {
    const keysThrow = new Proxy({}, { ownKeys() { throw new Error("boom"); } });
    assert.throws(() => ksum.summarize(REF_TEXT, keysThrow), /cannot list the keys of options/);
    same("ownKeys trap");
    const getThrows = { get k() { throw new Error("boom"); } };
    assert.throws(() => ksum.summarize(REF_TEXT, getThrows), /cannot read options\.k/);
    same("getter");
    const descriptorThrows = new Proxy({ k: 3 }, { getOwnPropertyDescriptor() { throw new Error("boom"); } });
    assert.doesNotThrow(() => ksum.summarize(REF_TEXT, descriptorThrows));
    same("descriptor trap");
    // A getter that calls back into the module (re-entrancy).
    const reentrant = { get k() { return ksum.summarize("정부가 발표했다. 업계는 환영했다.", { k: 2 }).summary.length; } };
    assert.equal(ksum.summarize(REF_TEXT, reentrant).summary.length, 2);
    same("re-entrant getter");
  });

  test("a huge whole k picks every sentence", () => {
    assert.equal(ksum.summarize(REF_TEXT, { k: 2 ** 40 }).summary.length, reference.sentences.length);
    assert.equal(ksum.summarize(REF_TEXT, { k: Number.MAX_SAFE_INTEGER }).summary.length, reference.sentences.length);
  });

  test("inherited and non-enumerable properties are not options; null prototype works", () => {
    const inherited = Object.create({ junk: 1 });
    inherited.k = 2;
    assert.equal(ksum.summarize(REF_TEXT, inherited).summary.length, 2);
    const hidden = Object.defineProperty({ k: 2 }, "junk", { value: 1, enumerable: false });
    assert.equal(ksum.summarize(REF_TEXT, hidden).summary.length, 2);
    const bare = Object.assign(Object.create(null), { ratio: 1 });
    assert.equal(ksum.summarize(REF_TEXT, bare).summary.length, reference.content);
    assert.equal(ksum.summarize(REF_TEXT, []).summary.length, 3, "an empty array is no options");
    same("prototypes");
  });

  test("a trap inside the module does not poison later calls", () => {
    // An allocation that cannot succeed makes the module abort: a WebAssembly trap, the
    // worst a bug could do. Many in a row must not exhaust the stack or the heap.
    for (let i = 0; i < 1000; i++) {
      assert.throws(() => raw.__wbindgen_malloc(0xfffffff0, 1), WebAssembly.RuntimeError);
    }
    same("after traps");
    checkSummary("after traps", ARTICLE.normalize("NFD"), ksum.summarize(ARTICLE.normalize("NFD"), { k: 3 }), 3);
  });

  test("a large input works and one over the limit throws an Error naming the limit", () => {
    const big = ARTICLE.repeat(Math.ceil((4 << 20) / ARTICLE.length)); // ~4M UTF-16 units, ~10 MB UTF-8
    let t0 = performance.now();
    const result = ksum.summarize(big, { k: 5 });
    const took = performance.now() - t0;
    assert.equal(result.summary.length, 5);
    assert.equal(result.sentences.at(-1).end, big.trimEnd().length);
    assert.ok(took < 30_000, `large input took ${took} ms`);
    const tooBig = "a".repeat((64 << 20) + 1);
    assert.throws(() => ksum.summarize(tooBig), (e) => e instanceof Error && /more than the limit of 67108864 bytes/.test(e.message));
    same("after too large");
    // And an error thrown after a big call leaves results the same.
    assert.throws(() => ksum.summarize(big, { k: 0 }), /options\.k/);
    same("after big error");
  });
});
