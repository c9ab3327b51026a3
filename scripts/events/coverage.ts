// Trigger coverage: the commonest words of SaudiNewsNet political/security articles that no
// lexicon entry (verb form or verbal noun, through the morphology) matches, to find CAMEO verbs
// and masdars the lexicon lacks. Frequencies only; nothing from the gold batches is read.
//   node --import tsx scripts/events/coverage.ts [ARTICLES] [TOP]
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { CORPUS_PATH } from '../../src/events/eval.js';
import { loadLexicon } from '../../src/events/lexicon.js';
import { nounCandidates, verbCandidates } from '../../src/events/morphology.js';
import { loadOntology } from '../../src/events/ontology.js';
import { normaliseWord } from '../../src/text/normalise.js';

if (!existsSync(CORPUS_PATH)) {
  console.error(`needs ${CORPUS_PATH}`);
  process.exit(2);
}
const n = Number(process.argv[2] ?? 8000);
const top = Number(process.argv[3] ?? 400);
const lex = loadLexicon(loadOntology());
// Political/security news: the same topic filter the gold batches were drawn with.
const TOPIC = /اليمن|سوري|العراق|إيران|ايران|فلسطين|الحوثي|غزة|داعش|إسرائيل|اسرائيل/g;
const freq = new Map<string, number>();
let used = 0;
for (const line of gunzipSync(readFileSync(CORPUS_PATH)).toString('utf8').split('\n')) {
  if (!line) continue;
  const a = JSON.parse(line) as { text: string; source: string };
  if ((a.text.match(TOPIC)?.length ?? 0) < 2) continue;
  if (++used > n) break;
  for (const raw of a.text.split(/[^\u0621-\u064A\u0671-\u06D3]+/)) {
    if (raw.length < 3) continue;
    const w = normaliseWord(raw);
    freq.set(w, (freq.get(w) ?? 0) + 1);
  }
}
const matched = (w: string): boolean => {
  for (const c of verbCandidates(w)) if (lex.verbs.has(c)) return true;
  const cs: string[] = [];
  nounCandidates(w, cs);
  return cs.some((c) => lex.nouns.has(c));
};
const rows = [...freq].filter(([w]) => !matched(w)).sort((x, y) => y[1] - x[1]);
console.log(`${Math.min(used, n)} articles; unmatched words by frequency:`);
console.log(
  rows
    .slice(0, top)
    .map(([w, c]) => `${w} ${c}`)
    .join('\n'),
);
