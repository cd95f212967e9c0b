// The page in a real browser (Debian's Chromium driven by playwright-core), twice: as `make run`
// serves it (scripts/serve.mjs over http) and as dist/ksum.html from file://. Both must:
// mark exactly the CLI's picks, follow the length controls, summarize in a Web Worker so that a
// 2 MB paste never blocks the main thread for more than 200 ms, cancel, refuse (and keep) text
// over 20 MB, never run pasted markup, open and drop files, mark keyword occurrences, copy the
// summary, switch to English, keep the text only when asked, and request nothing but the page.
// Also writes target/screenshot-*.png to look at, and docs/screenshot.png (light) and
// docs/screenshot-dark.png when missing or KSUM_UPDATE_SCREENSHOT=1.
//
// Needs: `make build web` (done by `make test-js`), `npm ci`, and /usr/bin/chromium
// (scripts/setup.sh installs it). Missing Chromium is a failure, not a skip.
// Run: node --test tests/js/

import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";

import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  cliJson,
  cliSummary,
  expectedMarks,
  makeLongText,
  poll,
  readText,
  requireBuilt,
  ROOT,
  SEED,
  SEED_SKIP,
  startServer,
  TEXTS,
} from "./helpers.mjs";

const ARTICLE = join(ROOT, "tests/fixtures/article.txt");
const MARKUP = join(ROOT, "tests/fixtures/markup.txt");
const DIST_URL = pathToFileURL(join(ROOT, "dist/ksum.html")).href;
const UPDATE_SHOTS = process.env.KSUM_UPDATE_SCREENSHOT === "1";

let server;
let context;
let userDataDir;
let tmp;
let longText; // ~2 MB
let longFile;
let longCli;
let ksum; // the wasm module in Node, to learn whether results carry keywords

