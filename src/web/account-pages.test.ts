// Signing in and out through the forms, the CSRF checks on every form that changes something, and
// the account page with its API tokens, through webRoutes with the real AccountsService.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OrganizationCode } from "../core/index.ts";
import { CSRF_FIELD, PRE_SESSION_COOKIE, SESSION_COOKIE } from "./csrf.ts";
import { safeNext } from "./account-routes.tsx";
import {
  createWebHarness,
  csrfFrom,
  TEST_PASSWORD,
  type WebHarness,
} from "../../test/support/web-harness.ts";

let web: WebHarness;
const PUBLISHER = "pia@linkoping.se";

before(async () => {
  web = await createWebHarness();
  await web.createUser(
    PUBLISHER,
    [{ role: "publisher", organizationCode: "0580" as OrganizationCode }],
    "Pia Publicerare",
  );
});

after(async () => {
  await web.close();
});

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

describe("signing in", () => {
  test("the form: labelled fields, autocomplete, a CSRF field and an HttpOnly pre-session cookie", async () => {
    const client = web.client();
    const response = await client.request("/sign-in");
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.match(html, /<h1>Logga in<\/h1>/);
    assert.match(html, /<label for="sign-in-email">E-postadress<\/label>/);
    assert.match(
      html,
      /<input id="sign-in-email" name="email" type="email" value="" autocomplete="username"/,
    );
    assert.match(html, /<label for="sign-in-password">Lösenord<\/label>/);
    assert.match(html, /autocomplete="current-password"/);
    assert.match(html, new RegExp(`<input type="hidden" name="${CSRF_FIELD}" value="[A-Za-z0-9_-]{43}"/>`));
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${PRE_SESSION_COOKIE}=`)) ?? "";
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, "plain http in the test");
    assert.ok(!html.includes(client.cookies.get(PRE_SESSION_COOKIE) ?? "-"), "the secret is not in the page");
    assert.doesNotMatch(html, /Inloggad som/);
    assert.doesNotMatch(
      html,
      /class="account-bar__link" href="\/sign-in/,
      "no sign-in link on the sign-in page",
    );
  });

  test("the right password: a new HttpOnly SameSite=Lax session, then to the account page", async () => {
    const client = web.client();
    const form = await client.get("/sign-in");
    const response = await client.post("/sign-in", {
      email: "PIA@linkoping.se",
      password: TEST_PASSWORD,
      [CSRF_FIELD]: csrfFrom(form),
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/account");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? "";
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\//);
    assert.ok(!client.cookies.has(PRE_SESSION_COOKIE), "the pre-session cookie is gone");
    const page = await client.get("/account");
    assert.match(page, /Inloggad som Pia Publicerare\./);
    assert.match(page, /<form method="post" action="\/sign-out" class="account-bar__sign-out">/);
    assert.match(page, /aria-current="page">Mina sidor</);
  });

  test("a wrong password and an unknown email get the same message, which says neither", async () => {
    for (const [email, password] of [
      [PUBLISHER, "fel-lösenord-helt-och-hållet"],
      ["finns.inte@example.se", TEST_PASSWORD],
    ] as const) {
      const client = web.client();
      const form = await client.get("/sign-in");
      const response = await client.post("/sign-in", { email, password, [CSRF_FIELD]: csrfFrom(form) });
      const html = await response.text();
      assert.equal(response.status, 401);
      assert.match(html, /<title>Fel: Logga in – Dataverkstad<\/title>/);
      assert.match(html, /E-postadressen eller lösenordet är fel\. Kontrollera båda och försök igen\./);
      assert.match(html, /<a href="#sign-in-email">E-postadressen eller lösenordet är fel/);
      assert.match(html, /aria-describedby="sign-in-email-error" aria-invalid="true"/);
      assert.match(html, new RegExp(`value="${email.replace(".", "\\.")}"`), "the email is kept");
      assert.ok(!html.includes(password), "the password is never sent back");
      assert.ok(!client.cookies.has(SESSION_COOKIE));
    }
  });

  test("after too many failures the form says when to try again (429), without trying the password", async () => {
    const email = "gissad@linkoping.se";
    await web.createUser(email, [], "Gissad Användare");
    const client = web.client();
    const token = csrfFrom(await client.get("/sign-in"));
    let last: Response | undefined;
    for (let i = 0; i < 11; i += 1) {
      last = await client.post("/sign-in", { email, password: `fel-${i}-lösenord`, [CSRF_FIELD]: token });
    }
    assert.ok(last !== undefined);
    const html = await last.text();
    assert.equal(last.status, 429);
    assert.match(last.headers.get("retry-after") ?? "", /^\d+$/);
    assert.match(
      html,
      /<a href="#sign-in-email">För många misslyckade inloggningar\. Försök igen om \d+ minut/,
    );
    // Even the right password waits.
    const right = await client.post("/sign-in", { email, password: TEST_PASSWORD, [CSRF_FIELD]: token });
    assert.equal(right.status, 429);
    assert.ok(!client.cookies.has(SESSION_COOKIE));
  });

  test("empty fields: both errors, linked to their fields", async () => {
    const client = web.client();
    const form = await client.get("/en/sign-in");
    const response = await client.post("/en/sign-in", {
      email: " ",
      password: "",
      [CSRF_FIELD]: csrfFrom(form),
    });
    const html = await response.text();
    assert.equal(response.status, 400);
    assert.match(html, /<a href="#sign-in-email">Enter your email address\.<\/a>/);
    assert.match(html, /<a href="#sign-in-password">Enter your password\.<\/a>/);
    assert.match(html, /data-error-summary="" tabindex="-1"|tabindex="-1" data-error-summary=""/);
    assert.match(html, /<p id="sign-in-password-error" class="field-error">/);
  });

  test("after signing in, the page asked for: a path on this site, never another site", async () => {
    const client = web.client();
    const form = await client.get("/sign-in?next=%2Forganizations%2F0580%2Fpublish");
    assert.match(form, /<input type="hidden" name="next" value="\/organizations\/0580\/publish"\/>/);
    const response = await client.post("/sign-in", {
      email: PUBLISHER,
      password: TEST_PASSWORD,
      next: "/organizations/0580/publish",
      [CSRF_FIELD]: csrfFrom(form),
    });
    assert.equal(response.headers.get("location"), "/organizations/0580/publish");
    assert.equal(safeNext("//evil.example/x"), undefined);
    assert.equal(safeNext("/\\evil.example"), undefined);
    assert.equal(safeNext("https://evil.example/"), undefined);
    assert.equal(safeNext("/sign-in?next=/x"), undefined);
    assert.equal(safeNext("/en/data/badplatser?kommun=0580"), "/en/data/badplatser?kommun=0580");
  });

  test("PUBLIC_URL with https makes the cookies Secure", async () => {
    const secure = await createWebHarness({ publicUrl: "https://dataverkstad.example" });
    try {
      const response = await secure.client().request("/sign-in");
      const cookie =
        response.headers.getSetCookie().find((c) => c.startsWith(`${PRE_SESSION_COOKIE}=`)) ?? "";
      assert.match(cookie, /Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe("CSRF", () => {
  test("signing in without the token, or with another browser's, is refused with a page that says what to do", async () => {
    const attacker = web.client();
    const attackerToken = csrfFrom(await attacker.get("/sign-in"));
    const victim = web.client();
    await victim.get("/sign-in");
    const attempts: Record<string, string>[] = [{}, { [CSRF_FIELD]: "" }, { [CSRF_FIELD]: attackerToken }];
    for (const fields of attempts) {
      const response = await victim.post("/sign-in", {
        email: PUBLISHER,
        password: TEST_PASSWORD,
        ...fields,
      });
      const html = await response.text();
      assert.equal(response.status, 403);
      assert.match(html, /<h1>Formuläret kunde inte skickas<\/h1>/);
      assert.match(html, /Ingenting har ändrats\./);
      assert.match(html, /ladda om sidan och skicka det igen/);
      assert.match(html, /<a href="\/sign-in">Tillbaka till formuläret<\/a>/);
      assert.ok(!victim.cookies.has(SESSION_COOKIE), "not signed in");
    }
  });

  test("a session's token does not work for another session", async () => {
    const one = web.client();
    await one.signIn(PUBLISHER);
    const two = web.client();
    await two.signIn(PUBLISHER);
    const tokenOfOne = csrfFrom(await one.get("/account"));
    const tokenOfTwo = csrfFrom(await two.get("/account"));
    assert.notEqual(tokenOfOne, tokenOfTwo);
    const response = await two.post("/account/tokens", {
      name: "Nyckel",
      organization: "0580",
      scope: "read",
      [CSRF_FIELD]: tokenOfOne,
    });
    assert.equal(response.status, 403);
    const user = await web.accounts.getUserByEmail(PUBLISHER);
    assert.equal((await web.accounts.listApiTokens(user.id)).filter((t) => t.name === "Nyckel").length, 0);
  });

  test("signing out needs the token; with it the session ends", async () => {
    const client = web.client();
    await client.signIn(PUBLISHER);
    const session = client.cookies.get(SESSION_COOKIE) ?? "";
    const refused = await client.post("/sign-out", {});
    assert.equal(refused.status, 403);
    assert.ok((await web.accounts.sessionUser(session)) !== undefined, "still signed in");
    const token = csrfFrom(await client.get("/account"));
    const response = await client.post("/sign-out", { [CSRF_FIELD]: token });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/sign-in?out=1");
    assert.ok(!client.cookies.has(SESSION_COOKIE), "the cookie is deleted");
    assert.equal(await web.accounts.sessionUser(session), undefined, "the session is revoked");
    assert.match(await client.get("/sign-in?out=1"), /<p class="notice" role="status">Du är utloggad\.<\/p>/);
  });

  test("a form from another origin is refused before it is read (the session cookie's Origin check)", async () => {
    const client = web.client();
    await client.signIn(PUBLISHER);
    const token = csrfFrom(await client.get("/account"));
    const response = await client.post(
      "/account/tokens",
      { name: "Från annan sajt", organization: "0580", scope: "read", [CSRF_FIELD]: token },
      { headers: { Origin: "https://evil.example" } },
    );
    assert.equal(response.status, 403);
  });
});

describe("the account page", () => {
  test("signed out: to the sign-in page, which leads back", async () => {
    const response = await web.client().request("/en/account");
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/en/sign-in?next=%2Fen%2Faccount");
  });

  test("roles in words with their links, and no tokens yet", async () => {
    const client = web.client();
    await client.signIn(PUBLISHER);
    const response = await client.request("/account");
    const html = await response.text();
    assert.equal(response.headers.get("cache-control"), "no-store");
    assert.match(html, /<dd>pia@linkoping\.se<\/dd>/);
    assert.match(html, /Publicerare för Linköpings kommun/);
    assert.match(html, /href="\/organizations\/0580\/publish">Publicera en fil för Linköpings kommun</);
    assert.match(html, /<option value="0580"[^>]*>Linköpings kommun \(0580\)<\/option>/);
    assert.doesNotMatch(html, /<option value="1280"/, "only the organizations the user has a role for");
  });

  test("a token is made (shown once), listed, and revoked", async () => {
    const client = web.client();
    await client.signIn(PUBLISHER);
    const token = csrfFrom(await client.get("/account"));
    const made = await client.post("/account/tokens", {
      name: "Nattlig publicering",
      organization: "0580",
      scope: "publish",
      [CSRF_FIELD]: token,
    });
    const html = await made.text();
    assert.equal(made.status, 200);
    assert.equal(made.headers.get("cache-control"), "no-store");
    const secret = /<code data-new-token="">(dvk_[A-Za-z0-9_-]{43})<\/code>/.exec(html)?.[1];
    assert.ok(secret !== undefined, "the token is shown");
    assert.match(html, /Den visas bara den här gången/);
    const principal = await web.accounts.authenticateToken(secret);
    assert.equal(principal.scope, "publish");

    const list = await client.get("/account");
    assert.ok(!list.includes(secret), "never shown again");
    assert.match(list, /<th scope="row">Nattlig publicering<\/th>/);
    assert.match(list, /<td>Publicera<\/td>/);
    const id = principal.tokenId;
    const revoked = await client.post(`/account/tokens/${id}/revoke`, { [CSRF_FIELD]: token });
    assert.equal(revoked.status, 303);
    assert.equal(revoked.headers.get("location"), `/account?revoked=${id}`);
    await assert.rejects(web.accounts.authenticateToken(secret));
    const after = await client.get(`/account?revoked=${id}`);
    assert.match(after, /API-nyckeln Nattlig publicering är återkallad/);
    assert.match(after, /Återkallad \d/);
  });

  test("another user's token cannot be revoked, and a bad form says what is wrong", async () => {
    const other = await web.createUser("olle@malmo.se", [
      { role: "publisher", organizationCode: "1280" as OrganizationCode },
    ]);
    const theirs = await web.accounts.createApiToken({
      userId: other.id,
      organizationCode: "1280",
      scope: "read",
      name: "Olles",
    });
    const client = web.client();
    await client.signIn(PUBLISHER);
    const token = csrfFrom(await client.get("/account"));
    const response = await client.post(`/account/tokens/${theirs.id}/revoke`, { [CSRF_FIELD]: token });
    assert.equal(response.status, 404);
    assert.equal((await web.accounts.authenticateToken(theirs.token)).tokenId, theirs.id, "still works");

    const bad = await client.post("/account/tokens", {
      name: "",
      organization: "1280",
      scope: "publish",
      [CSRF_FIELD]: token,
    });
    const html = await bad.text();
    assert.equal(bad.status, 400);
    assert.match(html, /<a href="#token-name">Skriv ett namn på nyckeln, högst 100 tecken\.<\/a>/);
    assert.match(html, /<a href="#token-organization">Välj en organisation\.<\/a>/);
    assert.match(text(html), /Fel: Skriv ett namn på nyckeln/);
  });
});
