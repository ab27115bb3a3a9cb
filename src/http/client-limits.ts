// Per-client concurrency limits on the expensive public reads: the catalog export, data downloads
// and catalog search. A client may have a few of each in flight; beyond that it gets 429 with
// Retry-After at once, before any work is done, so one client cannot take every worker of the
// process. A request counts until its response has been sent (or the connection closed), since
// the expensive part of a download is its streaming.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { AppError, parseEnv } from "../core/index.ts";
import { clientAddress } from "./auth.ts";
import type { AppEnv } from "./context.ts";

export type ExpensiveKind = "export" | "download" | "search";

const EXPENSIVE: readonly (readonly [RegExp, ExpensiveKind])[] = [
  [/^\/catalog\.(rdf|ttl|jsonld)$/, "export"],
  [/^\/organizations\/[^/]+\/catalog\.(rdf|ttl|jsonld)$/, "export"],
  [/^\/api\/v1\/data\/[^/]+$/, "download"],
  [/^\/api\/v1\/organizations\/[^/]+\/data\/[^/]+$/, "download"],
  [/^\/api\/v1\/releases\/[^/]+\/file$/, "download"],
  [/^\/ogc\/collections\/[^/]+\/items$/, "download"],
  [/^\/api\/v1\/catalog\/datasets$/, "search"],
  [/^(\/en)?\/catalog$/, "search"],
];

/** Which expensive kind a request is, if any. */
export function expensiveKind(method: string, path: string): ExpensiveKind | undefined {
  if (method !== "GET" && method !== "HEAD") return undefined;
  return EXPENSIVE.find(([pattern]) => pattern.test(path))?.[1];
}

export interface ClientLimits {
  /** Requests of one kind a client may have in flight at once. */
  readonly perClient: number;
  /** What Retry-After tells a refused client, in seconds. */
  readonly retryAfterSeconds: number;
}

export const CLIENT_LIMIT_DEFAULTS: ClientLimits = { perClient: 4, retryAfterSeconds: 2 };

const schema = z.object({
  CLIENT_CONCURRENCY_LIMIT: z.coerce.number().int().positive().optional(),
});

/** CLIENT_CONCURRENCY_LIMIT from the environment (a load test raises it); the default otherwise. */
export function clientLimitsFromEnv(env: NodeJS.ProcessEnv): ClientLimits {
  const e = parseEnv(schema, env);
  return {
    ...CLIENT_LIMIT_DEFAULTS,
    perClient: e.CLIENT_CONCURRENCY_LIMIT ?? CLIENT_LIMIT_DEFAULTS.perClient,
  };
}

/**
 * Counts each client's requests in flight per kind. The client is the peer address: behind a
 * reverse proxy every client shares the proxy's, so there the proxy should limit per client.
 */
export function clientConcurrencyLimit(limits: ClientLimits): MiddlewareHandler<AppEnv> {
  const inFlight = new Map<string, number>();
  // A client that has read a whole response may send its next request on the same connection
  // before the server has closed the first: one connection is one request in flight.
  const bySocket = new WeakMap<Socket, () => void>();
  return async (c, next) => {
    const kind = expensiveKind(c.req.method, c.req.path);
    if (kind === undefined) return next();
    // Through node's server the response is done when the outgoing message closes (sent or cut).
    const env = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
    const outgoing = env?.outgoing;
    // The request's socket: the response's is not assigned while an earlier response on it is open.
    const socket = env?.incoming?.socket ?? null;
    if (socket !== null) bySocket.get(socket)?.();
    const key = `${kind} ${clientAddress(c) ?? "unknown"}`;
    const count = inFlight.get(key) ?? 0;
    if (count >= limits.perClient) {
      const error = new AppError(
        "RATE_LIMITED",
        {
          sv: `För många samtidiga förfrågningar av det här slaget från din adress (högst ${limits.perClient} åt gången). Vänta tills de pågående är klara och försök igen om ${limits.retryAfterSeconds} sekunder.`,
          en: `Too many concurrent requests of this kind from your address (at most ${limits.perClient} at a time). Wait for those in progress to finish and try again in ${limits.retryAfterSeconds} seconds.`,
        },
        { details: { kind, limit: limits.perClient, retryAfterSeconds: limits.retryAfterSeconds } },
      );
      // Through app.onError: JSON with Retry-After for the API, the HTML error page for a browser.
      throw error;
    }
    inFlight.set(key, count + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      if (socket !== null && bySocket.get(socket) === release) bySocket.delete(socket);
      const left = (inFlight.get(key) ?? 1) - 1;
      if (left <= 0) inFlight.delete(key);
      else inFlight.set(key, left);
    };
    if (socket !== null) bySocket.set(socket, release);
    try {
      await next();
    } finally {
      if (outgoing === undefined || outgoing.closed) release();
      else outgoing.once("close", release);
    }
  };
}
