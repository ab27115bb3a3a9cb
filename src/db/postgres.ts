import pg from "pg";
import { isAppError, serviceUnavailable, type Logger } from "../core/index.ts";
import { WriteCounter, type Database, type Queryable } from "./database.ts";
import { translateError } from "./errors.ts";

export interface PostgresOptions {
  readonly connectionString: string;
  readonly logger: Logger;
  readonly maxConnections?: number;
  readonly connectTimeoutMs?: number;
}

function clientQueryable(client: pg.PoolClient): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async execute(sql: string) {
      await client.query(sql);
    },
  };
}

/** A PostgreSQL server through a pool. Connections that break are replaced, so the service recovers by itself. */
export function openPostgres(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    application_name: "dataverkstad",
  });
  // An idle client whose server went away emits here; without a listener the process would crash.
  pool.on("error", (error) => {
    options.logger.warn("database connection lost", { error: error.message });
  });

  async function withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      // Whatever stops a new connection (refused, 55000 "not accepting connections", 57P03, auth
      // after a failover) leaves the service without its database: 503, never 500.
      throw isAppError(error) ? error : serviceUnavailable(error);
    }
    let broken: Error | undefined;
    // While checked out, the pool's idle listener is off: a connection the server terminates
    // (pg_terminate_backend, failover) emits `error` here, and with no listener that is an
    // uncaught exception that takes the process down. The pending query rejects as well, so the
    // caller sees the failure; here it is only noted, and the client is destroyed on release.
    const onError = (error: Error) => {
      broken ??= error;
      options.logger.warn("database connection lost during a query", { error: error.message });
    };
    client.on("error", onError);
    try {
      return await fn(client);
    } catch (error) {
      const translated = translateError(error);
      if (translated !== error) broken ??= error as Error;
      throw broken === undefined
        ? translated
        : isAppError(translated)
          ? translated
          : serviceUnavailable(error);
    } finally {
      client.off("error", onError);
      // A broken connection is destroyed rather than returned to the pool.
      client.release(broken);
    }
  }

  const writes = new WriteCounter();
  return {
    kind: "postgres",
    writes: () => writes.value,
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return writes.after(
        sql,
        withClient((client) => clientQueryable(client).query<Row>(sql, params)),
      );
    },
    async execute(sql: string) {
      await writes.after(
        undefined,
        withClient((client) => clientQueryable(client).execute(sql)),
      );
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return writes.after(
        undefined,
        withClient(async (client) => {
          await client.query("BEGIN");
          try {
            const result = await fn(clientQueryable(client));
            await client.query("COMMIT");
            return result;
          } catch (error) {
            await client.query("ROLLBACK").catch(() => undefined);
            throw error;
          }
        }),
      );
    },
    async session<T>(fn: (conn: Queryable) => Promise<T>): Promise<T> {
      return writes.after(
        undefined,
        withClient((client) => fn(clientQueryable(client))),
      );
    },
    async ping() {
      await withClient((client) => client.query("SELECT 1"));
    },
    async close() {
      if (!pool.ended && !pool.ending) await pool.end();
    },
  };
}
