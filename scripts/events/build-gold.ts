// Build test/fixtures/events-gold.json from the hand annotation notes
// (test/fixtures/events-gold-notes.txt): surface strings → UTF-16 offsets into SaudiNewsNet
// articles. The gold file stores ids, offsets, labels and short surface strings, never articles.
//   node --import tsx scripts/events/build-gold.ts [NOTES OUT]
// (defaults: test/fixtures/events-gold-notes.txt → test/fixtures/events-gold.json; the held-out
// batch: test/fixtures/events-gold-heldout-notes.txt → test/fixtures/events-gold-heldout.json)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { GoldArg as Arg, GoldSpan as Span } from '../../src/events/eval.js';
import { packageRoot, sharedDir } from '../../src/resources.js';

const notesPath = join(packageRoot, process.argv[2] ?? 'test/fixtures/events-gold-notes.txt');
const outPath = join(packageRoot, process.argv[3] ?? 'test/fixtures/events-gold.json');
const corpus = join(sharedDir, 'data/saudinewsnet/saudinewsnet.jsonl.gz');

const lines = readFileSync(notesPath, 'utf8').split('\n');
const docsLine = lines.find((l) => l.startsWith('# DOCS '));
if (!docsLine) throw new Error(`${notesPath}: no "# DOCS" line`);
const ids = docsLine.slice(7).trim().split(/\s+/);
const texts = new Map<string, string>();
for (const l of gunzipSync(readFileSync(corpus)).toString('utf8').split('\n')) {
  if (!l) continue;
  const a = JSON.parse(l) as { id: string; text: string };
  if (ids.includes(a.id)) texts.set(a.id, a.text);
}

function occurrences(text: string, s: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) out.push(i);
  return out;
}

function find(text: string, spec: string, near: number | null, where: string): Span {
  const m = /^(.*?)(?:#(\d+))?$/.exec(spec)!;
  const s = m[1];
  const occ = occurrences(text, s);
  if (occ.length === 0) throw new Error(`${where}: "${s}" not in the article`);
  let at: number;
  if (m[2]) {
    const k = Number(m[2]) - 1;
    if (k >= occ.length) throw new Error(`${where}: "${s}" occurs ${occ.length} times, not ${k + 1}`);
    at = occ[k];
  } else if (near === null) at = occ[0];
  else at = occ.reduce((b, x) => (Math.abs(x - near) < Math.abs(b - near) ? x : b));
  return { start: at, end: at + s.length, text: s };
}

function arg(text: string, spec: string, near: number, where: string): Arg | null {
  if (spec === '-') return null;
  const [surface, country] = spec.split('@');
  const sp = find(text, surface, near, where);
  return { ...sp, country: country && country !== '-' ? country : null };
}

const docs = ids.map((id) => ({ id, events: [] as unknown[] }));
for (const [n, line] of lines.entries()) {
  if (!line.trim() || line.startsWith('#')) continue;
  const where = `${notesPath}:${n + 1}`;
  const f = line.split('|').map((x) => x.trim());
  if (f.length !== 6) throw new Error(`${where}: expected 6 fields`);
  const [id, trig, cameo, src, tgt, modality] = f;
  const text = texts.get(id);
  const doc = docs.find((d) => d.id === id);
  if (!text || !doc) throw new Error(`${where}: article ${id} not listed or not found`);
  const [main, ...alts] = trig.split('/');
  const trigger = find(text, main, null, where);
  doc.events.push({
    trigger,
    alt: alts.map((a) => find(text, a, trigger.start, where)),
    cameo,
    source: arg(text, src, trigger.start, where),
    target: arg(text, tgt, trigger.start, where),
    modality,
  });
}
const gold = {
  schema: 'marsad/events-gold@1',
  about:
    'Hand-annotated CAMEO events in SaudiNewsNet articles (offsets into the article text field). See docs/EVALUATION.md, section Events, for how it was made and the guidelines.',
  docs,
};
writeFileSync(outPath, JSON.stringify(gold, null, 1) + '\n');
console.log(`${outPath}: ${docs.length} articles, ${docs.reduce((s, d) => s + d.events.length, 0)} events`);
