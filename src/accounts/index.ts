// Accounts: users and roles, password sign-in, sessions, API tokens, authorization and the audit log.
export {
  AccountsService,
  DEFAULT_ADMIN_EMAIL,
  DEFAULT_SESSION_TTL_SECONDS,
  DEFAULT_TOKEN_DAYS,
  SYSTEM,
} from "./service.ts";
export type {
  CreateApiTokenInput,
  CreatedApiToken,
  CreateUserInput,
  FirstAdministrator,
  NewSession,
} from "./service.ts";
export { actorOf, can, isTokenPrincipal, requireCan, userOf } from "./authorization.ts";
export { recordAudit } from "./audit.ts";
export {
  checkPasswordPolicy,
  generatePassword,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordNeedsRehash,
  verifyPassword,
} from "./password.ts";
export { API_TOKEN_PREFIX } from "./secrets.ts";
export { ACTIONS, ROLE_NAMES, TOKEN_SCOPES } from "./types.ts";
export type {
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
export { SIGN_IN_LIMITS } from "./sign-in-limits.ts";
