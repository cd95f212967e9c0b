// scripts/serve.mjs: MIME types, the dist page, no escape from www/, clean exit on SIGTERM.
// Needs no build: it serves whatever is there and says what is missing.
// Run: node --test tests/js/

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

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

test("prints its address and serves the page with the right types", async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const index = await get("/");
  assert.equal(index.status, 200);
  assert.equal(index.type, "text/html; charset=utf-8");
  assert.match(index.body, /<html lang="ko">/);
  assert.equal(index.headers.get("x-content-type-options"), "nosniff");
  assert.equal((await get("/index.html")).status, 200);
  assert.equal((await get("/app.js")).type, "text/javascript; charset=utf-8");
  assert.equal((await get("/style.css")).type, "text/css; charset=utf-8");
});

test("serves the wasm as application/wasm and /ksum.html from dist/", { skip: !existsSync(join(ROOT, "dist/ksum.html")) && "not built" }, async () => {
  const wasm = await get("/pkg/ksum_bg.wasm", "HEAD");
  assert.equal(wasm.status, 200);
  assert.equal(wasm.type, "application/wasm");
  assert.equal((await get("/pkg/ksum.js")).type, "text/javascript; charset=utf-8");
  const dist = await get("/ksum.html");
  assert.equal(dist.status, 200);
  assert.match(dist.body, /Built by scripts\/build-html\.mjs/);
});

test("never serves files outside www/ and dist/ksum.html", async () => {
  for (const path of ["/../Makefile", "/%2e%2e/Makefile", "/..%2fMakefile", "/%2e%2e%2fCargo.toml", "/pkg/../../Cargo.toml", "/dist/ksum.html", "/nope.txt", "/%00"]) {
    const res = await get(path);
    assert.equal(res.status, 404, `${path} -> ${res.status}`);
    assert.doesNotMatch(res.body, /\[package\]|wasm-bindgen/, path);
  }
  assert.equal((await get("/pkg/")).status, 404, "no directory listings");
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
