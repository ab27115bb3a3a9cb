// Issue 22, case 12 (last): API tokens expire (a year unless chosen otherwise), an expired one
// is refused with 401 saying so, and the time of last use is kept, written at most once a minute.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AccountsService } from "../../src/accounts/index.ts";
import type { OrganizationCode } from "../../src/core/index.ts";
import { TEST_PASSWORD } from "../support/accounts.ts";
import { runCli } from "../support/cli.ts";
import { startTestPlatform, TEST_DATABASE_URL, type TestPlatform } from "../support/platform.ts";

const DAY = 24 * 3600_000;

describe("API token expiry", () => {
  let platform: TestPlatform;
  let accounts: AccountsService;
  let userId: string;

  before(async () => {
    platform = await startTestPlatform();
    accounts = new AccountsService(platform.db);
    const user = await accounts.createUser({
      email: "nyckel@kommun.se",
      displayName: "Nyckel",
      password: TEST_PASSWORD,
      roles: [{ role: "publisher", organizationCode: "0580" as OrganizationCode }],
    });
    userId = user.id;
  });
  after(() => platform.close());

  const read = (token: string) =>
    fetch(`${platform.url}/api/v1/organizations/0580/publications`, {
      headers: { Authorization: `Bearer ${token}`, "Accept-Language": "en" },
    });

  test("a new token runs out after a year unless told otherwise; a chosen number of days, or never", async () => {
    const base = { userId, organizationCode: "0580", scope: "read" as const };
    const byDefault = await accounts.createApiToken({ ...base, name: "standard" });
    const expected = Date.now() + 365 * DAY;
    assert.ok(byDefault.expiresAt !== null && Math.abs(byDefault.expiresAt.getTime() - expected) < 60_000);
    const month = await accounts.createApiToken({ ...base, name: "månad", expiresInDays: 30 });
    assert.ok(
      month.expiresAt !== null && Math.abs(month.expiresAt.getTime() - (Date.now() + 30 * DAY)) < 60_000,
    );
    const never = await accounts.createApiToken({ ...base, name: "aldrig", expiresInDays: null });
    assert.equal(never.expiresAt, null);
    const listed = await accounts.listApiTokens(userId);
    assert.equal(listed.find((t) => t.name === "månad")?.expiresAt?.getTime(), month.expiresAt.getTime());
  });

  test("use is recorded (at most once a minute); an expired token is refused with 401 saying so, and that is no use", async () => {
    const created = await accounts.createApiToken({
      userId,
      organizationCode: "0580",
      scope: "read",
      name: "gammal",
      expiresInDays: 1,
    });
    const lastUsed = async () =>
      (await accounts.listApiTokens(userId)).find((t) => t.id === created.id)?.lastUsedAt;
    assert.equal(created.lastUsedAt, null);
    assert.equal((await read(created.token)).status, 200);
    const first = await lastUsed();
    assert.ok(first instanceof Date);
    assert.equal((await read(created.token)).status, 200);
    assert.equal((await lastUsed())?.getTime(), first.getTime(), "not written again within the minute");

    await platform.db.query(
      "UPDATE api_tokens SET expires_at = now() - interval '1 second', last_used_at = now() - interval '1 hour' WHERE id = $1",
      [created.id],
    );
    const before = await lastUsed();
    const refused = await read(created.token);
    assert.equal(refused.status, 401);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "UNAUTHORIZED");
    assert.match(body.error.message, /expired/);
    assert.equal((await lastUsed())?.getTime(), before?.getTime(), "a refused use is not a use");
  });

  test("the account page offers the lifetime and shows it when the token is made", async () => {
    const signIn = await fetch(`${platform.url}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "nyckel@kommun.se", password: TEST_PASSWORD }),
    });
    const session = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const page = await (await fetch(`${platform.url}/account`, { headers: { Cookie: session } })).text();
    assert.match(page, /<select id="token-expiry" name="expiry"/);
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const made = await fetch(`${platform.url}/account/tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: session, Origin: platform.url },
      body: new URLSearchParams({
        csrf,
        name: "webb",
        organization: "0580",
        scope: "read",
        expiry: "90",
      }).toString(),
    });
    const html = await made.text();
    assert.equal(made.status, 200, html);
    assert.match(html, /data-token-expiry="">Nyckeln gäller till /);
    const token = (await accounts.listApiTokens(userId)).find((t) => t.name === "webb");
    assert.ok(
      token?.expiresAt != null && Math.abs(token.expiresAt.getTime() - (Date.now() + 90 * DAY)) < 60_000,
    );
  });

  test("the API makes tokens for a signed-in user with a chosen lifetime; a token cannot make tokens", async () => {
    const signIn = await fetch(`${platform.url}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "nyckel@kommun.se", password: TEST_PASSWORD }),
    });
    const session = (signIn.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const make = (headers: Record<string, string>, body: object) =>
      fetch(`${platform.url}/api/v1/session/tokens`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: platform.url, ...headers },
        body: JSON.stringify({ organizationCode: "0580", scope: "publish", name: "api", ...body }),
      });
    const week = await make({ Cookie: session }, { expiresInDays: 7 });
    const made = (await week.json()) as { token: string; expiresAt: string | null };
    assert.equal(week.status, 201, JSON.stringify(made));
    assert.ok(Math.abs(Date.parse(made.expiresAt ?? "") - (Date.now() + 7 * DAY)) < 60_000);
    const year = (await (await make({ Cookie: session }, {})).json()) as { expiresAt: string };
    assert.ok(Math.abs(Date.parse(year.expiresAt) - (Date.now() + 365 * DAY)) < 60_000);
    const never = (await (await make({ Cookie: session }, { expiresInDays: null })).json()) as {
      expiresAt: string | null;
    };
    assert.equal(never.expiresAt, null);
    assert.equal((await make({ Cookie: session }, { expiresInDays: 0 })).status, 400);
    assert.equal((await make({ Authorization: `Bearer ${made.token}` }, {})).status, 401);
  });

  test(
    "the CLI makes tokens with --expires-in-days and --no-expiry",
    { skip: TEST_DATABASE_URL === undefined ? "the CLI needs a database of its own (PostgreSQL)" : false },
    async () => {
      const [row] = await platform.db.query<{ url: string }>("SELECT current_database() AS url");
      const url = new URL(TEST_DATABASE_URL ?? "");
      url.pathname = `/${row?.url ?? ""}`;
      const env = { DATABASE_URL: url.toString() };
      const base = [
        "token",
        "create",
        "--user",
        "nyckel@kommun.se",
        "--org",
        "0580",
        "--scope",
        "read",
        "--json",
      ];
      const days = await runCli([...base, "--expires-in-days", "30"], env);
      assert.equal(days.code, 0, days.stderr);
      const out = JSON.parse(days.stdout) as { token: string; expiresAt: string };
      assert.ok(Math.abs(Date.parse(out.expiresAt) - (Date.now() + 30 * DAY)) < 60_000);
      const never = await runCli([...base, "--no-expiry"], env);
      assert.equal((JSON.parse(never.stdout) as { expiresAt: string | null }).expiresAt, null);
      const bad = await runCli([...base, "--expires-in-days", "0"], env);
      assert.notEqual(bad.code, 0);
      assert.match(bad.stdout + bad.stderr, /1–3650/);
    },
  );
});
