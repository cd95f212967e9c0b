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

/**
 * An engine in a realm with a stand-in Web Worker: `log` records what the page does with
 * its workers. A worker answers `init` with `ready`, unless `failToLoad`, when it reports
 * an error as soon as it is made (as a worker whose script cannot load does).
 */
function engineWithWorkers(log, { failToLoad = false } = {}) {
  class FakeWorker {
    constructor(url, options) {
      this.n = log.made.push({ url, name: options.name });
      if (failToLoad) {
        setTimeout(() => this.onerror?.({ message: "script failed to load", preventDefault() {} }), 0);
      }
    }
    postMessage(msg) {
      log.posted.push({ worker: this.n, type: msg.type, module: msg.module });
      if (msg.type === "init" && !failToLoad) setTimeout(() => this.onmessage?.({ data: { type: "ready" } }), 0);
    }
    terminate() {
      log.terminated.push(this.n);
    }
  }
  const realm = vm.createContext({ performance, setTimeout, clearTimeout, Blob, URL, Worker: FakeWorker });
  for (const file of ["www/pack.js", "www/engine.js"]) {
    vm.runInContext(readFileSync(join(ROOT, file), "utf8"), realm, { filename: file });
  }
  const glue = { initSync: (o) => api.initSync({ module: o.module }), summarize: api.summarize };
  return realm.createKsumEngine({ workerSource: "/* the worker */", api: glue });
}

test("warm() starts the worker before the wasm is compiled, and start() hands that worker the module", async () => {
  const log = { made: [], posted: [], terminated: [] };
  const e = engineWithWorkers(log);
  e.warm();
  assert.equal(log.made.length, 1, "the worker starts at once");
  assert.equal(log.posted.length, 0, "and waits for the module");
  assert.equal(await e.start(module), "worker");
  assert.equal(log.made.length, 1, "no second worker");
  assert.deepEqual(log.posted.map((p) => [p.worker, p.type]), [[1, "init"]]);
  assert.equal(log.posted[0].module, module);
});

test("a worker that fails while the wasm compiles: start() falls back to the main thread at once", async () => {
  const log = { made: [], posted: [], terminated: [] };
  const e = engineWithWorkers(log, { failToLoad: true });
  e.warm();
  await new Promise((r) => setTimeout(r, 10)); // its error arrives before the module
  const t0 = performance.now();
  assert.equal(await e.start(module), "main");
  assert.ok(performance.now() - t0 < 1000, "not after the 5 s start-up timeout");
  assert.deepEqual(log.terminated, [1]);
  const msg = await e.summarize("첫 문장이다. 둘째 문장이다.", { k: 1 });
  assert.equal(msg.summary.length, 1);
});
