// The server-rendered web: pages in Swedish (plain paths) and English (/en), static files, and the
// HTML error page; signing in, publishing, the national datasets and the list's edits with their
// CSRF-checked forms. Depends on core, registry, specs, validation, accounts, publishing and
// consolidation; the HTTP layer mounts it and resolves the principal.
export {
  webErrorPage,
  webRoutes,
  type ErrorPageOptions,
  type WebDependencies,
  type WebEnv,
} from "./routes.tsx";
export { sweepUploadLeftovers } from "./multipart.ts";
