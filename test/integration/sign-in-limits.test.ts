import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AccountsService, SIGN_IN_LIMITS } from "../../src/accounts/index.ts";
import { isAppError } from "../../src/core/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

const PASSWORD = "korrekt häst batteri";

describe("sign-in limits", () => {
  let platform: TestPlatform;
  let accounts: AccountsService;

  before(async () => {
    platform = await startTestPlatform();
    accounts = new AccountsService(platform.db);
    for (const email of ["anna@kommun.se", "bo@kommun.se"]) {
      await accounts.createUser({
        email,
        displayName: email,
        password: PASSWORD,
        roles: [{ role: "data-user" }],
      });
    }
  });
  after(() => platform.close());

  const signIn = (email: string, password: string) =>
    fetch(`${platform.url}/api/v1/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: platform.url },
      body: JSON.stringify({ email, password }),
    });

  test("after too many failures an account is refused, even with the right password, and says when to retry", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      assert.equal((await signIn("anna@kommun.se", "fel lösenord")).status, 401);
    }
    const refused = await signIn("anna@kommun.se", PASSWORD);
    assert.equal(refused.status, 429);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, "RATE_LIMITED");
    assert.match(body.error.message, /Försök igen om 15 minuter/);
  });

  test("another account is not affected, and success clears the account's count", async () => {
    assert.equal((await signIn("bo@kommun.se", "fel")).status, 401);
    assert.equal((await signIn("bo@kommun.se", PASSWORD)).status, 200);
    const [row] = await platform.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sign_in_failures WHERE key = 'account:bo@kommun.se'",
    );
    assert.equal(row?.n, 0);
  });

  test("a client address that fails across many accounts is slowed down too", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await accounts.authenticate(`gissning${i}@kommun.se`, "fel", "203.0.113.9").catch(() => undefined);
    }
    await assert.rejects(
      accounts.authenticate("bo@kommun.se", PASSWORD, "203.0.113.9"),
      (error) => isAppError(error) && error.code === "RATE_LIMITED",
    );
    assert.equal(
      (await accounts.authenticate("bo@kommun.se", PASSWORD, "198.51.100.7")).email,
      "bo@kommun.se",
    );
  });
});
