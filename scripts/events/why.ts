// Why the event coder misses gold events: for every gold event of a batch whose trigger no system
// event overlaps, the reason the extractor gave for leaving its trigger word out (src/events/
// extract.ts `eventTrace`), or `no-trigger` when no lexicon entry fired on the word (not in the
// lexicon, or inside an entity mention). Prints one line per miss and a count per reason.
//   node --import tsx scripts/events/why.ts a|b|c|d|e [--context]
import { readFileSync } from 'node:fs';
import { BATCHES, readArticles } from '../../src/events/eval.js';
import { eventTrace } from '../../src/events/extract.js';
import { extract, loadResources } from '../../src/pipeline.js';

const batch = process.argv[2] ?? '';
// The batch being annotated blind is scored once by the lead: never analysed here.
if (!BATCHES[batch] || batch === 'f') {
  console.error(`usage: why.ts a|b|c|d|e [--context]`);
  process.exit(2);
}
interface Span {
  start: number;
  end: number;
}
interface G {
  trigger: Span & { text: string };
  alt: Span[];
  cameo: string;
  source: { text: string; country: string | null } | null;
  target: { text: string; country: string | null } | null;
}
const gold = JSON.parse(readFileSync(BATCHES[batch], 'utf8')) as { docs: { id: string; events: G[] }[] };
const arts = readArticles(new Set(gold.docs.map((d) => d.id)));
const res = loadResources();
const ctx = process.argv.includes('--context');
const counts = new Map<string, number>();
const overlaps = (x: Span, y: Span): boolean => x.start < y.end && y.start < x.end;
for (const d of gold.docs) {
  const a = arts.get(d.id)!;
  const reasons: { t: number; why: string }[] = [];
  eventTrace.fn = (t, w) => reasons.push({ t, why: w });
  const doc = extract({ text: a.text, title: a.title, date: a.date, source: a.source }, res);
  eventTrace.fn = null;
  const tk = doc.tokens;
  for (const g of d.events) {
    const spans = [g.trigger, ...g.alt];
    if (doc.events.some((e) => spans.some((s) => overlaps(s, e.trigger)))) continue;
    const rs = reasons.filter((r) =>
      spans.some((s) => overlaps(s, { start: tk.start[r.t], end: tk.end[r.t] })),
    );
    const w = rs.length ? [...new Set(rs.map((r) => r.why))].join(',') : 'no-trigger';
    counts.set(w, (counts.get(w) ?? 0) + 1);
    const arg = (x: G['source']): string => (x ? `${x.text}@${x.country ?? '-'}` : '-');
    let line = `${d.id} ${g.cameo} ${g.trigger.text} ${arg(g.source)} -> ${arg(g.target)} :: ${w}`;
    if (ctx) {
      const s = doc.sentences.find((x) => x.start <= g.trigger.start && g.trigger.start < x.end);
      if (s) line += `\n    | ${doc.text.slice(s.start, s.end).replace(/\s+/g, ' ')}`;
    }
    console.log(line);
  }
}
console.log(
  '\n' +
    [...counts]
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => `${n}\t${k}`)
      .join('\n'),
);
