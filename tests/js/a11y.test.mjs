// Accessibility of the page (dist/ksum.html from file://, in Debian's Chromium driven by
// playwright-core), as its users meet it: by keyboard only, with a screen reader, in dark mode,
// and in a window 320 px wide (what a 1280 px screen is at 400% zoom). Pins what an audit found:
//   - text on every highlight level, a keyword inside a chosen sentence and the rank badges
//     stay at 4.5:1 or more, in light and dark (dark's rank-1 amber was 3.6:1);
//   - the highlights' underline, the cue that a sentence is chosen besides its colour, and the
//     form fields' borders stand at 3:1 against the card (they were 1.9:1 and 1.3:1);
//   - the status line is announced once when typing pauses, not after every key (it was
//     announced 23 times while a 29-character line was typed), and the keyword count is not
//     re-announced while it stays the same;
//   - at 320 px the name "ksum" is not broken in two;
//   - the empty box's English placeholder is not read with a Korean voice.
//
// Needs: `make web` and /usr/bin/chromium (see page.test.mjs). Run: node --test tests/js/a11y.test.mjs

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";

import { chromium } from "playwright-core";

import { CHROMIUM, CHROMIUM_FLAGS, poll, readText, requireBuilt, ROOT } from "./helpers.mjs";

const ARTICLE = join(ROOT, "tests/fixtures/article.txt");
const DIST_URL = pathToFileURL(join(ROOT, "dist/ksum.html")).href;

let context;
let userDataDir;

before(async () => {
  requireBuilt("dist/ksum.html");
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup.sh (apt-get install chromium)`);
  userDataDir = mkdtempSync(join(tmpdir(), "ksum-a11y-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", ...CHROMIUM_FLAGS],
    viewport: { width: 1280, height: 900 },
    locale: "ko-KR",
    colorScheme: "light",
    reducedMotion: "reduce",
  });
});

after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** A new tab on the page, ready for input, with `text` summarized to `k` sentences (if given). */
async function openWith(text, k = 3) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto(DIST_URL);
  await page.locator("#input:not([disabled])").waitFor({ timeout: 15_000 });
  if (text) {
    await page.locator("#count").fill(String(k));
    await page.locator("#input").fill(text);
    await poll(
      () =>
        page.evaluate(
          (k) => document.querySelectorAll("#output mark[data-rank]").length >= k && document.getElementById("busy").hidden,
          k,
        ),
      `${k} marks`,
    );
  }
  return { page, errors };
}

/**
 * In the page: WCAG contrast of the things a reader must tell apart. Backgrounds are composed
 * up the tree (the highlights are translucent). Returns {text: [[what, ratio]], ui: [[what, ratio]]}.
 */
function measureContrast() {
  const rgba = (c) => {
    const p = c.match(/rgba?\(([^)]+)\)/)[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
  const background = (el) => {
    const chain = [];
    for (let e = el; e; e = e.parentElement) chain.unshift(e);
    return chain.reduce((acc, e) => over(rgba(getComputedStyle(e).backgroundColor), acc), [255, 255, 255, 1]);
  };
  const lum = (c) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100;
  };
  const textOn = (el, bg = background(el)) => ratio(over(rgba(getComputedStyle(el).color), bg), bg);
  const card = background(document.getElementById("output"));
  const text = [];
  const ui = [];
  const kw = rgba(getComputedStyle(document.querySelector("mark.kw")).backgroundColor);
  for (let level = 1; level <= 5; level++) {
    const mark = document.querySelector(`#output mark[data-level="${level}"]`);
    text.push([`sentence of level ${level}`, textOn(mark)]);
    // A keyword marked inside it (its highlight lies over the sentence's).
    text.push([`keyword in a sentence of level ${level}`, textOn(mark, over(kw, background(mark)))]);
    const badge = document.querySelector(`#summary .rank[data-level="${level}"]`);
    if (badge) text.push([`rank badge of level ${level}`, textOn(badge)]);
    // The underline that marks a chosen sentence besides its colour.
    const edge = rgba(getComputedStyle(mark).boxShadow);
    ui.push([`underline of a level-${level} sentence`, ratio(over(edge, card), card)]);
  }
  for (const id of ["input", "count", "mode"]) {
    const el = document.getElementById(id);
    ui.push([`#${id} border`, ratio(over(rgba(getComputedStyle(el).borderTopColor), card), card)]);
  }
  return { text, ui };
}

