// Draws the articles of the blind linking batch (gold-links-blind): SaudiNewsNet articles of
// 600-1,600 characters with at least 4 distinct political keywords, not in the other gold sets,
// ordered by sha256("marsad-blind-3:" + id), at most 2 per outlet, the first N (default 14).
// Prints the ids (and with --text the texts, to read and annotate by hand).
//
//   node --import tsx scripts/actors/draw-blind.ts [N] [--text]
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { packageRoot, sharedDir } from '../../src/resources.js';

const KEYWORDS = [
  'الرئيس',
  'وزير',
  'الحكومة',
  'قوات',
  'الجيش',
  'مجلس',
  'الأمم المتحدة',
  'التحالف',
  'المعارضة',
  'هجوم',
  'اتفاق',
  'مفاوضات',
  'السفير',
  'الأمن',
  'المسلحين',
  'البرلمان',
  'العاصمة',
  'الخارجية',
  'الحوثي',
  'داعش',
];
const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 14);
const showText = process.argv.includes('--text');
const used = new Set<string>();
for (const f of ['gold-links.src.tsv', 'gold-links-heldout.src.tsv'])
  for (const l of readFileSync(join(packageRoot, 'scripts', 'actors', f), 'utf8').split('\n'))
    if (l.startsWith('@')) used.add(l.slice(1).trim());

const pool: { key: string; id: string; source: string; date: string; text: string }[] = [];
const rl = createInterface({
  input: createReadStream(join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz')).pipe(
    createGunzip(),
  ),
});
for await (const line of rl) {
  const d = JSON.parse(line) as { id: string; source: string; date: string; text: string };
  if (used.has(d.id) || d.text.length < 600 || d.text.length > 1600) continue;
  if (KEYWORDS.filter((k) => d.text.includes(k)).length < 4) continue;
  const key = createHash('sha256')
    .update('marsad-blind-3:' + d.id)
    .digest('hex');
  pool.push({ key, id: d.id, source: d.source, date: d.date, text: d.text });
}
pool.sort((a, b) => (a.key < b.key ? -1 : 1));
const perSource = new Map<string, number>();
let taken = 0;
for (const d of pool) {
  if (taken >= n) break;
  const k = perSource.get(d.source) ?? 0;
  if (k >= 2) continue;
  perSource.set(d.source, k + 1);
  taken++;
  console.log(`@${d.id}\t${d.source}\t${d.date}`);
  if (showText) console.log(d.text + '\n');
}