before(async () => {
  requireBuilt("www/pkg/ksum.js", "www/pkg/ksum_bg.wasm", "dist/ksum.html", "target/release/ksum");
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup.sh (apt-get install chromium)`);
  server = await startServer();
  userDataDir = mkdtempSync(join(tmpdir(), "ksum-chromium-"));
  tmp = mkdtempSync(join(tmpdir(), "ksum-page-"));
  longText = makeLongText(2_000_000);
  longFile = join(tmp, "long.txt");
  writeFileSync(longFile, longText);
  longCli = cliJson(["-k", "3"], longFile);
  ksum = await import(pathToFileURL(join(ROOT, "www/pkg/ksum.js")).href);
  ksum.initSync({ module: readFileSync(join(ROOT, "www/pkg/ksum_bg.wasm")) });
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      ...CHROMIUM_FLAGS,
    ],
    viewport: { width: 1280, height: 900 },
    locale: "ko-KR",
    colorScheme: "light",
    reducedMotion: "reduce",
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

after(async () => {
  await context?.close();
  await server?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/**
 * Opens `url` in a new tab that records every request, console error and page error.
 * `allowed(url)` says which requests are fine.
 */
async function openPage(url, allowed, init) {
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
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
  await ready(page);
  return { page, log };
}

/** The page enables its controls once the summarizer is ready. */
async function ready(page) {
  await page.locator("#input:not([disabled])").waitFor({ timeout: 15_000 });
}

function checkLog(log, label) {
  assert.deepEqual(log.bad, [], `${label}: requests beyond the page itself`);
  assert.deepEqual(log.errors, [], `${label}: console or page errors (a CSP violation shows here)`);
}

/** The summary marks in the output, in document order. */
async function marks(page) {
  return page.locator("#output mark[data-rank]").evaluateAll((els) =>
    els.map((el) => ({ text: el.textContent, rank: Number(el.dataset.rank) })),
  );
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
  await idle(page);
  return got;
}

/** Waits until no summary is running and the output is fully drawn. */
async function idle(page) {
  await poll(
    () => page.evaluate(() => document.getElementById("busy").hidden && document.getElementById("output").getAttribute("aria-busy") === "false"),
    "the page to be idle",
  );
}

/** Puts `text` in the textarea as typing would (short texts). */
async function fillAndWait(page, text, want, label) {
  await page.locator("#input").fill(text);
  return waitForMarks(page, want, label);
}

/** Pastes the string in window[name] as a real paste event on the textarea (or the page). */
async function pasteGlobal(page, name) {
  await page.evaluate((n) => {
    const input = document.getElementById("input");
    const target = input.hidden ? document.body : input;
    if (!input.hidden) input.focus();
    const dt = new DataTransfer();
    dt.setData("text/plain", window[n]);
    target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, name);
}

async function setCount(page, k) {
  await page.locator("#count").fill(String(k));
}

async function clearPage(page) {
  await page.locator("#clear").click();
  await poll(async () => (await page.locator("#input").isVisible()) && (await page.locator("#output mark").count()) === 0, "cleared");
}

/** Everything a page must do with one text. */
async function checkText(page, path, label) {
  const text = readText(path);
  await setCount(page, 3);
  await fillAndWait(page, text, expectedMarks(cliSummary(path, 3)), `${label} k=3`);

  // The output is the text itself, only wrapped in marks (and layout blocks): nothing dropped,
  // nothing parsed.
  const out = await page.locator("#output").evaluate((el) => ({
    text: el.textContent,
    elements: [...el.querySelectorAll("*")].map((e) => e.localName + (e.className ? "." + e.className : "")),
  }));
  assert.equal(out.text, text, `${label}: #output shows the whole text`);
  assert.ok(out.elements.every((n) => n === "mark" || n === "div.chunk"), `${label}: only marks in #output, got ${out.elements}`);

  // The summary list: the picks in document order.
  const cli = cliSummary(path, 3);
  const items = await page.locator("#summary li .sentence").allTextContents();
  assert.deepEqual(items, cli.summary.map((i) => cli.sentences[i].text.trim()), `${label}: #summary items`);

  const status = await page.locator("#status").textContent();
  assert.match(status, new RegExp(`문장 ${cli.sentences.length.toLocaleString("en-US")}개 중 3개`), `${label}: status names the sentence count`);
  assert.match(status, /\d자 · [\d.,]+ ms$/, `${label}: status shows characters and the time taken`);
  // The prose the summarizer counts (what a ratio is a share of), when lines were set aside.
  const prose = `본문 문장 ${cli.content.toLocaleString("en-US")}개`;
  assert.equal(status.includes(prose), cli.content < cli.sentences.length, `${label}: ${status} / ${prose}`);

  for (const k of [5, 1, 3]) {
    await setCount(page, k);
    await waitForMarks(page, expectedMarks(cliSummary(path, k)), `${label} k=${k}`);
  }
}

/** Pasted (or typed) markup must stay text: no <img>, no script run, no window.__pwned. */
async function checkMarkup(page, label) {
  const text = readText(MARKUP);
  await setCount(page, 3);
  await page.evaluate((t) => (window.__markup = t), text);
  for (const how of ["pasted", "typed"]) {
    await clearPage(page);
    if (how === "pasted") {
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.setData("text/plain", window.__markup);
        document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
      });
    } else {
      await page.locator("#input").fill(text);
    }
    await poll(async () => (await page.locator("#output mark").count()) > 0, `${label}: marks for ${how} markup.txt`);
    await idle(page);
    await page.waitForTimeout(300); // give an onerror handler, were there an <img>, time to fire
    assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined", `${label}: ${how} markup ran`);
    assert.equal(await page.locator("img").count(), 0, `${label}: an <img> element exists`);
    assert.equal(await page.locator("#output script, #output b, #summary b, #summary img").count(), 0);
    assert.equal(await page.locator("#output").textContent(), text, `${label}: ${how} markup shown as text`);
    assert.ok((await page.locator("#output").textContent()).includes("<img src=x onerror="));
  }
}

