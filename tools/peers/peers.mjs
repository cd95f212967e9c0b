#!/usr/bin/env node
// Side-by-side timing of ksum against other summarizers on one text (default: the seed
// article). Run through tools/peers/run.sh, which installs the peers first.
//
//   node tools/peers/peers.mjs [--text FILE] [--runs N] [--extra FILE.jsonl ...]
//
// Times in this process (warm median of N runs after a warm-up of at least a second, each
// summary of 3 sentences):
//   ksum (wasm, www/pkg), the `summary` crate in wasm (out/summary-wasm, if built;
//   language-agnostic and with its Korean stop words),
//   ts-textrank (npm), lexrank (npm).
// --extra adds results measured elsewhere (JSON lines {peer, medianMs, runs}): ksum and
// `summary` native (rust/native) and textrankr (Python). Prints each peer's median and its
// ratio to ksum in wasm and to ksum native.

import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "../..");
const require = createRequire(import.meta.url);

const args = { text: join(ROOT, "../shared/data/seed-article.txt"), runs: 100, extra: [] };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === "--text") args.text = resolve(process.argv[++i]);
  else if (a === "--runs") args.runs = Number(process.argv[++i]);
  else if (a === "--extra") args.extra.push(resolve(process.argv[++i]));
  else throw new Error(`unknown argument ${a}`);
}
if (!existsSync(args.text)) {
  console.log(`peers: ${args.text} absent: skipped`);
  process.exit(0);
}
const text = readFileSync(args.text, "utf8");

/** Each peer runs for this long (ms) before it is timed, so that V8 has optimized its code. */
const WARM_MS = 1000;

function medianMs(fn, runs) {
  for (let i = 0, t0 = performance.now(); i < Math.min(20, runs) || performance.now() - t0 < WARM_MS; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

const results = [];
function measure(peer, setup, runs = args.runs) {
  try {
    const fn = setup();
    const out = fn();
    const n = Array.isArray(out) ? out.length : out?.summary?.length;
    results.push({ peer: typeof peer === "function" ? peer() : peer, medianMs: medianMs(fn, runs), runs, picked: n });
  } catch (err) {
    results.push({ peer: typeof peer === "function" ? peer() : peer, error: String(err?.message ?? err).split("\n")[0] });
  }
}

const pkg = process.env.KSUM_PKG ? resolve(process.env.KSUM_PKG) : join(ROOT, "www/pkg");
let ksum = null;
if (existsSync(join(pkg, "ksum_bg.wasm"))) {
  ksum = await import(pathToFileURL(join(pkg, "ksum.js")).href);
  ksum.initSync({ module: readFileSync(join(pkg, "ksum_bg.wasm")) });
}
measure("ksum (wasm)", () => {
  if (!ksum) throw new Error("www/pkg not built: make wasm");
  return () => ksum.summarize(text, { k: 3 });
});

measure("summary crate (wasm)", () => {
  const path = join(HERE, "out/summary-wasm/summary_wasm.js");
  if (!existsSync(path)) throw new Error("not built (rust/wasm)");
  const m = require(path);
  return () => m.summarize(text, 3);
});

// As a Korean user would call it, `Summarizer::new(Language::Korean)`: its Korean stop
// words, and every language's stemmer and stop words in the module (the 141 KB).
measure("summary crate, Korean stop words (wasm)", () => {
  const path = join(HERE, "out/summary-wasm/summary_wasm.js");
  if (!existsSync(path)) throw new Error("not built (rust/wasm)");
  const m = require(path);
  return () => m.summarize_korean(text, 3);
});

// The same, the summarizer built for each text as the crate's example does: the figure that
// matches the 6.1 ms on a machine that ran ts-textrank 2.2 times slower than this one.
measure("summary crate, Korean, built each call (wasm)", () => {
  const path = join(HERE, "out/summary-wasm/summary_wasm.js");
  if (!existsSync(path)) throw new Error("not built (rust/wasm)");
  const m = require(path);
  return () => m.summarize_korean_each(text, 3);
});

let tsLang = "ko";
measure(() => `ts-textrank (${tsLang} stopwords)`, () => {
  const tr = require("ts-textrank");
  const config = new tr.AbsoluteSummarizerConfig(3, new tr.SorensenDiceSimilarity(), new tr.DefaultTextParser(), 0.85, tr.Summarizer.SORT_OCCURENCE);
  const summarizer = new tr.Summarizer(config, new tr.NullLogger());
  // The stopword language: Korean where the stopword package has it.
  try {
    summarizer.summarize(text, tsLang);
  } catch {
    tsLang = "en";
  }
  return () => summarizer.summarize(text, tsLang);
});

measure("lexrank", () => {
  const lexrank = require("lexrank");
  return () => {
    let out;
    lexrank.summarize(text, 3, (err, lines) => {
      if (err) throw err;
      out = lines;
    });
    return out;
  };
});

for (const f of args.extra) {
  if (!existsSync(f)) continue;
  for (const line of readFileSync(f, "utf8").split("\n")) if (line.trim()) results.push(JSON.parse(line));
}

const ksumWasm = results.find((r) => r.peer === "ksum (wasm)")?.medianMs;
const ksumNative = results.find((r) => r.peer === "ksum (native)")?.medianMs;
const ratio = (x, base) => (x && base ? `${(x / base).toFixed(1)}×` : "-");
console.log(`\n== peers on ${args.text} (${Buffer.byteLength(text)} bytes), warm medians`);
console.log(`   Node ${process.version}; ${cpus().length} × ${cpus()[0]?.model}; load ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
const width = Math.max(26, ...results.map((r) => r.peer.length));
console.log(`${"peer".padEnd(width)} ${"median ms".padStart(10)} ${"runs".padStart(5)} ${"÷ ksum wasm".padStart(12)} ${"÷ ksum native".padStart(14)}`);
for (const r of results) {
  if (r.error) {
    console.log(`${r.peer.padEnd(width)} ${"n/a".padStart(10)}  (${r.error})`);
    continue;
  }
  console.log(
    `${r.peer.padEnd(width)} ${r.medianMs.toFixed(3).padStart(10)} ${String(r.runs).padStart(5)} ${ratio(r.medianMs, ksumWasm).padStart(12)} ${ratio(r.medianMs, ksumNative).padStart(14)}`,
  );
}
console.log("(ratio > 1: the peer is that many times slower than ksum)");
