// Shared helpers for the JS tests (not a test file itself: node --test only runs *.test.mjs).

import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const CLI = join(ROOT, "target/release/ksum");
export const SEED = resolve(ROOT, "../shared/data/seed-article.txt");

/** Texts checked everywhere: [name, absolute path, present?]. The seed article is optional. */
export const TEXTS = [
  ["article.txt", join(ROOT, "tests/fixtures/article.txt"), true],
  ["markup.txt", join(ROOT, "tests/fixtures/markup.txt"), true],
  ["transcript.srt", join(ROOT, "tests/fixtures/transcript.srt"), true],
  ["transcript-copied.txt", join(ROOT, "tests/fixtures/transcript-copied.txt"), true],
  ["transcript-timestamped.txt", join(ROOT, "tests/fixtures/transcript-timestamped.txt"), true],
  ["seed-article.txt", SEED, existsSync(SEED)],
];

export const SEED_SKIP = existsSync(SEED) ? false : `${SEED} is absent (../shared not laid here)`;

export function readText(path) {
  return readFileSync(path, "utf8");
}

/** Fails with a hint when a build output is missing, instead of a cryptic error later. */
export function requireBuilt(...relPaths) {
  for (const rel of relPaths) {
    if (!existsSync(join(ROOT, rel))) {
      throw new Error(`${rel} is missing: run \`make build web\` (or \`make test-js\`, which builds first)`);
    }
  }
}

const cliCache = new Map();

/** The native CLI's `--json -k K FILE` object (cached per file and k). */
export function cliSummary(path, k) {
  const key = `${path}\0${k}`;
  if (!cliCache.has(key)) {
    const out = execFileSync(CLI, ["--json", "-k", String(k), path], { encoding: "utf8" });
    cliCache.set(key, JSON.parse(out));
  }
  return cliCache.get(key);
}

/** What the page should mark for a CLI result: [{text, rank}] in document order. */
export function expectedMarks(result) {
  return result.summary.map((i) => {
    const { start, text, rank } = result.sentences[i];
    // The page does not highlight the timings that open a transcript's sentence.
    let from = 0;
    for (const t of result.timings || []) {
      while (/\s/.test(text[from] || "")) from++;
      if (t.start <= start + from && t.end > start + from) from = t.end - start;
    }
    return { text: text.slice(from).trim(), rank };
  });
}

/**
 * Starts scripts/serve.mjs on a free port; resolves to {origin, url, stop()} once it prints its
 * address. The child is killed by stop() and, as a last resort, when this process exits.
 */
export function startServer() {
  const child = spawn(process.execPath, [join(ROOT, "scripts/serve.mjs"), "--host", "127.0.0.1", "--port", "0"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killer = () => child.kill("SIGKILL");
  process.once("exit", killer);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolvePromise, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serve.mjs did not print its address in 10 s; stderr: ${stderr}`));
    }, 10_000);
    const early = (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited early (code ${code}); stderr: ${stderr}`));
    };
    child.on("exit", early);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/^ksum: serving (http:\/\/127\.0\.0\.1:(\d+)\/)$/m);
      if (!m) return;
      clearTimeout(timer);
      child.removeListener("exit", early);
      resolvePromise({
        url: m[1],
        origin: new URL(m[1]).origin,
        child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
            child.once("exit", (code, signal) => {
              process.removeListener("exit", killer);
              done(code ?? signal);
            });
            child.kill("SIGTERM");
          }),
      });
    });
  });
}

/** Polls `fn` (async, from the test side) until it returns a truthy value or `ms` pass. */
export async function poll(fn, what, ms = 15_000, every = 50) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, every));
  }
}

const PLACES = ["물빛군", "해솔군", "바람곶시", "은모래군", "푸른섬군", "갈매기시", "노을포군", "돌담군"];
const SEASONS = ["겨울철", "봄철", "가을철", "농한기"];

/**
 * A long original document of at least `minBytes` UTF-8 bytes, made by repeating
 * tests/fixtures/long.txt with variation (place names, numbers, seasons, paragraph order), so the
 * summarizer sees a realistic text and not one block copied verbatim. Deterministic.
 */
export function makeLongText(minBytes) {
  const base = readText(join(ROOT, "tests/fixtures/long.txt")).trimEnd();
  const [title, ...rest] = base.split("\n");
  // Sections: a numbered heading line and the paragraph after it.
  const sections = [];
  for (let i = 0; i < rest.length; i += 2) sections.push(rest.slice(i, i + 2).join("\n"));
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < minBytes; i++) {
    const place = PLACES[i % PLACES.length];
    const shift = sections.length ? i % sections.length : 0;
    const order = sections.slice(shift).concat(sections.slice(0, shift));
    const body = [`제${i + 1}권 ${title}`, ...order]
      .join("\n")
      .replaceAll("물빛군", place)
      .replaceAll("겨울철", SEASONS[i % SEASONS.length])
      .replace(/\d+/g, (m) => String(Number(m) + (i % 13)));
    parts.push(body);
    bytes += Buffer.byteLength(body) + 2;
  }
  return parts.join("\n\n") + "\n";
}

/** The native CLI's JSON for `args` (e.g. ["--ratio", "0.5"]) on `path`. */
export function cliJson(args, path) {
  return JSON.parse(execFileSync(CLI, ["--json", ...args, path], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }));
}

/**
 * Debian's Chromium (`CHROMIUM_PATH` overrides), with the flags for this kind of machine: no sandbox as root, no GPU, and none of
 * Chromium's own background connections (the tests record every request).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** See CHROMIUM. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
