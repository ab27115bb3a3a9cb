// Issue 22, case 8: the API sign-in cookie is Secure under an https PUBLIC_URL, as the web
// sign-in's is: one rule for both.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AccountsService } from "../../src/accounts/index.ts";
import { TEST_PASSWORD } from "../support/accounts.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

async function signInOverApi(platform: TestPlatform): Promise<string> {
  const response = await fetch(`${platform.url}/api/v1/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "kaka@kommun.se", password: TEST_PASSWORD }),
  });
  assert.equal(response.status, 200, await response.text());
  return response.headers.get("set-cookie") ?? "";
}

async function signInOverWeb(platform: TestPlatform): Promise<string> {
  const page = await fetch(`${platform.url}/sign-in`);
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const response = await fetch(`${platform.url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ csrf, email: "kaka@kommun.se", password: TEST_PASSWORD }).toString(),
  });
  assert.equal(response.status, 303);
  return response.headers.getSetCookie().find((c) => c.startsWith("dv_session=")) ?? "";
}

for (const publicUrl of ["https://dataverkstad.example", undefined]) {
  describe(`the session cookie with PUBLIC_URL ${publicUrl ?? "unset (plain http)"}`, () => {
    let platform: TestPlatform;

    before(async () => {
      platform = await startTestPlatform({ env: publicUrl === undefined ? {} : { PUBLIC_URL: publicUrl } });
      await new AccountsService(platform.db).createUser({
        email: "kaka@kommun.se",
        displayName: "Kaka",
        password: TEST_PASSWORD,
        roles: [{ role: "data-user" }],
      });
    });
    after(() => platform.close());

    test("is the same from the API sign-in and the web sign-in: HttpOnly, SameSite=Lax, Secure only over https", async () => {
      for (const cookie of [await signInOverApi(platform), await signInOverWeb(platform)]) {
        assert.match(cookie, /^dv_session=/);
        assert.match(cookie, /HttpOnly/);
        assert.match(cookie, /SameSite=Lax/);
        if (publicUrl === undefined) assert.doesNotMatch(cookie, /Secure/);
        else assert.match(cookie, /Secure/);
      }
    });
  });
}
