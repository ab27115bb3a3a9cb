// The validation page as a publisher uses it: choosing a file by keyboard or dropping it, the
// report for a file with errors (accessible in Swedish and English), the error summary, and the
// form without JavaScript.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { exampleCsv, SpecsService } from "../../src/specs/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { assertClean, contextOptions, cspViolations, focused, launchBrowser, withPage } from "./support.ts";

const SPEC = "laddplatser";
const FIELD = "max_power_kw";

let platform: TestPlatform;
let browser: Browser;
/** The specification's example file with text in a number column on row 3 (the header is row 1). */
let withError: string;
/** The same as Swedish Excel saves it: semicolons and decimal commas (warnings and fix hints too). */
let fromExcel: string;

function asExcel(csv: string): string {
  return csv
    .trimEnd()
    .split(/\r?\n/)
    .map((line, i) =>
      line
        .split(",")
        .map((cell) => (i > 0 && /^\d+\.\d+$/.test(cell) ? cell.replace(".", ",") : cell))
        .join(";"),
    )
    .join("\r\n");
}

before(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  const { definition } = await new SpecsService(platform.db).getSpecification(SPEC);
  withError = exampleCsv({
    ...definition,
    examples: definition.examples.map((row, i) => (i === 1 ? { ...row, [FIELD]: "tolv" } : row)),
  });
  fromExcel = asExcel(withError);
});

after(async () => {
  await browser.close();
  await platform.close();
});

for (const language of ["sv", "en"] as const) {
  const path = language === "sv" ? "/validate" : "/en/validate";
  const heading =
    language === "sv" ? "Filen har fel som behöver rättas" : "The file has errors that need fixing";
  test(`${path}: the report for a file with errors is accessible and names the row and column`, async () => {
    await withPage(browser, contextOptions(language), async (page, problems) => {
      await page.goto(`${platform.url}${path}?spec=${SPEC}`);
      await page.setInputFiles("#validate-file", {
        name: "laddplatser.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(fromExcel),
      });
      await Promise.all([page.waitForURL(`${platform.url}${path}`), page.locator("form button").click()]);
      assert.equal(await page.locator("h1").textContent(), heading);
      assert.ok(await page.locator("#fix-heading").isVisible(), "the fix hints are shown");
      assert.equal(await page.locator("table.issues").count(), 2, "errors and warnings are listed");
      assert.equal(await page.getAttribute("html", "lang"), language);
      const row = page.locator("table.issues tbody tr").first();
      assert.equal(await row.locator("th").textContent(), "3");
      assert.equal(await row.locator("td").first().textContent(), FIELD);
      await assertClean(page, problems);
    });
  });
}

test("Tab reaches the specification, the file and the button in order; a dropped file is announced", async () => {
  await withPage(browser, contextOptions("sv"), async (page, problems) => {
    await page.goto(`${platform.url}/validate`);
    await page.keyboard.press("Tab");
    assert.equal(await focused(page), "a:Hoppa till innehållet");
    await page.keyboard.press("Enter");
    const stops: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press("Tab");
      stops.push(await focused(page));
    }
    assert.deepEqual(stops, ["select#validate-spec", "input#validate-file", "button:Validera filen"]);

    // The drop zone says it takes a dropped file, and a file dropped on it becomes the input's.
    assert.ok(await page.locator("[data-drop-hint]").isVisible(), "the drop hint is shown with JavaScript");
    await page.evaluate((csv) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([csv], "släppt.csv", { type: "text/csv" }));
      const zone = document.querySelector("[data-dropzone]");
      zone?.dispatchEvent(
        new DragEvent("dragenter", { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
      zone?.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, withError);
    assert.equal(
      await page.locator("#validate-file").evaluate((i: HTMLInputElement) => i.files?.[0]?.name),
      "släppt.csv",
    );
    assert.equal(await page.locator("[data-file-status]").textContent(), "Vald fil: släppt.csv");
    assert.equal(await page.locator("[data-file-status]").getAttribute("aria-live"), "polite");

    // Chosen with the picker (set here as the picker would), it is announced the same way.
    await page.setInputFiles("#validate-file", {
      name: "vald.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(withError),
    });
    assert.equal(await page.locator("[data-file-status]").textContent(), "Vald fil: vald.csv");

    // The button by keyboard sends the form: the specification chosen first is the first one.
    await page.locator("#validate-spec").selectOption(SPEC);
    await page.locator("form button").focus();
    await Promise.all([page.waitForURL(`${platform.url}/validate`), page.keyboard.press("Enter")]);
    assert.equal(await page.locator("h1").textContent(), "Filen har fel som behöver rättas");
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
  });
});

test("without a file, the error summary takes focus, links to the field, and is accessible", async () => {
  await withPage(browser, contextOptions("en"), async (page, problems) => {
    await page.goto(`${platform.url}/en/validate?spec=${SPEC}`);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.locator("form button").click(),
    ]);
    assert.equal(response.status(), 400);
    await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary") === true);
    assert.equal(await page.title(), "Error: Validate a file – Dataverkstad");
    await page.getByRole("link", { name: "Choose a file to validate." }).click();
    assert.equal(await focused(page), "input#validate-file");
    await assertClean(page, problems, 400);
  });
});

test("the form works without JavaScript", async () => {
  await withPage(browser, contextOptions("sv", { javaScriptEnabled: false }), async (page) => {
    await page.goto(`${platform.url}/validate?spec=${SPEC}`);
    assert.ok(!(await page.locator("[data-drop-hint]").isVisible()), "no drop hint without JavaScript");
    await page.setInputFiles("#validate-file", {
      name: "laddplatser.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(withError),
    });
    await Promise.all([page.waitForURL(`${platform.url}/validate`), page.locator("form button").click()]);
    assert.equal(await page.locator("h1").textContent(), "Filen har fel som behöver rättas");
  });
});
