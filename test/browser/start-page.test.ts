// The start page as people use it: by keyboard, without JavaScript, and by clicking the map.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { contextOptions, launchBrowser, waitForMaps } from "./support.ts";

let platform: TestPlatform;
let browser: Browser;

before(async () => {
  platform = await startTestPlatform();
  browser = await launchBrowser();
});

after(async () => {
  await browser.close();
  await platform.close();
});

/** What has focus, as a person would name it: its role-ish tag and its text or label. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return "body";
    const tag = element.tagName.toLowerCase();
    if (tag === "input") return `input#${element.id}`;
    if (tag === "main") return "main";
    return `${tag}:${element.textContent.trim()}`;
  });
}

/** The link texts in the municipality list that a person can see. */
function visibleKommuner(page: Page): Promise<string[]> {
  return page.locator("#kommun-list li:visible a").allTextContents();
}

async function withPage(options: Parameters<Browser["newContext"]>[0], run: (page: Page) => Promise<void>) {
  const context = await browser.newContext(options);
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test("the first Tab reaches the skip link, and Enter on it moves focus to the main content", async () => {
  await withPage(contextOptions("sv"), async (page) => {
    await page.goto(`${platform.url}/`);
    await page.keyboard.press("Tab");
    assert.equal(await focused(page), "a:Hoppa till innehållet");
    assert.ok(await page.locator(".skip-link").isVisible(), "the focused skip link is visible");
    await page.keyboard.press("Enter");
    assert.equal(await focused(page), "main");
    await page.keyboard.press("Tab");
    assert.equal(await focused(page), "input#kommun-q", "the next stop after the skip is the search field");
  });
});

test("Tab goes through the header, the menu, the search and the list in reading order", async () => {
  await withPage(contextOptions("sv"), async (page) => {
    await page.goto(`${platform.url}/`);
    const stops: string[] = [];
    for (let i = 0; i < 18; i += 1) {
      await page.keyboard.press("Tab");
      stops.push(await focused(page));
    }
    assert.deepEqual(stops, [
      "a:Hoppa till innehållet",
      "a:Dataverkstad",
      "a:Logga in",
      "a:In English",
      "a:Start",
      "a:Data",
      "a:Datamängder",
      "a:Specifikationer",
      "a:Validera",
      "a:Organisationer",
      "a:Län",
      "a:Framsteg",
      "a:API",
      "a:Tillgänglighet",
      "input#kommun-q",
      "button:Sök",
      "a:Ale",
      "a:Alingsås",
    ]);
  });
});

test("typing in the search filters the list, and its link opens by keyboard", async () => {
  await withPage(contextOptions("sv"), async (page) => {
    await page.goto(`${platform.url}/`);
    await page.locator("#kommun-q").focus();
    await page.keyboard.type("malmo");
    await page.waitForFunction(
      () => document.querySelector("#kommun-count")?.textContent === "1 kommun matchar sökningen.",
    );
    assert.deepEqual(await visibleKommuner(page), ["Malmö"]);
    await page.keyboard.press("Tab");
    assert.equal(await focused(page), "button:Sök");
    await page.keyboard.press("Tab");
    assert.equal(await focused(page), "a:Malmö");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${platform.url}/organizations/1280`);
    assert.match((await page.locator("h1").textContent()) ?? "", /^Malmö/);
  });
});

test("clearing the search shows every municipality again and says so", async () => {
  await withPage(contextOptions("en"), async (page) => {
    await page.goto(`${platform.url}/en?q=malmo`);
    assert.deepEqual(await visibleKommuner(page), ["Malmö"]);
    await page.locator("#kommun-q").fill("");
    await page.waitForFunction(
      () => document.querySelector("#kommun-count")?.textContent === "All 290 municipalities are shown.",
    );
    assert.equal((await visibleKommuner(page)).length, 290);
  });
});

test("the search works without JavaScript", async () => {
  await withPage(contextOptions("sv", { javaScriptEnabled: false }), async (page) => {
    await page.goto(`${platform.url}/`);
    await page.locator("#kommun-q").fill("linkoping");
    await page.getByRole("button", { name: "Sök" }).click();
    await page.waitForURL(`${platform.url}/?q=linkoping`);
    assert.deepEqual(await visibleKommuner(page), ["Linköping"]);
    assert.equal(await page.locator("#kommun-count").textContent(), "1 kommun matchar sökningen.");
    assert.equal(await page.locator("#kommun-q").inputValue(), "linkoping");
    // The map says it needs JavaScript and points to the list.
    assert.match((await page.locator("#kommun-map").textContent()) ?? "", /JavaScript/);
  });
});

test("the map draws all 290 municipalities, and clicking one opens its page", async () => {
  await withPage(contextOptions("sv"), async (page) => {
    await page.goto(`${platform.url}/`);
    const [map] = await waitForMaps(page);
    assert.deepEqual(map, { id: "kommun-map", state: "ready", features: 290 });
    await page.locator('#kommun-map path[data-code="2584"]').click();
    await page.waitForURL(`${platform.url}/organizations/2584`);
    assert.match((await page.locator("h1").textContent()) ?? "", /^Kiruna/);
  });
});

test("on a narrow screen the list comes before the map, stacked", async () => {
  await withPage(contextOptions("sv", { viewport: { width: 375, height: 800 } }), async (page) => {
    await page.goto(`${platform.url}/`);
    const list = await page.locator(".finder__list").boundingBox();
    const map = await page.locator(".finder__map").boundingBox();
    assert.ok(list !== null && map !== null);
    assert.ok(map.y >= list.y + list.height, "the map is below the list");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, "nothing scrolls sideways");
  });
});
