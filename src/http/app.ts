import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { AppError, type Config, type ErrorCode, type Logger } from "../core/index.ts";
import type { Database } from "../db/index.ts";
import type { FileStore } from "../files/index.ts";
import { createServices, type Services } from "../platform/index.ts";
import { webErrorPage, webRoutes } from "../web/index.ts";
import { catalogApi } from "./api/catalog.ts";
import { catalogSearchApi } from "./api/catalog-search.ts";
import { describedApi } from "./api/described.ts";
import { harvestApi } from "./api/harvest.ts";
import { catalogRoutes } from "./catalog-routes.ts";
import { clientConcurrencyLimit, clientLimitsFromEnv } from "./client-limits.ts";
import { CatalogExportCache } from "../catalog/index.ts";
import { dataApi } from "./api/data.ts";
import { ogcApi } from "./ogc/index.ts";
import { healthApi } from "./api/health.ts";
import { progressApi } from "./api/progress.ts";
import { publicationsApi } from "./api/publications.ts";
import { sessionApi } from "./api/session.ts";
import { resolvePrincipal } from "./auth.ts";
import { registryApi } from "./api/registry.ts";
import { withBodyErrors } from "./api/schemas.ts";
import { specsApi } from "./api/specs.ts";
import { validationApi } from "./api/validate.ts";
import type { AppEnv } from "./context.ts";
import { asAppError, clientAborted, errorBody, HTTP_STATUS, isClientAbort } from "./errors.ts";
import { openCors, requestContext, securityHeaders, urlLengthLimit } from "./middleware.ts";
import { boundedBodies, refuseNulInUrl } from "./body.ts";
import { validationError } from "./validation.ts";

export interface AppOptions {
  readonly db: Database;
  readonly logger: Logger;
  readonly config: Pick<
    Config,
    | "maxBodyBytes"
    | "maxUploadBytes"
    | "requestTimeoutMs"
    | "uploadTimeoutMs"
    | "publicUrl"
    | "dataDir"
    | "allowedPrivateHosts"
  >;
  /** Where originals are stored; a directory under DATA_DIR when not given. */
  readonly files?: FileStore;
  /** The domain services, when the caller built them already (serve); else built here. */
  readonly services?: Services;
}

/** Longest URL accepted, path and query together. Real filters fit in far less. */
export const MAX_URL_BYTES = 8 * 1024;

export const OPENAPI_INFO = {
  title: "Dataverkstad API",
  version: "1.0.0",
  description:
    "Nationell dataverkstad: Sveriges kommuner och regioner, deras prioriterade datamängder och nationellt sammanställda data. " +
    "Felmeddelanden är på svenska, eller på engelska med Accept-Language: en. / The national data workshop's API.",
  license: { name: "CC0 1.0 (data), EUPL-1.2 (software)" },
};

const ERROR_HEADERS: Partial<Record<ErrorCode, Record<string, string>>> = {
  SERVICE_UNAVAILABLE: { "Retry-After": "5" },
  // The unread rest of the body is still on the socket: the client must not reuse it.
  PAYLOAD_TOO_LARGE: { Connection: "close" },
  REQUEST_TIMEOUT: { Connection: "close" },
};

const OPENAPI_TAGS = [
  { name: "Registry", description: "Kommuner, regioner och län / Municipalities, regions and counties" },
  {
    name: "Specifications",
    description: "Prioriterade listan och specifikationer / The prioritized list and specifications",
  },
  { name: "Validation", description: "Validering av filer / Validating files" },
  { name: "Publishing", description: "Publicering och releaser / Publishing and releases" },
  { name: "Data", description: "Nationella datamängder / National datasets (OGC API Features at /ogc)" },
  {
    name: "Catalog",
    description: "DCAT-AP-SE-katalogen, förhandskontroll och metadatakvalitet / The DCAT-AP-SE catalog",
  },
  { name: "Progress", description: "Mognad och det nationella målet / Readiness and the national goal" },
  { name: "Accounts", description: "Inloggning / Signing in" },
  { name: "Operations", description: "Drift / Operations" },
];

/** A RATE_LIMITED error says when to come back; the header says it to machines. */
function retryAfter(error: AppError): Record<string, string> {
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return error.code === "RATE_LIMITED" && typeof seconds === "number"
    ? { "Retry-After": String(seconds) }
    : {};
}

function isApiPath(path: string): boolean {
  return (
    path.startsWith("/api/") ||
    path === "/ogc" ||
    path.startsWith("/ogc/") ||
    path === "/openapi.json" ||
    path === "/healthz" ||
    path === "/readyz"
  );
}

