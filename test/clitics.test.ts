import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readGold, score } from '../scripts/clitics/eval.js';
import { packageRoot } from '../src/resources.js';
import { baselineSegment } from '../src/text/clitics-baseline.js';
import {
  CLITIC_STATS_SCHEMA,
  cliticModelFrom,
  formatSegmentation,
  loadCliticModel,
  segmentWord,
  type CliticStatsFile,
} from '../src/text/clitics.js';
import { normaliseWord } from '../src/text/normalise.js';

const model = loadCliticModel();
const seg = (w: string): string => formatSegmentation(segmentWord(w, model));
const fixtures = join(packageRoot, 'test', 'fixtures');

describe('clitic segmentation', () => {
  it('loads a valid statistics file', () => {
    assert.ok(model.count('في') > 100_000);
    assert.ok(model.rates['و'] > 0 && model.rates['و'] < 1);
  });

  it('rejects a malformed statistics file with a clear error', () => {
    const bad = {
      schema: CLITIC_STATS_SCHEMA,
      words: 'a b',
      counts: [[5, 1]],
      rates: {},
    } as unknown as CliticStatsFile;
    assert.throws(
      () => cliticModelFrom(bad, { schema: 'marsad/clitic-exceptions/1', whole: [] }),
      /clitic-stats\.json: "counts" cover 1 words but "words" has 2/,
    );
  });

  it('keeps the documented gold accuracy (EVALUATION.md: 98.0% / held-out 98.0%)', () => {
    const ours = (w: string) => seg(w).split('+');
    const gold = score(readGold(join(fixtures, 'clitics-gold.tsv')), ours);
    assert.equal(gold.words, 200);
    assert.ok(
      gold.correct / gold.words >= 0.96,
      `gold accuracy ${gold.correct}/200:\n${gold.errors.join('\n')}`,
    );
    const held = score(readGold(join(fixtures, 'clitics-heldout.tsv')), ours);
    assert.ok(held.correct / held.words >= 0.94, `held-out ${held.correct}/50:\n${held.errors.join('\n')}`);
    const base = score(readGold(join(fixtures, 'clitics-gold.tsv')), baselineSegment);
    assert.ok(base.correct < gold.correct, 'the data-driven segmenter beats the rule baseline');
  });

  it('leaves real words that begin or end with clitic letters whole', () => {
    for (const w of [
      'وزير',
      'بلد',
      'كتاب',
      'فلسطين',
      'والد',
      'بيان',
      'كامل',
      'سلام',
      'لبنان',
      'فيلم',
      'هامش',
    ])
      assert.equal(seg(w), normaliseWord(w), w);
    for (const w of ['سعودي', 'بنك', 'ملك', 'هناك', 'بعد', 'فقط', 'سيارة', 'وطن'])
      assert.equal(seg(w), normaliseWord(w), w);
  });

  it('splits proclitic chains, لل and enclitics', () => {
    assert.equal(seg('والوزير'), 'و+ال+وزير');
    assert.equal(seg('وبالتالي'), 'و+ب+ال+تالي');
    assert.equal(seg('للوزير'), 'ل+ال+وزير');
    assert.equal(seg('للجنة'), 'ل+ال+لجنه');
    assert.equal(seg('وسيقوم'), 'و+س+يقوم');
    assert.equal(seg('بوزارتها'), 'ب+وزارت+ها');
    assert.equal(seg('فيه'), 'في+ه');
    assert.equal(segmentWord('حكومته', model).base, 'حكومه');
  });

  it('maps the stem back to the original word through harakat and tatweel', () => {
    for (const [word, stem, pieces] of [
      ['وَالْوَزِيرُ', 'وزير', 'و+ال+وزير'],
      ['وبـــالتالي', 'تالي', 'و+ب+ال+تالي'],
      ['حُكُومَتُهُ', 'حكومت', 'حكومت+ه'],
      ['لِلْوَزِيرِ', 'وزير', 'ل+ال+وزير'],
      ['الـوزيـر', 'وزير', 'ال+وزير'],
    ] as const) {
      const s = segmentWord(word, model);
      assert.equal(formatSegmentation(s), pieces, word);
      assert.equal(s.stem, stem, word);
      assert.equal(normaliseWord(word.slice(s.stemStart, s.stemEnd)), s.stem, word);
    }
  });

  it('never throws and keeps stem offsets in bounds on random Arabic strings', () => {
    const arabic = fc.constantFrom(...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْـ\u0670\u200cﻻﷲ'.split(''));
    fc.assert(
      fc.property(fc.array(arabic, { minLength: 0, maxLength: 12 }), (chars) => {
        const w = chars.join('');
        const s = segmentWord(w, model);
        assert.ok(0 <= s.stemStart && s.stemStart <= s.stemEnd && s.stemEnd <= w.length);
        assert.equal(normaliseWord(w.slice(s.stemStart, s.stemEnd)), s.stem);
      }),
      { numRuns: 2000 },
    );
  });
});
