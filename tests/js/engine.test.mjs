// The page's engine (www/engine.js) in Node, on its main-thread fallback (Node has no Web
// Worker): the page takes input before the engine has loaded, so a summary asked for
// then must wait for start() and come out the same; an engine that cannot start must
// refuse with its error, never hang.
// Run: node --test tests/js/   (or `make test-js`, which builds first)

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { pathToFileURL } from "node:url";
import vm from "node:vm";

import { readText, requireBuilt, ROOT } from "./helpers.mjs";

const ARTICLE = join(ROOT, "tests/fixtures/article.txt");

let api; // the wasm glue, standing in for the page's `wasm_bindgen`
let module; // the compiled wasm
let context; // www/pack.js and www/engine.js, as the page loads them (classic scripts)

before(async () => {
  requireBuilt("www/pkg/ksum.js", "www/pkg/ksum_bg.wasm");
  api = await import(pathToFileURL(join(ROOT, "www/pkg/ksum.js")).href);
  module = new WebAssembly.Module(readFileSync(join(ROOT, "www/pkg/ksum_bg.wasm")));
  context = vm.createContext({ performance, setTimeout, clearTimeout });
  for (const file of ["www/pack.js", "www/engine.js"]) {
    vm.runInContext(readFileSync(join(ROOT, file), "utf8"), context, { filename: file });
  }
});

function engine() {
  // The glue tells `initSync({module})` from older forms by the object's prototype, which
  // differs across the vm's realm: the options are remade here.
  const glue = { initSync: (o) => api.initSync({ module: o.module }), summarize: api.summarize };
  return context.createKsumEngine({ workerSource: null, api: glue });
}

/** `promise`'s state after the queued callbacks have run: "pending" or its outcome. */
async function settled(promise) {
  const pending = Symbol("pending");
  const first = await Promise.race([
    promise.then(() => "resolved", () => "rejected"),
    new Promise((r) => setTimeout(() => r(pending), 50)),
  ]);
  return first === pending ? "pending" : first;
}

test("a summary asked for before start() waits for it, and is the module's own", async () => {
  const text = readText(ARTICLE);
  const e = engine();
  const early = e.summarize(text, { k: 3 });
  assert.equal(await settled(early), "pending", "nothing can run before the engine has its module");
  assert.equal(await e.start(module), "main", "without Web Workers the engine runs on the main thread");
  const msg = await early;
  api.initSync({ module });
  const want = api.summarize(text, { k: 3 });
  assert.equal(msg.n, want.sentences.length);
  assert.deepEqual(Array.from(msg.summary), want.summary);
  assert.deepEqual(Array.from(msg.ranks), want.sentences.map((s) => s.rank));
});

test("only the latest waiting request runs; the one it replaced is cancelled", async () => {
  const text = readText(ARTICLE);
  const e = engine();
  const older = e.summarize(text, { k: 1 });
  const newer = e.summarize(text, { k: 2 });
  await assert.rejects(older, (err) => err.name === "KsumCancelled");
  await e.start(module);
  assert.equal((await newer).summary.length, 2);
});

test("an engine that cannot start refuses the waiting request and every later one", async () => {
  const e = engine();
  const waiting = e.summarize("첫 문장이다. 둘째 문장이다.", { k: 1 });
  e.fail(new Error("no wasm here"));
  await assert.rejects(waiting, /no wasm here/);
  await assert.rejects(e.summarize("셋째 문장이다.", { k: 1 }), /no wasm here/);
});
