// Benchmark input: the first N SaudiNewsNet articles from ../shared (read at bench time only).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gunzipSync } from 'node:zlib';
import { sharedDir } from '../src/resources.js';

export interface CorpusDoc {
  id: string;
  date: string;
  title: string;
  text: string;
}

export const corpusPath = join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz');

let cache: CorpusDoc[] | null = null;

/** Up to `n` articles, or null when ../shared is absent. */
export function loadCorpus(n: number): CorpusDoc[] | null {
  if (!existsSync(corpusPath)) return null;
  if (!cache) {
    cache = gunzipSync(readFileSync(corpusPath))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as CorpusDoc);
  }
  return cache.slice(0, n);
}

/** The first `n` lines of the corpus file (JSON lines), streamed, for a bench's input file. */
export async function firstLines(n: number): Promise<string> {
  const lines: string[] = [];
  const rl = createInterface({
    input: createReadStream(corpusPath).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const l of rl) {
    lines.push(l);
    if (lines.length >= n) break;
  }
  rl.close();
  return lines.join('\n') + '\n';
}
