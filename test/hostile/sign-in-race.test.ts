// Issue 22, case 5: concurrent wrong passwords for one account cannot outrun the sign-in limit.
// The attempt is counted before the password is checked, and a refusal says when to come back.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AccountsService, SIGN_IN_LIMITS } from "../../src/accounts/index.ts";
import { TEST_PASSWORD } from "../support/accounts.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

const CONCURRENT = 30;

function tally(statuses: readonly { status: number; retryAfter: string | null }[]) {
  const evaluated = statuses.filter((s) => s.status === 401).length;
  const refused = statuses.filter((s) => s.status === 429);
  return { evaluated, refused };
}

describe("thirty concurrent wrong passwords for one account", () => {
  let platform: TestPlatform;

  before(async () => {
    platform = await startTestPlatform();
    const accounts = new AccountsService(platform.db);
    for (const email of ["api@kommun.se", "webb@kommun.se"]) {
      await accounts.createUser({
        email,
        displayName: email,
        password: TEST_PASSWORD,
        roles: [{ role: "data-user" }],
      });
    }
  });
  after(() => platform.close());

  test("API sign-in: at most the limit are evaluated, the rest get 429 with Retry-After", async () => {
    const statuses = await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        const response = await fetch(`${platform.url}/api/v1/session`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ email: "api@kommun.se", password: "fel lösenord" }),
        });
        await response.body?.cancel();
        return { status: response.status, retryAfter: response.headers.get("retry-after") };
      }),
    );
    const { evaluated, refused } = tally(statuses);
    assert.ok(evaluated <= SIGN_IN_LIMITS.perAccount, `${evaluated} passwords were checked`);
    assert.equal(evaluated + refused.length, CONCURRENT, JSON.stringify(statuses));
    for (const r of refused) assert.match(r.retryAfter ?? "", /^[1-9]\d*$/);
  });

  test("web sign-in: at most the limit are evaluated, the rest get 429 with Retry-After", async () => {
    const page = await fetch(`${platform.url}/sign-in`);
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    assert.notEqual(csrf, "");
    const statuses = await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        const response = await fetch(`${platform.url}/sign-in`, {
          method: "POST",
          redirect: "manual",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            Cookie: cookie,
            Origin: platform.url,
          },
          body: new URLSearchParams({ csrf, email: "webb@kommun.se", password: "fel lösenord" }).toString(),
        });
        await response.body?.cancel();
        return { status: response.status, retryAfter: response.headers.get("retry-after") };
      }),
    );
    const { evaluated, refused } = tally(statuses);
    assert.ok(evaluated <= SIGN_IN_LIMITS.perAccount, `${evaluated} passwords were checked`);
    assert.equal(evaluated + refused.length, CONCURRENT, JSON.stringify(statuses));
    for (const r of refused) assert.match(r.retryAfter ?? "", /^[1-9]\d*$/);
  });
});
