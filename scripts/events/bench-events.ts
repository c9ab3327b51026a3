// Speed of the events stage alone on SaudiNewsNet articles (the earlier stages run first, untimed).
//   node --import tsx scripts/events/bench-events.ts [ARTICLES]
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createDoc } from '../../src/doc/doc.js';
import { extractEvents, type EventResources } from '../../src/events/extract.js';
import { CORPUS_PATH } from '../../src/events/eval.js';
import { loadResources, stages } from '../../src/pipeline.js';

if (!existsSync(CORPUS_PATH)) {
  console.error(`needs ${CORPUS_PATH}`);
  process.exit(2);
}
const n = Number(process.argv[2] ?? 600);
const arts = gunzipSync(readFileSync(CORPUS_PATH))
  .toString('utf8')
  .split('\n')
  .slice(0, n)
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; title: string; date: string });
const res = loadResources();
const docs = arts.map((a) => {
  const doc = createDoc(a.text, { title: a.title, date: a.date });
  for (const st of stages)
    if (st.name !== 'events') Object.assign(doc, st.run(doc, res.byStage.get(st.name)));
  return doc;
});
const er = res.byStage.get('events') as EventResources;
let best = 0;
let events = 0;
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  events = 0;
  for (const d of docs) events += extractEvents(d, er).length;
  best = Math.max(best, docs.length / ((performance.now() - t) / 1000));
}
console.log(
  `events stage: ${docs.length} articles, ${events} events, best of 5: ${best.toFixed(0)} articles/s`,
);
