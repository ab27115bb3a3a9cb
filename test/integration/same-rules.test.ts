// The API and the web are two shells over the same rules: each rule is asked through both, on one
// running platform, and both must come to the same outcome.
import assert from "node:assert/strict";
import { readdirSync, readlinkSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { AccountsService, type User } from "../../src/accounts/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

const PASSWORD = "korrekt häst batteri";

interface ReleaseBody {
  id: string;
  status: string;
  rows: { total: number; published: number };
}

/** Descriptors this process holds open on files under a directory (Linux; elsewhere null). */
function openFilesUnder(directory: string): number | null {
  if (process.platform !== "linux") return null;
  let count = 0;
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith(directory)) count += 1;
    } catch {
      // Closed while we looked.
    }
  }
  return count;
}

describe("the same rules through the API and the web", () => {
  let platform: TestPlatform;
  const users: Record<string, User> = {};
  const tokens: Record<string, string> = {};
  const cookies: Record<string, string> = {};

  const api = (path: string, init: RequestInit = {}) => fetch(`${platform.url}/api/v1${path}`, init);
  const bearer = (org: string) => ({ Authorization: `Bearer ${tokens[org] ?? ""}` });
  /** A browser's request: HTML, the session cookie if any, no redirects followed. */
  const page = (path: string, org?: string, init: RequestInit = {}) =>
    fetch(`${platform.url}${path}`, {
      redirect: "manual",
      ...init,
      headers: {
        Accept: "text/html",
        ...(org === undefined ? {} : { Cookie: cookies[org] ?? "" }),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  /** A form POST from the site's own page, with its CSRF token. */
  const postForm = async (
    formPage: string,
    action: string,
    org: string,
    fields: Record<string, string | File>,
  ) => {
    const html = await (await page(formPage, org)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const form = new FormData();
    form.set("csrf", csrf);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return page(action, org, { method: "POST", body: form, headers: { Origin: platform.url } });
  };
  const publishByApi = (org: string, csv: string) =>
    api(`/organizations/${org}/publications/badplatser`, { method: "POST", headers: bearer(org), body: csv });
  const latestOf = async (org: string): Promise<string | undefined> => {
    const [row] = await platform.db.query<{ latest_release_id: string | null }>(
      "SELECT latest_release_id FROM publications WHERE organization_code = $1 AND spec_slug = 'badplatser'",
      [org],
    );
    return row?.latest_release_id ?? undefined;
  };
  const rejectedByApi = async (org: string): Promise<string> => {
    // B1 is 0580's published row: its valid rows remove nothing, so the removal guard stays out of it.
    const csv = badplatserCsv([
      { id: "B1", name: "Stångebrobadet", source: org },
      { id: "G1", name: "Giltig", source: org },
      { id: "F1", name: "Felaktig", lat: "x", source: org },
    ]);
    const response = await publishByApi(org, csv);
    assert.equal(response.status, 422);
    const body = (await response.json()) as { error: { details: { release: ReleaseBody } } };
    return body.error.details.release.id;
  };

  before(async () => {
    platform = await startTestPlatform();
    const accounts = new AccountsService(platform.db);
    for (const org of ["0580", "0581", "05"]) {
      const user = await accounts.createUser({
        email: `publicerare-${org}@example.se`,
        displayName: `Publicerare ${org}`,
        password: PASSWORD,
        roles: [{ role: "publisher", organizationCode: org as never }],
      });
      users[org] = user;
      tokens[org] = (
        await accounts.createApiToken({ userId: user.id, organizationCode: org, scope: "publish", name: "t" })
      ).token;
      // Signed in through the API: the web must know the same session cookie.
      const session = await api("/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: `publicerare-${org}@example.se`, password: PASSWORD }),
      });
      assert.equal(session.status, 200);
      cookies[org] = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    }
    assert.equal(
      (await publishByApi("0580", badplatserCsv([{ id: "B1", name: "Stångebrobadet" }]))).status,
      201,
    );
  });
  after(() => platform.close());

  test("a session from the API's sign-in is a session on the web", async () => {
    const html = await (await page("/organizations/0580/publish", "0580")).text();
    assert.match(html, /<h1>Publicera en fil<\/h1>/);
  });

  test("a rejected file: the public must sign in, another organization is refused, its own sees it", async () => {
    const rejected = await rejectedByApi("0580");
    const webPath = `/organizations/0580/publications/badplatser/releases/${rejected}`;

    assert.equal((await api(`/releases/${rejected}/report`)).status, 401);
    const anonymous = await page(webPath);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get("location") ?? "", /^\/sign-in\?next=/);

    const other = { headers: { Cookie: cookies["0581"] ?? "" } };
    assert.equal((await api(`/releases/${rejected}/report`, other)).status, 403);
    assert.equal((await api(`/releases/${rejected}/file`, other)).status, 403);
    assert.equal((await page(webPath, "0581")).status, 403);

    const own = { headers: { Cookie: cookies["0580"] ?? "" } };
    assert.equal((await api(`/releases/${rejected}/report`, own)).status, 200);
    assert.match(await (await page(webPath, "0580")).text(), /<h1>Filen publicerades inte<\/h1>/);

    // The histories: the same releases on both, the rejected one only for its own organization.
    const apiHistory = async (init?: RequestInit) =>
      (
        (await (await api("/organizations/0580/publications/badplatser", init)).json()) as {
          releases: ReleaseBody[];
        }
      ).releases.map((r) => r.id);
    const webHistory = async (org?: string) => {
      const html = await (await page("/organizations/0580/publications/badplatser", org)).text();
      return [...html.matchAll(/\/publications\/badplatser\/releases\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    };
    assert.ok(!(await apiHistory()).includes(rejected));
    assert.ok(!(await webHistory()).includes(rejected));
    assert.deepEqual(new Set(await webHistory()), new Set(await apiHistory()));
    assert.ok((await apiHistory(own)).includes(rejected));
    assert.ok((await webHistory("0580")).includes(rejected));
  });

  test("a refused request for a rejected file opens no file", async () => {
    const rejected = await rejectedByApi("0580");
    const before = openFilesUnder(platform.dataDir);
    if (before === null) return;
    for (let i = 0; i < 20; i += 1) {
      const response = await api(`/releases/${rejected}/file`);
      assert.equal(response.status, 401);
      await response.body?.cancel();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(openFilesUnder(platform.dataDir), before, "no descriptor is left open");
  });

  test("publishing the valid rows of a rejected file: refused alike, done alike, the newest file only", async () => {
    const first = await rejectedByApi("0580");
    // Another organization's publisher: refused by both, nothing published.
    const other = await api(`/releases/${first}/valid-rows`, {
      method: "POST",
      headers: { Cookie: cookies["0581"] ?? "", Origin: platform.url },
    });
    assert.equal(other.status, 403);
    const otherWeb = await postForm("/organizations/0581/publish", "/organizations/0580/publish", "0581", {
      release: first,
      mode: "valid-rows",
    });
    assert.equal(otherWeb.status, 403);
    assert.equal((await api(`/releases/${first}/valid-rows`, { method: "POST" })).status, 401);
    assert.equal(await latestOf("0580"), first, "nothing was published");

    // Through the API.
    const byApi = await api(`/releases/${first}/valid-rows`, { method: "POST", headers: bearer("0580") });
    assert.equal(byApi.status, 201);
    const apiRelease = (await byApi.json()) as ReleaseBody;
    assert.equal(apiRelease.status, "partial");

    // The older file now: a conflict through both.
    assert.equal(
      (await api(`/releases/${first}/valid-rows`, { method: "POST", headers: bearer("0580") })).status,
      409,
    );
    const olderWeb = await postForm("/organizations/0580/publish", "/organizations/0580/publish", "0580", {
      release: first,
      mode: "valid-rows",
    });
    assert.equal(olderWeb.status, 409);

    // Through the web, a new rejected file: the same outcome.
    const second = await rejectedByApi("0580");
    const byWeb = await postForm("/organizations/0580/publish", "/organizations/0580/publish", "0580", {
      release: second,
      mode: "valid-rows",
    });
    assert.equal(byWeb.status, 303);
    const webReleaseId = await latestOf("0580");
    assert.notEqual(webReleaseId, second);
    const webRelease = (await (await api(`/releases/${webReleaseId ?? ""}`)).json()) as ReleaseBody;
    assert.deepEqual(
      { status: webRelease.status, rows: webRelease.rows },
      { status: apiRelease.status, rows: apiRelease.rows },
    );

    // Each shell records its actor the one way (actorOf): the token, or the signed-in user.
    const actors = await platform.db.query<{ id: string; created_by: string }>(
      "SELECT id, created_by FROM releases WHERE id = ANY($1::text[])",
      [[apiRelease.id, webReleaseId]],
    );
    const actorOf = new Map(actors.map((r) => [r.id, r.created_by]));
    assert.match(actorOf.get(apiRelease.id) ?? "", /^token:/);
    assert.equal(actorOf.get(webReleaseId ?? ""), `user:${users["0580"]?.id ?? ""}`);
  });

  for (const org of ["0580", "05"]) {
    test(`what ${org} is expected to publish, and may publish, is the same list on the API, the form and in progress`, async () => {
      const items = (
        (await (await api(`/organizations/${org}/publishable`)).json()) as {
          items: { specification: string; expected: boolean }[];
        }
      ).items;
      const expected = items.filter((i) => i.expected).map((i) => i.specification);
      const others = items.filter((i) => !i.expected).map((i) => i.specification);
      const readiness = (await (await api(`/organizations/${org}/readiness`)).json()) as {
        expected: string[];
      };
      assert.deepEqual(readiness.expected, expected, "progress counts the same expected datasets");

      const html = await (await page(`/organizations/${org}/publish`, org)).text();
      const group = (label: string) =>
        [
          ...(new RegExp(`<optgroup label="${label}">([^]*?)</optgroup>`).exec(html)?.[1] ?? "").matchAll(
            /<option value="([^"]+)"/g,
          ),
        ].map((m) => m[1]);
      assert.deepEqual(group("Förväntas av organisationen"), expected);
      assert.deepEqual(group("Övriga specifikationer"), others);
      const specifications = (await (await api("/specifications")).json()) as { items: unknown[] };
      assert.equal(expected.length + others.length, specifications.items.length, "any specification");
    });
  }

  test("a region may publish a dataset not expected of it, through the API and through the web", async () => {
    const publishable = (
      (await (await api("/organizations/05/publishable")).json()) as {
        items: { specification: string; expected: boolean }[];
      }
    ).items;
    assert.equal(publishable.find((i) => i.specification === "badplatser")?.expected, false);
    const csv = (id: string) => badplatserCsv([{ id, name: "Regionens badplats", source: "05" }]);
    const byApi = await publishByApi("05", csv("R1"));
    assert.equal(byApi.status, 201, await byApi.clone().text());
    // R1 stays in the web's file: removing it would be held for confirmation.
    const both = badplatserCsv(["R1", "R2"].map((id) => ({ id, name: "Regionens badplats", source: "05" })));
    const byWeb = await postForm("/organizations/05/publish", "/organizations/05/publish", "05", {
      spec: "badplatser",
      file: new File([both], "bad.csv", { type: "text/csv" }),
    });
    assert.equal(byWeb.status, 303);
    const latest = (await (await api(`/releases/${(await latestOf("05")) ?? ""}`)).json()) as ReleaseBody;
    assert.equal(latest.status, "published");
  });

  test("catalog search reads a query the same way on the API and the page", async () => {
    for (const query of ["q=badplats", "q=badplats&org=0580", "q=zzzzqqq"]) {
      const result = (await (await api(`/catalog/datasets?${query}`)).json()) as { total: number };
      const html = await (await page(`/catalog?${query}`)).text();
      const shown = /(\d+) träff/.exec(html)?.[1] ?? (/Inga träffar/.test(html) ? "0" : "none");
      assert.equal(shown, String(result.total), query);
    }
  });
});
