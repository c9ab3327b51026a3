// Quotes: robustness on arbitrary text — never throws, spans always valid, linear time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createDoc } from '../src/doc/doc.js';
import type { Doc } from '../src/doc/types.js';
import { findMarkedQuotes } from '../src/quotes/finder.js';
import { loadCues } from '../src/quotes/lexicon.js';
import { quotesStage } from '../src/quotes/stage.js';
import { textStage } from '../src/text/stage.js';

const textRes = textStage.load!();
const lex = loadCues();

function run(text: string): Doc {
  const doc = createDoc(text);
  Object.assign(doc, textStage.run(doc, textRes));
  // one entity over the first word, so speaker resolution is exercised too
  const sp = text.indexOf(' ');
  if (sp > 0)
    doc.entities = [
      {
        id: 'E1',
        type: 'PER',
        name: { ar: text.slice(0, sp), en: null },
        actor: { id: null, country: null, sectors: [], code: null },
        geo: null,
        mentions: [{ start: 0, end: sp, text: text.slice(0, sp) }],
      },
    ];
  Object.assign(doc, quotesStage.run(doc, lex));
  return doc;
}

function checkSpans(doc: Doc): void {
  const ids = new Set<string>();
  doc.quotes.forEach((q, i) => {
    assert.equal(q.id, `Q${i + 1}`);
    assert.ok(!ids.has(q.id));
    ids.add(q.id);
    assert.ok(0 <= q.start && q.start < q.end && q.end <= doc.text.length, `span of ${q.id}`);
    assert.equal(doc.text.slice(q.start, q.end), q.text);
    for (const s of [q.speakerText, q.cue])
      if (s) {
        assert.ok(0 <= s.start && s.start < s.end && s.end <= doc.text.length);
        assert.equal(doc.text.slice(s.start, s.end), s.text);
      }
    if (q.speaker !== null) assert.equal(q.speaker, 'E1');
  });
}

// Pieces that make quotes likely: cue verbs, complementizers, speakers, every kind of quote mark.
const pieces = [
  'قال',
  'وقالت',
  'وأضاف',
  'يقول',
  'مؤكدا',
  'بحسب',
  'وفقا لـ',
  'على حد قوله',
  'أن',
  'إن',
  'إنه',
  'بأن',
  'الوزير',
  'البيان',
  'السفارة الأمريكية',
  'الذي',
  'في',
  'نص',
  'كلام',
  'يذكر',
  '«',
  '»',
  '“',
  '”',
  '"',
  '″',
  '„',
  ':',
  '،',
  '.',
  '\n',
  ' ',
  '  ',
  'لـ',
  'و',
  'x',
  '٣',
  '😀',
];
const pieceText = fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((a) => a.join(' '));
const anyText = fc.string({ unit: 'grapheme', maxLength: 200 });
const markHeavy = fc
  .array(fc.constantFrom('«', '»', '“', '”', '"', '″', ' ', '\n', 'قال', ':', 'أ'), { maxLength: 300 })
  .map((a) => a.join(''));

test('random text never throws and every span is valid', () => {
  fc.assert(
    fc.property(fc.oneof(pieceText, anyText, markHeavy), (text) => {
      checkSpans(run(text));
      for (const m of findMarkedQuotes(text)) {
        assert.ok(m.open < m.start && m.start < m.end && m.end <= m.close && m.close < text.length);
      }
    }),
    { numRuns: 400 },
  );
});

/** Best of three runs: the machine is shared, so single timings are noisy. */
function timeOf(text: string): number {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    checkSpans(run(text));
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

test('10k quote characters, nested and unbalanced, run fast and in linear time', () => {
  const builders: ((k: number) => string)[] = [
    (k) => '«'.repeat(k) + '»'.repeat(k),
    (k) => '"'.repeat(2 * k),
    (k) => '« قال إن '.repeat(k),
    (k) => 'وقال الوزير: «نص "متداخل" و“آخر” '.repeat(k >> 2) + '\n«'.repeat(k >> 2),
    (k) => '»« '.repeat(k),
    (k) => 'قال '.repeat(k) + 'أن '.repeat(k),
    (k) => 'وأضاف “'.repeat(k) + '\n',
  ];
  for (const b of builders) {
    const small = timeOf(b(1250));
    const big = timeOf(b(10000));
    assert.ok(big < 3000, `10k marks took ${big.toFixed(0)} ms`);
    // 8x the input: linear is ~8x the time, quadratic ~64x (generous margin for noise)
    assert.ok(big < 24 * small + 100, `superlinear: ${small.toFixed(1)} ms → ${big.toFixed(1)} ms`);
  }
});
