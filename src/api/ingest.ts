// Extraction and writing for the API: posted documents are extracted in worker threads with the
// same code and preparation `marsad ingest` uses (src/ingest/pool.ts, src/store/prepare.ts); also
// loads the project's sample articles into a store for the demo (`npm start`) and the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docId } from '../doc/doc.js';
import { ExtractPool } from '../ingest/pool.js';
import { pipelineVersion } from '../ingest/version.js';
import { extract, loadResources, type Resources } from '../pipeline.js';
import { packageRoot } from '../resources.js';
import { prepareDocument } from '../store/prepare.js';
import type { PreparedDoc, PutResult, Store } from '../store/types.js';
import type { DocumentBody } from './schemas.js';

const samplesDir = join(packageRoot, 'samples', 'articles');

let shared: Resources | null = null;
/** The pipeline's resources in this thread, loaded once (for the sample articles at start-up). */
export function resources(): Resources {
  shared ??= loadResources();
  return shared;
}

/**
 * Extraction for the server, off its event loop: a small pool of worker threads (started on first
 * use) so a long article does not hold every other request. `workers` 0 extracts in this thread.
 */
export class Extractor {
  private pool: ExtractPool | null = null;
  constructor(private readonly workers = 1) {}

  async prepare(body: DocumentBody): Promise<PreparedDoc> {
    this.pool ??= new ExtractPool(this.workers, pipelineVersion());
    const where = body.url ? `api:${body.url}` : `api:${docId(body.text)}`;
    const [r] = await this.pool.run([
      {
        where,
        input: {
          text: body.text,
          title: body.title ?? null,
          date: body.date ?? null,
          source: body.source ?? null,
          url: body.url ?? null,
          titleInText: body.titleInText ?? false,
        },
      },
    ]);
    if ('error' in r) throw new Error(r.error);
    return r.prepared;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}

/** An Ingestor for the server: store a prepared document. */
export function storeIngestor(store: Store): (doc: PreparedDoc) => Promise<PutResult> {
  return (doc) => store.putDocument(doc);
}

/** The sample articles (.txt, first line = title), in name order. */
function sampleFiles(dir = samplesDir): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Load the sample articles into a store (idempotent: a copy already stored is reported
 * `present`). `date` gives them a publication date so relative times resolve and the
 * per-day charts have something to show; by default each sample gets its own consecutive day.
 */
export async function ingestSamples(
  store: Store,
  opts: { dir?: string; firstDay?: string } = {},
): Promise<PutResult[]> {
  const files = sampleFiles(opts.dir);
  const first = new Date(`${opts.firstDay ?? '2024-03-01'}T00:00:00Z`);
  const docs = files.map((path, i) => {
    const day = new Date(first.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const doc = extract(
      {
        text: readFileSync(path, 'utf8').replace(/^\uFEFF/, ''),
        date: day,
        source: 'samples',
        titleInText: true,
      },
      resources(),
    );
    return prepareDocument(doc, {
      pipelineVersion: pipelineVersion(),
      origin: { where: `samples/articles/${path.slice(path.lastIndexOf('/') + 1)}`, source: 'samples' },
    });
  });
  return store.write({ docs });
}
