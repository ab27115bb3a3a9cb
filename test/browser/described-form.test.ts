// The guided form for a dataset published elsewhere, by keyboard alone: a form with a mistake
// comes back with the error summary focused, the mistake fixed, the save lands on the list that
// says the dataset is in the catalog. Every state passes axe-core.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { assertClean, contextOptions, focused, tabTo, withPage } from "./support.ts";
import { PUBLISHER, setUpSignedIn, type SignedInSetup } from "./signed-in-support.ts";

let setup: SignedInSetup;

before(async () => {
  setup = await setUpSignedIn();
});

after(() => setup.close());

describe("describing a dataset by keyboard", () => {
  test("a mistake is summarised and focused; fixed, the dataset is saved into the catalog", async () => {
    const { browser, platform, sessions } = setup;
    const options = { ...contextOptions("sv"), storageState: sessions.get(PUBLISHER) };
    await withPage(browser, options, async (page, problems) => {
      await page.goto(`${platform.url}/organizations/0580/catalog/described/new`);
      await assertClean(page, problems);
      await tabTo(page, "#described-title");
      await page.keyboard.type("Bibliotekens öppettider");
      await tabTo(page, "#described-description", 4);
      await page.keyboard.type("Öppettider för kommunens bibliotek.");
      await tabTo(page, "#described-theme", 4);
      await page.keyboard.press("U"); // Utbildning, kultur och sport
      await tabTo(page, "#described-accessUrl", 4);
      await page.keyboard.type("www.linkoping.se/bibliotek");
      await tabTo(page, "#described-format", 4);
      await page.keyboard.press("H"); // HTML
      await tabTo(page, "#described-frequency", 4);
      await page.keyboard.press("V"); // veckovis
      await tabTo(page, "#described-licence", 4);
      await page.keyboard.press("C"); // CC0
      await tabTo(page, 'button[type="submit"]', 4);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.keyboard.press("Enter"),
      ]);
      await page.waitForLoadState("load");

      // The address lacked https://: the summary takes focus and links to the field.
      await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary") === true);
      assert.match(
        (await page.locator(".error-summary").textContent()) ?? "",
        /Adressen ska börja med https:\/\//,
      );
      assert.equal(await page.locator("#described-title").inputValue(), "Bibliotekens öppettider");
      await assertClean(page, problems, 400);
      await tabTo(page, '.error-summary a[href="#described-accessUrl"]', 3);
      await page.keyboard.press("Enter");
      assert.equal(await focused(page), "input#described-accessUrl");
      await page.keyboard.press("Home");
      await page.keyboard.type("https://");
      await tabTo(page, 'form.form button[type="submit"]:not(.button--secondary)', 12);
      await Promise.all([page.waitForURL(/\/catalog\/described\?saved=\d+$/), page.keyboard.press("Enter")]);
      assert.match((await page.locator(".notice").textContent()) ?? "", /Bibliotekens öppettider är sparad/);
      assert.match((await page.locator(".described-list").textContent()) ?? "", /Finns i katalogen/);
      await assertClean(page, problems);
    });
  });
});
