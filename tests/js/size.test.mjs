// scripts/size.mjs (`make size`): the budget check's exit codes and the wasm parser behind
// its breakdown, on small files made here (the real budget is `make size`'s job, not this test's).
// Run: node --test tests/js/size.test.mjs

import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

import { areaOf, checkBudget, DEFAULT_BUDGET, main, parseWasm } from "../../scripts/size.mjs";

const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function fakeRoot(files) {
  const root = mkdtempSync(join(tmpdir(), "ksum-size-test-"));
  dirs.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const run = (argv, root) => {
  const lines = [];
  const status = main(argv, { root, log: (l) => lines.push(l) });
  return { status, out: lines.join("\n") };
};

test("budget is 100 KB gzipped and headroom is signed", () => {
  assert.equal(DEFAULT_BUDGET, 102400);
  assert.deepEqual(checkBudget(100, 150), { ok: true, headroom: 50 });
  assert.deepEqual(checkBudget(151, 150), { ok: false, headroom: -1 });
});

test("exit 0 under budget, 1 over, 2 when the page is missing", () => {
  const root = fakeRoot({ "dist/ksum.html": "<!doctype html>" + "x".repeat(5000), "www/app.js": "console.log(1)" });
  const ok = run([], root);
  assert.equal(ok.status, 0, ok.out);
  assert.match(ok.out, /headroom \d+ B/);
  assert.match(ok.out, /www\/app\.js/);
  const over = run(["--budget", "10"], root);
  assert.equal(over.status, 1, over.out);
  assert.match(over.out, /OVER by \d+ B/);
  const missing = run([], fakeRoot({ "www/app.js": "" }));
  assert.equal(missing.status, 2, missing.out);
});

test("parseWasm reads sections, body sizes and function names", () => {
  // (module (func $a) (func $b (drop (i32.const 1)))) with a name section naming both.
  const name = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, bytes) => [id, bytes.length, ...bytes];
  const names = [1, ...(() => {
    const body = [2, 0, ...name("ksum::a"), 1, ...name("core::fmt::b")];
    return [body.length, ...body];
  })()];
  const bytes = Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [2, 0, 0]),
    ...section(10, [2, 2, 0, 0x0b, 5, 0, 0x41, 1, 0x1a, 0x0b]),
    ...section(0, [...name("name"), ...names]),
  ]);
  assert.ok(new WebAssembly.Module(bytes), "the test module is valid wasm");
  const { sections, functions } = parseWasm(bytes);
  assert.deepEqual(sections.map((s) => s.name), ["type", "function", "code", "custom:name"]);
  assert.deepEqual(functions, [
    { name: "ksum::a", size: 2 },
    { name: "core::fmt::b", size: 5 },
  ]);
  assert.equal(areaOf("ksum::split::Line::split::h5ed4f2e50ac8815c"), "ksum: split");
  assert.equal(areaOf("core[c5930c85a12de822]::num::flt2dec::strategy::dragon::format_shortest"), "core: float formatting/parsing");
  assert.equal(areaOf("core::slice::sort::stable::drift::sort::h1"), "core: sorting");
});
