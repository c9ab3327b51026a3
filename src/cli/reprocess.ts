// marsad reprocess [--db …] [--workers N]: re-extract documents stored by an older pipeline version.
import { availableParallelism } from 'node:os';
import { reprocess } from '../ingest/ingest.js';
import { pipelineVersion } from '../ingest/version.js';
import { command, withStore } from './args.js';

const reprocessUsage = `usage: marsad reprocess [--db PATH|postgres://…] [--workers N]

Re-extracts every stored document whose pipeline version (package version + digest of the data
and model files) differs from the current one, replacing its entities, quotes, times and events.`;

export const runReprocess = command(
  reprocessUsage,
  { strings: ['db', 'workers'] },
  async (args, out, err) => {
    args.noPositionals();
    const workers = args.int('workers', availableParallelism());
    return withStore(args.db(), 'reprocess', err, async (store) => {
      const r = await reprocess(store, { workers });
      out.write(
        `pipeline ${pipelineVersion()}: reprocessed ${r.reprocessed} documents, ${r.failed} failed, ${r.seconds.toFixed(1)} s\n`,
      );
      return r.failed > 0 ? 1 : 0;
    });
  },
);
