import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TokenKind } from '../src/doc/types.js';
import { tokenise } from '../src/text/tokenise.js';

function toks(text: string): [string, TokenKind][] {
  const t = tokenise(text);
  const out: [string, TokenKind][] = [];
  for (let i = 0; i < t.count; i++) out.push([text.slice(t.start[i], t.end[i]), t.kind[i] as TokenKind]);
  return out;
}
const words = (text: string) => toks(text).map(([s]) => s);

test('Arabic words, punctuation and Latin acronyms', () => {
  assert.deepEqual(words('قالت الوزارة، في بيان؛ «لا تعليق» — هل انتهى؟'), [
    'قالت',
    'الوزارة',
    '،',
    'في',
    'بيان',
    '؛',
    '«',
    'لا',
    'تعليق',
    '»',
    '—',
    'هل',
    'انتهى',
    '؟',
  ]);
  assert.deepEqual(toks('وحدة SCD الخاصة'), [
    ['وحدة', TokenKind.ArabicWord],
    ['SCD', TokenKind.LatinWord],
    ['الخاصة', TokenKind.ArabicWord],
  ]);
});

test('harakat, tatweel and ZWNJ stay inside the word', () => {
  assert.deepEqual(words('مُحَمَّدٌ الـعـراق'), ['مُحَمَّدٌ', 'الـعـراق']);
});

test('numbers with separators, percentages and dates', () => {
  assert.deepEqual(toks('بلغ 3.5 و1,000 و٣٫٥ و١٬٢٠٠ بنسبة 20% و٪'), [
    ['بلغ', TokenKind.ArabicWord],
    ['3.5', TokenKind.Number],
    ['و', TokenKind.ArabicWord],
    ['1,000', TokenKind.Number],
    ['و', TokenKind.ArabicWord],
    ['٣٫٥', TokenKind.Number],
    ['و', TokenKind.ArabicWord],
    ['١٬٢٠٠', TokenKind.Number],
    ['بنسبة', TokenKind.ArabicWord],
    ['20%', TokenKind.Percent],
    ['و', TokenKind.ArabicWord],
    ['٪', TokenKind.Punct],
  ]);
  assert.deepEqual(toks('في 2020/12/30 و30-12-2020 و٢٠٢٠/١٢/٣٠'), [
    ['في', TokenKind.ArabicWord],
    ['2020/12/30', TokenKind.Date],
    ['و', TokenKind.ArabicWord],
    ['30-12-2020', TokenKind.Date],
    ['و', TokenKind.ArabicWord],
    ['٢٠٢٠/١٢/٣٠', TokenKind.Date],
  ]);
  // a sentence-final period is not part of the number
  assert.deepEqual(words('عددهم 2500.'), ['عددهم', '2500', '.']);
});

test('URLs, e-mails, hashtags and mentions', () => {
  assert.deepEqual(toks('راجع https://example.org/a?b=1، أو راسل info@example.com #العراق @user_1'), [
    ['راجع', TokenKind.ArabicWord],
    ['https://example.org/a?b=1', TokenKind.Url],
    ['،', TokenKind.Punct],
    ['أو', TokenKind.ArabicWord],
    ['راسل', TokenKind.ArabicWord],
    ['info@example.com', TokenKind.Email],
    ['#العراق', TokenKind.Hashtag],
    ['@user_1', TokenKind.Mention],
  ]);
  assert.deepEqual(words('(www.spa.gov.sa).'), ['(', 'www.spa.gov.sa', ')', '.']);
});

test('runs of terminal punctuation are one token; emoji keep their surrogate pair', () => {
  assert.deepEqual(words('ماذا؟! انتظر... 😀'), ['ماذا', '؟!', 'انتظر', '...', '😀']);
});

test('property: tokens are ordered, non-empty, non-overlapping and never split a surrogate pair', () => {
  const unit = fc.oneof(
    fc.constantFrom(...'قالت الوزارة ،؛؟«»“”–— 0123456789٠١٢٣٫٬%٪./-@#_:aZ\n\u200c\u200f'.split('')),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
    fc.string({ unit: 'binary', maxLength: 1 }),
  );
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 300 }), (text) => {
      const t = tokenise(text);
      let prevEnd = 0;
      for (let i = 0; i < t.count; i++) {
        const s = t.start[i];
        const e = t.end[i];
        assert.ok(s >= prevEnd && e > s && e <= text.length, `token ${i} [${s},${e})`);
        const before = text.charCodeAt(s - 1);
        const first = text.charCodeAt(s);
        assert.ok(!((first & 0xfc00) === 0xdc00 && (before & 0xfc00) === 0xd800), 'split surrogate pair');
        assert.ok(text.slice(s, e).trim().length > 0, 'whitespace token');
        prevEnd = e;
      }
    }),
    { numRuns: 500 },
  );
});

test('linear time on adversarial inputs', () => {
  for (const make of [
    (n: number) => 'a.'.repeat(n),
    (n: number) => '1.'.repeat(n),
    (n: number) => 'ب'.repeat(n),
  ]) {
    const t0 = performance.now();
    tokenise(make(20_000));
    const small = performance.now() - t0;
    const t1 = performance.now();
    tokenise(make(200_000));
    const big = performance.now() - t1;
    // 10x the input must not cost anywhere near 100x (quadratic); generous bound for noisy CI
    assert.ok(
      big < Math.max(50, small * 40),
      `10x input took ${big.toFixed(1)} ms vs ${small.toFixed(1)} ms`,
    );
  }
});
