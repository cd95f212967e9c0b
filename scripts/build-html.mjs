#!/usr/bin/env node
// Builds dist/ksum.html: the whole page as ONE self-contained file. It works over http (that
// is what `make run` serves, so "Save page as" gives a working file) and from file://, where
// Chromium blocks module scripts, fetch and module workers. From the template www/index.html it
// inlines
//   - www/style.css                                  as <style>,
//   - target/pkg-classic/ksum.js                     (wasm-bindgen --target no-modules glue),
//   - a data script: KSUM_WASM_GZIP_BASE64 (the wasm, gzipped: base64 of raw wasm gzips
//     ~27 KB worse; the page inflates it with DecompressionStream) and KSUM_WORKER_SOURCE (glue + www/worker.js,
//     started by the page as a classic worker from a blob: URL),
//   - www/pack.js + www/engine.js, and www/app.js,
// and writes a strict CSP: exactly those inline scripts and that style by sha256 hash,
// 'wasm-unsafe-eval', workers from blob: only, and no network at all (connect-src 'none').
//
// The scripts are minified with terser (an npm dev package: comments, spaces and local
// names go, about 10 KB of the gzipped page); without it installed the page is built as
// written, with a warning.
//
// Usage: node scripts/build-html.mjs [--out dist/ksum.html] [--no-minify]
// As a module: `buildPage()` returns {html, csp, inputs} without writing (scripts/serve.mjs).
// Node (>= 20). Run by `make web` after `make wasm`.

import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every file the page is built from. */
export const INPUTS = {
  index: join(ROOT, "www/index.html"),
  css: join(ROOT, "www/style.css"),
  engine: join(ROOT, "www/engine.js"),
  app: join(ROOT, "www/app.js"),
  worker: join(ROOT, "www/worker.js"),
  pack: join(ROOT, "www/pack.js"),
  glue: join(ROOT, "target/pkg-classic/ksum.js"),
  wasm: join(ROOT, "target/pkg-classic/ksum_bg.wasm"),
};

export class BuildError extends Error {}

function read(path, encoding = "utf8") {
  try {
    return readFileSync(path, encoding);
  } catch (err) {
    const hint = path.includes("pkg-classic") ? " (run `make wasm` first)" : "";
    throw new BuildError(`cannot read ${relative(ROOT, path)}${hint}: ${err.message}`);
  }
}

/** The CSP source expression for an inline element's exact text content. */
function hashSource(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** terser, if installed (`npm ci`), else null. */
function loadTerser() {
  try {
    return createRequire(import.meta.url)("terser");
  } catch {
    return null;
  }
}

/**
 * `js` minified by `terser` (top-level names kept: the page's scripts share them), or as
 * it is when `terser` is null.
 */
function minifyJs(js, terser, what) {
  if (!terser) return js;
  try {
    return terser.minify_sync(js, { compress: true, mangle: true, format: { comments: false } }).code;
  } catch (err) {
    throw new BuildError(`cannot minify ${what}: ${err.message}`);
  }
}

/** Makes JS safe to sit inside <script>…</script> without changing what it means. */
function scriptSafe(js) {
  // "</script" would end the element; "<!--" can put the HTML parser in an escaped state.
  // Both can only occur inside strings, comments or regexes, where "\/" and "\x3C" mean the same.
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "\\x3C!--");
}

function styleSafe(css) {
  if (/<\/style/i.test(css)) throw new BuildError("www/style.css contains </style");
  return css;
}

/**
 * The style sheet without its comments and the whitespace that means nothing: around
 * `{ } ; , >` and at line ends (0.5 KB of the gzipped page). Whitespace inside selectors
 * (`a :hover`) and values (`0 2px 6px`) stays a space; strings are left as they are.
 */
export function minifyCss(css) {
  const parts = css.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string
      return part
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\s+/g, " ")
        .replace(/\s*([{};,>])\s*/g, "$1")
        .replace(/([{;])(--[\w-]+|[a-z-]+):\s+/g, "$1$2:")
        .replace(/;}/g, "}");
    })
    .join("")
    .trim();
}

