import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AccountsService } from "../../accounts/index.ts";
import { clientAddress, SESSION_COOKIE } from "../auth.ts";
import type { AppEnv } from "../context.ts";
import { sessionCookieOptions } from "../cookies.ts";
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

export function sessionApi(accounts: AccountsService, publicUrl: string | undefined) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(signIn, async (c) => {
    const { email, password } = c.req.valid("json");
    const user = await accounts.authenticate(email, password, clientAddress(c));
    const session = await accounts.createSession(user.id, undefined, {
      actor: `user:${user.id}`,
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

  app.openapi(signOut, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined)
      await accounts.revokeSession(token, { actor: "session", fromAddress: clientAddress(c) });
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.body(null, 204);
  });

  return app;
}
