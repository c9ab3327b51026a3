// npm run eval:clitics [-- FILE…] — word-level accuracy of the clitic segmenter against hand
// annotations (default test/fixtures/clitics-gold.tsv), next to the blind rule baseline.
// A wrong word is an over-split when it has more pieces than the gold, an under-split when fewer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/resources.js';
import { baselineSegment } from '../../src/text/clitics-baseline.js';
import { formatSegmentation, loadCliticModel, segmentWord } from '../../src/text/clitics.js';
import { normaliseWord } from '../../src/text/normalise.js';

export interface GoldWord {
  word: string;
  pieces: string[];
}

export function readGold(path: string): GoldWord[] {
  const out: GoldWord[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '' || line.startsWith('#')) return;
      const [word, seg] = line.split('\t');
      if (!word || !seg) throw new Error(`${path}: line ${i + 1}: expected "word<TAB>segmentation"`);
      out.push({ word, pieces: seg.split('+').map((p) => normaliseWord(p)) });
    });
  return out;
}

export interface Score {
  words: number;
  correct: number;
  overSplit: number;
  underSplit: number;
  wrongBoundary: number;
  /** Gold-unsplit words left whole / gold-unsplit words. */
  keptWhole: number;
  unsplitGold: number;
  errors: string[];
}

export function score(gold: GoldWord[], segment: (w: string) => string[]): Score {
  const s: Score = {
    words: 0,
    correct: 0,
    overSplit: 0,
    underSplit: 0,
    wrongBoundary: 0,
    keptWhole: 0,
    unsplitGold: 0,
    errors: [],
  };
  for (const g of gold) {
    const p = segment(g.word);
    s.words++;
    if (g.pieces.length === 1) {
      s.unsplitGold++;
      if (p.length === 1) s.keptWhole++;
    }
    if (p.join('+') === g.pieces.join('+')) s.correct++;
    else {
      if (p.length > g.pieces.length) s.overSplit++;
      else if (p.length < g.pieces.length) s.underSplit++;
      else s.wrongBoundary++;
      s.errors.push(`${g.word}\tgold ${g.pieces.join('+')}\tgot ${p.join('+')}`);
    }
  }
  return s;
}

const pct = (n: number, d: number): string => (d === 0 ? '–' : ((100 * n) / d).toFixed(1) + '%');

function report(name: string, s: Score): string {
  return `| ${name} | ${s.words} | ${pct(s.correct, s.words)} | ${pct(s.overSplit, s.words)} | ${pct(s.underSplit, s.words)} | ${pct(s.wrongBoundary, s.words)} | ${s.keptWhole}/${s.unsplitGold} |`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (files.length === 0) files.push(join(packageRoot, 'test', 'fixtures', 'clitics-gold.tsv'));
  const model = loadCliticModel();
  const verbose = process.env.VERBOSE === '1';
  console.log(
    '| list | segmenter | words | accuracy | over-split | under-split | wrong boundary | must-not-split kept whole |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const f of files) {
    const gold = readGold(f);
    const base = score(gold, baselineSegment);
    const ours = score(gold, (w) => formatSegmentation(segmentWord(w, model)).split('+'));
    const name = f.split('/').pop();
    console.log(`| ${name} ` + report('rule baseline', base));
    console.log(`| ${name} ` + report('data-driven', ours));
    if (verbose) for (const e of ours.errors) console.error(e);
  }
}
