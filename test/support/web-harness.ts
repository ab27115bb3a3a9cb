// The web routes over a seeded in-memory database, without the rest of the HTTP layer: the
// language middleware and error handling are stood in for here as src/http does them, and the
// principal is resolved by the HTTP layer's own resolvePrincipal. It lives outside src/web
// because it borrows from src/http, which the web never imports (docs/architecture.md). A small
// client keeps cookies like a browser and sends our Origin on POSTs. For tests only.
import {
  CatalogSearch,
  CatalogService,
  DescribedDatasets,
  HarvestService,
  harvestSearchFeeds,
} from "../../src/catalog/index.ts";
import assert from "node:assert/strict";
import { Hono } from "hono";
import { AccountsService, type Role, type User } from "../../src/accounts/index.ts";
import { DatasetQueryService } from "../../src/consolidation/index.ts";
import { isAppError, notFound } from "../../src/core/index.ts";
import { resolvePrincipal } from "../../src/http/auth.ts";
import { HTTP_STATUS } from "../../src/http/errors.ts";
import { ProgressService } from "../../src/progress/index.ts";
import { PublishingService } from "../../src/publishing/index.ts";
import { RegistryService } from "../../src/registry/index.ts";
import { SpecsService } from "../../src/specs/index.ts";
import { ValidationService } from "../../src/validation/index.ts";
import { createSeededDatabase, type TestDatabase } from "./platform.ts";
import { temporaryFileStore } from "./publishing.ts";
import { CSRF_FIELD } from "../../src/web/csrf.ts";
import { pathLanguage } from "../../src/web/paths.ts";
import { webErrorPage, webRoutes, type WebEnv } from "../../src/web/index.ts";

/** The origin app.request uses; POSTs from "the site" carry it. */
export const HARNESS_ORIGIN = "http://localhost";
export const TEST_PASSWORD = "ett-långt-lösenord-för-test";

export interface WebClient {
  readonly cookies: Map<string, string>;
  /** GETs a page as a browser would and checks its status. */
  get(path: string, status?: number): Promise<string>;
  /** The raw answer to a GET (redirects are not followed). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a form (multipart) with the site's Origin and the cookies; redirects are not followed. */
  post(path: string, fields: Readonly<Record<string, string | File>>, init?: RequestInit): Promise<Response>;
  /** Signs in through the form; the client then holds the session cookie. */
  signIn(email: string, password?: string): Promise<void>;
}

export interface WebHarness {
  readonly app: Hono<WebEnv>;
  readonly database: TestDatabase;
  readonly specs: SpecsService;
  readonly registry: RegistryService;
  readonly accounts: AccountsService;
  readonly publishing: PublishingService;
  readonly described: DescribedDatasets;
  /** GETs a page as a browser would and checks its status. */
  get(path: string, status?: number): Promise<string>;
  /** A browser of its own: cookies, and our Origin on POSTs. */
  client(): WebClient;
  /** A user with these roles and TEST_PASSWORD. */
  createUser(email: string, roles: readonly Role[], displayName?: string): Promise<User>;
  close(): Promise<void>;
}

/** The CSRF token in a page's first form. */
export function csrfFrom(html: string): string {
  const token = new RegExp(`name="${CSRF_FIELD}" value="([^"]+)"`).exec(html)?.[1];
  assert.ok(token !== undefined, "the page has a CSRF field");
  return token;
}

export async function createWebHarness(
  options: {
    readonly openApiDocument?: () => unknown;
    readonly maxUploadBytes?: number;
    readonly publicUrl?: string;
  } = {},
): Promise<WebHarness> {
  const database = await createSeededDatabase();
  const store = await temporaryFileStore();
  const specs = new SpecsService(database.db);
  const registry = new RegistryService(database.db);
  const validation = new ValidationService(specs, registry);
  const accounts = new AccountsService(database.db);
  const publishing = new PublishingService(database.db, registry, specs, validation, store.files);
  const described = new DescribedDatasets(database.db, new HarvestService(database.db, registry));
  const app = new Hono<WebEnv>();
  app.use("*", async (c, next) => {
    c.set("language", pathLanguage(c.req.path));
    c.set("requestId", "req-1");
    await next();
  });
  app.use("*", resolvePrincipal(accounts, options.publicUrl));
  app.route(
    "/",
    webRoutes({
      registry,
      specs,
      validation,
      accounts,
      publishing,
      data: new DatasetQueryService(database.db, specs),
      progress: new ProgressService(database.db, registry, specs),
      described,
      catalogSearch: new CatalogSearch(database.db, [
        new CatalogService(database.db, specs, registry).searchFeeds(),
        harvestSearchFeeds(database.db),
      ]),
      openApiDocument: options.openApiDocument ?? (() => ({})),
      maxUploadBytes: options.maxUploadBytes ?? 1024 * 1024,
      publicUrl: options.publicUrl,
    }),
  );
  app.onError((error, c) => {
    if (!isAppError(error)) throw error;
    return c.html(
      webErrorPage(error, c.get("language"), { path: c.req.path, requestId: "req-1" }),
      HTTP_STATUS[error.code],
    );
  });
  app.notFound((c) =>
    c.html(
      webErrorPage(notFound({ sv: "Inget här.", en: "Nothing here." }), "sv", { path: c.req.path }),
      404,
    ),
  );

  const client = (): WebClient => {
    const cookies = new Map<string, string>();
    const keep = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair = "", ...attributes] = line.split(";");
        const eq = pair.indexOf("=");
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
        if (gone) cookies.delete(name);
        else cookies.set(name, value);
      }
    };
    const cookieHeader = (): Record<string, string> =>
      cookies.size === 0 ? {} : { Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
    const request = async (path: string, init: RequestInit = {}) => {
      const response = await app.request(path, {
        ...init,
        headers: { Accept: "text/html", ...cookieHeader(), ...(init.headers as Record<string, string>) },
      });
      keep(response);
      return response;
    };
    const self: WebClient = {
      cookies,
      request,
      async get(path, status = 200) {
        const response = await request(path);
        const html = await response.text();
        assert.equal(response.status, status, `${path}: ${html.slice(0, 300)}`);
        return html;
      },
      async post(path, fields, init = {}) {
        const form = new FormData();
        for (const [name, value] of Object.entries(fields)) form.set(name, value);
        return request(path, {
          method: "POST",
          body: form,
          ...init,
          headers: { Origin: HARNESS_ORIGIN, ...(init.headers as Record<string, string> | undefined) },
        });
      },
      async signIn(email, password = TEST_PASSWORD) {
        const form = await self.get("/sign-in");
        const response = await self.post("/sign-in", { email, password, [CSRF_FIELD]: csrfFrom(form) });
        assert.equal(response.status, 303, await response.text());
        assert.ok(cookies.has("dv_session"), "signed in");
      },
    };
    return self;
  };

  return {
    app,
    database,
    specs,
    registry,
    accounts,
    publishing,
    described,
    get: (path, status) => client().get(path, status),
    client,
    createUser: (email, roles, displayName = "Test Testsson") =>
      accounts.createUser({ email, displayName, password: TEST_PASSWORD, roles }),
    async close() {
      await database.drop();
      await store.remove();
    },
  };
}
