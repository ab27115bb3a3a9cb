import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { Database } from "../../db/index.ts";
import type { AppEnv } from "../context.ts";
import { errorResponses } from "./schemas.ts";

const StatusSchema = z.object({ status: z.literal("ok") }).openapi("Status");

const healthz = createRoute({
  method: "get",
  path: "/healthz",
  tags: ["Operations"],
  summary: "Processen är uppe / The process is up",
  responses: { 200: { description: "Up", content: { "application/json": { schema: StatusSchema } } } },
});

const readyz = createRoute({
  method: "get",
  path: "/readyz",
  tags: ["Operations"],
  summary: "Databasen svarar / The database answers",
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: StatusSchema } } },
    ...errorResponses([503]),
  },
});

export function healthApi(db: Database) {
  const app = new OpenAPIHono<AppEnv>();
  const noStore = { "Cache-Control": "no-store" };
  app.openapi(healthz, (c) => c.json({ status: "ok" as const }, 200, noStore));
  app.openapi(readyz, async (c) => {
    // ping throws SERVICE_UNAVAILABLE, which the error handler answers with 503.
    await db.ping();
    return c.json({ status: "ok" as const }, 200, noStore);
  });
  return app;
}
