// The server-rendered web: pages in Swedish (plain paths) and English (/en), static files, and the
// HTML error page. Depends on core, registry, specs and validation; the HTTP layer mounts it.
export {
  webErrorPage,
  webRoutes,
  type ErrorPageOptions,
  type WebDependencies,
  type WebEnv,
} from "./routes.tsx";