/** The shared suite: `where()` gives {url, allowed} once the server runs. */
function pageSuite(label, where) {
  describe(label, () => {
    let page;
    let log;
    let url;

    before(async () => {
      const w = where();
      url = w.url;
      ({ page, log } = await openPage(url, w.allowed));
    });

    test("loads in Korean with the default length, an empty state and a strict CSP", async () => {
      assert.equal(await page.locator("html").getAttribute("lang"), "ko");
      assert.equal(await page.locator("#count").inputValue(), "3");
      assert.equal(await page.locator("#count").getAttribute("min"), "1");
      assert.equal(await page.locator("#output mark").count(), 0);
      assert.match(await page.locator("#status").textContent(), /글을 입력하면/);
      assert.equal(await page.locator("#remember").isChecked(), false, "keeping the text is off by default");
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /connect-src 'none'/);
      assert.match(csp, /worker-src blob:/);
      assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
      assert.equal(await page.locator("script[src], link[rel=stylesheet]").count(), 0, "everything is inline");
    });

    test("takes input before the summarizer has loaded, and marks both moments for the bench", async () => {
      const at = () =>
        page.evaluate(() => ["ksum-ready", "ksum-engine-ready"].map((n) => performance.getEntriesByName(n)[0]?.startTime));
      const [ready, loaded] = await poll(async () => {
        const marks = await at();
        return marks.every((t) => t !== undefined) && marks;
      }, "the ksum-ready and ksum-engine-ready marks");
      assert.ok(ready > 0 && ready <= loaded, `ready for input at ${ready} ms, summarizer at ${loaded} ms`);
    });

    test("article.txt: marks, summary and count follow the CLI", async () => {
      await checkText(page, ARTICLE, `${label} article.txt`);
    });

    test("seed article: marks follow the CLI", { skip: SEED_SKIP }, async () => {
      await checkText(page, SEED, `${label} seed-article.txt`);
    });

    test("the summary says a transcript's sentences without their timings, a list's without its markers", async () => {
      // Each sentence runs across captions, or opens with `□` or `ㅇ`; the summary list shows
      // it as the CLI prints it.
      for (const name of ["transcript.srt", "transcript-copied.txt", "transcript-timestamped.txt", "press-release.txt"]) {
        const path = join(ROOT, "tests/fixtures", name);
        await setCount(page, 2);
        await fillAndWait(page, readText(path), expectedMarks(cliSummary(path, 2)), name);
        const items = await page.locator("#summary li .sentence").allTextContents();
        const want = execFileSync(join(ROOT, "target/release/ksum"), ["-k", "2", path], { encoding: "utf8" });
        assert.deepEqual(items, want.trim().split("\n"), name);
        assert.ok(items.every((t) => !/\d:\d\d|-->|\[|^[□ㅇ]/.test(t)), `${name}: ${items}`);
      }
      await setCount(page, 3);
    });

    test("the summary says a pasted page source's sentences without their markup", async () => {
      // Tags, a comment and a script are left out and character references read, as the
      // CLI prints them; the text and its highlights keep every byte.
      for (const [name, k] of [["markup.txt", 3], ["page-source.txt", 5]]) {
        const path = join(ROOT, "tests/fixtures", name);
        await setCount(page, k);
        await fillAndWait(page, readText(path), expectedMarks(cliSummary(path, k)), name);
        const items = await page.locator("#summary li .sentence").allTextContents();
        const want = execFileSync(join(ROOT, "target/release/ksum"), ["-k", String(k), path], { encoding: "utf8" });
        assert.deepEqual(items, want.trim().split("\n"), name);
        assert.ok(items.every((t) => !/<\/?[a-z]|&[a-z]+;/.test(t)), `${name}: ${items}`);
        assert.equal(await page.locator("#output").textContent(), readText(path), `${name}: the text as given`);
      }
      assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined", "nothing in the markup ran");
      await setCount(page, 3);
    });

    test("a sentence of 350,000 chars is summarized, highlighted and listed at once", async () => {
      // Tags or quotes that never close make one sentence of a whole text. Each `<` made
      // the search for its end scan the rest of the line; the sentence was one block of
      // the output, and the list's item laid it out whole: 40 s, 2 minutes at 700,000.
      for (const unit of ["가나 <b ", "“가나다 "]) {
        await clearPage(page);
        await page.evaluate((u) => (window.__long = u.repeat(350_000 / u.length) + "했다."), unit);
        const t0 = Date.now();
        await pasteGlobal(page, "__long");
        await poll(async () => (await page.locator("#summary li .sentence").count()) === 1, `${unit}: the summary list`, 10_000);
        await idle(page);
        assert.ok(Date.now() - t0 < 10_000, `${unit}: ${Date.now() - t0} ms`);
        const item = await page.locator("#summary li .sentence").textContent();
        assert.ok(item.endsWith("…") && item.length <= 1001, `${unit}: ${item.length} chars listed`);
        assert.ok(await page.evaluate((shown) => window.__long.startsWith(shown.slice(0, -1)), item), `${unit}: the sentence's start`);
        assert.ok((await page.locator("#output mark").count()) > 1, `${unit}: highlighted across the output's blocks`);
      }
      await page.evaluate(() => delete window.__long);
      await clearPage(page);
    });

    test("the ratio option picks the CLI's share of sentences", async () => {
      await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "ratio setup");
      await page.locator("#mode").selectOption("ratio");
      assert.ok(await page.locator("#ratio").isVisible());
      assert.ok(!(await page.locator("#count").isVisible()));
      for (const pct of [50, 10]) {
        await page.locator("#ratio").fill(String(pct));
        await waitForMarks(page, expectedMarks(cliJson(["--ratio", String(pct / 100)], ARTICLE)), `ratio ${pct}%`);
      }
      await page.locator("#mode").selectOption("k");
      await waitForMarks(page, expectedMarks(cliSummary(ARTICLE, 3)), "back to k=3");
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
      await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "invalid count");
      await setCount(page, 0);
      await poll(async () => /1 이상/.test(await page.locator("#status").textContent()), "error status");
      assert.ok(await page.locator("#status.error").count());
      assert.equal(await page.locator("#count").getAttribute("aria-invalid"), "true");
      // The last summary is no answer to this length: neither shown nor copied.
      await poll(async () => (await marks(page)).length === 0, "no stale marks");
      assert.equal(await page.locator("#summary li a").count(), 0);
      assert.ok(await page.locator("#copy").isDisabled());
      await setCount(page, 3);
      await poll(async () => !(await page.locator("#status.error").count()), "status recovers");
      await waitForMarks(page, expectedMarks(cliSummary(ARTICLE, 3)), "marks again");
      assert.equal(await page.locator("#count").getAttribute("aria-invalid"), "false");
    });

    test("clearing the text can be undone", async () => {
      const text = readText(ARTICLE);
      await fillAndWait(page, text, expectedMarks(cliSummary(ARTICLE, 3)), "clear");
      await page.locator("#clear").click();
      await poll(async () => (await page.locator("#input").inputValue()) === "", "cleared");
      await page.locator("#input").focus();
      await page.keyboard.press("Control+z");
      await poll(async () => (await page.locator("#input").inputValue()) === text, "undone");
      await waitForMarks(page, expectedMarks(cliSummary(ARTICLE, 3)), "marks after undo");
    });

    test("a long paste with Windows line breaks counts as the same text", async () => {
      // Over the textarea's limit, so the paste is taken from the clipboard as it is.
      const lf = Array.from({ length: 110 }, () => readText(ARTICLE)).join("\n");
      await page.evaluate((t) => (window.__crlf = t.replace(/\n/g, "\r\n")), lf);
      await clearPage(page);
      await pasteGlobal(page, "__crlf");
      const chars = new Intl.NumberFormat("ko-KR").format(lf.length);
      await poll(async () => (await page.locator("#status").textContent()).includes(`${chars}자`), `${chars}자 in the status`);
      await clearPage(page);
    });

    test("a Latin keyword marks whole words only", async () => {
      const text = [
        "해오름시가 시민을 위한 AI 교육을 시작한다.",
        "AI 강사는 시민들에게 AI 활용법을 가르친다.",
        "시는 AI 교육 예산을 늘렸다.",
        "문의는 said.daily@mail.com 으로 하면 된다.",
      ].join("\n");
      await page.locator("#input").fill(text);
      const chip = page.locator('#chips button.chip[data-term="AI"]');
      await poll(async () => (await chip.count()) === 1, "an AI chip");
      await chip.click();
      await poll(async () => (await page.locator("#output mark.kw").count()) === 4, "4 marks of AI, none in said/daily/mail");
      for (const s of await page.locator("#output mark.kw").allTextContents()) assert.equal(s, "AI");
      await chip.click();
    });

    test("pasted markup is shown, never parsed or run", async () => {
      await checkMarkup(page, label);
    });

    test("keyword chips mark their occurrences (when results carry keywords)", async (t) => {
      const text = readText(ARTICLE);
      const keywords = ksum.summarize(text, { k: 3 }).keywords;
      await fillAndWait(page, text, expectedMarks(cliSummary(ARTICLE, 3)), "keywords");
      if (!Array.isArray(keywords) || keywords.length === 0) {
        assert.ok(await page.locator("#keywords").isHidden(), "no keywords in the result: no chips");
        t.skip("this build's summarize() returns no keywords yet");
        return;
      }
      assert.ok(await page.locator("#keywords").isVisible());
      const chip = page.locator("#chips button.chip").first();
      const term = await chip.getAttribute("data-term");
      assert.equal(term, keywords[0].term);
      await chip.click();
      assert.equal(await chip.getAttribute("aria-pressed"), "true");
      const want = [...text.matchAll(new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu"))].length;
      await poll(async () => (await page.locator("#output mark.kw").count()) === want, `${want} marks of ${term}`);
      for (const s of await page.locator("#output mark.kw").allTextContents()) assert.equal(s.toLowerCase(), term.toLowerCase());
      assert.equal(await page.locator("#output").textContent(), text, "keyword marks keep the text");
      assert.deepEqual(await marks(page), expectedMarks(cliSummary(ARTICLE, 3)), "the summary marks stay");
      await chip.click();
      await poll(async () => (await page.locator("#output mark.kw").count()) === 0, "chip off");
      // In a window too short to show the text box (a laptop's screen), the first mark is
      // brought into the window, not only into the box.
      const size = page.viewportSize();
      await page.setViewportSize({ width: 1280, height: 420 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const last = page.locator("#chips button.chip").last();
      const lastTerm = await last.getAttribute("data-term");
      await last.click();
      await poll(async () => (await page.locator("#output mark.kw").count()) > 0, `marks of ${lastTerm}`);
      await poll(
        async () =>
          page.locator("#output mark.kw").first().evaluate((m) => {
            const r = m.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;
          }),
        "the first mark in the window",
      );
      await last.click();
      await page.setViewportSize(size);
    });

    test("copy puts the summary on the clipboard, one sentence a line", async () => {
      await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "copy");
      const cli = cliSummary(ARTICLE, 3);
      const want = cli.summary.map((i) => cli.sentences[i].text.trim()).join("\n");
      await page.evaluate(() => navigator.clipboard.writeText("(empty)"));
      await page.locator("#copy").click();
      await poll(async () => /복사했습니다/.test(await page.locator("#copy").textContent()), "copy confirmation");
      assert.match(await page.locator("#notice").textContent(), /3문장을 복사/);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want);
      // A press release's items are copied without their markers, as the CLI prints them.
      const press = join(ROOT, "tests/fixtures/press-release.txt");
      await fillAndWait(page, readText(press), expectedMarks(cliSummary(press, 3)), "copy press release");
      await page.locator("#copy").click();
      const cliLines = execFileSync(join(ROOT, "target/release/ksum"), ["-k", "3", press], { encoding: "utf8" });
      await poll(async () => (await page.evaluate(() => navigator.clipboard.readText())) === cliLines.trim(), "press release copied");
    });

    test("every control is reachable by keyboard, with a visible focus ring", async () => {
      await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "keyboard");
      await page.evaluate(() => document.activeElement?.blur());
      const seen = new Map();
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        const f = await page.evaluate(() => {
          const el = document.activeElement;
          const cs = getComputedStyle(el);
          return { key: el.id || el.className || el.localName, outline: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2 };
        });
        if (!seen.has(f.key)) seen.set(f.key, f.outline);
      }
      for (const id of ["lang", "open", "clear", "input", "count", "mode", "remember", "copy", "output"]) {
        assert.ok(seen.has(id), `Tab reaches #${id}: ${[...seen.keys()]}`);
        assert.ok(seen.get(id), `#${id} shows a focus ring`);
      }
      assert.ok([...seen.keys()].some((k) => k === "a" || k === ""), "Tab reaches the summary links");
      // Quiet while the text is typed (a11y.test.mjs), a live region again at the pause.
      await poll(async () => (await page.locator("#status").getAttribute("aria-live")) === "polite", "#status aria-live polite");
      assert.equal(await page.locator("#input").getAttribute("aria-labelledby"), "source-title");
    });

    test("English toggle changes the labels and back", async () => {
      const cli = cliSummary(ARTICLE, 3);
      const n = cli.sentences.length;
      await fillAndWait(page, readText(ARTICLE), expectedMarks(cli), "lang");
      await page.locator("#lang").click();
      assert.equal(await page.locator("html").getAttribute("lang"), "en");
      // The user's text stays Korean to a screen reader.
      for (const id of ["input", "summary", "chips", "output"]) {
        assert.equal(await page.locator(`#${id}`).getAttribute("lang"), "ko", `#${id}`);
      }
      assert.equal(await page.locator("#summary-title").textContent(), "Summary");
      assert.equal(await page.locator("#copy").textContent(), "Copy summary");
      assert.match(await page.locator("#input").getAttribute("placeholder"), /Paste or type/);
      assert.match(
        await page.locator("#status").textContent(),
        new RegExp(`^3 of ${n} sentences · ${cli.content} of them prose · 1,158 characters · [\\d.,]+ ms$`),
      );
      assert.equal(await page.locator("#lang").textContent(), "한국어");
      await page.locator("#lang").click();
      assert.equal(await page.locator("html").getAttribute("lang"), "ko");
      assert.equal(await page.locator("#summary-title").textContent(), "요약");
      assert.match(await page.locator("#status").textContent(), new RegExp(`^문장 ${n}개 중 3개 선택`));
    });

    test("opens a .txt file with the button, and a dropped EUC-KR file", async () => {
      await clearPage(page);
      await page.locator("#file").setInputFiles(ARTICLE);
      await waitForMarks(page, expectedMarks(cliSummary(ARTICLE, 3)), "opened file");
      assert.equal(await page.locator("#input").inputValue(), readText(ARTICLE));
      // "가나다라. 마바사." in EUC-KR, dropped on the page.
      const euckr = [0xb0, 0xa1, 0xb3, 0xaa, 0xb4, 0xd9, 0xb6, 0xf3, 0x2e, 0x20, 0xb8, 0xb6, 0xb9, 0xd9, 0xbb, 0xe7, 0x2e];
      await page.evaluate((bytes) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], "old.txt", { type: "text/plain" }));
        document.getElementById("input").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, euckr);
      await poll(async () => (await page.locator("#output").textContent()) === "가나다라. 마바사.", "the dropped file's text");
      await poll(async () => (await page.locator("#output mark").count()) === 2, "its two sentences marked");
      // Bytes that are no text (an image) are refused with a message; the text stays.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xd8, 0xc8])], "photo.txt"));
        document.getElementById("input").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await poll(async () => /photo\.txt/.test(await page.locator("#status").textContent()), "the refusal");
      assert.match(await page.locator("#status").textContent(), /텍스트 파일이 아닙니다: photo\.txt/);
      assert.equal(await page.locator("#output").textContent(), "가나다라. 마바사.");
      assert.equal(await page.locator("#input").inputValue(), "가나다라. 마바사.");
      // UTF-8 cut off inside its last char ("a. " and two of the three bytes of "가",
      // "a. 媛" in EUC-KR) is refused, not read as EUC-KR.
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array([0x61, 0x2e, 0x20, 0xea, 0xb0])], "cut.txt"));
        document.getElementById("input").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await poll(async () => /cut\.txt/.test(await page.locator("#status").textContent()), "the refusal of cut-off UTF-8");
      assert.equal(await page.locator("#input").inputValue(), "가나다라. 마바사.");
      // The file opened over the article was an edit of the box: Ctrl+Z brings the article back.
      await page.locator("#input").focus();
      await page.keyboard.press("Control+z");
      await poll(async () => (await page.locator("#input").inputValue()) === readText(ARTICLE), "the text before the file, undone");
      await waitForMarks(page, expectedMarks(cliSummary(ARTICLE, 3)), "its marks again");
      await clearPage(page);
    });

    test("a 2 MB paste: summarized in the worker, no main-thread task over 200 ms, same picks as the CLI", async () => {
      await clearPage(page);
      await page.evaluate((t) => (window.__long = t), longText);
      await page.evaluate(() => {
        window.__longtasks = [];
        window.__observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longtasks.push(Math.round(e.duration));
        });
        window.__observer.observe({ type: "longtask" });
        // Progress shows while it works: note every time the progress row appears.
        window.__busySeen = 0;
        const busy = document.getElementById("busy");
        new MutationObserver(() => {
          if (!busy.hidden) window.__busySeen++;
        }).observe(busy, { attributes: true, attributeFilter: ["hidden"] });
      });
      await pasteGlobal(page, "__long");
      assert.ok(await page.locator("#bigdoc").isVisible(), "long text is not put in the textarea");
      assert.ok(await page.locator("#input").isHidden());
      assert.match(await page.locator("a.skip").getAttribute("href"), /#output$/, "the skip link leads to the text shown");
      await waitForMarks(page, expectedMarks(longCli), "2 MB");
      assert.ok(await page.evaluate(() => window.__busySeen > 0), "the progress row was shown");
      // Scroll through the output and jump to a summary line: still no long task.
      await page.locator("#output").evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
      await page.locator("#summary li a").last().click();
      await setCount(page, 5);
      await waitForMarks(page, expectedMarks(cliJson(["-k", "5"], longFile)), "2 MB k=5");
      await page.waitForTimeout(200);
      const tasks = await page.evaluate(() => {
        window.__observer.disconnect();
        return window.__longtasks;
      });
      assert.ok(tasks.every((ms) => ms <= 200), `main-thread tasks over 200 ms: ${tasks}`);
      assert.ok(await page.evaluate(() => document.getElementById("output").textContent === window.__long), "the whole text is shown");
      assert.match(await page.locator("#status").textContent(), new RegExp(`문장 ${longCli.sentences.length.toLocaleString("en-US")}개`));
      assert.match(await page.locator("#bigdoc").textContent(), /MB/);
      await setCount(page, 3);
      await clearPage(page);
      assert.match(await page.locator("a.skip").getAttribute("href"), /#input$/, "the skip link leads to the box again");
    });

    test("an invalid count typed while a long run is in flight stays an error", async () => {
      await clearPage(page);
      await page.evaluate((t) => (window.__long = t), longText);
      await pasteGlobal(page, "__long");
      await setCount(page, 0); // the 2 MB run takes far longer than this
      await poll(async () => /1 이상/.test(await page.locator("#status").textContent()), "error status");
      // Long enough for the cancelled run to have finished had it not been stopped.
      await page.waitForTimeout(1500);
      assert.match(await page.locator("#status").textContent(), /1 이상/, "the error is not replaced by a result");
      assert.ok(await page.locator("#status.error").count());
      assert.ok(await page.locator("#busy").isHidden(), "no progress row for a stopped run");
      assert.ok(await page.evaluate(() => document.getElementById("output").textContent === window.__long), "the text is shown");
      await setCount(page, 3);
      await waitForMarks(page, expectedMarks(longCli), "2 MB after a valid count");
      assert.ok(!(await page.locator("#status.error").count()));
      await clearPage(page);
    });

    test("cancel stops a long run, keeps the text, and the next run works", async () => {
      await clearPage(page);
      await page.evaluate((t) => (window.__huge = t.repeat(5)), longText);
      await pasteGlobal(page, "__huge");
      await poll(async () => page.locator("#cancel").isVisible(), "the cancel button", 5000, 20);
      await page.locator("#cancel").click();
      await poll(async () => /취소/.test(await page.locator("#status").textContent()), "cancelled status");
      assert.ok(await page.locator("#busy").isHidden());
      await idle(page);
      assert.equal(await page.locator("#output mark").count(), 0);
      assert.ok(await page.evaluate(() => document.getElementById("output").textContent === window.__huge), "the text is kept");
      await clearPage(page);
      await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "after cancel");
    });

    test("over 20 MB: a clear message, nothing summarized, the text kept", async () => {
      await clearPage(page);
      await page.evaluate((t) => (window.__tooBig = t.repeat(11)), longText);
      await pasteGlobal(page, "__tooBig");
      await poll(async () => /20(\.0)? MB/.test(await page.locator("#status").textContent()), "the limit message");
      assert.ok(await page.locator("#status.error").count());
      assert.match(await page.locator("#status").textContent(), /너무 큽니다.*그대로 남아/);
      await idle(page);
      assert.equal(await page.locator("#output mark").count(), 0);
      assert.ok(await page.evaluate(() => document.getElementById("output").textContent === window.__tooBig), "the text is kept");
      assert.ok(await page.locator("#bigdoc").isVisible());
      await page.evaluate(() => {
        delete window.__tooBig;
        delete window.__huge;
      });
      await clearPage(page);
    });

    test("keeps the text only when asked, and forgets it when unticked", async () => {
      const text = readText(ARTICLE);
      await page.locator("#remember").check();
      await fillAndWait(page, text, expectedMarks(cliSummary(ARTICLE, 3)), "remember");
      await poll(() => page.evaluate((t) => localStorage.getItem("ksum.text") === t, text), "the text kept");
      await page.reload();
      await ready(page);
      assert.ok(await page.locator("#remember").isChecked());
      assert.equal(await page.locator("#input").inputValue(), text);
      await waitForMarks(page, expectedMarks(cliSummary(ARTICLE, 3)), "restored");
      await page.locator("#remember").uncheck();
      assert.equal(await page.evaluate(() => localStorage.getItem("ksum.text")), null, "unticking erases the text");
      await page.reload();
      await ready(page);
      assert.equal(await page.locator("#input").inputValue(), "");
      assert.equal(await page.locator("#output mark").count(), 0);
    });

    test("nothing but the page itself was requested; the worker ran from blob:", () => {
      assert.ok(log.requests.includes(url), `requests: ${log.requests}`);
      assert.ok(log.requests.some((u) => u.startsWith("blob:")), `a blob: worker was started: ${log.requests}`);
      assert.deepEqual(
        log.requests.filter((u) => u !== url && !u.startsWith("blob:")),
        [],
        "no other request",
      );
      checkLog(log, label);
    });
  });
}

