// The progress pages in Chromium: the national page with its map and tables, a county's page, the
// model, a 404 for an unknown county, and an organization's readiness page signed in, where a
// declaration is made by keyboard (a bad link first, then a good one) and the level moves. Each
// page passes axe-core (WCAG 2.1 A and AA) with no CSP violation, console error or page error.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { AccountsService } from "../../src/accounts/index.ts";
import type { OrganizationCode } from "../../src/core/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { assertClean, contextOptions, launchBrowser, tabTo, withPage } from "./support.ts";

const PASSWORD = "ett-långt-lösenord-för-webbtest";
const PUBLISHER = "pia@linkoping.se";

let platform: TestPlatform;
let browser: Browser;

before(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  await new AccountsService(platform.db).createUser({
    email: PUBLISHER,
    displayName: "Pia Publicerare",
    password: PASSWORD,
    roles: [{ role: "publisher", organizationCode: "0580" as OrganizationCode }],
  });
});

after(async () => {
  await browser.close();
  await platform.close();
});

/** Skips to the main content by keyboard, as the first Tab and Enter do. */
async function skipToMain(page: Page): Promise<void> {
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
}

describe("the national page", () => {
  for (const language of ["sv", "en"] as const) {
    const prefix = language === "sv" ? "" : "/en";
    test(`in ${language}: the map draws 290 municipalities, and the page is accessible`, async () => {
      await withPage(browser, contextOptions(language), async (page, problems) => {
        const response = await page.goto(`${platform.url}${prefix}/progress`);
        assert.equal(response?.status(), 200);
        const map = page.locator("svg#kommun-map");
        assert.ok(await map.isVisible());
        assert.equal(await map.locator("path").count(), 290);
        assert.equal(await map.getAttribute("role"), "img");
        const box = await map.boundingBox();
        assert.ok(box !== null && box.width > 200 && box.height > 400, "the map has a readable size");
        assert.equal(await page.locator(".map-key li").count(), 4);
        await assertClean(page, problems);
      });
    });
  }

  test("Tab reaches the county links beside the map, then the table of every municipality", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await page.goto(`${platform.url}/progress`);
      await skipToMain(page);
      // The map is a picture: nothing in it takes focus, so the next stops are the tables' links.
      await tabTo(page, 'a[href="/progress/lan/01"]');
      await tabTo(page, "details.all-kommuner > summary");
      await page.keyboard.press("Enter");
      assert.equal(await page.locator("details.all-kommuner").getAttribute("open"), "");
      await page.keyboard.press("Tab");
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute("href")),
        "/progress/lan/01",
        "the first county's heading row",
      );
      await page.keyboard.press("Tab");
      assert.match(
        (await page.evaluate(() => document.activeElement?.getAttribute("href"))) ?? "",
        /^\/organizations\/01\d\d\/readiness$/,
      );
      await assertClean(page, problems);
    });
  });
});

describe("a county's page", () => {
  for (const language of ["sv", "en"] as const) {
    const prefix = language === "sv" ? "" : "/en";
    test(`in ${language}: Östergötland's organizations, map and comparison are accessible`, async () => {
      await withPage(browser, contextOptions(language), async (page, problems) => {
        const response = await page.goto(`${platform.url}${prefix}/progress/lan/05`);
        assert.equal(response?.status(), 200);
        assert.equal(await page.locator("svg#lan-map path").count(), 13);
        assert.equal(await page.locator(".county-table tbody tr").count(), 21);
        await assertClean(page, problems);
      });
    });
  }

  test("Tab reaches an organization's link, and Enter opens its readiness", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await page.goto(`${platform.url}/progress/lan/05`);
      await skipToMain(page);
      await tabTo(page, 'a[href="/organizations/0580/readiness"]');
      await Promise.all([
        page.waitForURL(`${platform.url}/organizations/0580/readiness`),
        page.keyboard.press("Enter"),
      ]);
      assert.equal(await page.locator("h1").textContent(), "Linköpings kommun: mognad");
      await assertClean(page, problems);
    });
  });

  test("an unknown county is an accessible 404 page", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      const response = await page.goto(`${platform.url}/progress/lan/99`);
      assert.equal(response?.status(), 404);
      assert.match((await page.locator("main").textContent()) ?? "", /Länskoder har två siffror/);
      await assertClean(page, problems, 404);
    });
  });
});

