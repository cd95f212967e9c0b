#!/usr/bin/env node
// Size report of what ksum ships (`make size`, after `make web extension`).
//
//   node scripts/size.mjs [--budget BYTES] [--html dist/ksum.html] [--json FILE] [--breakdown [FILE.wasm]]
//
// Prints the raw, gzip (level 9) and brotli sizes of the wasm module, its JS glue, the
// page's own scripts and styles, the single-file page dist/ksum.html and the extension
// zip; and how much of the page's gzipped size is the inlined wasm. Then the
// page budget: dist/ksum.html must gzip to at most --budget bytes (default 102400 =
// 100 KB). Exits 1 when over budget (so CI fails), 2 when dist/ksum.html is missing
// (build it first), 0 otherwise. Plain Node >= 20, no npm dependencies.
//
// With --breakdown it also says what makes the wasm big, from the name section that the
// release build keeps (target/wasm32-unknown-unknown/release/ksum.wasm, strip =
// "debuginfo"), run through wasm-bindgen (names kept) when it is on PATH so that the
// figures are those of the shipped module: bytes by section, code bytes by crate / area
// (ksum's own, float formatting, Unicode, allocator, serde, wasm-bindgen, panics, …) and
// the largest functions. `--breakdown FILE.wasm` analyses another build.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_BUDGET = 102400;

export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotliSize = (buf) =>
  brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Raw / gzip / brotli sizes of a buffer. */
export function sizesOf(buf) {
  return { raw: buf.length, gzip: gzipSize(buf), brotli: brotliSize(buf) };
}

/** The shipped files under `root`, in report order (absent ones included, marked). */
export function shippedFiles(root) {
  const www = join(root, "www");
  const wwwOwn = existsSync(www)
    ? readdirSync(www)
        .filter((f) => /\.(js|mjs|css|html)$/.test(f))
        .sort()
        .map((f) => join("www", f))
    : [];
  return [
    "www/pkg/ksum_bg.wasm",
    "www/pkg/ksum.js",
    "target/pkg-classic/ksum.js",
    ...wwwOwn,
    "dist/ksum.html",
    "dist/ksum-extension.zip",
  ];
}

/** Checks `gzip` against `budget`: {ok, headroom} (headroom < 0 when over). */
export function checkBudget(gzip, budget) {
  return { ok: gzip <= budget, headroom: budget - gzip };
}

const kb = (n) => (n / 1024).toFixed(1);

/** Sections, function body sizes and function names of a wasm binary. */
export function parseWasm(buf) {
  let p = 8;
  const leb = () => {
    let r = 0;
    let s = 0;
    let b;
    do {
      b = buf[p++];
      r += (b & 0x7f) * 2 ** s;
      s += 7;
    } while (b & 0x80);
    return r;
  };
  const skipLimits = () => {
    const flags = buf[p++];
    leb();
    if (flags & 1) leb();
  };
  const str = () => {
    const l = leb();
    const v = buf.subarray(p, p + l).toString();
    p += l;
    return v;
  };
  const ids = ["custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "datacount", "tag"];
  const sections = [];
  const bodies = [];
  const names = new Map();
  let imported = 0;
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const start = p;
    let name = ids[id] ?? `section ${id}`;
    if (id === 2) {
      const n = leb();
      for (let i = 0; i < n; i++) {
        str();
        str();
        const kind = buf[p++];
        if (kind === 0) {
          leb();
          imported++;
        } else if (kind === 1) {
          p++;
          skipLimits();
        } else if (kind === 2) skipLimits();
        else if (kind === 3) p += 2;
        else if (kind === 4) {
          p++;
          leb();
        }
      }
    } else if (id === 10) {
      const n = leb();
      for (let i = 0; i < n; i++) {
        const s = leb();
        bodies.push(s);
        p += s;
      }
    } else if (id === 0) {
      name = `custom:${str()}`;
      if (name === "custom:name") {
        while (p < start + size) {
          const sub = buf[p++];
          const len = leb();
          const end = p + len;
          if (sub === 1) {
            const n = leb();
            for (let i = 0; i < n; i++) {
              const idx = leb();
              names.set(idx, str());
            }
          }
          p = end;
        }
      }
    }
    sections.push({ name, size });
    p = start + size;
  }
  const functions = bodies.map((size, i) => ({ name: names.get(i + imported) ?? `func[${i + imported}]`, size }));
  return { sections, functions };
}

