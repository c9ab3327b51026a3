// Ingest: inputs → extraction (worker threads) → the store, in ordered, batched transactions.
//
// Idempotent and crash-safe: each batch is one transaction holding its documents, their copies
// and its failures; a copy (where, content hash) already stored is skipped before extraction, so
// after a kill -9 a re-run redoes exactly the batches that did not commit.
//
// On PostgreSQL the work goes through the jobs table instead: inputs are enqueued in batches under
// a content key (enqueueing twice is a no-op), and any number of worker processes on any number of
// machines claim batches (FOR UPDATE SKIP LOCKED), extract them and store them in the same
// transaction that marks the job done.
import { createHash } from 'node:crypto';
import { docId } from '../doc/doc.js';
import type { PostgresStore } from '../store/postgres/index.js';
import type { Failure, Occurrence, PreparedDoc, PutResult, Store, WriteBatch } from '../store/types.js';
import type { WorkItem } from './extract-one.js';
import { ExtractPool } from './pool.js';
import type { ReadItem, ReadOptions } from './readers.js';
import { readInputs } from './sources.js';
import { pipelineVersion } from './version.js';

export interface IngestSummary {
  new: number;
  duplicate: number;
  /** Copies already in the store from an earlier run. */
  present: number;
  failed: number;
  entities: number;
  quotes: number;
  events: number;
  seconds: number;
}

export interface IngestOptions extends ReadOptions {
  /** Extraction worker threads (0: extract in this thread). */
  workers?: number;
  batchSize?: number;
  onProgress?: (s: IngestSummary) => void;
  /** PostgreSQL: only enqueue, do not work. */
  enqueueOnly?: boolean;
  /** PostgreSQL: seconds after which another worker's claim is considered dead. */
  claimTimeout?: number;
}

function emptySummary(): IngestSummary {
  return { new: 0, duplicate: 0, present: 0, failed: 0, entities: 0, quotes: 0, events: 0, seconds: 0 };
}

/** Batches extracted ahead of the writer. */
const IN_FLIGHT = 3;

async function* batches(items: AsyncIterable<ReadItem>, size: number): AsyncGenerator<ReadItem[]> {
  let b: ReadItem[] = [];
  for await (const it of items) {
    b.push(it);
    if (b.length >= size) {
      yield b;
      b = [];
    }
  }
  if (b.length) yield b;
}

/** Plan a batch: skip copies already stored, record copies of stored texts, extract the rest. */
async function planBatch(
  items: ReadItem[],
  store: Store,
  pool: ExtractPool,
): Promise<{ batch: WriteBatch; present: number }> {
  const failures: Failure[] = [];
  const docs: { where: string; id: string; item: ReadItem }[] = [];
  for (const it of items) {
    if (it.input) docs.push({ where: it.where, id: docId(it.input.text), item: it });
    else failures.push({ where: it.where, stage: 'read', reason: it.error ?? 'unreadable' });
  }
  const known = await store.knownCopies(docs);
  const fresh = docs.filter((d) => !known.has(`${d.where}\u0000${d.id}`));
  const stored = await store.hasDocuments([...new Set(fresh.map((d) => d.id))]);
  const occurrences: Occurrence[] = [];
  const toExtract: WorkItem[] = [];
  const seen = new Set<string>();
  for (const d of fresh) {
    const input = d.item.input!;
    if (stored.has(d.id) || seen.has(d.id)) {
      occurrences.push({
        id: d.id,
        origin: {
          where: d.where,
          source: input.source ?? null,
          url: input.url ?? null,
          date: input.date ?? null,
        },
      });
    } else {
      seen.add(d.id);
      toExtract.push({ where: d.where, input });
    }
  }
  const results = await pool.run(toExtract);
  const prepared: PreparedDoc[] = [];
  results.forEach((r, i) => {
    if ('prepared' in r) prepared.push(r.prepared);
    else failures.push({ where: toExtract[i].where, stage: 'extract', reason: r.error });
  });
  // A copy whose original failed extraction is a failure too, not a copy.
  const ok = new Set(prepared.map((p) => p.json.doc.id));
  const copies = occurrences.filter((o) => stored.has(o.id) || ok.has(o.id));
  for (const o of occurrences)
    if (!stored.has(o.id) && !ok.has(o.id))
      failures.push({
        where: o.origin.where,
        stage: 'extract',
        reason: 'same text as a document that failed extraction',
      });
  return { batch: { docs: prepared, occurrences: copies, failures }, present: docs.length - fresh.length };
}

function tally(s: IngestSummary, batch: WriteBatch, results: PutResult[], present: number): void {
  s.present += present;
  s.failed += batch.failures?.length ?? 0;
  const byId = new Map(batch.docs.map((d) => [d.json.doc.id, d.json]));
  for (const r of results) {
    s[r.status]++;
    if (r.status === 'new') {
      const j = byId.get(r.id);
      if (j) {
        s.entities += j.entities.length;
        s.quotes += j.quotes.length;
        s.events += j.events.length;
      }
    }
  }
}

