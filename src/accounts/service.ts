import { randomUUID } from "node:crypto";
import { AppError, notFound, type LanKod, type OrganizationCode } from "../core/index.ts";
import type { Database, Queryable } from "../db/index.ts";
import { readAudit, recordAudit } from "./audit.ts";
import { can } from "./authorization.ts";
import {
  apiTokenIdSchema,
  auditEntrySchema,
  auditLimitSchema,
  createApiTokenSchema,
  createUserSchema,
  emailSchema,
  parseInput,
  sessionTtlSchema,
  userIdSchema,
} from "./input.ts";
import { claimSignInAttempt, clearSignInFailures } from "./sign-in-limits.ts";
import { dummyPasswordHash, generatePassword, hashPassword, verifyPassword } from "./password.ts";
import {
  looksLikeApiToken,
  looksLikeSessionToken,
  newApiToken,
  newSessionToken,
  sha256Hex,
} from "./secrets.ts";
import type {
  Action,
  ApiTokenId,
  ApiTokenInfo,
  AuditContext,
  AuditEntry,
  AuditEntryInput,
  Principal,
  Role,
  RoleName,
  TokenPrincipal,
  TokenScope,
  User,
  UserId,
} from "./types.ts";

export const DEFAULT_SESSION_TTL_SECONDS = 8 * 3600;
/** An API token's lifetime unless its maker chooses another (or none). */
export const DEFAULT_TOKEN_DAYS = 365;
/** The first administrator's email when configuration names none. */
export const DEFAULT_ADMIN_EMAIL = "admin@dataverkstad.invalid";
/** Writes done by the platform itself (startup, housekeeping). */
export const SYSTEM: AuditContext = { actor: "system" };

// Any fixed 64-bit number; all instances must agree on it (migrations use 4_711_000_001).
const FIRST_ADMIN_LOCK_KEY = 4_711_000_003;
// last_seen_at / last_used_at are written at most this often, so busy clients do not turn every
// request into a write.
const TOUCH_INTERVAL = "1 minute";

export interface CreateUserInput {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles?: readonly Role[];
}

export interface CreateApiTokenInput {
  readonly userId: string;
  readonly organizationCode: string;
  readonly scope: TokenScope;
  readonly name: string;
  /** Days until it expires; null for never; DEFAULT_TOKEN_DAYS when left out. */
  readonly expiresInDays?: number | null;
}

/** The token's secret (shown this once; only its hash is kept) and what it is. */
export interface CreatedApiToken extends ApiTokenInfo {
  readonly token: string;
}

export interface NewSession {
  /** The cookie's value; only its SHA-256 is stored. */
  readonly token: string;
  readonly expiresAt: Date;
}

export interface FirstAdministrator {
  readonly user: User;
  /** Set when configuration gave no password: print it once, it is not stored anywhere. */
  readonly generatedPassword: string | undefined;
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: Date;
  disabled_at: Date | null;
}

interface GrantRow {
  role: RoleName;
  lan_code: string | null;
  organization_code: string | null;
}

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  organization_code: string;
  scope: TokenScope;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date | null;
}

const TOKEN_COLUMNS =
  "id, user_id, name, organization_code, scope, created_at, last_used_at, revoked_at, expires_at";

function toRole(row: GrantRow): Role {
  switch (row.role) {
    case "county-coordinator":
      return { role: row.role, lanCode: (row.lan_code ?? "") as LanKod };
    case "publisher":
      return { role: row.role, organizationCode: (row.organization_code ?? "") as OrganizationCode };
    default:
      return { role: row.role };
  }
}

function toTokenInfo(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id as ApiTokenId,
    userId: row.user_id as UserId,
    name: row.name,
    organizationCode: row.organization_code as OrganizationCode,
    scope: row.scope,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
  };
}