/** The area a (demangled) Rust function name belongs to, for the size breakdown. */
export function areaOf(name) {
  const n = name.replace(/\[[0-9a-f]+\]/g, "");
  const rules = [
    [/flt2dec|float::|fmt::float|dec2flt|::num::fmt|grisu|dragon/, "core: float formatting/parsing"],
    [/core::fmt|alloc::fmt|::fmt::|Formatter|format_inner|\bfmt\b|Display|Debug/, "core: fmt (Display/Debug/format!)"],
    [/unicode|to_lowercase|to_uppercase|is_alphanumeric|is_alphabetic|is_whitespace|char::methods|conversions/, "core: Unicode tables/case mapping"],
    [/panic|unwrap_failed|expect_failed|slice_index|str_index|slice_error|index_out_of_bounds|assert_failed|slice_end|slice_start|begin_unwind|abort/, "panic machinery / bounds messages"],
    [/dlmalloc|__rust_alloc|__rust_dealloc|__rust_realloc|alloc::alloc|raw_vec|RawVec|handle_alloc_error|finish_grow/, "allocator (dlmalloc, RawVec)"],
    [/hashbrown|HashMap|HashSet|RawTable|FxHash|rustc_hash/, "hashbrown / HashMap"],
    [/serde_wasm_bindgen/, "serde-wasm-bindgen"],
    [/serde::|Serialize|Serializer|serde\b/, "serde (derive, Serialize impls)"],
    [/js_sys|wasm_bindgen|__wbindgen|__wbg|externref|JsValue|JsError/, "wasm-bindgen / js-sys glue"],
    [/sort|quicksort|merge|insertion_sort|heapsort|driftsort|smallsort/, "core: sorting"],
    [/ksum::split|ksum\.\.split/, "ksum: split"],
    [/ksum::normalize/, "ksum: normalize"],
    [/ksum::similarity/, "ksum: similarity"],
    [/ksum::rank/, "ksum: rank"],
    [/ksum::select/, "ksum: select"],
    [/ksum::keywords/, "ksum: keywords"],
    [/ksum::boilerplate/, "ksum: boilerplate"],
    [/ksum::report|ksum::span|Utf16/, "ksum: report/span"],
    [/ksum::wasm/, "ksum: wasm bindings"],
    [/ksum/, "ksum: other"],
    [/memcpy|memset|memmove|memcmp|compiler_builtins/, "compiler builtins (mem*)"],
    [/core::str|<str>|alloc::str|String|Utf8|from_utf8|char_indices|Chars|split_whitespace|trim/, "core/alloc: str & String"],
    [/Vec|vec::|alloc::/, "alloc: Vec & collections"],
    [/^func\[/, "(unnamed)"],
  ];
  for (const [re, area] of rules) if (re.test(n)) return area;
  return "other (core/std generic)";
}

/** The shipped wasm, with its name section, for --breakdown (null when not buildable). */
function namedWasm(root, file) {
  if (file) return { path: resolve(file), note: file };
  const raw = join(root, "target/wasm32-unknown-unknown/release/ksum.wasm");
  if (!existsSync(raw)) return null;
  const dir = mkdtempSync(join(tmpdir(), "ksum-size-"));
  const r = spawnSync("wasm-bindgen", ["--target", "web", "--out-name", "ksum", "--out-dir", dir, raw], { encoding: "utf8" });
  if (r.status === 0) return { path: join(dir, "ksum_bg.wasm"), note: `${raw} through wasm-bindgen, names kept`, dir };
  rmSync(dir, { recursive: true, force: true });
  return { path: raw, note: `${raw} (wasm-bindgen not run: includes its describe functions)` };
}

function breakdown(root, file, log) {
  const src = namedWasm(root, file);
  if (!src) {
    log("\nbreakdown: no named wasm (run `make wasm` first)");
    return null;
  }
  const { sections, functions } = parseWasm(readFileSync(src.path));
  if (src.dir) rmSync(src.dir, { recursive: true, force: true });
  const total = sections.reduce((a, s) => a + s.size, 0);
  log(`\n== wasm breakdown: ${src.note}`);
  log("by section (the shipped module has no custom:name / custom:producers):");
  for (const s of [...sections].sort((a, b) => b.size - a.size)) log(`  ${s.name.padEnd(24)} ${String(s.size).padStart(8)} B ${((100 * s.size) / total).toFixed(1).padStart(5)}%`);
  const code = functions.reduce((a, f) => a + f.size, 0);
  const areas = new Map();
  for (const f of functions) {
    const a = areaOf(f.name);
    const e = areas.get(a) ?? { size: 0, count: 0 };
    e.size += f.size;
    e.count++;
    areas.set(a, e);
  }
  log(`code by area (${functions.length} functions, ${code} B of function bodies):`);
  for (const [a, e] of [...areas].sort((x, y) => y[1].size - x[1].size)) log(`  ${a.padEnd(36)} ${String(e.size).padStart(8)} B ${((100 * e.size) / code).toFixed(1).padStart(5)}%  (${e.count} fns)`);
  log("largest functions:");
  for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, 25)) log(`  ${String(f.size).padStart(7)} B  ${f.name.replace(/\[[0-9a-f]+\]/g, "").slice(0, 110)}`);
  return { sections, areas: Object.fromEntries(areas), functions: functions.length, code };
}

