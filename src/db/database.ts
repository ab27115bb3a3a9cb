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
  /**
   * How many statements through this object may have changed data (anything but SELECT, every
   * execute, transaction and session), counted when each has finished: an in-process memo read
   * when the count was n is still exact while it stays n, unless another process writes.
   */
  writes(): number;
  /** Resolves when the database answers; throws SERVICE_UNAVAILABLE when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const READ_ONLY = /^\s*(SELECT|EXPLAIN|SHOW)\b/i;

/** Counts the statements that may change data (see Database.writes). */
export class WriteCounter {
  private count = 0;

  get value(): number {
    return this.count;
  }

  /** Runs a statement, counting it once it has finished when it may write. */
  async after<T>(sql: string | undefined, run: Promise<T>): Promise<T> {
    if (sql !== undefined && READ_ONLY.test(sql)) return run;
    try {
      return await run;
    } finally {
      this.count++;
    }
  }
}
