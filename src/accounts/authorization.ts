import { AppError, isOrganizationCode } from "../core/index.ts";
import type { Action, Principal, Role, TokenPrincipal, User } from "./types.ts";

export function isTokenPrincipal(principal: Principal): principal is TokenPrincipal {
  return "tokenId" in principal;
}

/** The user behind a principal. */
export function userOf(principal: Principal): User {
  return isTokenPrincipal(principal) ? principal.user : principal;
}

/** The audit log's actor for a principal: "user:<id>", or "token:<id>" for a user acting through a token. */
export function actorOf(principal: Principal): string {
  return isTokenPrincipal(principal) ? `token:${principal.tokenId}` : `user:${principal.id}`;
}

function roleAllows(role: Role, action: Action, object: string | undefined): boolean {
  switch (role.role) {
    case "administrator":
      return true;
    case "national-coordinator":
      return action === "edit-priority-list" || (action === "read" && object !== undefined);
    case "county-coordinator":
      // An organization's code starts with its län's: "0580" and the region "05" are both in län 05.
      return action === "read" && object !== undefined && object.slice(0, 2) === role.lanCode;
    case "publisher":
      return (action === "publish" || action === "read") && object === role.organizationCode;
    case "data-user":
      return false;
  }
}

/**
 * May this principal do this to this object? Checked per object: a publisher of 0580 may publish
 * for 0580 and nothing else. A token can do no more than its owner, and only within its
 * organization and scope. A disabled user can do nothing.
 */
export function can(principal: Principal, action: Action, object?: string): boolean {
  const user = userOf(principal);
  if (user.disabledAt !== null) return false;
  const needsObject = action === "publish" || action === "read";
  if (needsObject && (object === undefined || !isOrganizationCode(object))) return false;
  if (isTokenPrincipal(principal)) {
    if (object !== principal.organizationCode) return false;
    if (action === "publish" && principal.scope !== "publish") return false;
    if (action !== "publish" && action !== "read") return false;
  }
  return user.roles.some((role) => roleAllows(role, action, object));
}

/**
 * The principal, allowed to do action to object: the domain's own check, for rules the shells
 * must not each write. Nobody signed in is UNAUTHORIZED (401), someone not allowed FORBIDDEN (403).
 */
export function requireCan(principal: Principal | undefined, action: Action, object?: string): Principal {
  if (principal === undefined) {
    throw new AppError("UNAUTHORIZED", {
      sv: "Logga in, eller använd en API-nyckel, för att göra det här.",
      en: "Sign in, or use an API token, to do this.",
    });
  }
  if (!can(principal, action, object)) {
    throw new AppError(
      "FORBIDDEN",
      {
        sv: `Du har inte behörighet till det här${object === undefined ? "" : ` för ${object}`}.`,
        en: `You are not allowed to do this${object === undefined ? "" : ` for ${object}`}.`,
      },
      { details: { action, ...(object === undefined ? {} : { object }) } },
    );
  }
  return principal;
}
