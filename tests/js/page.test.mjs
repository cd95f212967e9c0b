// The page in a real browser (Debian's Chromium driven by playwright-core): www/index.html over
// http from scripts/serve.mjs, and the single-file dist/ksum.html from file://. Both must mark
// exactly the CLI's picks, follow the sentence-count control, never run pasted markup, and make
// no request beyond the page's own files. Also writes target/screenshot-{desktop,dark,phone}.png
// to look at, and docs/screenshot.png when it is missing or KSUM_UPDATE_SCREENSHOT=1.
//
// Needs: `make build web` (done by `make test-js`), `npm ci`, and /usr/bin/chromium
// (scripts/setup.sh installs it). Missing Chromium is a failure, not a skip.
// Run: node --test tests/js/

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

import {
  cliSummary,
  expectedMarks,
  poll,
  readText,
  requireBuilt,
  ROOT,
  SEED,
  SEED_SKIP,
  startServer,
  TEXTS,
} from "./helpers.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARTICLE = join(ROOT, "tests/fixtures/article.txt");
const MARKUP = join(ROOT, "tests/fixtures/markup.txt");
const DIST_URL = pathToFileURL(join(ROOT, "dist/ksum.html")).href;

let server;
let context;
let userDataDir;

before(async () => {
  requireBuilt("www/pkg/ksum.js", "www/pkg/ksum_bg.wasm", "dist/ksum.html", "target/release/ksum");
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup.sh (apt-get install chromium)`);
  server = await startServer();
  userDataDir = mkdtempSync(join(tmpdir(), "ksum-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
    locale: "ko-KR",
    colorScheme: "light",
    reducedMotion: "reduce",
  });
});

after(async () => {
  await context?.close();
  await server?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/**
 * Opens `url` in a new tab that records every request, console error and page error.
 * `allowed(url)` says which requests are fine.
 */
async function openPage(url, allowed) {
  const page = await context.newPage();
  const log = { requests: [], bad: [], errors: [] };
  page.on("request", (req) => {
    log.requests.push(req.url());
    if (!allowed(req.url())) log.bad.push(req.url());
  });
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning" || /Content Security Policy/i.test(msg.text())) {
      log.errors.push(`${msg.type()}: ${msg.text()}`);
    }
  });
  page.on("pageerror", (err) => log.errors.push(String(err)));
  await page.goto(url);
  // The page enables its controls once the wasm is ready.
  await page.locator("#input:not([disabled])").waitFor({ timeout: 15_000 });
  return { page, log };
}

function checkLog(log, label) {
  assert.deepEqual(log.bad, [], `${label}: requests beyond the page's own files`);
  assert.deepEqual(log.errors, [], `${label}: console or page errors (a CSP violation shows here)`);
}

/** The marks in the output, in document order. */
async function marks(page) {
  return page.locator("#output mark").evaluateAll((els) =>
    els.map((el) => ({ text: el.textContent, rank: Number(el.dataset.rank) })),
  );
}

/** Fills the textarea and waits (polling from here) until the marks equal `want`. */
async function fillAndWait(page, text, want, label) {
  await page.locator("#input").fill(text);
  return waitForMarks(page, want, label);
}

async function waitForMarks(page, want, label) {
  let got;
  try {
    await poll(async () => {
      got = await marks(page);
      return JSON.stringify(got) === JSON.stringify(want);
    }, `${label}: marks`);
  } catch {
    assert.deepEqual(got, want, `${label}: marks should be the CLI's picks`);
  }
  return got;
}

async function setCount(page, k) {
  await page.locator("#count").fill(String(k));
}

/** Everything a page must do with one text, for both builds. */
async function checkText(page, path, label) {
  const text = readText(path);
  await setCount(page, 3);
  await fillAndWait(page, text, expectedMarks(cliSummary(path, 3)), `${label} k=3`);

  // The output is the text itself, only wrapped in marks: nothing dropped, nothing parsed.
  const out = await page.locator("#output").evaluate((el) => ({
    text: el.textContent,
    elements: [...el.querySelectorAll("*")].map((e) => e.localName),
  }));
  assert.equal(out.text, text, `${label}: #output shows the whole text`);
  assert.ok(out.elements.every((n) => n === "mark"), `${label}: only <mark> elements in #output, got ${out.elements}`);

  // The summary list: the picks in document order.
  const cli = cliSummary(path, 3);
  const items = await page.locator("#summary li .sentence").allTextContents();
  assert.deepEqual(items, cli.summary.map((i) => cli.sentences[i].text.trim()), `${label}: #summary items`);

  const status = await page.locator("#status").textContent();
  assert.match(status, new RegExp(`문장 ${cli.sentences.length}개`), `${label}: status names the sentence count`);
  assert.match(status, /ms/, `${label}: status shows the time taken`);

  for (const k of [5, 1, 3]) {
    await setCount(page, k);
    await waitForMarks(page, expectedMarks(cliSummary(path, k)), `${label} k=${k}`);
  }
}

/** Pasted markup must stay text: no <img>, no script run, no window.__pwned. */
async function checkMarkup(page, label) {
  const text = readText(MARKUP);
  await setCount(page, 3);
  await page.locator("#input").fill(text);
  await poll(async () => (await page.locator("#output mark").count()) > 0, `${label}: marks for markup.txt`);
  await page.waitForTimeout(300); // give an onerror handler, were there an <img>, time to fire
  assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined", `${label}: pasted markup ran`);
  assert.equal(await page.locator("img").count(), 0, `${label}: an <img> element exists`);
  assert.equal(await page.locator("#output script, #output b, #summary b, #summary img").count(), 0);
  assert.equal(await page.locator("#output").textContent(), text, `${label}: markup shown as text`);
  assert.ok((await page.locator("#output").textContent()).includes("<img src=x onerror="));
}

describe("www/index.html over http", () => {
  let page;
  let log;

  before(async () => {
    ({ page, log } = await openPage(server.url, (url) => url.startsWith(server.origin + "/") || url.startsWith("data:")));
  });

  test("loads with the default sentence count and an empty state", async () => {
    assert.equal(await page.locator("html").getAttribute("lang"), "ko");
    assert.equal(await page.locator("#count").inputValue(), "3");
    assert.equal(await page.locator("#count").getAttribute("min"), "1");
    assert.equal(await page.locator("#output mark").count(), 0);
  });

  test("article.txt: marks, summary and count follow the CLI", async () => {
    await checkText(page, ARTICLE, "http article.txt");
  });

  test("seed article: marks follow the CLI", { skip: SEED_SKIP }, async () => {
    await checkText(page, SEED, "http seed-article.txt");
  });

  test("clicking a summary item moves focus to its mark", async () => {
    await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "click");
    const last = page.locator("#summary li a").last();
    const target = await last.getAttribute("data-target");
    await last.click();
    await poll(async () => (await page.evaluate(() => document.activeElement && document.activeElement.id)) === target, "focus on the mark");
    assert.ok(await page.locator(`#${target}`).isVisible());
  });

  test("an invalid count shows an error instead of a summary", async () => {
    await setCount(page, 0);
    await poll(async () => /1 이상/.test(await page.locator("#status").textContent()), "error status");
    assert.ok(await page.locator("#status.error").count());
    await setCount(page, 3);
    await poll(async () => !(await page.locator("#status.error").count()), "status recovers");
  });

  test("pasted markup is shown, never parsed or run", async () => {
    await checkMarkup(page, "http");
  });

  test("the CSP allows only the page's own files and its one inline module script", async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(await page.locator("script:not([src])").count(), 1);
  });

  test("only local requests, no console errors", () => {
    assert.ok(log.requests.some((u) => u.endsWith("/pkg/ksum_bg.wasm")), `the wasm was fetched: ${log.requests}`);
    checkLog(log, "http");
  });

  test("screenshots", async () => {
    const text = readText(ARTICLE);
    await setCount(page, 3);
    await fillAndWait(page, text, expectedMarks(cliSummary(ARTICLE, 3)), "screenshot");
    await page.mouse.move(1, 1);
    await page.evaluate(() => {
      document.activeElement?.blur();
      window.scrollTo(0, 0);
      document.getElementById("input").scrollTop = 0;
    });
    // docs/screenshot.png is committed: rewrite it only when asked (or when missing), so that
    // a test run does not dirty the tree; target/ always gets a fresh copy to look at.
    mkdirSync(join(ROOT, "docs"), { recursive: true });
    mkdirSync(join(ROOT, "target"), { recursive: true });
    await page.screenshot({ path: join(ROOT, "target/screenshot-desktop.png") });
    if (process.env.KSUM_UPDATE_SCREENSHOT === "1" || !existsSync(join(ROOT, "docs/screenshot.png"))) {
      await page.screenshot({ path: join(ROOT, "docs/screenshot.png") });
    }

    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: join(ROOT, "target/screenshot-dark.png") });
    await page.emulateMedia({ colorScheme: "light" });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ROOT, "target/screenshot-phone.png") });
    await page.screenshot({ path: join(ROOT, "target/screenshot-phone-full.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    // No horizontal scrolling on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a 390px phone`);
    await page.setViewportSize({ width: 1280, height: 900 });
    checkLog(log, "http screenshots");
  });
});

