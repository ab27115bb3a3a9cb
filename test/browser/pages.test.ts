// Every page, in Swedish and English: passes axe-core (WCAG 2.1 A and AA) with no violations, logs
// no console errors, breaks no CSP rule, and draws its maps.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import {
  contextOptions,
  cspViolations,
  describeViolations,
  launchBrowser,
  runAxe,
  waitForMaps,
  watchPage,
} from "./support.ts";

interface PageCase {
  /**
   * Swedish path; the English one is the same under /en. FIRST_SPECIFICATION stands for the path
   * of the first specification's latest version, read from the API when the suite starts.
   */
  readonly path: string;
  readonly status?: number;
  /** How many shapes each map on the page draws. */
  readonly mapShapes?: number;
}

const FIRST_SPECIFICATION = "/specifications/{first}";

const PAGES: readonly PageCase[] = [
  { path: "/", mapShapes: 290 },
  { path: "/?q=malmo", mapShapes: 290 },
  { path: "/organizations" },
  { path: "/organizations/0580", mapShapes: 1 },
  { path: "/organizations/0980", mapShapes: 1 },
  { path: "/organizations/05", mapShapes: 1 },
  { path: "/lan" },
  { path: "/lan/05", mapShapes: 1 },
  { path: "/accessibility" },
  { path: "/docs" },
  { path: "/priority-list" },
  { path: "/priority-list?status=specified" },
  { path: "/specifications" },
  { path: FIRST_SPECIFICATION },
  { path: "/validate" },
  { path: "/validate?spec=badplatser" },
  { path: "/finns-inte", status: 404 },
  { path: "/organizations/9999", status: 404 },
  { path: "/specifications/finns-inte/1.0.0", status: 404 },
];

function english(path: string): string {
  return path.startsWith("/?") ? `/en${path.slice(1)}` : path === "/" ? "/en" : `/en${path}`;
}

let platform: TestPlatform;
let browser: Browser;
/** The first specification's slug and latest version, from the API. */
let firstSpecification: { slug: string; latestVersion: string };

before(async () => {
  platform = await startTestPlatform();
  browser = await launchBrowser();
  const response = await fetch(`${platform.url}/api/v1/specifications`);
  const body = (await response.json()) as { items: { slug: string; latestVersion: string }[] };
  const first = body.items[0];
  assert.ok(first !== undefined, "a specification to test");
  firstSpecification = first;
});

after(async () => {
  await browser.close();
  await platform.close();
});

for (const language of ["sv", "en"] as const) {
  describe(`pages in ${language === "sv" ? "Swedish" : "English"}`, () => {
    for (const pageCase of PAGES) {
      const pattern = language === "sv" ? pageCase.path : english(pageCase.path);
      test(`${pattern} is accessible and error-free`, async () => {
        const path = pattern.replace(
          FIRST_SPECIFICATION,
          `/specifications/${firstSpecification.slug}/${firstSpecification.latestVersion}`,
        );
        const context = await browser.newContext(contextOptions(language));
        try {
          const page = await context.newPage();
          const problems = await watchPage(page);
          const response = await page.goto(platform.url + path);
          assert.equal(response?.status(), pageCase.status ?? 200);
          assert.equal(await page.getAttribute("html", "lang"), language);

          const maps = await waitForMaps(page);
          if (pageCase.mapShapes === undefined) {
            assert.deepEqual(maps, []);
          } else {
            assert.ok(maps.length > 0, "the page has a map");
            for (const map of maps) {
              assert.equal(map.state, "ready", `map #${map.id} drew`);
              assert.equal(map.features, pageCase.mapShapes, `map #${map.id} shapes`);
            }
          }

          // Checked before axe goes in, so only the site's own code is judged.
          const csp = await cspViolations(page);
          assert.deepEqual(csp, [], `CSP violations:\n${csp.join("\n")}`);
          // The browser logs the 404 status of an error page's own document; nothing else may fail.
          const documentUrl = platform.url + path;
          const consoleErrors = problems.consoleErrors.filter(
            (line) =>
              !(
                pageCase.status === 404 &&
                line.startsWith("Failed to load resource") &&
                line.includes(documentUrl)
              ),
          );
          assert.deepEqual(consoleErrors, [], `console errors:\n${consoleErrors.join("\n")}`);
          assert.deepEqual(problems.pageErrors, [], `page errors:\n${problems.pageErrors.join("\n")}`);
          assert.deepEqual(
            problems.failedRequests,
            [],
            `failed requests:\n${problems.failedRequests.join("\n")}`,
          );

          const results = await runAxe(page);
          assert.equal(
            results.violations.length,
            0,
            `axe found ${results.violations.length} WCAG 2.1 AA violations on ${path}:\n${describeViolations(results.violations)}`,
          );
        } finally {
          await context.close();
        }
      });
    }
  });
}

