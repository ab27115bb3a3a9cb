// Shared by the suites that scan the pages behind sign-in and the new public pages: a platform with
// three users (made through AccountsService, signed in through the form once, their browser state
// kept), releases of badplatser for 0580 (published, rejected, partly published) made through
// PublishingService into the platform's own file store, and a scan of a page in Swedish and English:
// axe-core (WCAG 2.1 A and AA) with no violations, no CSP violation, console error or failed request.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { Browser, BrowserContext } from "playwright-core";
import { AccountsService } from "../../src/accounts/index.ts";
import type { OrganizationCode } from "../../src/core/index.ts";
import { DirectoryFileStore } from "../../src/files/index.ts";
import { badplatserCsv, publishingService } from "../support/publishing.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import {
  contextOptions,
  cspViolations,
  describeViolations,
  launchBrowser,
  runAxe,
  waitForMaps,
  withPage,
} from "./support.ts";

export const PASSWORD = "ett-långt-lösenord-för-webbtest";
export const PUBLISHER = "pia@linkoping.se";
export const COORDINATOR = "nora@dataverkstad.se";
export const MALMO = "olle@malmo.se";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export interface SignedInSetup {
  readonly platform: TestPlatform;
  readonly browser: Browser;
  /** Each user's signed-in browser state (the session cookie). */
  readonly sessions: ReadonlyMap<string, StorageState>;
  /** Site paths of the releases: the first file (published), a file with errors, its valid rows. */
  readonly releases: { readonly published: string; readonly rejected: string; readonly partial: string };
  close(): Promise<void>;
}

export async function setUpSignedIn(): Promise<SignedInSetup> {
  const [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  const accounts = new AccountsService(platform.db);
  const users: [string, string, Parameters<AccountsService["createUser"]>[0]["roles"]][] = [
    [PUBLISHER, "Pia Publicerare", [{ role: "publisher", organizationCode: "0580" as OrganizationCode }]],
    [MALMO, "Olle Malmö", [{ role: "publisher", organizationCode: "1280" as OrganizationCode }]],
    [COORDINATOR, "Nora Nationell", [{ role: "national-coordinator" }]],
  ];
  for (const [email, displayName, roles] of users) {
    await accounts.createUser({ email, displayName, password: PASSWORD, roles });
  }
  // The same store the app uses (DATA_DIR/files), so the original files can be read back.
  const publishing = publishingService(platform.db, new DirectoryFileStore(join(platform.dataDir, "files")));
  const publish = async (csv: string, mode: "all" | "valid-rows") => {
    const release = await publishing.publish({
      organizationCode: "0580",
      slug: "badplatser",
      body: [new TextEncoder().encode(csv)],
      fileName: "badplatser.csv",
      mode,
      origin: "upload",
      audit: { actor: "system" },
    });
    return `/organizations/0580/publications/badplatser/releases/${release.id}`;
  };
  const good = badplatserCsv([
    { id: "BAD-1", name: "Stora stranden" },
    { id: "BAD-2", name: "Lilla viken", lat: "58,42", lon: "15,60" },
  ]);
  const bad = badplatserCsv([
    { id: "BAD-1", name: "Stora stranden" },
    { id: "BAD-2", name: "Lilla viken", lat: "norr" },
    { id: "BAD-3", name: "Norra udden", lat: "58,43", lon: "15,58" },
  ]);
  const published = await publish(good, "all");
  const partial = await publish(bad, "valid-rows");
  // Then a rejected file is the latest: its page offers the valid rows.
  const rejected = await publish(bad, "all");

  const sessions = new Map<string, StorageState>();
  for (const [email] of users) {
    const context = await browser.newContext(contextOptions("sv"));
    try {
      const page = await context.newPage();
      await page.goto(`${platform.url}/sign-in`);
      await page.locator("#sign-in-email").fill(email);
      await page.locator("#sign-in-password").fill(PASSWORD);
      await Promise.all([page.waitForURL(/\/account$/), page.locator("#sign-in-password").press("Enter")]);
      sessions.set(email, await context.storageState());
    } finally {
      await context.close();
    }
  }
  return {
    platform,
    browser,
    sessions,
    releases: { published, rejected, partial },
    async close() {
      await browser.close();
      await platform.close();
    },
  };
}

export interface ScanCase {
  /** Signed in as this user; signed out when undefined. */
  readonly who?: string;
  /** Swedish path; the English one is the same under /en. */
  readonly path?: string;
  /** One of the releases instead of a path. */
  readonly release?: keyof SignedInSetup["releases"];
  readonly status?: number;
  readonly mapShapes?: number;
}

function pathOf(setup: SignedInSetup, pageCase: ScanCase): string {
  if (pageCase.release !== undefined) return setup.releases[pageCase.release];
  if (pageCase.path === undefined) throw new Error("a case needs a path or a release");
  return pageCase.path;
}

/** A test per case and language: status, language, who is signed in, maps, and a clean axe scan. */
export function scanPages(setup: () => SignedInSetup, cases: readonly ScanCase[]): void {
  for (const language of ["sv", "en"] as const) {
    describe(`in ${language === "sv" ? "Swedish" : "English"}`, () => {
      for (const pageCase of cases) {
        const label = pageCase.path ?? `the ${pageCase.release ?? "?"} release`;
        test(`${label} ${pageCase.who === undefined ? "signed out" : `for ${pageCase.who}`} is accessible and error-free`, async () => {
          const { browser, platform, sessions } = setup();
          const svPath = pathOf(setup(), pageCase);
          const path = language === "sv" ? svPath : `/en${svPath}`;
          const storageState = pageCase.who === undefined ? undefined : sessions.get(pageCase.who);
          await withPage(browser, contextOptions(language, { storageState }), async (page, problems) => {
            const response = await page.goto(platform.url + path);
            assert.equal(response?.status(), pageCase.status ?? 200);
            assert.equal(await page.getAttribute("html", "lang"), language);
            assert.equal(
              await page.locator(".account-bar").isVisible(),
              pageCase.who !== undefined,
              "the header says who is signed in",
            );
            const maps = await waitForMaps(page);
            if (pageCase.mapShapes === undefined) assert.deepEqual(maps, []);
            else
              assert.deepEqual(
                maps.map((m) => [m.state, m.features]),
                [["ready", pageCase.mapShapes]],
              );
            assert.equal(await page.locator("h1").count(), 1);

            const csp = await cspViolations(page);
            assert.deepEqual(csp, [], `CSP violations:\n${csp.join("\n")}`);
            const consoleErrors = problems.consoleErrors.filter(
              (line) =>
                !(
                  pageCase.status !== undefined &&
                  line.startsWith(
                    `Failed to load resource: the server responded with a status of ${pageCase.status}`,
                  )
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
          });
        });
      }
    });
  }
}
