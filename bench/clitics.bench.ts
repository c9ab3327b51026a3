// Clitic segmentation throughput on SaudiNewsNet word tokens: cold (every word type segmented
// once, through a fresh cache) and warm (per-token cost with the memo).
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { TokenKind } from '../src/doc/types.js';
import { sharedDir } from '../src/resources.js';
import { loadCliticModel, segmentWord } from '../src/text/clitics.js';
import { tokenise } from '../src/text/tokenise.js';
import type { BenchResult } from './types.js';

const CORPUS = join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz');

async function words(maxDocs: number): Promise<string[]> {
  const out: string[] = [];
  let docs = 0;
  const lines = createInterface({
    input: createReadStream(CORPUS).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (docs++ >= maxDocs) break;
    const text = (JSON.parse(line) as { text?: string }).text ?? '';
    const t = tokenise(text);
    for (let i = 0; i < t.count; i++)
      if (t.kind[i] === TokenKind.ArabicWord) out.push(text.slice(t.start[i], t.end[i]));
  }
  lines.close();
  return out;
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(CORPUS))
    return [{ name: 'skipped (needs ../shared/data/saudinewsnet)', value: 0, unit: '' }];
  const t0 = performance.now();
  const model = loadCliticModel();
  const loadMs = performance.now() - t0;
  const tokens = await words(2000);
  const types = [...new Set(tokens)];
  model.cache.clear();
  let t = performance.now();
  for (const w of types) segmentWord(w, model);
  const coldS = (performance.now() - t) / 1000;
  t = performance.now();
  let n = 0;
  for (let r = 0; r < 3; r++) for (const w of tokens) n += segmentWord(w, model).stemEnd;
  const warmS = (performance.now() - t) / 1000;
  if (n < 0) throw new Error('unreachable');
  return [
    { name: 'model load', value: loadMs, unit: 'ms' },
    {
      name: 'segment, new word types',
      value: types.length / coldS,
      unit: 'words/s',
      note: `${types.length} types`,
    },
    {
      name: 'segment, running text (memoised)',
      value: (3 * tokens.length) / warmS,
      unit: 'words/s',
      note: `${tokens.length} tokens`,
    },
  ];
}
