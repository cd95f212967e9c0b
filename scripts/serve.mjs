#!/usr/bin/env node
// A tiny server for the ksum page. It serves ONE thing: the self-contained page that
// scripts/build-html.mjs makes (the same bytes as dist/ksum.html), at / (also /index.html and
// /ksum.html). The page then makes no request at all, so "Save page as" in the browser gives a
// file that works offline, and what you test over http is what you get from file://.
// The page is rebuilt in memory whenever one of its sources changes (edit www/, reload); if it
// cannot be built (no `make wasm` yet), dist/ksum.html is served when present.
// node:http only, no dependencies, GET/HEAD only, nothing else is ever served.
//
// Usage: node scripts/serve.mjs [--host 127.0.0.1] [--port 8787]
// --port 0 picks a free port; the first line printed is always
//   ksum: serving http://HOST:PORT/
// so a caller (the browser tests) can read the address from it.

import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

import { buildPage, BuildError, INPUTS, ROOT } from "./build-html.mjs";

const DIST = join(ROOT, "dist/ksum.html");
const PAGES = new Set(["/", "/index.html", "/ksum.html"]);

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

let cache = { key: null, html: null, csp: null };

function mtimes() {
  return Object.values(INPUTS)
    .map((p) => {
      try {
        return statSync(p).mtimeMs;
      } catch {
        return "-";
      }
    })
    .join(",");
}

/** The page: {html, csp} (built from the sources, else dist/ksum.html), or {error}. */
function page() {
  const key = mtimes();
  if (cache.key === key) return cache;
  try {
    const built = buildPage();
    cache = { key, html: Buffer.from(built.html), csp: built.csp };
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    try {
      const html = readFileSync(DIST);
      const csp = html.toString("utf8").match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
      return { html, csp: csp ? csp[1] : null, stale: err.message };
    } catch {
      return { error: `${err.message}; and no dist/ksum.html (run \`make web\`)` };
    }
  }
  return cache;
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
  let pathname;
  try {
    pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return send(res, 400, "bad request");
  }
  if (!PAGES.has(pathname)) return send(res, 404, `not found: ${pathname} (the page is at /)`);
  const built = page();
  if (built.error) return send(res, 500, `cannot build the page: ${built.error}`);
  res.writeHead(200, {
    ...HEADERS,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": built.html.length,
    // The same policy as the page's <meta>, plus what only a header can say.
    ...(built.csp ? { "Content-Security-Policy": `${built.csp}; frame-ancestors 'none'` } : {}),
  });
  if (req.method === "HEAD") return res.end();
  res.end(built.html);
});

server.on("error", (err) => {
  console.error(`serve: ${err.code === "EADDRINUSE" ? `port ${port} is in use (try --port 0)` : err.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const addr = server.address();
  const shown = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  console.log(`ksum: serving http://${shown}:${addr.port}/`);
  console.log(`ksum: the page is one self-contained file (dist/ksum.html): save it and it works offline`);
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
