// SQLite back-end (better-sqlite3, embedded, the default). WAL journal: a killed process loses at
// most its open transaction. Search: an FTS5 contentless table over the analysed terms.
import Database from 'better-sqlite3';
import type { Col, Db } from '../db.js';
import { migrate } from '../migrations.js';
import { type Filter, type Sql, SqlStore } from '../sql-store.js';

class SqliteDb implements Db {
  readonly kind = 'sqlite' as const;
  private readonly cache = new Map<string, Database.Statement>();
  private depth = 0;

  constructor(readonly raw: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, s);
    }
    return s;
  }

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const s = this.stmt(sql);
    if (!s.reader) {
      s.run(...params);
      return [];
    }
    return s.all(...params) as T[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return this.stmt(sql).run(...params).changes;
  }

  async insertMany(table: string, cols: readonly Col[], rows: unknown[][], conflict = ''): Promise<void> {
    // One prepared statement per table, one row per call: measured cheaper in CPU than multi-row
    // VALUES statements with better-sqlite3.
    const s = this.stmt(
      `INSERT INTO ${table} (${cols.map((c) => c[0]).join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ${conflict}`,
    );
    for (const r of rows) s.run(r);
  }

  async tx<T>(fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return fn();
    this.raw.exec('BEGIN IMMEDIATE');
    this.depth++;
    try {
      const out = await fn();
      this.raw.exec('COMMIT');
      return out;
    } catch (e) {
      if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
      throw e;
    } finally {
      this.depth--;
    }
  }

  async exec(sql: string): Promise<void> {
    this.raw.exec(sql);
  }

  async close(): Promise<void> {
    this.raw.close();
  }
}

/** A RETURNING insert is a reader in better-sqlite3: `all` handles both. */
const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;

class SqliteStore extends SqlStore {
  readonly kind = 'sqlite' as const;

  protected async indexTerms(docs: { seq: number; terms: string[] }[]): Promise<void> {
    for (const d of docs)
      await this.db.run('INSERT INTO doc_fts (rowid, terms) VALUES (?, ?)', [d.seq, d.terms.join(' ')]);
  }

  private matchExpr(groups: string[][], exclude: string[]): string {
    let expr = groups.map((g) => `(${g.map(quote).join(' OR ')})`).join(' AND ');
    for (const e of exclude) expr += ` NOT ${quote(e)}`;
    return expr;
  }

  /** The MATCH condition, with the filter's seq range as a rowid range FTS5 seeks to. */
  private match(groups: string[][], exclude: string[], filter: Filter): Sql {
    const expr = this.matchExpr(groups, exclude);
    return filter.seqs
      ? { sql: 'doc_fts MATCH ? AND doc_fts.rowid BETWEEN ? AND ?', params: [expr, ...filter.seqs] }
      : { sql: 'doc_fts MATCH ?', params: [expr] };
  }

  // FTS5 drives: each match is looked up by rowid in the small doc_meta table, filtered, and
  // only the rows passing the filter are scored.
  protected rankedSql(groups: string[][], exclude: string[], filter: Filter): Sql {
    const m = this.match(groups, exclude, filter);
    return {
      sql: `SELECT d.seq, d.id, d.date, round(bm25(doc_fts), 6) AS score
            FROM doc_fts JOIN doc_meta d ON d.seq = doc_fts.rowid
            WHERE ${m.sql} AND ${filter.sql}`,
      params: [...m.params, ...filter.params],
    };
  }

  protected matchedSql(groups: string[][], exclude: string[], filter: Filter): Sql {
    const m = this.match(groups, exclude, filter);
    return {
      sql: `SELECT d.seq, d.date, d.source FROM doc_fts JOIN doc_meta d ON d.seq = doc_fts.rowid
            WHERE ${m.sql} AND ${filter.sql}`,
      params: [...m.params, ...filter.params],
    };
  }

  /**
   * Unfiltered words: rank inside FTS5 alone (no lookup of every match in doc_meta, ~40% of the
   * cost for common words), the count from a plain MATCH. Ties on the rounded score are broken by
   * id, which FTS5 does not know: the answer is exact when the (k+1)-th match scores differently
   * from the k-th, so that the tied rows inside the page are all there and are sorted here;
   * otherwise null (the general path sorts every match by score and id).
   */
  protected override async topMatches(
    groups: string[][],
    exclude: string[],
    k: number,
  ): Promise<{ rows: { seq: number; score: number }[]; total: number } | null> {
    const expr = this.matchExpr(groups, exclude);
    const rows = await this.db.all<{ seq: number; score: number }>(
      'SELECT rowid AS seq, round(bm25(doc_fts), 6) AS score FROM doc_fts WHERE doc_fts MATCH ? ORDER BY score LIMIT ?',
      [expr, k + 1],
    );
    if (rows.length > k) {
      if (k > 0 && rows[k].score === rows[k - 1].score) return null;
      rows.length = k;
    }
    const [{ n }] = await this.db.all<{ n: number }>(
      'SELECT count(*) AS n FROM doc_fts WHERE doc_fts MATCH ?',
      [expr],
    );
    if (rows.length > 1) {
      const ids = new Map(
        (
          await this.db.all<{ seq: number; id: string }>(
            `SELECT seq, id FROM doc_meta WHERE seq IN (${rows.map(() => '?').join(',')})`,
            rows.map((r) => r.seq),
          )
        ).map((r) => [r.seq, r.id]),
      );
      rows.sort((a, b) => a.score - b.score || (ids.get(a.seq)! < ids.get(b.seq)! ? -1 : 1));
    }
    return { rows, total: Number(n) };
  }

  protected least(a: string, b: string): string {
    return `min(${a}, ${b})`;
  }

  protected greatest(a: string, b: string): string {
    return `max(${a}, ${b})`;
  }
}

/** Open (creating and migrating when needed) a SQLite store file; ':memory:' for a scratch store. */
export async function openSqlite(path: string): Promise<SqliteStore> {
  let raw: Database.Database;
  try {
    raw = new Database(path);
  } catch (e) {
    throw new Error(`cannot open SQLite database ${path}: ${(e as Error).message}`);
  }
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('cache_size = -65536');
  // Checkpoint every 64 MB of WAL rather than 4 MB: index and FTS pages rewritten by consecutive
  // batches are copied to the database file once, not once per batch.
  raw.pragma('wal_autocheckpoint = 16384');
  // Memory-mapped reads: page fetches for result rows and texts without a read() per page.
  raw.pragma('mmap_size = 1073741824');
  const db = new SqliteDb(raw);
  await migrate(db);
  return new SqliteStore(db);
}