export function createApp(options: AppOptions) {
  const { db, logger, config } = options;
  const {
    registry,
    specs,
    validation,
    accounts,
    publishing,
    data,
    progress,
    catalog,
    catalogSearch,
    harvest,
    linkChecks,
    described,
  } = options.services ?? createServices(db, { ...config, logger }, options.files);
  const baseUrl = (origin: string) => config.publicUrl ?? origin;

  // Schema failures at the edge become one BAD_REQUEST listing each problem.
  const honoOptions: ConstructorParameters<typeof OpenAPIHono<AppEnv>>[0] = {
    defaultHook: (result, c) => {
      if (!result.success) throw validationError(result.target, result.error, c);
    },
  };
  const app = new OpenAPIHono<AppEnv>(honoOptions);

  app.use("*", requestContext(logger));
  app.use("*", securityHeaders());
  app.use("*", urlLengthLimit(MAX_URL_BYTES));
  app.use("*", refuseNulInUrl());
  // Every body, bounded and timed as it streams; upload routes stream under the upload limit.
  app.use("*", boundedBodies(config, isApiPath));
  app.use("*", clientConcurrencyLimit(clientLimitsFromEnv(process.env)));
  // Open data: the read API may be called from any origin.
  const openDataCors = openCors({
    allowMethods: ["GET", "HEAD", "OPTIONS"],
    exposeHeaders: ["X-Request-Id", "ETag"],
  });
  app.use("/api/*", openDataCors);
  app.use("/openapi.json", openCors({}));
  app.use("/ogc/*", openDataCors);
  app.use("/api/*", resolvePrincipal(accounts, config.publicUrl));
  // Web pages show who is signed in and take forms from them; static files need no principal.
  const webPrincipal = resolvePrincipal(accounts, config.publicUrl);
  const webPrincipalUnlessApi: MiddlewareHandler<AppEnv> = (c, next) =>
    isApiPath(c.req.path) || c.req.path.startsWith("/static/") ? next() : webPrincipal(c, next);
  app.use("*", webPrincipalUnlessApi);

  const api = new OpenAPIHono<AppEnv>(honoOptions);
  api.route("/", registryApi(registry));
  api.route("/", specsApi(specs, registry, baseUrl));
  api.route("/", validationApi(validation, config.maxUploadBytes));
  api.route("/", sessionApi(accounts, config.publicUrl));
  api.route("/", progressApi(progress));
  api.route("/", publicationsApi(publishing, baseUrl, config.maxUploadBytes));
  api.route("/", dataApi(data, baseUrl));
  api.route("/", catalogApi(catalog, linkChecks, baseUrl));
  api.route("/", catalogSearchApi(catalogSearch, baseUrl));
  api.route("/", describedApi(described));
  api.route("/", harvestApi(harvest));
  app.route("/api/v1", api);
  app.route("/ogc", ogcApi(data, baseUrl));
  app.route(
    "/",
    catalogRoutes(
      catalog,
      config.publicUrl,
      new CatalogExportCache(join(config.dataDir, "cache", "catalog")),
    ),
  );
  app.route("/", healthApi(db));

  // doc31's document, with the body reader's answers added to every route that takes a body.
  app.get("/openapi.json", (c) =>
    c.json(
      withBodyErrors(
        app.getOpenAPI31Document({
          openapi: "3.1.0",
          info: OPENAPI_INFO,
          servers: [{ url: baseUrl(new URL(c.req.url).origin) }],
          tags: OPENAPI_TAGS,
        }),
      ),
    ),
  );

  app.route(
    "/",
    webRoutes({
      registry,
      specs,
      validation,
      accounts,
      publishing,
      data,
      progress,
      catalogSearch,
      described,
      openApiDocument: () =>
        withBodyErrors(
          app.getOpenAPI31Document({ openapi: "3.1.0", info: OPENAPI_INFO, tags: OPENAPI_TAGS }),
        ),
      maxUploadBytes: config.maxUploadBytes,
      publicUrl: config.publicUrl,
    }),
  );

  // API paths and non-browser clients get the contract's JSON; browsers get the HTML error page.
  const respondWithError = (c: Context<AppEnv>, error: AppError, requestId?: string) => {
    const status = HTTP_STATUS[error.code];
    const language = c.get("language");
    if (!isApiPath(c.req.path) && c.req.header("accept")?.includes("text/html")) {
      return c.html(webErrorPage(error, language, { path: c.req.path, requestId }), status);
    }
    return c.json(errorBody(error, language), status, { ...ERROR_HEADERS[error.code], ...retryAfter(error) });
  };

  app.onError((error, c) => {
    const log = c.get("logger");
    if (isClientAbort(error, c.req.raw.signal)) {
      // The client went away mid-body: nobody reads this answer, and it is not the server's fault
      // (nor the database's), so it is logged as what it is and answered as a client error.
      log.info("client aborted", { error: error.message });
      return respondWithError(c, clientAborted(), c.get("requestId"));
    }
    const appError = asAppError(error);
    if (appError.code === "INTERNAL") log.error("unhandled error", { error });
    else if (appError.code === "SERVICE_UNAVAILABLE")
      log.warn("database unavailable", { error: appError.cause });
    return respondWithError(c, appError, c.get("requestId"));
  });

  app.notFound((c) =>
    respondWithError(
      c,
      new AppError("NOT_FOUND", {
        sv: `Det finns inget på adressen ${c.req.path}.`,
        en: `There is nothing at ${c.req.path}.`,
      }),
    ),
  );

  return app;
}
