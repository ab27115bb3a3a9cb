/** Positional parameters ($1, $2, …) collected while the SQL is written: values never enter its text. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