describe("dist/ksum.html from file://", () => {
  let page;
  let log;

  before(async () => {
    ({ page, log } = await openPage(DIST_URL, (url) => url === DIST_URL || url.startsWith("data:")));
  });

  test("article.txt: marks, summary and count follow the CLI", async () => {
    await checkText(page, ARTICLE, "file article.txt");
  });

  test("seed article: marks follow the CLI", { skip: SEED_SKIP }, async () => {
    await checkText(page, SEED, "file seed-article.txt");
  });

  test("pasted markup is shown, never parsed or run", async () => {
    await checkMarkup(page, "file");
  });

  test("the CSP forbids the network and allows only the page's own inline scripts", async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'none'/);
    assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
    assert.doesNotMatch(csp, /script-src[^;]*'unsafe-eval'/);
    assert.equal((await page.locator("script[src], link[rel=stylesheet]").count()), 0, "everything is inline");
    // An injected inline handler must be refused by the CSP.
    const ran = await page.evaluate(async () => {
      const div = document.createElement("div");
      div.innerHTML = '<img src="data:," onerror="window.__cspHole=1">';
      document.body.appendChild(div);
      await new Promise((r) => setTimeout(r, 200));
      div.remove();
      return typeof window.__cspHole;
    });
    assert.equal(ran, "undefined", "an inline onerror handler ran despite the CSP");
  });

  test("only the file itself was requested, no console errors", () => {
    assert.ok(log.requests.includes(DIST_URL), `requests: ${log.requests}`);
    // The handler test above deliberately triggers one CSP report; ignore exactly that.
    log.errors = log.errors.filter((e) => !/inline event handler/i.test(e));
    checkLog(log, "file");
  });
});

describe("the texts the tests use", () => {
  test("fixtures and seed exist where expected", () => {
    for (const [name, path, present] of TEXTS) {
      if (name !== "seed-article.txt") assert.ok(present, `${path} is missing`);
    }
  });
});