test("the model page is accessible in both languages", async () => {
  for (const language of ["sv", "en"] as const) {
    await withPage(browser, contextOptions(language), async (page, problems) => {
      await page.goto(`${platform.url}${language === "sv" ? "" : "/en"}/progress/model`);
      assert.equal(await page.locator("h3[id^='criterion-']").count(), 8);
      await assertClean(page, problems);
    });
  }
});

describe("declaring a criterion, signed in", () => {
  async function signIn(page: Page): Promise<void> {
    await page.goto(`${platform.url}/sign-in`);
    await page.locator("#sign-in-email").fill(PUBLISHER);
    await page.locator("#sign-in-password").fill(PASSWORD);
    await Promise.all([page.waitForURL(/\/account$/), page.locator("#sign-in-password").press("Enter")]);
  }

  test("a bad link comes back with the error focused; a good one saves and moves the level", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await signIn(page);
      await page.goto(`${platform.url}/organizations/0580/readiness`);
      assert.match((await page.locator("main").textContent()) ?? "", /Nivå 0: Inte påbörjad/);
      await assertClean(page, problems);

      // By keyboard: Tab to the field, type, Tab to the button, Enter.
      await skipToMain(page);
      await tabTo(page, "#declare-open-data-policy-url");
      await page.keyboard.type("ftp://www.linkoping.se/beslut.pdf");
      await page.keyboard.press("Tab");
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent),
        "Spara uppgiften",
        "the form's own button is next",
      );
      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.keyboard.press("Enter"),
      ]);
      assert.equal(refused.status(), 400);
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary") === true);
      assert.equal(await page.title(), "Fel: Linköpings kommun: mognad – Dataverkstad");
      assert.match(
        (await page.locator("#declare-open-data-policy-url-error").textContent()) ?? "",
        /Länken måste vara en fullständig webbadress/,
      );
      assert.equal(
        await page.locator("#declare-open-data-policy-url").inputValue(),
        "ftp://www.linkoping.se/beslut.pdf",
        "nothing typed is lost",
      );
      await assertClean(page, problems, 400);

      // The summary's link leads to the field; the corrected link is sent with Enter.
      await page.getByRole("link", { name: /Länken måste vara/ }).press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "declare-open-data-policy-url");
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type("https://www.linkoping.se/beslut/oppna-data");
      await Promise.all([
        page.waitForURL(/\?saved=open-data-policy#declare-open-data-policy$/),
        page.keyboard.press("Enter"),
      ]);
      assert.match(
        (await page.getByRole("status").textContent()) ?? "",
        /Uppgiften om beslut eller policy om öppna data är sparad/,
      );
      assert.match((await page.locator("main").textContent()) ?? "", /Nivå 1: Påbörjad/);
      assert.equal(
        await page.locator(".evidence-kind--declared").count(),
        2,
        "in the table and in its block",
      );
      await assertClean(page, problems);

      // Withdrawn by keyboard too: the level goes back.
      await page.getByRole("button", { name: /Ta tillbaka uppgiften/ }).focus();
      await Promise.all([page.waitForURL(/\?withdrawn=open-data-policy/), page.keyboard.press("Enter")]);
      assert.match((await page.locator("main").textContent()) ?? "", /Nivå 0: Inte påbörjad/);
      await assertClean(page, problems);
    });
  });

  test("in English, signed in, the page with its forms is accessible", async () => {
    await withPage(browser, contextOptions("en"), async (page, problems) => {
      await signIn(page);
      await page.goto(`${platform.url}/en/organizations/0580/readiness`);
      assert.equal(await page.locator('main form.form:not([action$="/withdraw"])').count(), 4);
      await assertClean(page, problems);
    });
  });
});
