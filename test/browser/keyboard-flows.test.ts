// The signed-in flows in Chromium, by keyboard: users are made through AccountsService and sign
// in through the form, as people do. Signing in, publishing (a valid file, a file with errors and
// its valid rows), API tokens, the coordinator's edit and signing out work by keyboard alone, forms
// that come back with errors (or a stale CSRF token) are accessible, and the dataset page's map
// draws the published rows.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { AccountsService } from "../../src/accounts/index.ts";
import type { OrganizationCode } from "../../src/core/index.ts";
import { badplatserCsv } from "../support/publishing.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import {
  assertClean,
  contextOptions,
  focused,
  launchBrowser,
  tabTo,
  waitForMaps,
  withPage,
} from "./support.ts";

const PASSWORD = "ett-långt-lösenord-för-webbtest";
const PUBLISHER = { email: "pia@linkoping.se", name: "Pia Publicerare" };
const COORDINATOR = { email: "nora@dataverkstad.se", name: "Nora Nationell" };
const MALMO = { email: "olle@malmo.se", name: "Olle Malmö" };
const GOOD = badplatserCsv([
  { id: "BAD-1", name: "Stora stranden" },
  { id: "BAD-2", name: "Lilla viken", lat: "58,42", lon: "15,60" },
  { id: "BAD-3", name: "Norra udden", lat: "58,43", lon: "15,58" },
]);
const BAD = badplatserCsv([
  { id: "BAD-1", name: "Stora stranden" },
  { id: "BAD-2", name: "Lilla viken", lat: "norr" },
  { id: "BAD-3", name: "Norra udden", lat: "58,43", lon: "15,58" },
]);

let platform: TestPlatform;
let browser: Browser;
/** Addresses of the releases made by the publish tests. */
const releases: { published?: string; rejected?: string; partial?: string } = {};

before(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  const accounts = new AccountsService(platform.db);
  await accounts.createUser({
    email: PUBLISHER.email,
    displayName: PUBLISHER.name,
    password: PASSWORD,
    roles: [{ role: "publisher", organizationCode: "0580" as OrganizationCode }],
  });
  await accounts.createUser({
    email: COORDINATOR.email,
    displayName: COORDINATOR.name,
    password: PASSWORD,
    roles: [{ role: "national-coordinator" }],
  });
  await accounts.createUser({
    email: MALMO.email,
    displayName: MALMO.name,
    password: PASSWORD,
    roles: [{ role: "publisher", organizationCode: "1280" as OrganizationCode }],
  });
});

after(async () => {
  await browser.close();
  await platform.close();
});

/** Signs in through the form with the mouse-free path: fill, then Enter. */
async function signIn(page: Page, email: string, language: "sv" | "en" = "sv"): Promise<void> {
  await page.goto(`${platform.url}${language === "sv" ? "" : "/en"}/sign-in`);
  await page.locator("#sign-in-email").fill(email);
  await page.locator("#sign-in-password").fill(PASSWORD);
  await Promise.all([page.waitForURL(/\/account$/), page.locator("#sign-in-password").press("Enter")]);
}

describe("signing in by keyboard", () => {
  test("Tab reaches the email, the password and the button in order; Enter signs in", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await page.goto(`${platform.url}/sign-in`);
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), "a:Hoppa till innehållet");
      await page.keyboard.press("Enter");
      await tabTo(page, "#sign-in-email", 3);
      await page.keyboard.type(PUBLISHER.email);
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), "input#sign-in-password");
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), "button:Logga in");
      await Promise.all([page.waitForURL(`${platform.url}/account`), page.keyboard.press("Enter")]);
      assert.equal(await page.locator("h1").textContent(), "Mina sidor");
      assert.match(
        (await page.locator(".account-bar__who").textContent()) ?? "",
        /Inloggad som Pia Publicerare/,
      );
      const cookies = await page.context().cookies();
      const session = cookies.find((c) => c.name === "dv_session");
      assert.ok(session !== undefined && session.httpOnly && session.sameSite === "Lax");
      await assertClean(page, problems);
    });
  });

  test("a wrong password: the error summary takes focus, says neither which part, links to the field", async () => {
    await withPage(browser, contextOptions("en"), async (page, problems) => {
      await page.goto(`${platform.url}/en/sign-in`);
      await page.locator("#sign-in-email").fill(PUBLISHER.email);
      await page.locator("#sign-in-password").fill("not-the-password-at-all");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.locator("#sign-in-password").press("Enter"),
      ]);
      assert.equal(response.status(), 401);
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary") === true);
      assert.equal(await page.title(), "Error: Sign in – Dataverkstad");
      await page.getByRole("link", { name: /The email address or the password is wrong/ }).click();
      assert.equal(await focused(page), "input#sign-in-email");
      await assertClean(page, problems, 401);
    });
  });

  test("signing out is a button in the header, by keyboard too", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await signIn(page, PUBLISHER.email);
      await page.goto(`${platform.url}/data`);
      await page.getByRole("button", { name: "Logga ut" }).focus();
      await Promise.all([page.waitForURL(`${platform.url}/sign-in?out=1`), page.keyboard.press("Enter")]);
      assert.equal(await page.getByRole("status").first().textContent(), "Du är utloggad.");
      assert.equal((await page.context().cookies()).filter((c) => c.name === "dv_session").length, 0);
      await assertClean(page, problems);
    });
  });
});