test("every page links to its twin in the other language", async () => {
  const context = await browser.newContext(contextOptions("sv"));
  try {
    const page = await context.newPage();
    await page.goto(`${platform.url}/organizations/0580`);
    await page.getByRole("link", { name: "In English" }).click();
    await page.waitForURL(`${platform.url}/en/organizations/0580`);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    await page.getByRole("link", { name: "På svenska" }).click();
    await page.waitForURL(`${platform.url}/organizations/0580`);
    assert.equal(await page.getAttribute("html", "lang"), "sv");
  } finally {
    await context.close();
  }
});

test("the current page is marked in the main menu", async () => {
  const context = await browser.newContext(contextOptions("sv"));
  try {
    const page = await context.newPage();
    await page.goto(`${platform.url}/lan`);
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    assert.equal(await nav.getByRole("link", { name: "Län" }).getAttribute("aria-current"), "page");
    assert.equal(await nav.getByRole("link", { name: "Start" }).getAttribute("aria-current"), null);
  } finally {
    await context.close();
  }
});

test("a specification's address leads to its latest version's page, in the same language", async () => {
  const context = await browser.newContext(contextOptions("en"));
  try {
    const page = await context.newPage();
    const { slug, latestVersion } = firstSpecification;
    const response = await page.goto(`${platform.url}/en/specifications/${slug}`);
    assert.equal(response?.status(), 200);
    assert.equal(response.request().redirectedFrom()?.url(), `${platform.url}/en/specifications/${slug}`);
    assert.equal(page.url(), `${platform.url}/en/specifications/${slug}/${latestVersion}`);
    assert.match((await page.locator("h1").textContent()) ?? "", new RegExp(`, version ${latestVersion}$`));
  } finally {
    await context.close();
  }
});

test("the prioritized list's filter works by keyboard alone, without JavaScript", async () => {
  const context = await browser.newContext(contextOptions("sv", { javaScriptEnabled: false }));
  try {
    const page = await context.newPage();
    await page.goto(`${platform.url}/priority-list`);
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");
    // Skip link, then on into the main content: the form's fields come first, in order.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    const stops: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press("Tab");
      stops.push(await focusedId());
    }
    assert.deepEqual(stops, ["filter-area", "filter-level", "filter-status"]);
    // The first choice after "Alla" is Specificerad.
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.locator("#filter-status").inputValue(), "specified");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Visa");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/priority-list\?.*status=specified/);
    const response = await fetch(`${platform.url}/api/v1/priority-list?status=specified`);
    const { total } = (await response.json()) as { total: number };
    assert.equal(await page.locator("table.priority-list tbody tr").count(), total);
    assert.equal(await page.locator("#filter-status").inputValue(), "specified", "the form keeps the choice");
    // "Visa alla" after the button clears the filter.
    await page.locator("button", { hasText: "Visa" }).focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${platform.url}/priority-list`);
    assert.equal(await page.locator("table.priority-list tbody tr").count(), 100);
  } finally {
    await context.close();
  }
});
