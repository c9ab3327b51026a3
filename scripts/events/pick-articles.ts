// Draw candidate articles for an events gold batch from SaudiNewsNet: political/security news from
// aawsat, alriyadh and was (400–1,400 characters; at least two mentions of Yemen, Syria, Iraq,
// Iran, Palestine, the Houthis, Gaza or ISIS), excluding every article already in a gold batch.
// Prints ids and titles in a seeded random order; the annotator drops non-political titles
// (sport, business) and near-duplicates by title before reading.
//   node --import tsx scripts/events/pick-articles.ts SEED N
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot, sharedDir } from '../../src/resources.js';

const seed = Number(process.argv[2] ?? 77);
const n = Number(process.argv[3] ?? 40);
if (!Number.isInteger(seed) || !Number.isInteger(n) || n <= 0)
  throw new Error('usage: pick-articles.ts SEED N (two integers)');

const taken = new Set<string>();
const fx = join(packageRoot, 'test/fixtures');
for (const f of readdirSync(fx))
  if (/^events-gold.*\.json$/.test(f)) {
    const g = JSON.parse(readFileSync(join(fx, f), 'utf8')) as { docs: { id: string }[] };
    for (const d of g.docs) taken.add(d.id);
  }

const topic = /اليمن|يمني|سوري|العراق|عراقي|إيران|ايران|إيراني|فلسطين|الحوثي|غزة|داعش/g;
const pool: { id: string; title: string; source: string; len: number }[] = [];
const corpus = join(sharedDir, 'data/saudinewsnet/saudinewsnet.jsonl.gz');
for (const l of gunzipSync(readFileSync(corpus)).toString('utf8').split('\n')) {
  if (!l) continue;
  const a = JSON.parse(l) as { id: string; source: string; title: string; text: string };
  if (taken.has(a.id) || !['aawsat', 'alriyadh', 'was', 'spa'].includes(a.source)) continue;
  if (a.text.length < 400 || a.text.length > 1400) continue;
  if ((a.text.match(topic) ?? []).length < 2) continue;
  pool.push({ id: a.id, title: a.title, source: a.source, len: a.text.length });
}
pool.sort((x, y) => (x.id < y.id ? -1 : 1));
// mulberry32
let s = seed >>> 0;
const rnd = (): number => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
for (let i = pool.length - 1; i > 0; i--) {
  const j = Math.floor(rnd() * (i + 1));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}
console.log(`# pool ${pool.length} articles (excluding ${taken.size} already in gold batches), seed ${seed}`);
for (const p of pool.slice(0, n)) console.log(`${p.id}\t${p.source}\t${p.len}\t${p.title}`);
