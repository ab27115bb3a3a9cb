// The catalog search page in Chromium: by keyboard alone a reader searches, ticks a facet and
// applies it; every state of the page passes axe-core, in Swedish and English.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { createServices } from "../../src/platform/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv, publishCsv } from "../support/publishing.ts";
import { assertClean, contextOptions, launchBrowser, tabTo, withPage } from "./support.ts";

let platform: TestPlatform;
let browser: Browser;

before(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  const services = createServices(platform.db, { dataDir: platform.dataDir });
  for (const [organizationCode, name] of [
    ["0580", "Stångebrobadet"],
    ["1280", "Ribersborg"],
  ] as const) {
    await publishCsv(
      services.publishing,
      organizationCode,
      "badplatser",
      badplatserCsv([{ id: "B1", name, source: organizationCode }]),
    );
  }
});

after(async () => {
  await browser.close();
  await platform.close();
});

describe("searching the catalog by keyboard", () => {
  test("type a word, Enter, tick an organization, apply: the hits narrow, and each page is accessible", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await page.goto(`${platform.url}/catalog`);
      await assertClean(page, problems);
      await tabTo(page, "#catalog-q");
      await page.keyboard.type("badplats");
      await Promise.all([page.waitForURL(/q=badplats/), page.keyboard.press("Enter")]);
      assert.equal(await page.locator("#hits-heading").textContent(), "3 träffar");
      await assertClean(page, problems);

      // The organization facet is folded: its summary opens it.
      await tabTo(page, "details.facet:not([open]) > summary");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Organisation");
      await page.keyboard.press("Enter");
      await tabTo(page, 'input[name="org"][value="0580"]', 5);
      await page.keyboard.press("Space");
      await tabTo(page, ".facets ~ .filters__actions button");
      await Promise.all([page.waitForURL(/org=0580/), page.keyboard.press("Enter")]);
      assert.equal(await page.locator("#hits-heading").textContent(), "1 träff");
      assert.equal(await page.locator('input[name="org"][value="0580"]').isChecked(), true);
      await tabTo(page, ".search-hit a", 80);
      await Promise.all([
        page.waitForURL(/\/organizations\/0580\/publications\/badplatser$/),
        page.keyboard.press("Enter"),
      ]);
    });
  });

  test("the English page with no match is accessible and says what to try", async () => {
    await withPage(browser, contextOptions("en"), async (page, problems) => {
      await page.goto(`${platform.url}/en/catalog?q=zzzqqq`);
      assert.equal(await page.locator("#hits-heading").textContent(), "No results");
      await assertClean(page, problems);
    });
  });
});
