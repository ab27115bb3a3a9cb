// The web routes over a seeded in-memory database, without the HTTP layer: the language
// middleware and error handling are stood in for here as src/http does them. For tests only.
import assert from "node:assert/strict";
import { Hono } from "hono";
import { isAppError, notFound } from "../core/index.ts";
import { RegistryService } from "../registry/index.ts";
import { SpecsService } from "../specs/index.ts";
import { ValidationService } from "../validation/index.ts";
import { createSeededDatabase, type TestDatabase } from "../../test/support/platform.ts";
import { pathLanguage } from "./paths.ts";
import { webErrorPage, webRoutes, type WebEnv } from "./index.ts";

export interface WebHarness {
  readonly app: Hono<WebEnv>;
  readonly database: TestDatabase;
  readonly specs: SpecsService;
  readonly registry: RegistryService;
  /** GETs a page as a browser would and checks its status. */
  get(path: string, status?: number): Promise<string>;
  close(): Promise<void>;
}

export async function createWebHarness(
  options: { readonly openApiDocument?: () => unknown; readonly maxUploadBytes?: number } = {},
): Promise<WebHarness> {
  const database = await createSeededDatabase();
  const specs = new SpecsService(database.db);
  const registry = new RegistryService(database.db);
  const app = new Hono<WebEnv>();
  app.use("*", async (c, next) => {
    c.set("language", pathLanguage(c.req.path));
    c.set("requestId", "req-1");
    await next();
  });
  app.route(
    "/",
    webRoutes({
      registry,
      specs,
      validation: new ValidationService(specs, registry),
      openApiDocument: options.openApiDocument ?? (() => ({})),
      maxUploadBytes: options.maxUploadBytes ?? 1024 * 1024,
    }),
  );
  app.onError((error, c) => {
    if (!isAppError(error)) throw error;
    const status = error.code === "NOT_FOUND" ? 404 : 500;
    return c.html(webErrorPage(error, c.get("language"), { path: c.req.path, requestId: "req-1" }), status);
  });
  app.notFound((c) =>
    c.html(
      webErrorPage(notFound({ sv: "Inget här.", en: "Nothing here." }), "sv", { path: c.req.path }),
      404,
    ),
  );
  return {
    app,
    database,
    specs,
    registry,
    async get(path, status = 200) {
      const response = await app.request(path, { headers: { Accept: "text/html" } });
      const html = await response.text();
      assert.equal(response.status, status, `${path}: ${html.slice(0, 300)}`);
      return html;
    },
    close: () => database.drop(),
  };
}
