// Error analysis of the event coder on one gold batch: per article, the gold and system
// (source country, root, target country) triples, and every system event with its arguments
// (S: its trigger overlaps a gold trigger, X: it does not).
//   node --import tsx scripts/events/analyse.ts [a|b|c|d] [--context]  (--context: the sentence of each event)
import { readFileSync } from 'node:fs';
import type { Doc, EventArg } from '../../src/doc/types.js';
import { BATCHES, isState, readArticles } from '../../src/events/eval.js';
import { extract, loadResources } from '../../src/pipeline.js';

const batch = process.argv[2] ?? 'a';
const path = BATCHES[batch] as string | undefined;
if (!path) {
  console.error(`usage: analyse.ts ${Object.keys(BATCHES).join('|')}`);
  process.exit(2);
}
interface G {
  trigger: { start: number; end: number; text: string };
  alt: { start: number; end: number }[];
  cameo: string;
  source: { text: string; country: string | null } | null;
  target: { text: string; country: string | null } | null;
  modality: string;
}
const gold = JSON.parse(readFileSync(path, 'utf8')) as { docs: { id: string; events: G[] }[] };
const arts = readArticles(new Set(gold.docs.map((d) => d.id)));
const res = loadResources();
const withContext = process.argv.includes('--context');
const arg = (doc: Doc, a: EventArg): string => {
  if (!a.entity) return '-';
  const e = doc.entities.find((x) => x.id === a.entity)!;
  return `${e.name.ar}@${e.actor.country ?? '-'}`;
};
for (const d of gold.docs) {
  const a = arts.get(d.id)!;
  const doc = extract({ text: a.text, title: a.title, date: a.date, source: a.source }, res);
  const key = (s: string | null | undefined, c: string, t: string | null | undefined): string =>
    `${s ?? '-'}|${c.slice(0, 2)}|${t ?? '-'}`;
  const gs = new Set(d.events.map((g) => key(g.source?.country, g.cameo, g.target?.country)));
  const cty = (x: EventArg): string | null => {
    const c = x.entity ? (doc.entities.find((e) => e.id === x.entity)!.actor.country ?? null) : null;
    return c !== null && isState(c) ? c : null;
  };
  const ss = new Set(doc.events.map((e) => key(cty(e.source), e.cameo, cty(e.target))));
  console.log(
    `\n=== ${d.id}  gold ${[...gs].join(' ')}\n    sys  ${[...ss].map((k) => (gs.has(k) ? k : `!${k}`)).join(' ')}`,
  );
  const sentenceAt = (o: number): string => {
    if (!withContext) return '';
    const s = doc.sentences.find((x) => x.start <= o && o < x.end);
    return s ? `\n      | ${doc.text.slice(s.start, s.end).replace(/\s+/g, ' ')}` : '';
  };
  for (const g of d.events)
    console.log(
      `  G ${g.cameo} ${g.trigger.text}@${g.trigger.start} ${g.source ? g.source.text + '@' + (g.source.country ?? '-') : '-'} -> ${g.target ? g.target.text + '@' + (g.target.country ?? '-') : '-'} ${g.modality}${sentenceAt(g.trigger.start)}`,
    );
  for (const e of doc.events)
    console.log(
      `  ${d.events.some((g) => [g.trigger, ...g.alt].some((sp) => sp.start < e.trigger.end && e.trigger.start < sp.end)) ? 'S' : 'X'} ${e.cameo} ${e.trigger.text}@${e.trigger.start} ${arg(doc, e.source)} -> ${arg(doc, e.target)} ${e.modality} ${e.confidence}${sentenceAt(e.trigger.start)}`,
    );
}
