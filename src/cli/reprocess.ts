// marsad reprocess [--db …] [--workers N]: re-extract documents stored by an older pipeline version.
import { availableParallelism } from 'node:os';
import { reprocess } from '../ingest/ingest.js';
import { pipelineVersion } from '../ingest/version.js';
import { CommandArgs, withStore } from './args.js';

export const reprocessUsage = `usage: marsad reprocess [--db PATH|postgres://…] [--workers N]

Re-extracts every stored document whose pipeline version (package version + digest of the data
and model files) differs from the current one, replacing its entities, quotes, times and events.`;

export async function runReprocess(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const args = new CommandArgs(argv, { db: { type: 'string' }, workers: { type: 'string' } }, reprocessUsage);
  if (args.help) {
    out.write(reprocessUsage + '\n');
    return 0;
  }
  args.noPositionals();
  const workers = args.int('workers', availableParallelism());
  return withStore(args.db(), 'reprocess', err, async (store) => {
    const r = await reprocess(store, { workers });
    out.write(
      `pipeline ${pipelineVersion()}: reprocessed ${r.reprocessed} documents, ${r.failed} failed, ${r.seconds.toFixed(1)} s\n`,
    );
    return r.failed > 0 ? 1 : 0;
  });
}
