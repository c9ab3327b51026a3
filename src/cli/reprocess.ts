// marsad reprocess [--db …] [--workers N]: re-extract documents stored by an older pipeline version.
import { availableParallelism } from 'node:os';
import { reprocess } from '../ingest/ingest.js';
import { pipelineVersion } from '../ingest/version.js';
import { DEFAULT_DB, openStore } from '../store/open.js';
import { parse, UsageError } from './args.js';

export const reprocessUsage = `usage: marsad reprocess [--db PATH|postgres://…] [--workers N]

Re-extracts every stored document whose pipeline version (package version + digest of the data
and model files) differs from the current one, replacing its entities, quotes, times and events.`;

export async function runReprocess(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const { values, help } = parse(
    argv,
    { db: { type: 'string' }, workers: { type: 'string' } },
    reprocessUsage,
  );
  if (help) {
    out.write(reprocessUsage + '\n');
    return 0;
  }
  let workers = availableParallelism();
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0)
      throw new UsageError('--workers: expected a non-negative integer');
  }
  let store;
  try {
    store = await openStore((values.db as string | undefined) ?? DEFAULT_DB);
  } catch (e) {
    err.write(`marsad reprocess: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const r = await reprocess(store, { workers });
    out.write(
      `pipeline ${pipelineVersion()}: reprocessed ${r.reprocessed} documents, ${r.failed} failed, ${r.seconds.toFixed(1)} s\n`,
    );
    return r.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
