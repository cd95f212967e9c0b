#!/usr/bin/env node
// A tiny static server for the ksum page: serves www/ (with www/pkg/ from `make wasm`) and
// /ksum.html from dist/ (from `make web`). node:http only, no dependencies, GET/HEAD only,
// never lists directories, never serves outside those two folders.
//
// Usage: node scripts/serve.mjs [--host 127.0.0.1] [--port 8787]
// --port 0 picks a free port; the first line printed is always
//   ksum: serving http://HOST:PORT/
// so a caller (the browser tests) can read the address from it.

import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WWW = join(root, "www");
const DIST = join(root, "dist");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

function usage(message) {
  if (message) console.error(`serve: ${message}`);
  console.error("usage: node scripts/serve.mjs [--host 127.0.0.1] [--port 8787]");
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { host: "127.0.0.1", port: 8787 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) usage(`${flag} needs a value`);
      return v;
    };
    if (flag === "--host") opts.host = value();
    else if (flag === "--port") {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) > 65535) usage(`--port must be 0..65535, got ${v}`);
      opts.port = Number(v);
    } else if (flag === "-h" || flag === "--help") usage();
    else usage(`unknown argument ${arg}`);
  }
  return opts;
}

/** Maps a URL path to a file inside www/ or dist/, or null. */
function resolvePath(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes("\0")) return null;
  if (path === "/ksum.html") return join(DIST, "ksum.html");
  if (path.endsWith("/")) path += "index.html";
  const file = resolve(WWW, "." + path);
  if (file !== WWW && !file.startsWith(WWW + sep)) return null;
  return file;
}

const HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-cache",
  "Referrer-Policy": "no-referrer",
};

function send(res, status, text) {
  res.writeHead(status, { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" });
  res.end(text + "\n");
}

const { host, port } = parseArgs(process.argv.slice(2));

const server = createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return send(res, 405, "method not allowed");
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  const file = resolvePath(url.pathname);
  let stat;
  try {
    stat = file && statSync(file);
  } catch {
    stat = null;
  }
  if (!stat || !stat.isFile()) {
    const hint = url.pathname === "/ksum.html" ? " (run `make web`)" : url.pathname.startsWith("/pkg/") ? " (run `make wasm`)" : "";
    return send(res, 404, `not found: ${url.pathname}${hint}`);
  }
  res.writeHead(200, {
    ...HEADERS,
    "Content-Type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": stat.size,
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
});

server.on("error", (err) => {
  console.error(`serve: ${err.code === "EADDRINUSE" ? `port ${port} is in use (try --port 0)` : err.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const addr = server.address();
  const shown = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  console.log(`ksum: serving http://${shown}:${addr.port}/`);
  console.log(`ksum: single-file page at http://${shown}:${addr.port}/ksum.html (also works from file://)`);
});

function shutdown(signal) {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  // Never hang on a stuck connection.
  setTimeout(() => process.exit(0), 1000).unref();
  if (signal) process.stderr.write(`\nksum: stopped (${signal})\n`);
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
