/** What every query helper needs: run SQL with positional parameters ($1, $2…). */
export interface Queryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  execute(sql: string): Promise<void>;
}

export type DatabaseKind = "pglite" | "postgres";

/** One PostgreSQL dialect, two engines: embedded PGlite or a PostgreSQL server. */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs fn in one transaction: all of it commits, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs fn on one dedicated connection (for session-level advisory locks). */
  session<T>(fn: (conn: Queryable) => Promise<T>): Promise<T>;
  /** Resolves when the database answers; throws SERVICE_UNAVAILABLE when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
