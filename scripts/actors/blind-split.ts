// The blind linking batch scored twice: all mentions, and without the gold names whose identity
// entered the knowledge base after the batch was labelled (those entities were added by someone
// who had read the batch, so their links are not blind evidence). The KB ids at labelling time
// are read from git at REV (default f4e8c48, the commit that added the batch).
//
//   node --import tsx scripts/actors/blind-split.ts [REV]
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { scoreLinks, type GoldFile } from '../../src/actors/eval.js';
import { ACTOR_FILES, loadKb } from '../../src/actors/kb.js';
import { loadDataFile, packageRoot, sharedDir } from '../../src/resources.js';

const rev = process.argv[2] ?? 'f4e8c48';
if (!/^[0-9a-f]{7,40}$/.test(rev)) throw new Error(`expected a commit id, got ${JSON.stringify(rev)}`);
const git = (path: string): string | null => {
  try {
    return execFileSync('git', ['show', `${rev}:${path}`], {
      cwd: packageRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
};
const before = new Set<string>();
const countries = JSON.parse(git('data/actors/countries.json') ?? '{"countries":[]}') as {
  countries: { iso3: string }[];
};
for (const c of countries.countries) before.add(c.iso3);
for (const f of ACTOR_FILES)
  for (const line of (git(`data/actors/${f}`) ?? '').split('\n'))
    if (line !== '' && !line.startsWith('#')) before.add(line.split('\t')[0]);
const now = loadKb().actors;
const gold = loadDataFile<GoldFile>('actors/gold-links-blind.json', 'marsad.gold-links/1');
const late = (kb: string): boolean => kb !== 'NIL' && kb !== '-' && !before.has(kb) && now.has(kb);
const lateNames = new Map<string, number>();
for (const a of gold.articles)
  for (const m of a.mentions)
    if (late(m.kb)) lateNames.set(`${m.kb} (${m.text})`, (lateNames.get(`${m.kb} (${m.text})`) ?? 0) + 1);
const texts = new Map<string, string>();
const ids = new Set(gold.articles.map((a) => a.id));
const rl = createInterface({
  input: createReadStream(join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz')).pipe(
    createGunzip(),
  ),
});
for await (const line of rl) {
  const d = JSON.parse(line) as { id: string; text: string };
  if (ids.has(d.id)) texts.set(d.id, d.text);
}
const pct = (x: number): string => (100 * x).toFixed(1) + '%';
const without: GoldFile = {
  ...gold,
  articles: gold.articles.map((a) => ({ ...a, mentions: a.mentions.filter((m) => !late(m.kb)) })),
};
console.log(
  `gold names whose identity entered the KB after ${rev}: ${[...lateNames].map(([k, n]) => `${k} x${n}`).join(', ') || 'none'}`,
);
for (const [label, g] of [
  ['all mentions', gold],
  ['without them', without],
] as const)
  for (const oracle of [true, false]) {
    const s = scoreLinks(g, texts, oracle);
    const c = s.codes;
    console.log(
      `${label}, ${oracle ? 'gold name spans' : 'no tagger mentions'}: linkable ${pct(s.linkable.accuracy)} (${s.linkable.correct}/${s.linkable.n}), NIL ${pct(s.nil.accuracy)} (${s.nil.correct}/${s.nil.n}), codes names P ${pct(c.name.precision)} R ${pct(c.name.recall)}, roles P ${pct(c.role.precision)} R ${pct(c.role.recall)}`,
    );
  }
