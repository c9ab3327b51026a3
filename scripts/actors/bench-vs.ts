// The actors stage against an older tree, interleaved in one process so both see the same machine
// load: text and NER stages run once (this tree), then rounds alternate between the two actors
// stages on the same documents. Prints min and median ms/article of each.
//
//   git archive f4e8c48 src data models | (mkdir -p /tmp/base && tar -x -C /tmp/base)
//   ln -s "$PWD/node_modules" /tmp/base/node_modules
//   nice node --import tsx scripts/actors/bench-vs.ts /tmp/base [ARTICLES=1000] [ROUNDS=20]
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { actorsStage } from '../../src/actors/stage.js';
import { createDoc } from '../../src/doc/doc.js';
import type { Doc } from '../../src/doc/types.js';
import { nerStage } from '../../src/ner/stage.js';
import { sharedDir } from '../../src/resources.js';
import type { Stage } from '../../src/stage.js';
import { textStage } from '../../src/text/stage.js';

const other = process.argv[2];
if (!other) throw new Error('usage: bench-vs.ts OTHER_TREE [ARTICLES] [ROUNDS]');
const n = Number(process.argv[3] ?? 1000);
const rounds = Number(process.argv[4] ?? 20);
const base = (await import(join(other, 'src', 'actors', 'stage.ts'))).actorsStage as Stage<unknown>;
const tr = textStage.load!();
const nr = nerStage.load!();
const hr = actorsStage.load!();
const br = base.load!();
const docs: Doc[] = [];
const rl = createInterface({
  input: createReadStream(join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz')).pipe(
    createGunzip(),
  ),
});
for await (const line of rl) {
  const d = JSON.parse(line) as { text: string; date: string };
  const doc = createDoc(d.text, { date: d.date });
  Object.assign(doc, textStage.run(doc, tr));
  Object.assign(doc, nerStage.run(doc, nr));
  docs.push(doc);
  if (docs.length >= n) break;
}
const time = (run: () => void): number => {
  const t = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t) / 1e6 / docs.length;
};
const tb: number[] = [];
const th: number[] = [];
for (let r = 0; r < rounds; r++) {
  tb.push(time(() => docs.forEach((doc) => base.run(doc, br))));
  th.push(time(() => docs.forEach((doc) => actorsStage.run(doc, hr))));
}
const med = (x: number[]): number => [...x].sort((a, b) => a - b)[x.length >> 1];
const fmt = (x: number[]): string => `min ${Math.min(...x).toFixed(3)} median ${med(x).toFixed(3)}`;
console.log(
  `actors stage ms/article, ${docs.length} SaudiNewsNet articles, ${rounds} interleaved rounds: ${other} ${fmt(tb)}; this tree ${fmt(th)}`,
);
