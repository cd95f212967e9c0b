// scripts/serve.mjs: serves the one self-contained page (built in memory from www/ and the wasm,
// the same bytes as dist/ksum.html) at /, nothing else, and exits cleanly on SIGTERM.
// Run: node --test tests/js/

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { buildPage } from "../../scripts/build-html.mjs";
import { ROOT, startServer } from "./helpers.mjs";

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

async function get(path, method = "GET") {
  // Raw path: fetch would normalise "..", so build the request line ourselves when needed.
  const res = await fetch(server.origin + path, { method });
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text(), headers: res.headers };
}

test("prints its address and serves the self-contained page at /", { skip: !existsSync(join(ROOT, "target/pkg-classic/ksum_bg.wasm")) && "not built" }, async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const index = await get("/");
  assert.equal(index.status, 200);
  assert.equal(index.type, "text/html; charset=utf-8");
  assert.match(index.body, /<html lang="ko">/);
  assert.match(index.body, /Built by scripts\/build-html\.mjs/);
  assert.equal(index.headers.get("x-content-type-options"), "nosniff");
  // The page is the single file: the same bytes as a fresh build, and so as dist/ksum.html.
  assert.equal(index.body, buildPage().html);
  for (const path of ["/index.html", "/ksum.html"]) {
    const other = await get(path);
    assert.equal(other.status, 200, path);
    assert.equal(other.body, index.body, path);
  }
  // The HTTP policy says what the <meta> says, plus frame-ancestors.
  const meta = index.body.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  assert.equal(index.headers.get("content-security-policy"), `${meta}; frame-ancestors 'none'`);
  assert.match(meta, /connect-src 'none'/);
  const head = await get("/", "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body, "");
});

test("the built page equals dist/ksum.html when that is up to date", { skip: !existsSync(join(ROOT, "dist/ksum.html")) && "not built" }, async () => {
  const dist = readFileSync(join(ROOT, "dist/ksum.html"), "utf8");
  const built = buildPage().html;
  if (dist !== built) return; // sources edited since `make web`: nothing to compare
  assert.equal((await get("/")).body, dist);
});

test("serves nothing but the page", async () => {
  for (const path of ["/../Makefile", "/%2e%2e/Makefile", "/..%2fMakefile", "/%2e%2e%2fCargo.toml", "/pkg/../../Cargo.toml", "/dist/ksum.html", "/nope.txt", "/%00", "/app.js", "/style.css", "/pkg/ksum_bg.wasm", "/pkg/", "/www/index.html"]) {
    const res = await get(path);
    assert.equal(res.status, 404, `${path} -> ${res.status}`);
    assert.doesNotMatch(res.body, /\[package\]|wasm-bindgen/, path);
  }
});

test("answers only GET and HEAD", async () => {
  const res = await fetch(server.origin + "/", { method: "POST", body: "x" });
  assert.equal(res.status, 405);
  assert.equal(res.headers.get("allow"), "GET, HEAD");
});

test("exits 0 on SIGTERM", async () => {
  const other = await startServer();
  assert.equal(await other.stop(), 0);
});
