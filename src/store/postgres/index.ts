// PostgreSQL back-end (pg): the scale-out path. Search uses a postings table (term, doc, tf) fed by
// the same TypeScript analysis as SQLite's FTS5 index, with FTS5's bm25 formula and constants, so
// both back-ends rank alike. A jobs table lets many ingest workers on many machines share one
// database: workers claim jobs with SELECT … FOR UPDATE SKIP LOCKED; a claim older than the
// timeout (a crashed worker) is claimed again; writes are idempotent, so nothing is stored twice.
import { hostname } from 'node:os';
import pg from 'pg';
import type { Col, Db } from '../db.js';
import { migrate } from '../migrations.js';
import { type Filter, type Sql, SqlStore } from '../sql-store.js';

const { Client, types } = pg;

/** `?` placeholders → `$1…$n` (our SQL never contains a literal question mark). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

class PgDb implements Db {
  readonly kind = 'postgres' as const;
  private depth = 0;

  constructor(readonly client: pg.Client) {}

  async all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.client.query(numbered(sql), params)).rows as T[];
  }

  async run(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.client.query(numbered(sql), params)).rowCount ?? 0;
  }

  async insertMany(table: string, cols: readonly Col[], rows: unknown[][], conflict = ''): Promise<void> {
    if (rows.length === 0) return;
    const arrays = cols.map((_, i) => rows.map((r) => r[i]));
    await this.client.query(
      `INSERT INTO ${table} (${cols.map((c) => c[0]).join(', ')})
       SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${c[1]}[]`).join(', ')}) ${conflict}`,
      arrays,
    );
  }

  async tx<T>(fn: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return fn();
    await this.client.query('BEGIN');
    this.depth++;
    try {
      const out = await fn();
      await this.client.query('COMMIT');
      return out;
    } catch (e) {
      await this.client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      this.depth--;
    }
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** A unit of queued work: documents (or read failures) to extract and store. */
export interface Job<P = unknown> {
  id: number;
  payload: P;
  attempts: number;
}

export class PostgresStore extends SqlStore {
  readonly kind = 'postgres' as const;
  readonly worker = `${hostname()}:${process.pid}`;

  constructor(private readonly pgdb: PgDb) {
    super(pgdb);
  }

  protected async indexTerms(docs: { seq: number; terms: string[] }[]): Promise<void> {
    const rows: unknown[][] = [];
    let total = 0;
    for (const d of docs) {
      const tf = new Map<string, number>();
      for (const t of d.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) rows.push([t, d.seq, n]);
      total += d.terms.length;
    }
    await this.db.insertMany(
      'postings',
      [
        ['term', 'text'],
        ['doc', 'int8'],
        ['tf', 'int4'],
      ],
      rows,
    );
    // One update per batch: concurrent workers serialise on this row only once per batch.
    await this.db.run('UPDATE corpus_stats SET n_docs = n_docs + ?, n_terms = n_terms + ? WHERE one = 1', [
      docs.length,
      total,
    ]);
  }

  /**
   * Documents matching every group (and no excluded term) and the filter, scored with FTS5's
   * bm25: k1 = 1.2, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)) floored at 1e-6. The filter is
   * applied to postings rows before grouping, so filtered-out documents are never scored.
   * Document frequencies are counted once per query term (MATERIALIZED: inlined, PostgreSQL
   * would count them again for every scored posting).
   */
  private matchSql(groups: string[][], exclude: string[], filter: Filter, scored: boolean): Sql {
    const terms: string[] = [];
    const grp: number[] = [];
    groups.forEach((g, i) => g.forEach((t) => (terms.push(t), grp.push(i))));
    const score = `round((-sum(CASE WHEN ln((st.n - qn.n + 0.5) / (qn.n + 0.5)) <= 0 THEN 1e-6
                  ELSE ln((st.n - qn.n + 0.5) / (qn.n + 0.5)) END
             * (p.tf * 2.2) / (p.tf + 1.2 * (0.25 + 0.75 * d.n_terms / st.avgdl))))::numeric, 6)`;
    const sql = `WITH q AS (SELECT * FROM unnest(?::text[], ?::int[]) AS q(term, grp)),
        qn AS MATERIALIZED (SELECT q.term, q.grp, (SELECT count(*) FROM postings p WHERE p.term = q.term) AS n FROM q),
        st AS MATERIALIZED (SELECT n_docs::float8 AS n, CASE WHEN n_docs > 0 THEN n_terms::float8 / n_docs ELSE 1 END AS avgdl
               FROM corpus_stats)
      SELECT d.seq, ${scored ? `d.id, d.date, ${score} AS score` : 'd.date, d.source'}
      FROM qn JOIN postings p ON p.term = qn.term JOIN doc_meta d ON d.seq = p.doc CROSS JOIN st
      WHERE ${filter.seqs ? 'p.doc BETWEEN ? AND ? AND ' : ''}${filter.sql}
      GROUP BY d.seq
      HAVING count(DISTINCT qn.grp) = ?
        AND NOT EXISTS (SELECT 1 FROM postings x WHERE x.doc = d.seq AND x.term = ANY(?::text[]))`;
    return { sql, params: [terms, grp, ...(filter.seqs ?? []), ...filter.params, groups.length, exclude] };
  }

