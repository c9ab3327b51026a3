// NER tagging throughput on SaudiNewsNet articles (1x / 10x / 100x documents) and model load time.
// Tokens and sentences are prepared outside the timed region: this measures the tagger alone.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Doc } from '../src/doc/types.js';
import { modelsDir, sharedDir } from '../src/resources.js';
import { findMentions, loadNer } from '../src/ner/mentions.js';
import { MODEL_FILE } from '../src/ner/format.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenise } from '../src/text/tokenise.js';
import type { BenchResult } from './types.js';

const CORPUS = join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz');
type NerDoc = Pick<Doc, 'text' | 'tokens' | 'sentences'>;

async function docs(maxDocs: number): Promise<NerDoc[]> {
  const out: NerDoc[] = [];
  const lines = createInterface({
    input: createReadStream(CORPUS).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (out.length >= maxDocs) break;
    const text = (JSON.parse(line) as { text?: string }).text ?? '';
    const tokens = tokenise(text);
    out.push({ text, tokens, sentences: splitSentences(text, tokens) });
  }
  lines.close();
  return out;
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(CORPUS))
    return [{ name: 'skipped (needs ../shared/data/saudinewsnet)', value: 0, unit: '' }];
  if (!existsSync(join(modelsDir, 'ner', MODEL_FILE)))
    return [{ name: 'skipped (no models/ner model: npm run train:ner)', value: 0, unit: '' }];
  const t0 = performance.now();
  const res = loadNer();
  const loadMs = performance.now() - t0;
  const all = await docs(3000);
  const results: BenchResult[] = [{ name: 'model load', value: loadMs, unit: 'ms' }];
  findMentions(res, all[0]); // warm up the JIT
  for (const [size, n] of [
    ['1x', 30],
    ['10x', 300],
    ['100x', 3000],
  ] as const) {
    const set = all.slice(0, n);
    let tokens = 0;
    for (const d of set) tokens += d.tokens.count;
    let mentions = 0;
    const t = performance.now();
    const c = process.cpuUsage();
    for (const d of set) mentions += findMentions(res, d).length;
    const s = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(c).user / 1e6;
    results.push({
      name: 'tag (one core)',
      size,
      value: tokens / s,
      unit: 'tokens/s',
      note: `${set.length} docs, ${tokens} tokens, ${mentions} mentions; ${Math.round(tokens / cpu)} tokens per CPU-second`,
    });
  }
  return results;
}
