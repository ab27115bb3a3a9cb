import assert from "node:assert/strict";
import { test } from "node:test";
import { csrfToken, csrfTokenMatches, isCsrfSecret, newPreSessionSecret } from "./csrf.ts";

test("a token matches its own secret and purpose only", () => {
  const secret = newPreSessionSecret();
  const other = newPreSessionSecret();
  assert.ok(isCsrfSecret(secret));
  const token = csrfToken(secret, "session");
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.ok(csrfTokenMatches(secret, "session", token));
  assert.ok(!csrfTokenMatches(other, "session", token), "another session's token");
  assert.ok(!csrfTokenMatches(secret, "pre-session", token), "a session token is no pre-session token");
  assert.ok(!csrfTokenMatches(secret, "session", `${token}x`));
  assert.ok(!csrfTokenMatches(secret, "session", ""));
  assert.ok(!csrfTokenMatches(secret, "session", undefined));
  assert.ok(!csrfTokenMatches(undefined, "session", token));
  assert.ok(!csrfTokenMatches("short", "session", csrfToken("short", "session")), "not a real secret");
});

test("the token does not contain or reveal the secret", () => {
  const secret = newPreSessionSecret();
  assert.notEqual(csrfToken(secret, "session"), secret);
  assert.ok(!csrfToken(secret, "session").includes(secret.slice(0, 8)));
});
