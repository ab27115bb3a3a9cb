import type { Brand, LanKod, OrganizationCode } from "../core/index.ts";

/** A user's id (a UUID). */
export type UserId = Brand<string, "UserId">;
/** An API token's id (a UUID); not the secret. */
export type ApiTokenId = Brand<string, "ApiTokenId">;

export const ROLE_NAMES = [
  "administrator",
  "national-coordinator",
  "county-coordinator",
  "publisher",
  "data-user",
] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** A role with its scope: one län for a county coordinator, one organization for a publisher. */
export type Role =
  | { readonly role: "administrator" }
  | { readonly role: "national-coordinator" }
  | { readonly role: "county-coordinator"; readonly lanCode: LanKod }
  | { readonly role: "publisher"; readonly organizationCode: OrganizationCode }
  | { readonly role: "data-user" };

export interface User {
  readonly id: UserId;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
}

export const TOKEN_SCOPES = ["read", "publish"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Who is acting through an API token: the token's owner, narrowed to one organization and scope. */
export interface TokenPrincipal {
  readonly tokenId: ApiTokenId;
  readonly user: User;
  readonly organizationCode: OrganizationCode;
  readonly scope: TokenScope;
}

/** Who is asking: a signed-in user (session), or a user acting through an API token. */
export type Principal = User | TokenPrincipal;

/** An API token as listed: never the secret, never its hash. */
export interface ApiTokenInfo {
  readonly id: ApiTokenId;
  readonly userId: UserId;
  readonly name: string;
  readonly organizationCode: OrganizationCode;
  readonly scope: TokenScope;
  readonly createdAt: Date;
  /** Used at most a minute before this (the time is written at most once a minute). */
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
  /** When it stops working; null when it never does. */
  readonly expiresAt: Date | null;
}

/**
 * What can be asked of `can`:
 * - publish: publish for an organization (object: its code);
 * - read: see an organization's unpublished material (object: its code);
 * - edit-priority-list, manage-users: platform-wide (no object).
 */
export const ACTIONS = ["publish", "read", "edit-priority-list", "manage-users"] as const;
export type Action = (typeof ACTIONS)[number];

/** Who did a write and from where; recorded in the audit log with it. */
export interface AuditContext {
  /** "user:<id>", "token:<id>" (see actorOf) or "system". */
  readonly actor: string;
  /** The client's address, as the HTTP layer determined it. */
  readonly fromAddress?: string | null | undefined;
}

export interface AuditEntryInput extends AuditContext {
  readonly action: string;
  readonly object?: string | null | undefined;
  readonly details?: Readonly<Record<string, unknown>> | null | undefined;
}

export interface AuditEntry {
  /** bigserial, as a string (a 64-bit number does not fit a JS number). */
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly object: string | null;
  readonly fromAddress: string | null;
  readonly details: Readonly<Record<string, unknown>> | null;
}
