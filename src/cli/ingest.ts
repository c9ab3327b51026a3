// marsad ingest PATH… [--db PATH|postgres://…] [--workers N] [--date D] [--format text|json]
//                     [--enqueue-only] [--work] [--claim-timeout S]
import { availableParallelism } from 'node:os';
import { ingest, type IngestSummary, work as runWorker } from '../ingest/ingest.js';
import { DEFAULT_MAX_BYTES } from '../ingest/readers.js';
import { DEFAULT_DB, isPostgresUrl } from '../store/open.js';
import type { PostgresStore } from '../store/postgres/index.js';
import { command, UsageError, withStore } from './args.js';

const ingestUsage = `usage: marsad ingest PATH… [--db PATH|postgres://…] [--workers N] [--date YYYY-MM-DD]
                     [--format text|json] [--max-bytes N]
       marsad ingest --db postgres://… --work            (a worker: process queued jobs)
       marsad ingest PATH… --db postgres://… --enqueue-only

Loads articles into a store: files, folders (recursively), .txt (first line = title), .html/.htm
saved pages, RSS/Atom feeds (files or http(s) URLs), .json/.jsonl/.jsonl.gz dumps (SaudiNewsNet
format), - for stdin. Bad documents are recorded as failures with the reason; the batch goes on.
Re-running is safe: copies already stored are skipped, nothing is stored twice.
  --db             SQLite file (default ${DEFAULT_DB}) or a postgres:// URL (jobs queue; many workers)
  --workers        extraction threads (default: one per core)
  --date           publication date for documents that carry none
  --format         summary as text (default) or json
  --enqueue-only   PostgreSQL: queue the inputs, let workers process them
  --work           PostgreSQL: process queued jobs until the queue is empty
  --claim-timeout  PostgreSQL: seconds after which a silent worker's job is taken over (default 600)`;

function progressLine(s: IngestSummary): string {
  const n = s.new + s.duplicate + s.present + s.failed;
  const rate = s.seconds > 0 ? Math.round(n / s.seconds) : 0;
  return `ingest: ${n.toLocaleString('en-US')} documents · ${rate}/s · new ${s.new} · duplicate ${s.duplicate} · already ${s.present} · failed ${s.failed}`;
}

function formatSummary(s: IngestSummary): string {
  const n = s.new + s.duplicate + s.present + s.failed;
  return [
    `documents: ${n} (new ${s.new}, duplicate ${s.duplicate}, already stored ${s.present}, failed ${s.failed})`,
    `entities: ${s.entities}, quotes: ${s.quotes}, events: ${s.events}`,
    `time: ${s.seconds.toFixed(1)} s (${s.seconds > 0 ? Math.round(n / s.seconds) : 0} documents/s)`,
  ].join('\n');
}

/**
 * A one-line message for a failure of the store or its disk (full, unwritable, connection lost),
 * which is the environment's fault, not a bug: null for anything else.
 */
function storeFailure(e: unknown, db: string): string | null {
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err?.code === 'string' ? err.code : '';
  const msg = typeof err?.message === 'string' ? err.message.split('\n')[0] : String(e);
  const where = isPostgresUrl(db) ? 'the PostgreSQL database' : db;
  const hint = 'the batches stored before it are kept; re-run the same command to continue';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === '53100')
    return `${where}: disk full (${msg}); the batches stored before it are kept; free space, then re-run the same command to continue`;
  if (
    /^SQLITE_(IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|BUSY|LOCKED)/.test(code) ||
    /^E(IO|ROFS|ACCES|PERM)$/.test(code)
  )
    return `${where}: cannot write (${code}: ${msg}); ${hint}`;
  if (
    /^(08|57P|53)/.test(code) ||
    /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH)$/.test(code) ||
    /Connection terminated|connection.*(closed|ended)|not queryable/i.test(msg)
  )
    return `${where}: lost the connection (${code ? `${code}: ` : ''}${msg}); ${hint}`;
  return null;
}

export const runIngest = command(
  ingestUsage,
  {
    strings: ['db', 'workers', 'date', 'format', 'max-bytes', 'claim-timeout'],
    flags: ['enqueue-only', 'work'],
  },
  async (args, out, err) => {
    const { positionals } = args;
    const db = args.db();
    const pg = isPostgresUrl(db);
    const work = args.flag('work');
    const enqueueOnly = args.flag('enqueue-only');
    if ((work || enqueueOnly) && !pg)
      throw new UsageError('--work and --enqueue-only need a PostgreSQL --db (postgres://…)');
    if (positionals.length === 0 && !work) throw new UsageError(`no input given\n\n${ingestUsage}`);
    const date = args.date('date');
    const workers = args.int('workers', availableParallelism());
    const maxBytes = args.int('max-bytes', DEFAULT_MAX_BYTES, 1);
    const claimTimeout = args.int('claim-timeout', 600, 1);
    const format = args.oneOf('format', ['text', 'json'] as const, 'text');

    const tty = (err as NodeJS.WriteStream).isTTY === true;
    let last = 0;
    const onProgress = tty
      ? (s: IngestSummary) => {
          const t = Date.now();
          if (t - last < 100) return;
          last = t;
          err.write(`\r\x1b[K${progressLine(s)}`);
        }
      : undefined;

    return withStore(
      db,
      'ingest',
      err,
      async (store) => {
        const opts = {
          workers,
          date: date ?? null,
          maxBytes,
          onProgress,
          claimTimeout,
          enqueueOnly,
        };
        let summary: IngestSummary;
        try {
          summary =
            work && positionals.length === 0
              ? await runWorker(store as PostgresStore, opts)
              : await ingest(positionals, store, opts);
        } catch (e) {
          const line = storeFailure(e, db);
          if (line === null) throw e;
          if (tty) err.write('\r\x1b[K');
          err.write(`marsad ingest: ${line}\n`);
          return 1;
        }
        if (tty) err.write('\r\x1b[K');
        if (summary.failed > 0) {
          const failures = await store.failures(50);
          for (const f of failures.slice(0, 20)) err.write(`marsad ingest: ${f.where}: ${f.reason}\n`);
          if (summary.failed > 20)
            err.write(`marsad ingest: … ${summary.failed} failures in all (stored in the failures table)\n`);
        }
        out.write(format === 'json' ? JSON.stringify(summary) + '\n' : formatSummary(summary) + '\n');
        return summary.failed > 0 ? 1 : 0;
      },
      // The connection lost while migrating (a restart): the same one line as during the run.
      (e) => storeFailure(e, db),
    );
  },
);
