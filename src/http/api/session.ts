import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  actorOf,
  DEFAULT_TOKEN_DAYS,
  isTokenPrincipal,
  TOKEN_SCOPES,
  type AccountsService,
} from "../../accounts/index.ts";
import { AppError } from "../../core/index.ts";
import { clientAddress, SESSION_COOKIE } from "../auth.ts";
import type { AppEnv } from "../context.ts";
import { sessionCookieOptions } from "../../web/cookies.ts";
import { errorResponses } from "./schemas.ts";

const SessionUser = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.looseObject({ role: z.string() })),
  })
  .openapi("SessionUser");

const signIn = createRoute({
  method: "post",
  path: "/session",
  tags: ["Accounts"],
  summary: "Logga in / Sign in",
  description:
    "Sets an HttpOnly, SameSite=Lax session cookie (the same one the web sign-in sets), Secure when the site is served over https. Requests that change data with the cookie must come from this origin.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({ email: z.string().max(254), password: z.string().max(1024) }),
        },
      },
    },
  },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: SessionUser } } },
    ...errorResponses([400, 401, 429]),
  },
});

const signOut = createRoute({
  method: "delete",
  path: "/session",
  tags: ["Accounts"],
  summary: "Logga ut / Sign out",
  responses: { 204: { description: "Signed out" } },
});

const CreatedToken = z
  .object({
    id: z.string(),
    token: z.string().openapi({ description: "The secret: shown in this answer only" }),
    name: z.string(),
    organizationCode: z.string(),
    scope: z.enum(TOKEN_SCOPES),
    createdAt: z.string(),
    expiresAt: z.string().nullable().openapi({ description: "null: valid until revoked" }),
  })
  .openapi("CreatedApiToken");

const createToken = createRoute({
  method: "post",
  path: "/session/tokens",
  tags: ["Accounts"],
  summary: "Skapa en API-nyckel / Make an API token",
  description: `For the signed-in user (session cookie; a token cannot make tokens), scoped to one organization and to read or publish. Valid for expiresInDays days (1–3650; ${DEFAULT_TOKEN_DAYS} when left out), or until revoked with null.`,
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            organizationCode: z.string().max(10),
            scope: z.enum(TOKEN_SCOPES),
            name: z.string().max(100),
            expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: "Made", content: { "application/json": { schema: CreatedToken } } },
    ...errorResponses([400, 401, 403]),
  },
});

export function sessionApi(accounts: AccountsService, publicUrl: string | undefined) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(signIn, async (c) => {
    const { email, password } = c.req.valid("json");
    const user = await accounts.authenticate(email, password, clientAddress(c));
    const session = await accounts.createSession(user.id, undefined, {
      actor: actorOf(user),
      fromAddress: clientAddress(c),
    });
    setCookie(
      c,
      SESSION_COOKIE,
      session.token,
      sessionCookieOptions(c.req.url, publicUrl, session.expiresAt),
    );
    return c.json(
      {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        roles: user.roles.map((r) => ({ ...r })),
      },
      200,
    );
  });

  app.openapi(createToken, async (c) => {
    const principal = c.get("principal");
    if (principal === undefined || isTokenPrincipal(principal)) {
      throw new AppError("UNAUTHORIZED", {
        sv: "Logga in för att skapa API-nycklar; en API-nyckel kan inte skapa fler.",
        en: "Sign in to make API tokens; an API token cannot make more.",
      });
    }
    const created = await accounts.createApiToken(
      { ...c.req.valid("json"), userId: principal.id },
      { actor: actorOf(principal), fromAddress: clientAddress(c) },
    );
    return c.json(
      {
        id: created.id,
        token: created.token,
        name: created.name,
        organizationCode: created.organizationCode,
        scope: created.scope,
        createdAt: created.createdAt.toISOString(),
        expiresAt: created.expiresAt?.toISOString() ?? null,
      },
      201,
    );
  });

  app.openapi(signOut, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined)
      await accounts.revokeSession(token, { actor: "session", fromAddress: clientAddress(c) });
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  });

  return app;
}