describe("publishing by keyboard", () => {
  test("a valid file: Tab to the fields, Enter publishes, the receipt says what changed", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await signIn(page, PUBLISHER.email);
      await page.goto(`${platform.url}/organizations/0580/publish`);
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await tabTo(page, "#publish-spec");
      await page.locator("#publish-spec").selectOption("badplatser");
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), "input#publish-file");
      // The file picker is the browser's own dialog: set the file as choosing it would.
      await page.setInputFiles("#publish-file", {
        name: "badplatser.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(GOOD),
      });
      await page.keyboard.press("Tab");
      assert.equal(await focused(page), "button:Publicera filen");
      await Promise.all([page.waitForURL(/\/releases\/[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
      assert.equal(await page.locator("h1").textContent(), "Filen är publicerad");
      assert.equal(await page.locator("dt:text-is('Nya rader') + dd").textContent(), "3");
      releases.published = new URL(page.url()).pathname;
      await assertClean(page, problems);
    });
  });

  test("a file with errors: the report, the current version kept, and the valid rows by keyboard", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await signIn(page, PUBLISHER.email);
      await page.goto(`${platform.url}/organizations/0580/publish?spec=badplatser`);
      await page.setInputFiles("#publish-file", {
        name: "badplatser-fel.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(BAD),
      });
      await page.locator("#publish-file").focus();
      await page.keyboard.press("Tab");
      await Promise.all([page.waitForURL(/\/releases\/[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
      assert.equal(await page.locator("h1").textContent(), "Filen publicerades inte");
      assert.match(
        (await page.locator(".verdict .lead").textContent()) ?? "",
        /Den gällande versionen ligger kvar/,
      );
      assert.ok((await page.locator("table.issues tbody tr").count()) >= 1, "the errors are listed");
      releases.rejected = new URL(page.url()).pathname;
      await assertClean(page, problems);

      await tabTo(page, "section[aria-labelledby='valid-rows-heading'] button", 80);
      assert.equal(await focused(page), "button:Publicera de giltiga raderna");
      await Promise.all([
        page.waitForURL((url) => url.pathname !== releases.rejected),
        page.keyboard.press("Enter"),
      ]);
      assert.equal(await page.locator("h1").textContent(), "De giltiga raderna är publicerade");
      releases.partial = new URL(page.url()).pathname;
      await assertClean(page, problems);
    });
  });

  test("the dataset page's map draws the published rows, and its table holds the same", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await page.goto(`${platform.url}/data/badplatser`);
      const maps = await waitForMaps(page);
      assert.deepEqual(
        maps.map((m) => ({ state: m.state, features: m.features })),
        [{ state: "ready", features: 2 }],
      );
      assert.equal(await page.locator("table.data-rows tbody tr").count(), 2);
      await assertClean(page, problems);
    });
  });
});

describe("forms that come back", () => {
  test("an API token: made by keyboard, shown once; the form's errors are accessible", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await signIn(page, PUBLISHER.email);
      await page.locator("#token-name").fill("Nattlig publicering");
      await page.locator("#token-scope-publish").check();
      await Promise.all([
        page.waitForURL(`${platform.url}/account/tokens`),
        page.locator("#token-name").press("Enter"),
      ]);
      assert.match((await page.locator("[data-new-token]").textContent()) ?? "", /^dvk_/);
      await assertClean(page, problems);
      await page.goto(`${platform.url}/account`);
      await page.locator("#token-name").fill("");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.locator("#token-name").press("Enter"),
      ]);
      assert.equal(response.status(), 400);
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary") === true);
      await assertClean(page, problems, 400);
      // Revoking by keyboard.
      await page.getByRole("button", { name: "Återkalla Nattlig publicering" }).focus();
      await Promise.all([page.waitForURL(/revoked=/), page.keyboard.press("Enter")]);
      assert.match((await page.getByRole("status").first().textContent()) ?? "", /är återkallad/);
    });
  });

  test("a form whose CSRF token is gone gets the explaining 403 page, which is accessible", async () => {
    await withPage(browser, contextOptions("en"), async (page, problems) => {
      await signIn(page, PUBLISHER.email, "en");
      await page.goto(`${platform.url}/en/account`);
      await page
        .locator("form[action='/en/account/tokens'] input[name=csrf]")
        .evaluate((input: HTMLInputElement) => {
          input.value = "stale";
        });
      await page.locator("#token-name").fill("Stale");
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.locator("#token-name").press("Enter"),
      ]);
      assert.equal(response.status(), 403);
      assert.equal(await page.locator("h1").textContent(), "The form could not be sent");
      await assertClean(page, problems, 403);
    });
  });

  test("the coordinator edits an entry by keyboard; the change shows in the history", async () => {
    await withPage(browser, contextOptions("sv"), async (page, problems) => {
      await signIn(page, COORDINATOR.email);
      await page.goto(`${platform.url}/priority-list/lekplatser`);
      await page.locator("#entry-status").selectOption("in-progress");
      await page.locator("#entry-notes").fill("Ändrad i webbläsartest.");
      await page.getByRole("button", { name: "Spara ändringarna" }).focus();
      await Promise.all([page.waitForURL(/saved=1$/), page.keyboard.press("Enter")]);
      assert.match((await page.getByRole("status").first().textContent()) ?? "", /är sparade/);
      assert.ok((await page.locator("table.history tbody tr").count()) >= 1);
      await assertClean(page, problems);
    });
  });
});