async function loadUserRow(db: Queryable, row: UserRow): Promise<User> {
  const grants = await db.query<GrantRow>(
    "SELECT role, lan_code, organization_code FROM role_grants WHERE user_id = $1 ORDER BY id",
    [row.id],
  );
  return {
    id: row.id as UserId,
    email: row.email,
    displayName: row.display_name,
    roles: grants.map(toRole),
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

async function loadUser(db: Queryable, id: UserId): Promise<User | undefined> {
  const [row] = await db.query<UserRow>("SELECT * FROM users WHERE id = $1", [id]);
  return row === undefined ? undefined : loadUserRow(db, row);
}

function userNotFound(id: string): AppError {
  return notFound({ sv: `Det finns ingen användare ${id}.`, en: `There is no user ${id}.` }, { userId: id });
}

function signInFailed(): AppError {
  // One message for unknown email, wrong password and disabled account: none is revealed.
  return new AppError("UNAUTHORIZED", {
    sv: "Fel e-postadress eller lösenord.",
    en: "Wrong email address or password.",
  });
}

function tokenRefused(): AppError {
  return new AppError("UNAUTHORIZED", {
    sv: "API-nyckeln är okänd eller återkallad.",
    en: "The API token is unknown or revoked.",
  });
}

function tokenExpired(expiresAt: Date): AppError {
  const at = expiresAt.toISOString();
  return new AppError(
    "UNAUTHORIZED",
    {
      sv: `API-nyckeln gick ut ${at}. Skapa en ny på kontosidan eller med dataverkstad token create.`,
      en: `The API token expired at ${at}. Make a new one on the account page or with dataverkstad token create.`,
    },
    { details: { expiresAt: at } },
  );
}

function unknownCode(kind: "lan" | "organization", code: string): AppError {
  const text =
    kind === "lan"
      ? { sv: `Det finns inget län med koden ${code}.`, en: `There is no län with the code ${code}.` }
      : {
          sv: `Det finns ingen organisation med koden ${code} i registret.`,
          en: `There is no organization with the code ${code} in the registry.`,
        };
  return new AppError("BAD_REQUEST", text, {
    details: { field: kind === "lan" ? "lanCode" : "organizationCode", found: code },
  });
}

async function checkCodesExist(db: Queryable, table: "lan" | "organizations", codes: readonly string[]) {
  if (codes.length === 0) return;
  const found = await db.query<{ code: string }>(`SELECT code FROM ${table} WHERE code = ANY($1::text[])`, [
    [...codes],
  ]);
  const known = new Set(found.map((row) => row.code));
  const missing = codes.find((code) => !known.has(code));
  if (missing !== undefined) throw unknownCode(table === "lan" ? "lan" : "organization", missing);
}

async function insertUser(
  tx: Queryable,
  input: { email: string; displayName: string; roles: readonly Role[] },
  passwordHash: string,
): Promise<User> {
  await checkCodesExist(
    tx,
    "lan",
    input.roles.flatMap((role) => (role.role === "county-coordinator" ? [role.lanCode] : [])),
  );
  await checkCodesExist(
    tx,
    "organizations",
    input.roles.flatMap((role) => (role.role === "publisher" ? [role.organizationCode] : [])),
  );
  const [row] = await tx.query<UserRow>(
    `INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO NOTHING RETURNING *`,
    [randomUUID(), input.email, input.displayName, passwordHash],
  );
  if (row === undefined) {
    throw new AppError(
      "CONFLICT",
      {
        sv: `Det finns redan en användare med e-postadressen ${input.email}.`,
        en: `There is already a user with the email address ${input.email}.`,
      },
      { details: { field: "email", found: input.email } },
    );
  }
  for (const role of input.roles) {
    await tx.query(
      `INSERT INTO role_grants (user_id, role, lan_code, organization_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [
        row.id,
        role.role,
        role.role === "county-coordinator" ? role.lanCode : null,
        role.role === "publisher" ? role.organizationCode : null,
      ],
    );
  }
  return loadUserRow(tx, row);
}

async function administratorExists(db: Queryable): Promise<boolean> {
  const rows = await db.query("SELECT 1 FROM role_grants WHERE role = 'administrator' LIMIT 1");
  return rows.length > 0;
}

/**
 * Users, roles, sessions, API tokens and the audit log. Every write records an audit row in the
 * same transaction. Authorization of the caller (who may create users, revoke whose tokens) is
 * the HTTP layer's, with `can`; this checks only what a token may be made for.
 */
export class AccountsService {
  constructor(private readonly db: Database) {}

  async createUser(input: CreateUserInput, context: AuditContext = SYSTEM): Promise<User> {
    const parsed = parseInput(createUserSchema, input);
    // Hashed before the transaction: scrypt takes a while and should not hold a connection.
    const passwordHash = await hashPassword(parsed.password);
    return this.db.transaction(async (tx) => {
      const user = await insertUser(tx, parsed, passwordHash);
      await recordAudit(tx, {
        ...context,
        action: "user.create",
        object: `user:${user.id}`,
        details: { email: user.email, displayName: user.displayName, roles: user.roles },
      });
      return user;
    });
  }

  async getUser(userId: string): Promise<User> {
    const id = parseInput(userIdSchema, userId, "userId");
    const user = await loadUser(this.db, id);
    if (user === undefined) throw userNotFound(id);
    return user;
  }

  async getUserByEmail(email: string): Promise<User> {
    const address = parseInput(emailSchema, email, "email");
    const [row] = await this.db.query<UserRow>("SELECT * FROM users WHERE email = $1", [address]);
    if (row === undefined) throw userNotFound(address);
    return loadUserRow(this.db, row);
  }

  /** The user with this email and password, or UNAUTHORIZED with one message for every failure. */
  /**
   * Password sign-in. Failures are counted per account and per client address (when given); past
   * the limits further attempts are refused with RATE_LIMITED without checking the password.
   */
  async authenticate(email: string, password: string, fromAddress?: string | null): Promise<User> {
    // Counted before the password is checked: concurrent guesses cannot outrun the limit.
    await claimSignInAttempt(this.db, email, fromAddress);
    const parsed = emailSchema.safeParse(email);
    const [row] = parsed.success
      ? await this.db.query<UserRow>("SELECT * FROM users WHERE email = $1", [parsed.data])
      : [];
    // Hash even when there is no such user, so the answer takes as long either way.
    const matches = await verifyPassword(password, row?.password_hash ?? (await dummyPasswordHash()));
    if (row === undefined || !matches || row.disabled_at !== null) {
      throw signInFailed();
    }
    await clearSignInFailures(this.db, email, fromAddress);
    return loadUserRow(this.db, row);
  }

  /** Starts a session (sign-in); the token goes in an HttpOnly, SameSite cookie. */
  async createSession(
    userId: string,
    ttlSeconds: number = DEFAULT_SESSION_TTL_SECONDS,
    context?: AuditContext,
  ): Promise<NewSession> {
    const id = parseInput(userIdSchema, userId, "userId");
    const ttl = parseInput(sessionTtlSchema, ttlSeconds, "ttlSeconds");
    const token = newSessionToken();
    return this.db.transaction(async (tx) => {
      const [user] = await tx.query<{ disabled_at: Date | null }>(
        "SELECT disabled_at FROM users WHERE id = $1 FOR SHARE",
        [id],
      );
      if (user === undefined) throw userNotFound(id);
      if (user.disabled_at !== null) throw signInFailed();
      const [session] = await tx.query<{ expires_at: Date }>(
        `INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + $3::int * interval '1 second')
         RETURNING expires_at`,
        [sha256Hex(token), id, ttl],
      );
      if (session === undefined) throw new Error("INSERT … RETURNING returned no row");
      await recordAudit(tx, {
        ...(context ?? { actor: `user:${id}` }),
        action: "session.create",
        object: `user:${id}`,
        details: { expiresAt: session.expires_at.toISOString() },
      });
      return { token, expiresAt: session.expires_at };
    });
  }

  /** The user of a live session, or undefined (unknown, expired, or the user disabled). */
  async sessionUser(token: string): Promise<User | undefined> {
    if (!looksLikeSessionToken(token)) return undefined;
    const id = sha256Hex(token);
    const [row] = await this.db.query<UserRow>(
      `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [id],
    );
    if (row === undefined) return undefined;
    await this.db.query(
      `UPDATE sessions SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '${TOUCH_INTERVAL}'`,
      [id],
    );
    return loadUserRow(this.db, row);
  }

  /** Ends a session (sign-out). True when there was one; signing out twice is not an error. */
  async revokeSession(token: string, context?: AuditContext): Promise<boolean> {
    if (!looksLikeSessionToken(token)) return false;
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ user_id: string }>(
        "DELETE FROM sessions WHERE id = $1 RETURNING user_id",
        [sha256Hex(token)],
      );
      if (row === undefined) return false;
      await recordAudit(tx, {
        ...(context ?? { actor: `user:${row.user_id}` }),
        action: "session.revoke",
        object: `user:${row.user_id}`,
      });
      return true;
    });
  }

  /** Deletes expired sessions (a periodic job on any instance); returns how many. */
  async purgeExpiredSessions(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query("DELETE FROM sessions WHERE expires_at <= now() RETURNING id");
      if (rows.length > 0) {
        await recordAudit(tx, {
          ...SYSTEM,
          action: "session.purge-expired",
          details: { count: rows.length },
        });
      }
      return rows.length;
    });
  }

  /**
   * Makes an API token for one organization and scope. The user must be allowed to do that scope
   * for that organization (publish: its publisher or an administrator). The secret is in the
   * answer and nowhere else.
   */
  async createApiToken(input: CreateApiTokenInput, context?: AuditContext): Promise<CreatedApiToken> {
    const parsed = parseInput(createApiTokenSchema, input);
    const token = newApiToken();
    return this.db.transaction(async (tx) => {
      const user = await loadUser(tx, parsed.userId);
      if (user === undefined) throw userNotFound(parsed.userId);
      await checkCodesExist(tx, "organizations", [parsed.organizationCode]);
      if (!can(user, parsed.scope, parsed.organizationCode)) {
        throw new AppError(
          "FORBIDDEN",
          {
            sv: `Användaren får inte ${parsed.scope === "publish" ? "publicera" : "läsa"} för organisationen ${parsed.organizationCode}, så en sådan API-nyckel kan inte skapas.`,
            en: `The user may not ${parsed.scope} for the organization ${parsed.organizationCode}, so no such API token can be made.`,
          },
          { details: { organizationCode: parsed.organizationCode, scope: parsed.scope } },
        );
      }
      const [row] = await tx.query<TokenRow>(
        `INSERT INTO api_tokens (id, token_hash, user_id, organization_code, scope, name, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING ${TOKEN_COLUMNS}`,
        [
          randomUUID(),
          sha256Hex(token),
          user.id,
          parsed.organizationCode,
          parsed.scope,
          parsed.name,
          parsed.expiresInDays === undefined ? DEFAULT_TOKEN_DAYS : parsed.expiresInDays,
        ],
      );
      if (row === undefined) throw new Error("INSERT … RETURNING returned no row");
      const info = toTokenInfo(row);
      await recordAudit(tx, {
        ...(context ?? { actor: `user:${user.id}` }),
        action: "api-token.create",
        object: `token:${info.id}`,
        details: {
          userId: user.id,
          organizationCode: info.organizationCode,
          scope: info.scope,
          name: info.name,
          expiresAt: info.expiresAt?.toISOString() ?? null,
        },
      });
      return { ...info, token };
    });
  }

  /**
   * The principal behind a bearer token; UNAUTHORIZED when unknown, revoked, expired (saying
   * so, and when), or its user disabled.
   */
  async authenticateToken(token: string): Promise<TokenPrincipal> {
    if (!looksLikeApiToken(token)) throw tokenRefused();
    const [row] = await this.db.query<TokenRow & { expired: boolean }>(
      `SELECT ${TOKEN_COLUMNS}, coalesce(expires_at <= now(), false) AS expired
       FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
      [sha256Hex(token)],
    );
    if (row === undefined) throw tokenRefused();
    if (row.expired && row.expires_at !== null) throw tokenExpired(row.expires_at);
    const user = await loadUser(this.db, row.user_id as UserId);
    if (user === undefined || user.disabledAt !== null) throw tokenRefused();
    await this.db.query(
      `UPDATE api_tokens SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '${TOUCH_INTERVAL}')`,
      [row.id],
    );
    return {
      tokenId: row.id as ApiTokenId,
      user,
      organizationCode: row.organization_code as OrganizationCode,
      scope: row.scope,
    };
  }

  /** Revokes a token for good. Revoking a revoked token changes nothing; an unknown id is NOT_FOUND. */
  async revokeApiToken(tokenId: string, context: AuditContext): Promise<ApiTokenInfo> {
    const id = parseInput(apiTokenIdSchema, tokenId, "id");
    return this.db.transaction(async (tx) => {
      const [revoked] = await tx.query<TokenRow>(
        `UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${TOKEN_COLUMNS}`,
        [id],
      );
      if (revoked === undefined) {
        const [existing] = await tx.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1`, [
          id,
        ]);
        if (existing === undefined) {
          throw notFound(
            { sv: `Det finns ingen API-nyckel ${id}.`, en: `There is no API token ${id}.` },
            { id },
          );
        }
        return toTokenInfo(existing);
      }
      await recordAudit(tx, {
        ...context,
        action: "api-token.revoke",
        object: `token:${id}`,
        details: { userId: revoked.user_id, organizationCode: revoked.organization_code },
      });
      return toTokenInfo(revoked);
    });
  }

  /** A user's tokens, newest first, revoked ones included; never a secret or a hash. */
  async listApiTokens(userId: string): Promise<ApiTokenInfo[]> {
    const id = parseInput(userIdSchema, userId, "userId");
    const rows = await this.db.query<TokenRow>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id`,
      [id],
    );
    return rows.map(toTokenInfo);
  }

  can(principal: Principal, action: Action, object?: string): boolean {
    return can(principal, action, object);
  }

  /** Records a write done elsewhere. Prefer recordAudit(tx, …) inside that write's transaction. */
  async audit(entry: AuditEntryInput): Promise<void> {
    await recordAudit(this.db, parseInput(auditEntrySchema, entry));
  }

  /** The latest audit rows, newest first. */
  async listAudit(limit = 100): Promise<AuditEntry[]> {
    return readAudit(this.db, parseInput(auditLimitSchema, limit, "limit"));
  }

  /**
   * At start: when there is no administrator yet, makes one from configuration, or with a
   * generated password that is returned to be printed once. Returns undefined when there is one
   * already. Concurrent starters serialise on an advisory lock, so exactly one is made.
   */
  async ensureFirstAdministrator(
    config: { readonly email?: string | undefined; readonly password?: string | undefined },
    context: AuditContext = SYSTEM,
  ): Promise<FirstAdministrator | undefined> {
    if (await administratorExists(this.db)) return undefined;
    const email = parseInput(emailSchema, blankToUndefined(config.email) ?? DEFAULT_ADMIN_EMAIL, "email");
    const given = blankToUndefined(config.password);
    const generatedPassword = given === undefined ? generatePassword() : undefined;
    const passwordHash = await hashPassword(given ?? generatedPassword ?? "");
    return this.db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [FIRST_ADMIN_LOCK_KEY]);
      if (await administratorExists(tx)) return undefined;
      const user = await insertUser(
        tx,
        { email, displayName: "Administratör", roles: [{ role: "administrator" }] },
        passwordHash,
      );
      await recordAudit(tx, {
        ...context,
        action: "user.create-first-administrator",
        object: `user:${user.id}`,
        details: { email: user.email, passwordGenerated: generatedPassword !== undefined },
      });
      return { user, generatedPassword };
    });
  }
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
