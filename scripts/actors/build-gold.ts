// Converts the hand-written gold labels of scripts/actors/gold-links.src.tsv (surface forms per
// SaudiNewsNet article) into data/actors/gold-links.json: article id + offsets + labels, no text.
//
//   node --import tsx scripts/actors/build-gold.ts [gold-links | gold-links-heldout]
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { dataDir, packageRoot, sharedDir } from '../../src/resources.js';
import type { GoldFile, GoldMention } from '../../src/actors/eval.js';

interface Label {
  surface: string;
  type: string;
  kb: string;
  code: string;
  kind: 'name' | 'role';
  /** 1-based occurrences (among word-bounded ones) the line applies to; null = all. */
  only: number[] | null;
}

const stem = process.argv[2] ?? 'gold-links';
if (!/^[a-z-]+$/.test(stem)) throw new Error(`bad gold set name ${JSON.stringify(stem)}`);
const src = readFileSync(join(packageRoot, 'scripts', 'actors', `${stem}.src.tsv`), 'utf8');
const labels = new Map<string, Label[]>();
let current: Label[] | null = null;
for (const line of src.split('\n')) {
  if (line === '' || line.startsWith('#')) continue;
  if (line.startsWith('@')) {
    current = [];
    labels.set(line.slice(1).trim(), current);
    continue;
  }
  const [surface, type, kb, code, kind, only] = line.split('\t');
  if (!current || !surface || !type || !kb || !code || (kind !== 'name' && kind !== 'role'))
    throw new Error(`gold-links.src.tsv: bad line "${line}"`);
  current.push({ surface, type, kb, code, kind, only: only ? only.split(',').map(Number) : null });
}

const isLetter = (c: number): boolean =>
  (c >= 0x0621 && c <= 0x064a) ||
  (c >= 0x0671 && c <= 0x06d3) ||
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a);
const CLITICS = 'وبلفك';

/** Does a word start right at `at` once up to three proclitics (and a tatweel) are allowed before it? */
function wordStart(text: string, at: number): boolean {
  let p = at - 1;
  if (p >= 0 && text[p] === 'ـ') p--;
  let n = 0;
  while (p >= 0 && n < 3 && CLITICS.includes(text[p])) {
    p--;
    n++;
  }
  return p < 0 || !isLetter(text.charCodeAt(p)) || (n === 0 && !isLetter(text.charCodeAt(at - 1)));
}

function annotate(text: string, ls: Label[], id: string): GoldMention[] {
  const found: (GoldMention & { len: number })[] = [];
  for (const l of ls) {
    let from = 0;
    let hits = 0;
    for (;;) {
      const at = text.indexOf(l.surface, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + l.surface.length;
      if (!wordStart(text, at) || (end < text.length && isLetter(text.charCodeAt(end)))) continue;
      hits++;
      if (l.only && !l.only.includes(hits)) continue;
      found.push({
        start: at,
        end,
        text: l.surface,
        type: l.type,
        kb: l.kb,
        code: l.code,
        kind: l.kind,
        len: l.surface.length,
      });
    }
    if (hits === 0) throw new Error(`article ${id}: surface "${l.surface}" not found`);
  }
  // Longer labelled surfaces win; a role phrase right before a labelled name only describes it.
  found.sort((a, b) => b.len - a.len || a.start - b.start);
  const kept: (GoldMention & { len: number })[] = [];
  for (const f of found) if (!kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  kept.sort((a, b) => a.start - b.start);
  const out: GoldMention[] = [];
  for (let i = 0; i < kept.length; i++) {
    const { len: _len, ...m } = kept[i];
    const next = kept[i + 1];
    if (
      m.kind === 'role' &&
      next &&
      next.kind === 'name' &&
      next.type === 'PER' &&
      /^\s+$/.test(text.slice(m.end, next.start))
    )
      continue;
    out.push(m);
  }
  return out;
}

const texts = new Map<string, { text: string; date: string }>();
const rl = createInterface({
  input: createReadStream(join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz')).pipe(
    createGunzip(),
  ),
});
for await (const line of rl) {
  const d = JSON.parse(line) as { id: string; text: string; date: string };
  if (labels.has(d.id)) texts.set(d.id, { text: d.text, date: d.date });
}
const gold: GoldFile = {
  schema: 'marsad.gold-links/1',
  about: `Gold entity links on SaudiNewsNet articles (id + UTF-16 offsets into the article text + labels), made by hand from scripts/actors/${stem}.src.tsv by scripts/actors/build-gold.ts. kb: KB id, NIL (not in the knowledge base) or - (role phrase: only the code is judged).`,
  articles: [],
};
for (const [id, ls] of labels) {
  const t = texts.get(id);
  if (!t) throw new Error(`article ${id} not in SaudiNewsNet`);
  gold.articles.push({ id, date: t.date, mentions: annotate(t.text, ls, id) });
}
const path = join(dataDir, 'actors', `${stem}.json`);
writeFileSync(path, JSON.stringify(gold, null, 0).replace(/\},\{"start"/g, '},\n{"start"') + '\n');
const n = gold.articles.reduce((s, a) => s + a.mentions.length, 0);
console.log(`wrote ${gold.articles.length} articles, ${n} mentions to ${path}`);
