import { z } from "zod";
import { AppError } from "./errors.ts";

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// `host` or `host:port`, IPv6 in brackets: the shape src/net/allow-list.ts reads (a test there keeps
// the two in step).
const ALLOWED_HOST = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)(?::(\d{1,5}))?$/;

function isAllowedHostEntry(entry: string): boolean {
  const match = ALLOWED_HOST.exec(entry);
  const port = match?.[2] === undefined ? 1 : Number(match[2]);
  // The URL parser has the last word on hosts ("[1.2.3.4]" and "999.1.1.1" are none).
  return match !== null && port >= 1 && port <= 65535 && URL.canParse(`http://${match[1] ?? ""}/`);
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  PUBLIC_URL: z.url().optional(),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  UPLOAD_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  ALLOWED_PRIVATE_HOSTS: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .pipe(
      z.array(
        z.string().refine(isAllowedHostEntry, {
          error: (issue) =>
            `"${String(issue.input)}" is not host or host:port (port 1–65535; IPv6 in brackets: [::1]:8080)`,
        }),
      ),
    )
    .default([]),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Set: a PostgreSQL server. Unset: embedded PGlite under dataDir. */
  readonly databaseUrl: string | undefined;
  readonly logLevel: LogLevel;
  /** The absolute base of links the platform hands out; defaults to the request's own origin. */
  readonly publicUrl: string | undefined;
  /** Upper bound on a request body, in bytes. */
  readonly maxBodyBytes: number;
  /** How long an ordinary request body (a form, JSON) may take to arrive; then 408. */
  readonly requestTimeoutMs: number;
  /**
   * How long an upload (validation, publishing) may take to arrive; then 408. 15 minutes by
   * default: MAX_UPLOAD_BYTES (200 MB) at about 2 Mbit/s.
   */
  readonly uploadTimeoutMs: number;
  /** The first administrator, created at first start when no administrator exists. */
  readonly adminEmail: string | undefined;
  /** Its password; when unset, one is generated and printed once. */
  readonly adminPassword: string | undefined;
  /** Upper bound on an uploaded file (validation, publishing), in bytes; read streaming. */
  readonly maxUploadBytes: number;
  /**
   * Hosts (`host` or `host:port`, as written in URLs) the fetcher may reach although they resolve
   * to private addresses: an internal file server the platform is meant to read. Empty by default.
   */
  readonly allowedPrivateHosts: readonly string[];
}

/**
 * Environment variables through a schema, empty ones left out; a bad value throws BAD_REQUEST
 * naming the variable and what it expected. Modules with settings of their own use it too.
 */
export function parseEnv<Schema extends z.ZodType>(schema: Schema, env: NodeJS.ProcessEnv): z.infer<Schema> {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Ogiltig konfiguration: ${problems.join("; ")}`,
        en: `Invalid configuration: ${problems.join("; ")}`,
      },
      { details: problems },
    );
  }
  return parsed.data;
}

/** Reads configuration from the environment; a bad value names the variable and what it expected. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(envSchema, env);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    uploadTimeoutMs: e.UPLOAD_TIMEOUT_MS,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    allowedPrivateHosts: e.ALLOWED_PRIVATE_HOSTS,
  };
}