pageSuite("the page `make run` serves, over http", () => ({
  url: server.url,
  allowed: (u) => u === server.url || u.startsWith("blob:" + server.origin + "/"),
}));

pageSuite("dist/ksum.html from file://", () => ({
  url: DIST_URL,
  allowed: (u) => u === DIST_URL || u.startsWith("blob:null/"),
}));

describe("the page without Web Workers", () => {
  test("falls back to the main thread with the same picks", async () => {
    const { page, log } = await openPage(DIST_URL, (u) => u === DIST_URL, () => {
      delete window.Worker;
    });
    await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "no worker");
    checkLog(log, "no worker");
    await page.close();
  });
});

describe("the page in a browser without Uint8Array.fromBase64", () => {
  test("decodes the wasm by hand, with the same picks", async () => {
    const { page, log } = await openPage(DIST_URL, (u) => u === DIST_URL || u.startsWith("blob:null/"), () => {
      delete Uint8Array.fromBase64;
    });
    await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "no fromBase64");
    assert.equal(await page.evaluate(() => typeof Uint8Array.fromBase64), "undefined");
    checkLog(log, "no fromBase64");
    await page.close();
  });
});

describe("the page while the summarizer loads", () => {
  test("takes a text at once and summarizes it once the summarizer is up", async () => {
    // The wasm compiles three seconds late: the page must take input meanwhile, and a text
    // given then must be summarized when the engine is ready, like any other.
    const { page, log } = await openPage(DIST_URL, (u) => u === DIST_URL || u.startsWith("blob:null/"), () => {
      const compile = WebAssembly.compile;
      WebAssembly.compile = (bytes) => new Promise((r) => setTimeout(r, 3000)).then(() => compile(bytes));
    });
    const loaded = () => page.evaluate(() => performance.getEntriesByName("ksum-engine-ready").length > 0);
    assert.equal(await loaded(), false, "the summarizer is not loaded yet");
    await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "during load");
    assert.equal(await loaded(), true);
    checkLog(log, "during load");
    await page.close();
  });
});

