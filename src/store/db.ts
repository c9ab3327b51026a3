// The thin database layer under the SQL store: one connection, `?` placeholders (rewritten to $n
// for PostgreSQL), batched inserts, transactions. SQLite (better-sqlite3) and PostgreSQL (pg)
// implement it; all SQL stays inside src/store/.

/** A column of a batched insert: name and PostgreSQL array element type (for unnest). */
export type Col = readonly [name: string, pgType: string];

export interface Db {
  readonly kind: 'sqlite' | 'postgres';
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Run a statement; resolves to the number of rows changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Insert many rows at once; `conflict` is appended (e.g. 'ON CONFLICT DO NOTHING'). */
  insertMany(table: string, cols: readonly Col[], rows: unknown[][], conflict?: string): Promise<void>;
  /** Run `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  tx<T>(fn: () => Promise<T>): Promise<T>;
  /** Several statements without parameters (DDL). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
