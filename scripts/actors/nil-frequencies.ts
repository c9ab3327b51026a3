// Which names to add to the knowledge base, from data: runs the text, NER and actors stages on
// SaudiNewsNet articles (not those of any linking gold set) and counts the tagger's names that the
// linker leaves without a KB id (NIL), by type. Prints the most frequent.
//
//   nice node --import tsx scripts/actors/nil-frequencies.ts [ARTICLES=4000] [TOP=400] > nil.tsv
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { actorsStage } from '../../src/actors/stage.js';
import { createDoc } from '../../src/doc/doc.js';
import { nerStage } from '../../src/ner/stage.js';
import { packageRoot, sharedDir } from '../../src/resources.js';
import { textStage } from '../../src/text/stage.js';

const max = Number(process.argv[2] ?? 4000);
const top = Number(process.argv[3] ?? 400);
const skip = new Set<string>();
for (const f of ['gold-links', 'gold-links-heldout', 'gold-links-blind'])
  for (const l of readFileSync(join(packageRoot, 'scripts', 'actors', `${f}.src.tsv`), 'utf8').split('\n'))
    if (l.startsWith('@')) skip.add(l.slice(1).trim());
const tr = textStage.load!();
const nr = nerStage.load!();
const ar = actorsStage.load!();
const counts = new Map<string, number>();
const rl = createInterface({
  input: createReadStream(join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz')).pipe(
    createGunzip(),
  ),
});
let n = 0;
for await (const line of rl) {
  const d = JSON.parse(line) as { id: string; text: string; date: string };
  if (skip.has(d.id)) continue;
  if (++n > max) break;
  const doc = createDoc(d.text, { date: d.date });
  Object.assign(doc, textStage.run(doc, tr));
  Object.assign(doc, nerStage.run(doc, nr));
  Object.assign(doc, actorsStage.run(doc, ar));
  for (const e of doc.entities) {
    if (e.actor.id !== null && !e.actor.id.startsWith('nil:')) continue;
    if (e.actor.id === null) continue; // role phrases
    for (const m of e.mentions) {
      const k = `${e.type}\t${m.text}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
}
const rows = [...counts].sort((a, b) => b[1] - a[1]).slice(0, top);
for (const [k, c] of rows) console.log(`${c}\t${k}`);
