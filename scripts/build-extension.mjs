#!/usr/bin/env node
// Builds the ksum browser extension (Manifest V3, Chromium):
//   dist/extension/        unpacked, manifest.json at its root (chrome://extensions → 압축해제된
//                          확장 프로그램을 로드합니다 / "Load unpacked")
//   dist/ksum-extension.zip the same files, zipped (deflate, fixed timestamps: reproducible)
//
// From extension/ (manifest.json with __VERSION__ taken from Cargo.toml, background.js,
// content.js with panel.css inlined) and www/pkg/ (wasm-bindgen --target web glue ksum.js and
// ksum_bg.wasm, from `make wasm`). The icons are drawn here and written as PNG with node:zlib.
//
// Usage: node scripts/build-extension.mjs [--out dist]
// Plain Node (>= 20), no npm dependencies. Run by `make extension` after `make wasm`.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateRawSync, deflateSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outArg = args.indexOf("--out");
const distDir = resolve(root, outArg >= 0 ? args[outArg + 1] : "dist");
const extDir = join(distDir, "extension");
const zipPath = join(distDir, "ksum-extension.zip");

function fail(message) {
  console.error(`build-extension: ${message}`);
  process.exit(1);
}

function read(rel, encoding = "utf8") {
  const path = join(root, rel);
  try {
    return readFileSync(path, encoding);
  } catch (err) {
    const hint = rel.startsWith("www/pkg") ? " (run `make wasm` first)" : "";
    fail(`cannot read ${rel}${hint}: ${err.message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// CRC-32 (zip and PNG)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Icons: a dark rounded square with three lines of "text", the middle one highlighted.

function png(width, height, rgba) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const hex = (s) => [parseInt(s.slice(1, 3), 16), parseInt(s.slice(3, 5), 16), parseInt(s.slice(5, 7), 16)];
const BG = hex("#2a3342");
const LINE = hex("#c9d1dc");
const MARK = hex("#ffc93c");

/** The icon's colour at (u, v) in [0, 1]², or null outside the rounded square. */
function iconAt(u, v) {
  const r = 0.22;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const bar = (y0, y1, x0, x1) => v >= y0 && v < y1 && u >= x0 && u < x1;
  if (bar(0.2, 0.31, 0.2, 0.8)) return LINE;
  if (bar(0.41, 0.6, 0.13, 0.87)) return MARK;
  if (bar(0.7, 0.81, 0.2, 0.62)) return LINE;
  return BG;
}

function icon(size) {
  const ss = 4; // supersampling per axis
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = iconAt((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (y * size + x) * 4;
      if (a) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return png(size, size, rgba);
}

// ---------------------------------------------------------------------------------------------
// Zip (PKZIP 2.0: deflate or store, UTF-8 names, fixed timestamps)

function zip(entries) {
  // 2024-01-01 00:00:00 in DOS format: a fixed date keeps the archive byte-for-byte reproducible.
  const dosTime = 0;
  const dosDate = ((2024 - 1980) << 9) | (1 << 5) | 1;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, "utf8");
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    // extra, comment, disk, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: -rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// ---------------------------------------------------------------------------------------------
// Build

const version = read("Cargo.toml").match(/^version\s*=\s*"(\d+\.\d+\.\d+)"/m)?.[1];
if (!version) fail("no version = \"X.Y.Z\" in Cargo.toml");

const manifestText = read("extension/manifest.json").replace("__VERSION__", version);
let manifest;
try {
  manifest = JSON.parse(manifestText);
} catch (err) {
  fail(`extension/manifest.json is not JSON: ${err.message}`);
}

const PANEL_TOKEN = '"__KSUM_PANEL_CSS__"';
const content = read("extension/content.js");
if (content.split(PANEL_TOKEN).length !== 2) fail(`extension/content.js must contain ${PANEL_TOKEN} exactly once`);

const files = new Map([
  ["manifest.json", Buffer.from(JSON.stringify(manifest, null, 2) + "\n")],
  ["background.js", Buffer.from(read("extension/background.js"))],
  ["content.js", Buffer.from(content.replace(PANEL_TOKEN, () => JSON.stringify(read("extension/panel.css"))))],
  ["ksum.js", Buffer.from(read("www/pkg/ksum.js"))],
  ["ksum_bg.wasm", read("www/pkg/ksum_bg.wasm", null)],
]);
for (const size of [16, 32, 48, 128]) files.set(`icons/icon-${size}.png`, icon(size));

// Every file the manifest names must be in the package.
const named = [
  manifest.background?.service_worker,
  ...Object.values(manifest.icons ?? {}),
  ...Object.values(manifest.action?.default_icon ?? {}),
].filter(Boolean);
for (const name of named) if (!files.has(name)) fail(`manifest.json names ${name}, which is not built`);
if (manifest.host_permissions || manifest.content_scripts) fail("the extension must not ask for host permissions or content_scripts");

rmSync(extDir, { recursive: true, force: true });
for (const [name, data] of files) {
  const path = join(extDir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}
const names = [...files.keys()].sort();
writeFileSync(zipPath, zip(names.map((name) => ({ name, data: files.get(name) }))));

if (!existsSync(join(extDir, "manifest.json"))) fail("manifest.json was not written");
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `build-extension: ${relative(root, extDir)}/ (${names.length} files, ksum ${version}) and ` +
    `${relative(root, zipPath)} (${kb(readFileSync(zipPath).length)})`,
);
