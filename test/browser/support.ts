// Shared by the browser suites: Debian's Chromium through playwright-core, axe-core injected into
// the page, and a record of everything that went wrong on a page (console errors, page errors,
// CSP violations, failed requests).
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