/** Replaces exactly one match of `re` in `html`, or fails naming `what`. */
function replaceOnce(html, re, replacement, what) {
  const matches = html.match(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"));
  if (!matches || matches.length !== 1) {
    throw new BuildError(`expected exactly one ${what} in www/index.html, found ${matches ? matches.length : 0}`);
  }
  return html.replace(re, () => replacement);
}

/**
 * Builds the page in memory: {html, csp, wasmBytes, minified}. Throws BuildError.
 * `minify` false builds the scripts as written.
 */
export function buildPage({ minify = true } = {}) {
  const terser = minify ? loadTerser() : null;
  const min = (js, what) => minifyJs(js, terser, what);
  const index = read(INPUTS.index);
  const css = styleSafe(minify ? minifyCss(read(INPUTS.css)) : read(INPUTS.css));
  const glueRaw = min(read(INPUTS.glue), "the wasm-bindgen glue");
  const wasm = read(INPUTS.wasm, null);
  if (!/\bwasm_bindgen\b/.test(glueRaw)) throw new BuildError("target/pkg-classic/ksum.js does not define wasm_bindgen");

  const pack = read(INPUTS.pack);
  const workerSource = `${glueRaw}\n;\n${min(`${pack}\n;\n${read(INPUTS.worker)}`, "www/worker.js")}`;
  const glue = scriptSafe(glueRaw);
  // The worker source first: its copy of the glue then sits within gzip's 32 KB window
  // of the glue script above, and compresses against it (about 1 KB of the page).
  const data = scriptSafe(
    `var KSUM_WORKER_SOURCE = ${JSON.stringify(workerSource)};\nvar KSUM_WASM_GZIP_BASE64 = "${gzipSync(wasm, { level: 9 }).toString("base64")}";\n`,
  );
  const engine = scriptSafe(min(`${pack}\n;\n${read(INPUTS.engine)}`, "www/engine.js"));
  const app = scriptSafe(min(read(INPUTS.app), "www/app.js"));

  const scripts = [glue, data, engine, app];
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(hashSource).join(" ")} 'wasm-unsafe-eval'`,
    `style-src ${hashSource(css)}`,
    "img-src data:",
    "connect-src 'none'",
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");

  // Swap the tags for placeholders first, so that nothing inlined is itself searched.
  const parts = {
    "@@CSP@@": `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    "@@STYLE@@": `<style>${css}</style>`,
    "@@ENGINE@@": `<script>${glue}</script>\n<script>${data}</script>\n<script>${engine}</script>`,
    "@@APP@@": `<script>${app}</script>`,
  };
  let html = index;
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/, "@@CSP@@", "CSP <meta>");
  html = replaceOnce(html, /<link rel="stylesheet" href="style\.css">/, "@@STYLE@@", "style.css <link>");
  html = replaceOnce(html, /<script src="engine\.js"><\/script>/, "@@ENGINE@@", "engine.js <script>");
  html = replaceOnce(html, /<script src="app\.js"><\/script>/, "@@APP@@", "app.js <script>");
  html = html.replace(/<!-- The template of the page:[\s\S]*?-->\n/, "");
  html = html.replace("<head>", "<head>\n<!-- Built by scripts/build-html.mjs from www/; do not edit. -->");
  html = html.replace(/@@(CSP|STYLE|ENGINE|APP)@@/g, (token) => parts[token]);
  return { html, csp, wasmBytes: wasm.length, minified: terser !== null };
}

function main() {
  const args = process.argv.slice(2);
  const outArg = args.indexOf("--out");
  const out = resolve(ROOT, outArg >= 0 ? args[outArg + 1] : "dist/ksum.html");
  let built;
  try {
    built = buildPage({ minify: !args.includes("--no-minify") });
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    console.error(`build-html: ${err.message}`);
    process.exit(1);
  }
  if (!built.minified && !args.includes("--no-minify")) {
    console.warn("build-html: terser is not installed (npm ci): the scripts are not minified");
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, built.html);
  console.log(
    `build-html: wrote ${relative(ROOT, out)} (${(Buffer.byteLength(built.html) / 1024).toFixed(0)} KiB, wasm ${(built.wasmBytes / 1024).toFixed(0)} KiB)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