export function main(argv, { root = ROOT, log = console.log } = {}) {
  let budget = DEFAULT_BUDGET;
  let html = "dist/ksum.html";
  let json = null;
  let doBreakdown = false;
  let breakdownFile = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--budget") budget = Number(argv[++i]);
    else if (argv[i] === "--html") html = argv[++i];
    else if (argv[i] === "--json") json = argv[++i];
    else if (argv[i] === "--root") root = resolve(argv[++i]);
    else if (argv[i] === "--breakdown") {
      doBreakdown = true;
      if (argv[i + 1]?.endsWith(".wasm")) breakdownFile = argv[++i];
    }
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isFinite(budget) || budget <= 0) throw new Error("--budget must be a positive number of bytes");

  const rows = [];
  log(`${"file".padEnd(30)} ${"raw B".padStart(9)} ${"gzip B".padStart(9)} ${"brotli B".padStart(9)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)}`);
  const files = shippedFiles(root);
  if (!files.includes(html)) files.push(html);
  for (const f of files) {
    const path = join(root, f);
    if (!existsSync(path)) {
      log(`${f.padEnd(30)} (absent)`);
      continue;
    }
    const s = sizesOf(readFileSync(path));
    rows.push({ file: f, ...s });
    log(`${f.padEnd(30)} ${String(s.raw).padStart(9)} ${String(s.gzip).padStart(9)} ${String(s.brotli).padStart(9)} ${kb(s.raw).padStart(8)} ${kb(s.gzip).padStart(8)}`);
  }

  // What the page's gzipped size is made of: the wasm, inlined gzipped and in base64
  // (KSUM_WASM_GZIP_BASE64, as build-html.mjs writes it), and everything else, measured
  // by gzipping the page without that string.
  const wasmPath = join(root, "target/pkg-classic/ksum_bg.wasm");
  const page = rows.find((r) => r.file === html);
  if (page && existsSync(wasmPath)) {
    const text = readFileSync(join(root, html), "utf8");
    const rest = text.replace(/(KSUM_WASM_GZIP_BASE64 = ")[^"]*"/, '$1"');
    if (rest !== text) {
      const restGz = gzipSize(Buffer.from(rest));
      log(
        `\n${html}: the inlined wasm (gzipped, in base64) is ~${page.gzip - restGz} B of the page's ${page.gzip} B gzipped;` +
          ` everything else (markup, styles, scripts, the worker's source) ${restGz} B` +
          ` (the raw wasm itself gzips to ${gzipSize(readFileSync(wasmPath))} B)`,
      );
    }
  }

  let status = 0;
  let verdict;
  if (!page) {
    log(`\n${html} missing: run \`make web\` first`);
    status = 2;
  } else {
    verdict = checkBudget(page.gzip, budget);
    log(
      `\nbudget: ${html} gzipped <= ${budget} B (${kb(budget)} KB); now ${page.gzip} B (${kb(page.gzip)} KB); ` +
        (verdict.ok
          ? `headroom ${verdict.headroom} B (${kb(verdict.headroom)} KB): ok`
          : `OVER by ${-verdict.headroom} B (${kb(-verdict.headroom)} KB): FAIL`),
    );
    if (!verdict.ok) status = 1;
  }
  const parts = doBreakdown ? breakdown(root, breakdownFile, log) : null;
  if (json) writeFileSync(resolve(json), JSON.stringify({ budget, rows, verdict, breakdown: parts }, null, 2));
  return status;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(`size: ${err.message}`);
    process.exitCode = 2;
  }
}