describe("an injected inline handler", () => {
  test("is refused by the CSP", async () => {
    const { page } = await openPage(DIST_URL, () => true);
    const ran = await page.evaluate(async () => {
      const div = document.createElement("div");
      div.innerHTML = '<img src="data:," onerror="window.__cspHole=1">';
      document.body.appendChild(div);
      await new Promise((r) => setTimeout(r, 200));
      div.remove();
      return typeof window.__cspHole;
    });
    assert.equal(ran, "undefined", "an inline onerror handler ran despite the CSP");
    await page.close();
  });
});

describe("screenshots", () => {
  test("desktop and phone, light and dark; no horizontal scrolling on a phone", async () => {
    const { page, log } = await openPage(server.url, (u) => u === server.url || u.startsWith("blob:"));
    await fillAndWait(page, readText(ARTICLE), expectedMarks(cliSummary(ARTICLE, 3)), "screenshot");
    const chip = page.locator("#chips button.chip").nth(1);
    if (await chip.count()) {
      await chip.click();
      await poll(async () => (await page.locator("#output mark.kw").count()) > 0, "keyword marks");
    }
    await page.mouse.move(1, 1);
    await page.evaluate(() => {
      document.activeElement?.blur();
      window.scrollTo(0, 0);
      document.getElementById("input").scrollTop = 0;
      document.getElementById("output").scrollTop = 0;
    });
    mkdirSync(join(ROOT, "docs"), { recursive: true });
    mkdirSync(join(ROOT, "target"), { recursive: true });
    // docs/ is committed: rewrite only when asked (or missing), so a test run leaves the tree clean.
    const shot = async (name, docsName) => {
      await page.screenshot({ path: join(ROOT, "target", name) });
      if (docsName && (UPDATE_SHOTS || !existsSync(join(ROOT, "docs", docsName)))) {
        await page.screenshot({ path: join(ROOT, "docs", docsName) });
      }
    };
    await shot("screenshot-desktop.png", "screenshot.png");
    await page.emulateMedia({ colorScheme: "dark" });
    await shot("screenshot-dark.png", "screenshot-dark.png");

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than a 390px phone`);
    await shot("screenshot-phone-dark.png");
    await page.emulateMedia({ colorScheme: "light" });
    await shot("screenshot-phone.png");
    await page.screenshot({ path: join(ROOT, "target/screenshot-phone-full.png"), fullPage: true });
    checkLog(log, "screenshots");
    await page.close();
  });
});

describe("the texts the tests use", () => {
  test("fixtures and seed exist where expected", () => {
    for (const [name, path, present] of TEXTS) {
      if (name !== "seed-article.txt") assert.ok(present, `${path} is missing`);
    }
    assert.ok(existsSync(join(ROOT, "tests/fixtures/long.txt")));
  });
});
