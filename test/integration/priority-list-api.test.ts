import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AccountsService } from "../../src/accounts/index.ts";
import type { OrganizationCode } from "../../src/core/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

const PASSWORD = "ett tillräckligt långt lösenord";

let platform: TestPlatform;
let publisherToken: string;

before(async () => {
  platform = await startTestPlatform();
  const accounts = new AccountsService(platform.db);
  await accounts.createUser({
    email: "samordnare@example.se",
    displayName: "Nationell samordnare",
    password: PASSWORD,
    roles: [{ role: "national-coordinator" }],
  });
  const publisher = await accounts.createUser({
    email: "utgivare@linkoping.se",
    displayName: "Utgivare",
    password: PASSWORD,
    roles: [{ role: "publisher", organizationCode: "0580" as OrganizationCode }],
  });
  publisherToken = (
    await accounts.createApiToken({
      userId: publisher.id,
      organizationCode: "0580",
      scope: "publish",
      name: "t",
    })
  ).token;
});
after(async () => {
  await platform.close();
});

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${platform.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers.get("set-cookie") ?? "";
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  return cookie.split(";")[0] ?? "";
}

function patch(slug: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(`${platform.url}/api/v1/priority-list/${slug}`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("editing the prioritized list through the API", () => {
  test("the national coordinator changes an entry, and the history says who and when", async () => {
    const cookie = await signIn("samordnare@example.se");
    const res = await patch(
      "buller",
      { status: "in-progress", notes: "Pilot" },
      { Cookie: cookie, Origin: platform.url },
    );
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(((await res.json()) as { status: string }).status, "in-progress");
    const history = (await (
      await fetch(`${platform.url}/api/v1/priority-list/history?slug=buller`)
    ).json()) as {
      items: { changedBy: string; before: { status: string }; after: { status: string } }[];
    };
    assert.equal(history.items.length, 1);
    assert.match(history.items[0]?.changedBy ?? "", /^user:/);
    assert.equal(history.items[0]?.before.status, "identified");
  });

  test("without signing in it is 401, as a publisher 403, and nothing changes", async () => {
    const before = await (await fetch(`${platform.url}/api/v1/priority-list?status=identified`)).text();
    assert.equal((await patch("buller", { notes: "x" }, {})).status, 401);
    const publisher = await signIn("utgivare@linkoping.se");
    const refused = await patch("adresser", { notes: "x" }, { Cookie: publisher, Origin: platform.url });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, "FORBIDDEN");
    const token = await patch("adresser", { notes: "x" }, { Authorization: `Bearer ${publisherToken}` });
    assert.equal(token.status, 403, "an organization's publish token cannot edit the list");
    assert.equal(
      await (await fetch(`${platform.url}/api/v1/priority-list?status=identified`)).text(),
      before,
    );
  });

  test("a cookie request from another origin is refused (CSRF)", async () => {
    const cookie = await signIn("samordnare@example.se");
    const res = await patch("buller", { notes: "x" }, { Cookie: cookie, Origin: "https://evil.example" });
    assert.equal(res.status, 403);
  });

  test("a bad change is a 400 that names the field, and an unknown entry a 404", async () => {
    const cookie = await signIn("samordnare@example.se");
    const headers = { Cookie: cookie, Origin: platform.url };
    const badStatus = await patch("buller", { status: "klar" }, headers);
    assert.equal(badStatus.status, 400);
    assert.match(((await badStatus.json()) as { error: { message: string } }).error.message, /status/);
    assert.equal((await patch("buller", { rank: 101 }, headers)).status, 400);
    assert.equal((await patch("buller", { colour: "red" }, headers)).status, 400);
    assert.equal((await patch("finns-inte", { notes: "x" }, headers)).status, 404);
  });

  test("a wrong password gives 401 and no cookie; a malformed token gives 401", async () => {
    const res = await fetch(`${platform.url}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "samordnare@example.se", password: "fel lösenord här" }),
    });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get("set-cookie"), null);
    assert.equal((await patch("buller", {}, { Authorization: "Basic abc" })).status, 401);
  });
});