/** Ingest paths into a store (SQLite, or PostgreSQL through the job queue). */
export async function ingest(
  paths: string[],
  store: Store,
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  if (store.kind === 'postgres') return ingestQueued(paths, store as PostgresStore, opts);
  const t0 = performance.now();
  const s = emptySummary();
  const pool = new ExtractPool(opts.workers ?? 0, pipelineVersion());
  try {
    let writing: Promise<void> = Promise.resolve();
    const inFlight: Promise<void>[] = [];
    for await (const items of batches(readInputs(paths, opts), opts.batchSize ?? 64)) {
      const planned = planBatch(items, store, pool);
      const previous = writing;
      // Extraction of the next batches overlaps the write of this one (up to IN_FLIGHT batches
      // queued at the workers, so that they never wait for the writer); writes stay in order.
      writing = (async () => {
        const { batch, present } = await planned;
        await previous;
        const results = await store.write(batch);
        tally(s, batch, results, present);
        s.seconds = (performance.now() - t0) / 1000;
        opts.onProgress?.(s);
      })();
      writing.catch(() => undefined);
      planned.catch(() => undefined);
      inFlight.push(writing);
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await writing;
  } finally {
    await pool.close();
  }
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}

interface JobPayload {
  items: ReadItem[];
}

/** Enqueue inputs as jobs (batches of documents) on PostgreSQL. Returns [jobs new, jobs total]. */
export async function enqueue(
  paths: string[],
  store: PostgresStore,
  opts: IngestOptions = {},
): Promise<[number, number]> {
  let added = 0;
  let total = 0;
  for await (const items of batches(readInputs(paths, opts), opts.batchSize ?? 64)) {
    const h = createHash('sha256');
    for (const it of items) h.update(`${it.where}\u0000${it.input ? docId(it.input.text) : it.error}\n`);
    added += await store.enqueue([{ key: h.digest('hex'), payload: { items } satisfies JobPayload }]);
    total++;
  }
  return [added, total];
}

/** Work the PostgreSQL queue until it is empty. */
export async function work(
  store: PostgresStore,
  opts: IngestOptions = {},
  s = emptySummary(),
): Promise<IngestSummary> {
  const t0 = performance.now() - s.seconds * 1000;
  const pool = new ExtractPool(opts.workers ?? 0, pipelineVersion());
  try {
    await store.releaseDeadClaims();
    for (;;) {
      const job = await store.claim<JobPayload>(opts.claimTimeout ?? 600);
      if (!job) break;
      try {
        const { batch, present } = await planBatch(job.payload.items, store, pool);
        const results = await store.transaction(async () => {
          const r = await store.write(batch);
          await store.complete(job.id);
          return r;
        });
        tally(s, batch, results, present);
      } catch (e) {
        await store.failJob(job.id, (e as Error).message, job.attempts >= 3);
        throw e;
      }
      s.seconds = (performance.now() - t0) / 1000;
      opts.onProgress?.(s);
    }
  } finally {
    await pool.close();
  }
  s.seconds = (performance.now() - t0) / 1000;
  return s;
}

async function ingestQueued(
  paths: string[],
  store: PostgresStore,
  opts: IngestOptions,
): Promise<IngestSummary> {
  const t0 = performance.now();
  if (paths.length > 0) await enqueue(paths, store, opts);
  const s = emptySummary();
  s.seconds = (performance.now() - t0) / 1000;
  if (opts.enqueueOnly) return s;
  return work(store, opts, s);
}

/** Re-extract every document stored under another pipeline version. */
export async function reprocess(
  store: Store,
  opts: { workers?: number; batchSize?: number; onProgress?: (done: number) => void } = {},
): Promise<{ reprocessed: number; failed: number; seconds: number }> {
  const t0 = performance.now();
  const version = pipelineVersion();
  const pool = new ExtractPool(opts.workers ?? 0, version);
  let done = 0;
  let failed = 0;
  let after: string | undefined;
  try {
    for (;;) {
      const stale = await store.staleDocuments(version, opts.batchSize ?? 64, after);
      if (stale.length === 0) break;
      after = stale[stale.length - 1].id;
      const results = await pool.run(
        stale.map((d) => ({
          where: `reprocess:${d.id}`,
          input: {
            text: d.text,
            title: d.title,
            date: d.date,
            source: d.source,
            url: d.url,
            titleInText: d.titleInText,
          },
        })),
      );
      const ok: PreparedDoc[] = [];
      const failures: Failure[] = [];
      results.forEach((r, i) => {
        if ('prepared' in r) ok.push(r.prepared);
        else failures.push({ where: `reprocess:${stale[i].id}`, stage: 'extract', reason: r.error });
      });
      await store.replaceExtraction(ok);
      if (failures.length) await store.write({ docs: [], failures });
      done += ok.length;
      failed += failures.length;
      opts.onProgress?.(done);
    }
  } finally {
    await pool.close();
  }
  return { reprocessed: done, failed, seconds: (performance.now() - t0) / 1000 };
}
