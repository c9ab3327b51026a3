// Batches A–E pooled into one gold file (written to the OS temp folder) and scored by `marsad eval
// events`, so a change can be checked against all development data at once. Batch F is never
// included: it is scored blind, once, by the lead.
//   node --import tsx scripts/events/pooled.ts [--json] [--min-confidence X]
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCHES, evaluate } from '../../src/events/eval.js';

const POOLED = ['a', 'b', 'c', 'd', 'e'];
const docs: unknown[] = [];
let schema = '';
for (const b of POOLED) {
  const g = JSON.parse(readFileSync(BATCHES[b], 'utf8')) as { schema: string; docs: unknown[] };
  schema = g.schema;
  docs.push(...g.docs);
}
const path = join(tmpdir(), `marsad-events-pooled-${process.pid}.json`);
writeFileSync(path, JSON.stringify({ schema, docs }));
BATCHES.pooled = path;
process.exitCode = await evaluate(['--batch', 'pooled', ...process.argv.slice(2)], process.stdout);
