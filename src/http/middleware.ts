import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { AppError, type Language, type Logger } from "../core/index.ts";
import type { AppEnv } from "./context.ts";
import { requestIds } from "./process-guard.ts";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** English when the client asks for it first, Swedish otherwise. */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (acceptLanguage === undefined) return "sv";
  for (const part of acceptLanguage.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase() ?? "";
    if (tag.startsWith("sv")) return "sv";
    if (tag.startsWith("en")) return "en";
  }
  return "sv";
}

/**
 * Gives each request an id (the caller's X-Request-Id when it is well-formed), a logger that
 * carries it, and one structured log line when the response is done.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header("x-request-id");
    const requestId = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    const requestLogger = logger.child({ requestId });
    c.set("requestId", requestId);
    c.set("logger", requestLogger);
    // The path as Hono parsed it: no URL object per request.
    const path = c.req.path;
    const language =
      path.startsWith("/en/") || path === "/en" ? "en" : negotiateLanguage(c.req.header("accept-language"));
    c.set("language", language);
    const started = performance.now();
    // The id travels with the request's async work, so the process guard can name it.
    await requestIds.run(requestId, next);
    // On the response's own headers: c.header() after the handler would rebuild the response
    // (and its body stream) just to add one header.
    c.res.headers.set("X-Request-Id", requestId);
    const status = c.res.status;
    const line = {
      method: c.req.method,
      path,
      queryBytes: queryBytes(c.req.url),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    if (status >= 500) requestLogger.error("request failed", line);
    else if (status >= 400) requestLogger.warn("request refused", line);
    else requestLogger.info("request", line);
  };
}

/** The length of the URL's query, "?" included (what URL.search gives), without parsing it. */
function queryBytes(url: string): number {
  const at = url.indexOf("?");
  if (at < 0) return 0;
  const hash = url.indexOf("#", at);
  const length = (hash < 0 ? url.length : hash) - at;
  return length === 1 ? 0 : length;
}

/** Refuses URLs longer than the limit before any route parses them. */
export function urlLengthLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const length = Buffer.byteLength(c.req.url);
    if (length > maxBytes) {
      throw new AppError(
        "URI_TOO_LONG",
        {
          sv: `Adressen är för lång: högst ${maxBytes} byte tillåts, den var ${length} byte.`,
          en: `The URL is too long: at most ${maxBytes} bytes are allowed, it was ${length} bytes.`,
        },
        { details: { maxBytes, actualBytes: length } },
      );
    }
    await next();
  };
}

/** Strict security headers: scripts and styles only from this origin, no framing, no sniffing. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginResourcePolicy: "cross-origin",
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * CORS for open data: any origin may read. Preflights are Hono's cors(); other requests get their
 * two headers after the handler. (Hono's cors() sets them on a placeholder response before the
 * handler, which makes Hono rebuild the handler's response, body stream and all, to merge them.)
 */
export function openCors(options: {
  readonly allowMethods?: string[];
  readonly exposeHeaders?: string[];
}): MiddlewareHandler<AppEnv> {
  const preflight = cors({ origin: "*", ...options });
  const expose = options.exposeHeaders?.join(",");
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    await next();
    c.res.headers.set("Access-Control-Allow-Origin", "*");
    if (expose !== undefined) c.res.headers.set("Access-Control-Expose-Headers", expose);
  };
}
