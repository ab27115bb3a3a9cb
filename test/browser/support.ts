// Shared by the browser suites: Debian's Chromium through playwright-core, axe-core injected into
// the page, and a record of everything that went wrong on a page (console errors, page errors,
// CSP violations, failed requests).
import assert from "node:assert/strict";
import axe from "axe-core";
import type { AxeResults, Result, RunOptions } from "axe-core";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
  });
}

/** A browser as a Swedish or an English reader has it (Accept-Language follows the locale). */
export function contextOptions(
  language: "sv" | "en",
  extra: BrowserContextOptions = {},
): BrowserContextOptions {
  return { locale: language === "sv" ? "sv-SE" : "en-GB", viewport: { width: 1280, height: 900 }, ...extra };
}

export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Starts recording a page's problems; call before the first navigation. CSP violations are caught
 * by a listener installed before any page script runs (and Chromium also logs them as console errors).
 */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") {
      const where = message.location().url;
      problems.consoleErrors.push(`${message.text()}${where === "" ? "" : ` (${where})`}`);
    }
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("requestfailed", (request) =>
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? "failed"}`),
  );
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations?.push(
        `${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return problems;
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/** Waits until every map on the page has drawn or given up; returns each map's state and shape count. */
export async function waitForMaps(page: Page): Promise<{ id: string; state: string; features: number }[]> {
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>("[data-map]")].every((m) => m.dataset.state !== undefined),
    undefined,
    { timeout: 20_000 },
  );
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-map]")].map((m) => ({
      id: m.id,
      state: m.dataset.state ?? "",
      features: m.querySelectorAll("path.leaflet-interactive").length,
    })),
  );
}

export const WCAG_21_AA: RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  resultTypes: ["violations"],
};

/**
 * Runs axe-core in the page. The source goes in through the DevTools protocol (not a <script> tag,
 * which the site's CSP rightly refuses), so the page's own policy stays in force during the scan.
 */
export async function runAxe(page: Page, options: RunOptions = WCAG_21_AA): Promise<AxeResults> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async (runOptions) => {
    const injected = (window as unknown as { axe: typeof axe }).axe;
    return injected.run(document, runOptions);
  }, options);
}

/** Violations as a readable list: rule id, impact, help text, the elements and where to read more. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes.map(
        (node) => `    ${node.target.join(" ")}\n      ${node.failureSummary ?? ""}`,
      );
      return `- ${violation.id} (${violation.impact ?? "?"}): ${violation.help}\n  ${violation.helpUrl}\n${targets.join("\n")}`;
    })
    .join("\n");
}

/** Tabs until the element matching the selector has focus (at most `limit` presses). */
export async function tabTo(page: Page, selector: string, limit = 40): Promise<number> {
  for (let i = 1; i <= limit; i += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return i;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/**
 * No CSP violation, console error (but an expected status) or page error, and no axe violation.
 * The problems are taken: the next check sees only what came after this one. (Failed requests are
 * not checked: a navigation aborts the previous page's favicon, which is no fault.)
 */
export async function assertClean(page: Page, problems: PageProblems, allowedStatus?: number): Promise<void> {
  const csp = await cspViolations(page);
  assert.deepEqual(csp, [], `CSP violations:\n${csp.join("\n")}`);
  const consoleErrors = problems.consoleErrors.filter(
    (line) =>
      allowedStatus === undefined ||
      !line.startsWith(`Failed to load resource: the server responded with a status of ${allowedStatus}`),
  );
  assert.deepEqual(consoleErrors, [], `console errors:\n${consoleErrors.join("\n")}`);
  assert.deepEqual(problems.pageErrors, [], `page errors:\n${problems.pageErrors.join("\n")}`);
  for (const list of [problems.consoleErrors, problems.pageErrors, problems.failedRequests]) list.length = 0;
  const results = await runAxe(page);
  assert.equal(
    results.violations.length,
    0,
    `axe found ${results.violations.length} WCAG 2.1 AA violations on ${page.url()}:\n${describeViolations(results.violations)}`,
  );
}

/** What has focus: tag and id, or tag and text. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return "body";
    const tag = element.tagName.toLowerCase();
    return element.id === "" ? `${tag}:${element.textContent.trim()}` : `${tag}#${element.id}`;
  });
}

/** A fresh browser context and page for one check, closed afterwards whatever happens. */
export async function withPage(
  browser: Browser,
  options: BrowserContextOptions,
  run: (page: Page, problems: PageProblems) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    await run(page, await watchPage(page));
  } finally {
    await context.close();
  }
}
