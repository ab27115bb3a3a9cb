import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import {
  AccountsService,
  can,
  hashPassword,
  verifyPassword,
  type Role,
  type User,
} from "../../src/accounts/index.ts";
import { isAppError, type ErrorCode } from "../../src/core/index.ts";
import { createSeededDatabase, type TestDatabase } from "../support/platform.ts";

const PASSWORD = "korrekt häst batteri";

function rejectsWith(code: ErrorCode, check?: (error: { text: { sv: string; en: string } }) => boolean) {
  return (error: unknown): boolean => {
    assert.ok(isAppError(error), `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return check === undefined || check(error);
  };
}

async function count(database: TestDatabase, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row?.n ?? 0;
}

/** Every text cell of the accounts tables, to prove no secret was stored. */
async function everythingStored(database: TestDatabase): Promise<string> {
  const tables = ["users", "role_grants", "sessions", "api_tokens", "audit_log"];
  const dumps = await Promise.all(
    tables.map((t) => database.db.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${t} t`)),
  );
  return dumps
    .flat()
    .map((r) => r.row)
    .join("\n");
}

describe("accounts", () => {
  let database: TestDatabase;
  let accounts: AccountsService;
  let emailCounter = 0;
  const email = (label: string) => `${label}-${++emailCounter}@kommun.se`;
  const makeUser = (roles: Role[], label = "user") =>
    accounts.createUser({ email: email(label), displayName: `Test ${label}`, password: PASSWORD, roles });

  before(async () => {
    database = await createSeededDatabase();
    accounts = new AccountsService(database.db);
  });
  after(() => database.drop());

  describe("passwords", () => {
    test("hash round trip; the stored form holds no plaintext", async () => {
      const stored = await hashPassword(PASSWORD);
      assert.match(stored, /^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
      assert.ok(!stored.includes(PASSWORD));
      assert.ok(await verifyPassword(PASSWORD, stored));
      assert.ok(!(await verifyPassword(`${PASSWORD}x`, stored)));
      assert.notEqual(await hashPassword(PASSWORD), stored, "a fresh salt every time");
      assert.ok(!(await verifyPassword(PASSWORD, "scrypt$99$8$1$AAAA$AAAA")), "a malformed hash is no match");
    });

    test("a short password is refused with a clear message, and nothing is stored", async () => {
      const before = await count(database, "users");
      await assert.rejects(
        accounts.createUser({ email: email("short"), displayName: "Kort", password: "elva tecken" }),
        rejectsWith("BAD_REQUEST", (e) => e.text.sv.includes("minst 12 tecken") && e.text.en.includes("12")),
      );
      assert.equal(await count(database, "users"), before);
    });

    test("sign-in works, and wrong password or unknown email give the same UNAUTHORIZED", async () => {
      const user = await makeUser([{ role: "data-user" }], "signin");
      const signedIn = await accounts.authenticate(user.email.toUpperCase(), PASSWORD);
      assert.equal(signedIn.id, user.id);
      const messages: string[] = [];
      for (const [mail, password] of [
        [user.email, "fel lösenord här"],
        ["ingen-sadan@kommun.se", PASSWORD],
        ["inte en adress", PASSWORD],
      ] as const) {
        await assert.rejects(
          accounts.authenticate(mail, password),
          rejectsWith("UNAUTHORIZED", (e) => {
            messages.push(e.text.sv, e.text.en);
            return true;
          }),
        );
      }
      assert.equal(new Set(messages).size, 2, "one Swedish and one English message for every failure");
    });

    test("a disabled user cannot sign in", async () => {
      const user = await makeUser([{ role: "data-user" }], "disabled");
      await database.db.query("UPDATE users SET disabled_at = now() WHERE id = $1", [user.id]);
      await assert.rejects(accounts.authenticate(user.email, PASSWORD), rejectsWith("UNAUTHORIZED"));
    });
  });

  describe("bad input", () => {
    test("an invalid email is refused, naming the field, and nothing is stored", async () => {
      const before = await count(database, "users");
      await assert.rejects(
        accounts.createUser({ email: "inte-en-adress", displayName: "X", password: PASSWORD }),
        rejectsWith(
          "BAD_REQUEST",
          (e) => e.text.sv.includes("email") && e.text.en.includes("inte-en-adress"),
        ),
      );
      assert.equal(await count(database, "users"), before);
    });

    test("a role without its scope, or with an unknown scope, is refused and nothing is stored", async () => {
      const before = await count(database, "users");
      await assert.rejects(
        accounts.createUser({
          email: email("noscope"),
          displayName: "X",
          password: PASSWORD,
          roles: [{ role: "publisher" } as unknown as Role],
        }),
        rejectsWith("BAD_REQUEST", (e) => e.text.en.includes("roles")),
      );
      await assert.rejects(
        makeUser([{ role: "publisher", organizationCode: "9999" } as Role]),
        rejectsWith("BAD_REQUEST", (e) => e.text.sv.includes("9999") && e.text.en.includes("9999")),
      );
      await assert.rejects(
        makeUser([{ role: "county-coordinator", lanCode: "99" } as Role]),
        rejectsWith("BAD_REQUEST", (e) => e.text.en.includes("99")),
      );
      assert.equal(await count(database, "users"), before);
    });

    test("a second user with the same email, in any case, is a CONFLICT", async () => {
      const user = await makeUser([], "dup");
      await assert.rejects(
        accounts.createUser({ email: ` ${user.email.toUpperCase()} `, displayName: "Y", password: PASSWORD }),
        rejectsWith("CONFLICT"),
      );
    });
  });

  describe("sessions", () => {
    test("create, look up, expire and revoke; only the hash is stored", async () => {
      const user = await makeUser([{ role: "data-user" }], "session");
      const session = await accounts.createSession(user.id, 3600);
      assert.match(session.token, /^[A-Za-z0-9_-]{43}$/);
      assert.ok(session.expiresAt.getTime() > Date.now() + 3500_000);
      assert.equal((await accounts.sessionUser(session.token))?.id, user.id);
      assert.ok(!(await everythingStored(database)).includes(session.token), "the raw token is not stored");

      // last_seen_at moves on when the session is used (at most once a minute).
      await database.db.query(
        "UPDATE sessions SET last_seen_at = now() - interval '1 hour' WHERE user_id = $1",
        [user.id],
      );
      await accounts.sessionUser(session.token);
      const [seen] = await database.db.query<{ recent: boolean }>(
        "SELECT last_seen_at > now() - interval '1 minute' AS recent FROM sessions WHERE user_id = $1",
        [user.id],
      );
      assert.equal(seen?.recent, true);

      assert.equal(await accounts.sessionUser("not-a-token"), undefined);
      assert.equal(await accounts.sessionUser("A".repeat(43)), undefined);

      const expiring = await accounts.createSession(user.id, 60);
      await database.db.query(
        "UPDATE sessions SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE id = $1",
        [createHash("sha256").update(expiring.token).digest("hex")],
      );
      assert.equal(await accounts.sessionUser(expiring.token), undefined, "an expired session is no session");
      assert.equal(await accounts.purgeExpiredSessions(), 1);

      assert.equal(await accounts.revokeSession(session.token), true);
      assert.equal(await accounts.sessionUser(session.token), undefined);
      assert.equal(await accounts.revokeSession(session.token), false, "signing out twice is fine");
    });

    test("a bad time to live or an unknown user is refused", async () => {
      const user = await makeUser([], "ttl");
      await assert.rejects(accounts.createSession(user.id, 0), rejectsWith("BAD_REQUEST"));
      await assert.rejects(
        accounts.createSession("00000000-0000-4000-8000-000000000000", 3600),
        rejectsWith("NOT_FOUND"),
      );
      await assert.rejects(accounts.createSession("nej", 3600), rejectsWith("BAD_REQUEST"));
    });
  });

  describe("API tokens", () => {
    let publisher: User;
    before(async () => {
      publisher = await makeUser([{ role: "publisher", organizationCode: "0580" } as Role], "publisher");
    });

    test("shown once, authenticates, records last use, and is refused once revoked", async () => {
      const created = await accounts.createApiToken({
        userId: publisher.id,
        organizationCode: "0580",
        scope: "publish",
        name: "Inläsning från verksamhetssystemet",
      });
      assert.match(created.token, /^dvk_[A-Za-z0-9_-]{43}$/);
      assert.ok(!(await everythingStored(database)).includes(created.token), "the raw token is not stored");

      const listed = await accounts.listApiTokens(publisher.id);
      assert.equal(listed.length, 1);
      assert.equal(listed[0]?.lastUsedAt, null);
      for (const key of Object.keys(listed[0])) assert.ok(!/token$|hash/i.test(key), key);

      const principal = await accounts.authenticateToken(created.token);
      assert.equal(principal.user.id, publisher.id);
      assert.equal(principal.organizationCode, "0580");
      assert.equal(principal.scope, "publish");
      assert.ok((await accounts.listApiTokens(publisher.id))[0]?.lastUsedAt instanceof Date);

      assert.ok(can(principal, "publish", "0580"));
      assert.ok(!can(principal, "publish", "1280"), "a 0580 token cannot publish for Malmö");
      assert.ok(!accounts.can(principal, "manage-users"));

      const revoked = await accounts.revokeApiToken(created.id, { actor: `user:${publisher.id}` });
      assert.ok(revoked.revokedAt instanceof Date);
      await assert.rejects(accounts.authenticateToken(created.token), rejectsWith("UNAUTHORIZED"));
      await assert.rejects(accounts.authenticateToken("dvk_inte-en-nyckel"), rejectsWith("UNAUTHORIZED"));
      await assert.rejects(
        accounts.authenticateToken(`dvk_${"A".repeat(43)}`),
        rejectsWith("UNAUTHORIZED", (e) => e.text.en === "The API token is unknown or revoked."),
      );
      await assert.rejects(
        accounts.revokeApiToken("00000000-0000-4000-8000-000000000000", { actor: "system" }),
        rejectsWith("NOT_FOUND"),
      );
    });

    test("a read token cannot publish, even for its own organization", async () => {
      const created = await accounts.createApiToken({
        userId: publisher.id,
        organizationCode: "0580",
        scope: "read",
        name: "Läsning",
      });
      const principal = await accounts.authenticateToken(created.token);
      assert.ok(can(principal, "read", "0580"));
      assert.ok(!can(principal, "publish", "0580"));
    });

    test("an unknown organization, or one the user may not publish for, stores nothing", async () => {
      const before = await count(database, "api_tokens");
      const auditBefore = await count(database, "audit_log");
      await assert.rejects(
        accounts.createApiToken({
          userId: publisher.id,
          organizationCode: "9999",
          scope: "publish",
          name: "x",
        }),
        rejectsWith("BAD_REQUEST", (e) => e.text.sv.includes("9999") && e.text.en.includes("organization")),
      );
      await assert.rejects(
        accounts.createApiToken({
          userId: publisher.id,
          organizationCode: "1280",
          scope: "publish",
          name: "x",
        }),
        rejectsWith("FORBIDDEN", (e) => e.text.en.includes("1280")),
      );
      await assert.rejects(
        accounts.createApiToken({
          userId: publisher.id,
          organizationCode: "0580",
          scope: "admin" as "read",
          name: "x",
        }),
        rejectsWith("BAD_REQUEST", (e) => e.text.en.includes("scope")),
      );
      assert.equal(await count(database, "api_tokens"), before);
      assert.equal(await count(database, "audit_log"), auditBefore);
    });
  });

  describe("authorization is per object", () => {
    test("a publisher of 0580 can never publish for 1280", async () => {
      const user = await makeUser([{ role: "publisher", organizationCode: "0580" } as Role], "pub");
      assert.ok(can(user, "publish", "0580"));
      assert.ok(!can(user, "publish", "1280"));
      assert.ok(!can(user, "publish", "05"), "nor for its region");
      assert.ok(!can(user, "edit-priority-list"));
      assert.ok(!can(user, "publish"), "an action on an organization needs one");
    });

    test("a county coordinator reads within its län only", async () => {
      const user = await makeUser([{ role: "county-coordinator", lanCode: "05" } as Role], "county");
      assert.ok(can(user, "read", "0580"));
      assert.ok(can(user, "read", "05"));
      assert.ok(!can(user, "read", "1480"));
      assert.ok(!can(user, "read", "14"));
      assert.ok(!can(user, "publish", "0580"));
    });

    test("a national coordinator edits the priority list; an administrator does everything", async () => {
      const national = await makeUser([{ role: "national-coordinator" }], "national");
      const admin = await makeUser([{ role: "administrator" }], "admin");
      const dataUser = await makeUser([{ role: "data-user" }], "datauser");
      assert.ok(can(national, "edit-priority-list"));
      assert.ok(!can(national, "manage-users"));
      assert.ok(!can(national, "publish", "0580"));
      for (const [action, object] of [
        ["publish", "1280"],
        ["manage-users", undefined],
        ["edit-priority-list", undefined],
      ] as const) {
        assert.ok(can(admin, action, object));
        assert.ok(!can(dataUser, action, object));
      }
      assert.ok(!can({ ...admin, disabledAt: new Date() }, "manage-users"), "a disabled user can do nothing");
    });
  });

  describe("audit log", () => {
    test("every write leaves a row with actor and action, and never a secret", async () => {
      const context = { actor: "user:admin-test", fromAddress: "192.0.2.10" };
      const user = await accounts.createUser(
        {
          email: email("audited"),
          displayName: "Granskad",
          password: PASSWORD,
          roles: [{ role: "publisher", organizationCode: "1280" } as Role],
        },
        context,
      );
      const session = await accounts.createSession(user.id, 3600, context);
      await accounts.revokeSession(session.token, context);
      const token = await accounts.createApiToken(
        { userId: user.id, organizationCode: "1280", scope: "publish", name: "n" },
        context,
      );
      await accounts.revokeApiToken(token.id, context);
      await accounts.audit({
        ...context,
        action: "publication.create",
        object: "org:1280",
        details: { n: 1 },
      });

      const entries = (await accounts.listAudit(6)).reverse();
      assert.deepEqual(
        entries.map((e) => [e.actor, e.action, e.fromAddress]),
        [
          ["user:admin-test", "user.create", "192.0.2.10"],
          ["user:admin-test", "session.create", "192.0.2.10"],
          ["user:admin-test", "session.revoke", "192.0.2.10"],
          ["user:admin-test", "api-token.create", "192.0.2.10"],
          ["user:admin-test", "api-token.revoke", "192.0.2.10"],
          ["user:admin-test", "publication.create", "192.0.2.10"],
        ],
      );
      assert.equal(entries[0]?.object, `user:${user.id}`);
      assert.equal(entries[3]?.object, `token:${token.id}`);
      assert.ok(entries.every((e) => e.at instanceof Date));
      const stored = await everythingStored(database);
      assert.ok(
        !stored.includes(PASSWORD) && !stored.includes(token.token) && !stored.includes(session.token),
      );
      await assert.rejects(accounts.listAudit(0), rejectsWith("BAD_REQUEST"));
    });

    test("without a context, the actor is the user themself", async () => {
      const user = await makeUser([], "self");
      await accounts.createSession(user.id, 3600);
      const [latest] = await accounts.listAudit(1);
      assert.equal(latest?.actor, `user:${user.id}`);
      assert.equal(latest.action, "session.create");
    });
  });
});

describe("the first administrator", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createSeededDatabase();
  });
  after(() => database.drop());

  test("is made once, with a generated strong password, even by concurrent starters", async () => {
    const starters = [0, 1, 2].map(() => new AccountsService(database.db));
    const outcomes = await Promise.all(starters.map((s) => s.ensureFirstAdministrator({})));
    const made = outcomes.filter((o) => o !== undefined);
    assert.equal(made.length, 1);
    const first = made[0]!;
    assert.ok(first.generatedPassword !== undefined && first.generatedPassword.length >= 20);
    assert.deepEqual(first.user.roles, [{ role: "administrator" }]);

    const accounts = new AccountsService(database.db);
    const signedIn = await accounts.authenticate(first.user.email, first.generatedPassword);
    assert.ok(can(signedIn, "manage-users"));
    assert.equal(
      await accounts.ensureFirstAdministrator({ email: "annan@kommun.se", password: PASSWORD }),
      undefined,
    );
    const [admins] = await database.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM role_grants WHERE role = 'administrator'",
    );
    assert.equal(admins?.n, 1);
    const audit = await accounts.listAudit(10);
    assert.equal(audit.filter((e) => e.action === "user.create-first-administrator").length, 1);
    assert.ok(!JSON.stringify(audit).includes(first.generatedPassword));
  });
});

describe("the first administrator from configuration", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createSeededDatabase();
  });
  after(() => database.drop());

  test("uses the configured email and password, and returns no password", async () => {
    const accounts = new AccountsService(database.db);
    await assert.rejects(
      accounts.ensureFirstAdministrator({ email: "admin@kommun.se", password: "kort" }),
      rejectsWith("BAD_REQUEST"),
    );
    const made = await accounts.ensureFirstAdministrator({ email: "Admin@Kommun.se", password: PASSWORD });
    assert.equal(made?.generatedPassword, undefined);
    assert.equal(made?.user.email, "admin@kommun.se");
    assert.equal((await accounts.authenticate("admin@kommun.se", PASSWORD)).id, made.user.id);
  });
});