  protected rankedSql(groups: string[][], exclude: string[], filter: Filter): Sql {
    return this.matchSql(groups, exclude, filter, true);
  }

  protected matchedSql(groups: string[][], exclude: string[], filter: Filter): Sql {
    return this.matchSql(groups, exclude, filter, false);
  }

  protected least(a: string, b: string): string {
    return `LEAST(${a}, ${b})`;
  }

  protected greatest(a: string, b: string): string {
    return `GREATEST(${a}, ${b})`;
  }

  // --- work queue -----------------------------------------------------------------------------

  /** Queue payloads under unique keys; a key already queued (or done) is skipped. Returns how many were new. */
  async enqueue(jobs: { key: string; payload: unknown }[]): Promise<number> {
    if (jobs.length === 0) return 0;
    const r = await this.pgdb.client.query(
      `INSERT INTO jobs (key, payload) SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT (key) DO NOTHING`,
      [jobs.map((j) => j.key), jobs.map((j) => JSON.stringify(j.payload))],
    );
    return r.rowCount ?? 0;
  }

  /**
   * Claim the next queued job, or one whose claim is older than `timeoutSeconds` (its worker died).
   * Claims by dead processes of this same host are released at once.
   */
  async claim<P>(timeoutSeconds = 600): Promise<Job<P> | null> {
    const r = await this.pgdb.client.query(
      `UPDATE jobs SET state = 'running', claimed_by = $1, claimed_at = now(), attempts = attempts + 1
       WHERE id = (SELECT id FROM jobs
                   WHERE state = 'queued' OR (state = 'running' AND claimed_at < now() - make_interval(secs => $2))
                   ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING id, payload, attempts`,
      [this.worker, timeoutSeconds],
    );
    if (r.rows.length === 0) return null;
    const row = r.rows[0] as { id: number; payload: P; attempts: number };
    return { id: Number(row.id), payload: row.payload, attempts: row.attempts };
  }

  /** Release running claims of processes on this host that no longer exist. */
  async releaseDeadClaims(): Promise<number> {
    const host = hostname();
    const r = await this.pgdb.client.query(
      `SELECT id, claimed_by FROM jobs WHERE state = 'running' AND claimed_by LIKE $1`,
      [`${host}:%`],
    );
    const dead: number[] = [];
    for (const row of r.rows as { id: number; claimed_by: string }[]) {
      const pid = Number(row.claimed_by.slice(host.length + 1));
      if (!Number.isInteger(pid) || pid === process.pid) continue;
      try {
        process.kill(pid, 0);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ESRCH') dead.push(Number(row.id));
      }
    }
    if (dead.length === 0) return 0;
    const u = await this.pgdb.client.query(
      `UPDATE jobs SET state = 'queued', claimed_by = NULL, claimed_at = NULL WHERE id = ANY($1::bigint[]) AND state = 'running'`,
      [dead],
    );
    return u.rowCount ?? 0;
  }

  /** Mark a job done (its payload dropped: the documents are in the store now). */
  async complete(jobId: number): Promise<void> {
    await this.pgdb.client.query(
      `UPDATE jobs SET state = 'done', done_at = now(), payload = '{}'::jsonb, error = NULL WHERE id = $1`,
      [jobId],
    );
  }

  async failJob(jobId: number, error: string, final: boolean): Promise<void> {
    await this.pgdb.client.query(
      `UPDATE jobs SET state = $2, error = $3, claimed_by = NULL, claimed_at = NULL WHERE id = $1`,
      [jobId, final ? 'failed' : 'queued', error],
    );
  }

  async queueCounts(): Promise<Record<string, number>> {
    const r = await this.pgdb.client.query('SELECT state, count(*) AS n FROM jobs GROUP BY state');
    const out: Record<string, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const row of r.rows as { state: string; n: number }[]) out[row.state] = Number(row.n);
    return out;
  }

  /** Run `fn` in one transaction (used to store a job's documents and mark it done atomically). */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.pgdb.tx(fn);
  }
}

/** Connect to PostgreSQL (postgres://…), migrating the schema when needed. */
export async function openPostgres(url: string): Promise<PostgresStore> {
  const client = new Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        if (oid === 20) return (v: string) => Number(v); // int8 (counts, serials)
        if (oid === 1700) return (v: string) => Number(v); // numeric
        return types.getTypeParser(oid, format as 'text');
      }) as typeof types.getTypeParser,
    },
  });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`cannot connect to PostgreSQL ${redact(url)}: ${(e as Error).message}`);
  }
  client.on('error', () => undefined);
  await client.query("SET client_min_messages = 'warning'");
  const db = new PgDb(client);
  await migrate(db);
  return new PostgresStore(db);
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