describe("colour contrast", () => {
  for (const scheme of ["light", "dark"]) {
    test(`${scheme}: text on highlights 4.5:1, highlight underline and field borders 3:1`, async () => {
      const { page, errors } = await openWith(readText(ARTICLE), 5);
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator("#chips button.chip").first().click();
      await poll(async () => (await page.locator("#output mark.kw").count()) > 0, "keyword marks");
      const { text, ui } = await page.evaluate(measureContrast);
      assert.equal(text.filter(([what]) => what.startsWith("rank badge")).length, 5, "a badge for each level");
      const low = [
        ...text.filter(([, r]) => r < 4.5).map(([what, r]) => `${what}: ${r}:1 (text, 4.5:1 wanted)`),
        ...ui.filter(([, r]) => r < 3).map(([what, r]) => `${what}: ${r}:1 (3:1 wanted)`),
      ];
      assert.deepEqual(low, [], `${scheme}: too little contrast`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});

test("Windows high contrast: chosen sentences underlined, the first the most, keywords outlined", async () => {
  const { page, errors } = await openWith(readText(ARTICLE), 5);
  await page.locator("#chips button.chip").first().click();
  await poll(async () => (await page.locator("#output mark.kw").count()) > 0, "keyword marks");
  await page.emulateMedia({ forcedColors: "active" });
  const looks = await page.evaluate(() => {
    const look = (m) => {
      const s = getComputedStyle(m);
      return { line: s.textDecorationLine, width: parseFloat(s.textDecorationThickness) || 0, outline: s.outlineStyle };
    };
    return {
      first: look(document.querySelector('#output mark[data-level="1"]')),
      second: look(document.querySelector('#output mark[data-level="2"]')),
      keyword: look(document.querySelector("#output mark.kw")),
    };
  });
  assert.equal(looks.first.line, "underline", JSON.stringify(looks));
  assert.equal(looks.second.line, "underline", JSON.stringify(looks));
  assert.ok(looks.first.width > looks.second.width, JSON.stringify(looks));
  assert.equal(looks.keyword.outline, "dotted", JSON.stringify(looks));
  assert.deepEqual(errors, []);
  await page.close();
});

describe("screen reader", () => {
  test("the status is announced once when typing pauses, not after every key", async () => {
    const { page, errors } = await openWith(null);
    // What a screen reader is told: each change of the status while it is a live region.
    await page.evaluate(() => {
      window.__said = [];
      const status = document.getElementById("status");
      new MutationObserver(() => {
        if (status.getAttribute("aria-live") === "polite") window.__said.push(status.textContent);
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.locator("#input").focus();
    // A slow typist (or an IME, which sends an input event per jamo): over the 150 ms debounce.
    await page.keyboard.type("해오름시는 내년부터 버스를 바꾼다. 시민들은 반겼다.", { delay: 200 });
    const final = await poll(async () => {
      const said = await page.evaluate(() => window.__said);
      return said.length > 0 && /29자/.test(said.at(-1)) && said;
    }, "the status, announced after the pause");
    await page.waitForTimeout(1500);
    const said = await page.evaluate(() => window.__said);
    assert.deepEqual(said, [final.at(-1)], `announced ${said.length} times while typing`);
    assert.equal(await page.locator("#status").textContent(), final.at(-1), "the status shows the last result");
    assert.equal(await page.locator("#status").getAttribute("aria-live"), "polite", "a live region again");

    // The length field still answers at once: each change is a user's own question.
    await page.locator("#count").fill("1");
    await poll(async () => (await page.evaluate(() => window.__said.length)) === 2, "the count change announced");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the keyword count is not re-announced while it stays the same", async () => {
    const { page, errors } = await openWith(readText(ARTICLE));
    const chip = page.locator("#chips button.chip").first();
    await chip.click();
    await poll(async () => (await page.locator("#kwinfo").textContent()) !== "", "the keyword count");
    await page.evaluate(() => {
      window.__kw = 0;
      new MutationObserver(() => window.__kw++).observe(document.getElementById("kwinfo"), {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.locator("#input").focus();
    await page.keyboard.press("End");
    await page.keyboard.type(" 다음 달에 또 만난다.", { delay: 200 }); // no keyword in it
    await page.waitForTimeout(600);
    assert.equal(await page.evaluate(() => window.__kw), 0, "#kwinfo rewritten with the same count");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the empty box's placeholder is read in the interface's language, the text in Korean", async () => {
    const { page, errors } = await openWith("");
    const lang = () => page.locator("#input").getAttribute("lang");
    assert.equal(await lang(), "ko");
    await page.locator("#lang").click(); // English
    assert.equal(await lang(), "en", "the English placeholder");
    await page.locator("#input").fill("해오름시가 새 도서관을 연다.");
    assert.equal(await lang(), "ko", "Korean text in the box");
    await page.locator("#input").fill("");
    assert.equal(await lang(), "en");
    await page.locator("#lang").click();
    assert.equal(await lang(), "ko");
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("every control is named; chosen sentences say their rank", async () => {
    const { page, errors } = await openWith(readText(ARTICLE));
    const tree = await page.locator("body").ariaSnapshot();
    for (const line of [
      'button "Switch to English"',
      'button "파일 열기"',
      'button "지우기"',
      'textbox "원문"',
      'spinbutton "요약 길이"',
      'combobox "요약 길이 단위"',
      'checkbox "이 브라우저에 글 보관"',
      'button "요약 복사"',
      'region "원문에서 찾기"',
      'link "1위 ',
    ]) {
      assert.ok(tree.includes(line), `${line} in the ARIA tree:\n${tree}`);
    }
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll("button, input:not([type=file]), select, textarea, a[href]")]
        .filter((el) => !el.hidden && el.getClientRects().length)
        .filter((el) => !(el.labels?.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby") || el.textContent.trim()))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(unnamed, [], "controls without a name");
    // Not by colour alone: each highlight names its rank.
    const titles = await page.locator("#output mark[data-rank]").evaluateAll((ms) => ms.map((m) => m.title));
    assert.deepEqual(titles.slice().sort(), ["중요도 1위", "중요도 2위", "중요도 3위"]);
    // A chip is its word: no score ("1.00") read after it.
    const chips = await page.locator("#chips button.chip").evaluateAll((bs) => bs.map((b) => b.title));
    assert.ok(chips.length > 0 && chips.every((t) => t === ""), `chip titles ${chips}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("keyboard", () => {
  test("summary lines and keyword chips work with Enter and Space, with a visible focus ring", async () => {
    const { page, errors } = await openWith(readText(ARTICLE));
    const ring = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        return { id: el.id, visible: el.matches(":focus-visible") && cs.outlineStyle === "solid" && parseFloat(cs.outlineWidth) >= 2 };
      });
    await page.locator("#copy").focus();
    await page.keyboard.press("Tab");
    const target = await page.evaluate(() => document.activeElement.dataset.target);
    assert.ok(target, "Tab from Copy reaches the first summary line");
    await page.keyboard.press("Enter");
    await poll(async () => (await ring()).id === target, "focus on the sentence");
    assert.ok((await ring()).visible, "the focused sentence shows a focus ring");

    const chip = page.locator("#chips button.chip").nth(1);
    await chip.focus();
    await page.keyboard.press("Space");
    assert.equal(await chip.getAttribute("aria-pressed"), "true", "Space presses a chip");
    await poll(async () => (await page.locator("#kwinfo").textContent()) !== "", "the keyword count");
    await page.keyboard.press("Enter");
    assert.equal(await chip.getAttribute("aria-pressed"), "false", "Enter releases it");
    assert.ok((await ring()).visible, "the chip shows a focus ring");
    // No trap: Tab leaves the output, the last stop.
    await page.locator("#output").focus();
    await page.keyboard.press("Tab");
    assert.notEqual(await page.evaluate(() => document.activeElement.id), "output");
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("a 320 px window (400% zoom)", () => {
  test("nothing wider than the window, and the name is not broken in two", async () => {
    const { page, errors } = await openWith(readText(ARTICLE));
    await page.setViewportSize({ width: 320, height: 640 });
    for (const lang of ["ko", "en"]) {
      const got = await page.evaluate(() => {
        const h1 = document.querySelector(".top h1");
        const name = [...h1.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        const range = document.createRange();
        range.selectNodeContents(name);
        return {
          lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      assert.equal(got.lines, 1, `${lang}: "ksum" is on one line`);
      assert.ok(got.overflow <= 0, `${lang}: the page is ${got.overflow}px wider than 320px`);
      if (lang === "ko") await page.locator("#lang").click();
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
});
