// normaliseToken (memoised by surface form) and the buffered normaliseWord must give exactly what
// normalising the slice character by character gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normaliseToken, normaliseWord, tokenTypes, typeMemo, wordSlot } from '../src/text/normalise.js';

const byChar = (s: string): string => [...s].map((c) => normaliseWord(c)).join('');

const arabicish = fc
  .array(
    fc.constantFrom('ا', 'أ', 'إ', 'آ', 'ة', 'ى', 'ـ', 'َ', 'ّ', '٣', 'ﻷ', 'ﷲ', 'ك', 'ی', 'a', ' ', '\u200f'),
    { maxLength: 24 },
  )
  .map((xs) => xs.join(''));

test('normaliseWord equals normalising each character', () => {
  fc.assert(fc.property(arabicish, (s) => normaliseWord(s) === byChar(s)));
  assert.equal(normaliseWord('أحمد'), 'احمد');
  assert.equal(normaliseWord('لأﻷ'), 'لالا');
});

test('normaliseToken equals normaliseWord of the slice, on first and repeated calls', () => {
  fc.assert(
    fc.property(arabicish, fc.nat(30), fc.nat(30), (s, a, b) => {
      const [lo, hi] = [Math.min(a, b, s.length), Math.min(Math.max(a, b), s.length)];
      const want = normaliseWord(s.slice(lo, hi));
      return normaliseToken(s, lo, hi) === want && normaliseToken(s, lo, hi) === want;
    }),
  );
  const text = 'قال الرئيس إن الرئيس';
  assert.equal(normaliseToken(text, 4, 10), 'الرئيس');
  assert.equal(normaliseToken(text, 11, 13), 'ان');
  assert.equal(normaliseToken(text, 14, 20), 'الرئيس');
});

test('typeMemo computes a fact once per word type and key, again for another key', () => {
  const slot = wordSlot();
  const text = 'جيش جيش';
  const types = tokenTypes(text, { count: 2, start: [0, 4], end: [3, 7] });
  assert.equal(types[0], types[1]); // one word type for both tokens
  let calls = 0;
  const make = (k: { n: number }, w: string) => `${w}:${k.n}:${++calls}`;
  const a = { n: 1 };
  const b = { n: 2 };
  assert.equal(typeMemo(types[0], slot, a, make), 'جيش:1:1');
  assert.equal(typeMemo(types[1], slot, a, make), 'جيش:1:1');
  assert.equal(typeMemo(types[1], slot, b, make), 'جيش:2:2');
  assert.equal(calls, 2);
});
