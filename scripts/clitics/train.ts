// npm run train:clitics — derive the clitic segmenter's statistics from the unlabelled
// SaudiNewsNet corpus: a frequency table of word types under the segmentation key (see
// src/text/clitics-key.ts), pruned to the most frequent types, written compactly to
// data/text/clitic-stats.json. Only these counts are committed, never corpus text.
//
// Usage: node --import tsx scripts/clitics/train.ts [--max-types N] [--min-count N] [--corpus PATH]
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { TokenKind } from '../../src/doc/types.js';
import { dataDir, sharedDir } from '../../src/resources.js';
import { cliticKey } from '../../src/text/clitics-key.js';
import { CLITIC_STATS_SCHEMA, type CliticStatsFile } from '../../src/text/clitics.js';
import { tokenise } from '../../src/text/tokenise.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const corpus = arg('--corpus', join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz'));
const maxTypes = Number(arg('--max-types', '120000'));
const minCount = Number(arg('--min-count', '2'));
const out = join(dataDir, 'text', 'clitic-stats.json');

/** Only keys made of Arabic letters (ء..ي) are counted; anything else cannot be segmented. */
function isArabicLetters(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a) return false;
  }
  return true;
}

const counts = new Map<string, number>();
let docs = 0;
let tokens = 0;
const lines = createInterface({
  input: createReadStream(corpus).pipe(createGunzip()),
  crlfDelay: Infinity,
});
for await (const line of lines) {
  if (line.trim() === '') continue;
  let text: unknown;
  try {
    text = (JSON.parse(line) as { text?: unknown }).text;
  } catch {
    throw new Error(`${corpus}: line ${docs + 1} is not valid JSON`);
  }
  if (typeof text !== 'string') continue;
  docs++;
  const t = tokenise(text);
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] !== TokenKind.ArabicWord) continue;
    const key = cliticKey(text.slice(t.start[i], t.end[i]));
    if (!isArabicLetters(key)) continue; // e.g. a token with an embedded digit or mark
    tokens++;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (docs % 5000 === 0) process.stderr.write(`${docs} docs, ${tokens} words, ${counts.size} types\n`);
}

// Most frequent first; ties in code-unit order so the file is reproducible.
const ranked = [...counts].filter(([, c]) => c >= minCount);
ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
ranked.length = Math.min(ranked.length, maxTypes);

// Clitic rates: count(p + x) / count(x) summed over frequent words x (count ≥ 50 among the top
// 20,000, at least 3 letters). Indefinite bases are words that do not begin with a clitic letter;
// definite bases begin with ال. See src/text/clitics.ts for how the segmenter uses them.
const c = (w: string): number => counts.get(w) ?? 0;
const frequent = [...counts]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 20000)
  .filter(([w, n]) => w.length >= 3 && n >= 50)
  .map(([w]) => w);
const indefinite = frequent.filter((w) => !w.startsWith('ال') && !'وفبلكس'.includes(w[0]));
const definite = frequent.filter((w) => w.startsWith('ال') && w.length >= 4);
function rate(bases: string[], form: (x: string) => string): number {
  let num = 0;
  let den = 0;
  for (const x of bases) {
    num += c(form(x));
    den += c(x);
  }
  return den === 0 ? 0 : Number((num / den).toPrecision(3));
}
const rates: Record<string, number> = {};
for (const p of ['و', 'ف', 'ب', 'ل', 'ك']) {
  rates[p] = rate(indefinite, (x) => p + x);
  if (p !== 'ل') rates[p + '|ال'] = rate(definite, (x) => p + x);
}
rates['ل|ال'] = rate(definite, (x) => 'ل' + x.slice(1)); // written لل
rates['س'] = rate(
  indefinite.filter((x) => 'يتنا'.includes(x[0])),
  (x) => 'س' + x,
);
rates['ال'] = rate(indefinite, (x) => 'ال' + x);
for (const e of ['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كن', 'ي', 'ني', 'نا'])
  rates['+' + e] = rate(indefinite, (x) => (x.endsWith('ة') ? x.slice(0, -1) + 'ت' : x) + e);

// Counts are non-increasing, so store them as runs [count, howMany].
const runs: [number, number][] = [];
for (const [, c] of ranked) {
  const last = runs[runs.length - 1];
  if (last && last[0] === c) last[1]++;
  else runs.push([c, 1]);
}
const file: CliticStatsFile = {
  schema: CLITIC_STATS_SCHEMA,
  source: 'SaudiNewsNet (saudinewsnet.jsonl.gz), Arabic word tokens, segmentation key',
  documents: docs,
  tokens,
  types: counts.size,
  minCount,
  rates,
  words: ranked.map(([w]) => w).join(' '),
  counts: runs,
};
writeFileSync(out, JSON.stringify(file) + '\n');
process.stderr.write(
  `${docs} docs, ${tokens} Arabic words, ${counts.size} types; kept ${ranked.length} (count ≥ ${minCount}) → ${out}\n`,
);
