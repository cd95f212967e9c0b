#!/usr/bin/env node
// Builds dist/ksum.html: the page as ONE self-contained file that works from file://, where
// Chromium blocks module scripts and fetch. It takes www/index.html and inlines
//   - www/style.css                      as <style>,
//   - target/pkg-classic/ksum.js          (wasm-bindgen --target no-modules glue, global wasm_bindgen),
//   - www/app.js                          (defines startKsum),
//   - the wasm, base64, decoded and passed to wasm_bindgen.initSync({module: bytes}),
// and replaces the page's CSP with a strict one that allows exactly those inline scripts and
// that style by sha256 hash, plus 'wasm-unsafe-eval', and no network at all.
//
// It also checks that the CSP in www/index.html still allows that page's own inline module
// script (the hash must be updated whenever the script changes); `--fix-index` rewrites it.
//
// Usage: node scripts/build-html.mjs [--out dist/ksum.html] [--fix-index]
// Plain Node (>= 20), no npm dependencies. Run by `make web` after `make wasm`.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outArg = args.indexOf("--out");
const out = resolve(root, outArg >= 0 ? args[outArg + 1] : "dist/ksum.html");
const fixIndex = args.includes("--fix-index");

const paths = {
  index: join(root, "www/index.html"),
  css: join(root, "www/style.css"),
  app: join(root, "www/app.js"),
  glue: join(root, "target/pkg-classic/ksum.js"),
  wasm: join(root, "target/pkg-classic/ksum_bg.wasm"),
};

function fail(message) {
  console.error(`build-html: ${message}`);
  process.exit(1);
}

function read(path, encoding = "utf8") {
  try {
    return readFileSync(path, encoding);
  } catch (err) {
    const hint = path.includes("pkg-classic") ? " (run `make wasm` first)" : "";
    fail(`cannot read ${relative(root, path)}${hint}: ${err.message}`);
  }
}

/** The CSP source expression for an inline element's exact text content. */
function hashSource(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Makes JS safe to sit inside <script>…</script> without changing what it means. */
function scriptSafe(js) {
  // "</script" would end the element; "<!--" can put the HTML parser in an escaped state.
  // Both can only occur inside strings, comments or regexes, where "\/" and "\x3C" mean the same.
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "\\x3C!--");
}

function styleSafe(css) {
  if (/<\/style/i.test(css)) fail("www/style.css contains </style");
  return css;
}

/** Replaces exactly one match of `re` in `html`, or fails naming `what`. */
function replaceOnce(html, re, replacement, what) {
  const matches = html.match(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"));
  if (!matches || matches.length !== 1) {
    fail(`expected exactly one ${what} in www/index.html, found ${matches ? matches.length : 0}`);
  }
  return html.replace(re, () => replacement);
}

const CSP_RE = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;
const MODULE_RE = /<script type="module">([\s\S]*?)<\/script>/;

// 1. www/index.html: its CSP must allow its own inline module script.
let index = read(paths.index);
{
  const csp = index.match(CSP_RE);
  const mod = index.match(MODULE_RE);
  if (!csp || !mod) fail("www/index.html needs a CSP <meta> and an inline <script type=\"module\">");
  const want = hashSource(mod[1]);
  if (!csp[1].includes(want)) {
    const fixed = csp[1].replace(/'sha256-[^']*'/, want);
    if (fixIndex && fixed !== csp[1]) {
      index = index.replace(CSP_RE, () => `<meta http-equiv="Content-Security-Policy" content="${fixed}">`);
      writeFileSync(paths.index, index);
      console.log(`build-html: updated the module script hash in www/index.html to ${want}`);
    } else {
      fail(
        `the CSP in www/index.html does not allow its inline module script; it needs ${want}` +
          " (run `node scripts/build-html.mjs --fix-index`)",
      );
    }
  }
}

// 2. dist/ksum.html.
const css = styleSafe(read(paths.css));
const glue = scriptSafe(read(paths.glue));
const app = scriptSafe(read(paths.app));
const wasm = read(paths.wasm, null);
if (!/\bwasm_bindgen\b/.test(glue)) fail("target/pkg-classic/ksum.js does not define wasm_bindgen");

const boot = `
(function () {
  "use strict";
  var status = document.getElementById("status");
  try {
    var b64 = "${wasm.toString("base64")}";
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    wasm_bindgen.initSync({ module: bytes });
    startKsum(wasm_bindgen);
  } catch (err) {
    status.textContent = "요약 엔진을 불러오지 못했습니다: " + (err && err.message ? err.message : String(err));
    status.classList.add("error");
  }
})();
`;

const scripts = [glue, app, boot];
const csp = [
  "default-src 'none'",
  `script-src ${scripts.map(hashSource).join(" ")} 'wasm-unsafe-eval'`,
  `style-src ${hashSource(css)}`,
  "img-src data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

// Swap the tags for placeholders first, so that nothing inlined is itself searched.
const parts = {
  "@@CSP@@": `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
  "@@STYLE@@": `<style>${css}</style>`,
  "@@APP@@": `<script>${glue}</script>\n<script>${app}</script>`,
  "@@BOOT@@": `<script>${boot}</script>`,
};
let html = index;
html = replaceOnce(html, CSP_RE, "@@CSP@@", "CSP <meta>");
html = replaceOnce(html, /<link rel="stylesheet" href="style\.css">/, "@@STYLE@@", "style.css <link>");
html = replaceOnce(html, /<script src="app\.js"><\/script>/, "@@APP@@", "app.js <script>");
html = replaceOnce(html, MODULE_RE, "@@BOOT@@", "module <script>");
html = html.replace("<head>", "<head>\n<!-- Built by scripts/build-html.mjs from www/; do not edit. -->");
html = html.replace(/@@(CSP|STYLE|APP|BOOT)@@/g, (token) => parts[token]);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(
  `build-html: wrote ${relative(root, out)} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB, wasm ${(wasm.length / 1024).toFixed(0)} KiB)`,
);
