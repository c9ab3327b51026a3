import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalise, normaliseWord, toOriginalSpan } from '../src/text/normalise.js';

test('alef variants, alef maqsura, ta marbuta, tatweel and harakat', () => {
  assert.equal(normaliseWord('أحمد إبراهيم آمال ٱلله'), 'احمد ابراهيم امال الله');
  assert.equal(normaliseWord('مستشفى'), 'مستشفي');
  assert.equal(normaliseWord('مدرسة'), 'مدرسه');
  assert.equal(normaliseWord('العـــراق'), 'العراق');
  assert.equal(normaliseWord('مُحَمَّدٌ'), 'محمد');
  assert.equal(normaliseWord('رَحْمٰن'), 'رحمن'); // superscript alef
});

test('digits, separators and percent', () => {
  assert.equal(normaliseWord('٢٠٢٠'), '2020');
  assert.equal(normaliseWord('۱۳۹۹'), '1399'); // Persian digits
  assert.equal(normaliseWord('٣٫٥٪'), '3.5%');
  assert.equal(normaliseWord('١٬٠٠٠'), '1,000');
});

test('presentation forms expand through NFKC', () => {
  assert.equal(normaliseWord('\ufefb'), 'لا'); // ﻻ lam-alef ligature
  assert.equal(normaliseWord('\ufef7'), 'لا'); // ﻷ lam-alef with hamza → bare alef after normalising
  assert.equal(normaliseWord('\ufdf2'), 'الله');
  assert.equal(normaliseWord('\ufe8d\ufedf\ufecb\ufeae\ufe8d\ufed5'), 'العراق');
});

test('invisible controls vanish, dashes and quotes unify, Latin lower-cases', () => {
  assert.equal(normaliseWord('بغ\u200fداد\u200e'), 'بغداد');
  assert.equal(normaliseWord('می\u200cخواهم'), 'ميخواهم');
  assert.equal(normaliseWord('أ – ب — ج'), 'ا - ب - ج');
  assert.equal(normaliseWord('«نعم» “لا” ‘ربما’'), '"نعم" "لا" \'ربما\'');
  assert.equal(normaliseWord('SCD Iraq'), 'scd iraq');
  assert.equal(normaliseWord('قال، ثم سأل؟'), 'قال, ثم سال?');
});

test('offset map points every normalised unit at its source', () => {
  const input = 'قالَ الـرئيسُ: «٣٠ ﻻ»';
  const v = normalise(input);
  assert.equal(v.text, 'قال الرييس: "30 لا"'.replace('الرييس', 'الرئيس'));
  assert.equal(v.map[v.text.length], input.length);
  // the normalised word "الرئيس" maps back to the original characters including the tatweel
  const s = v.text.indexOf('الرئيس');
  const span = toOriginalSpan(v, s, s + 'الرئيس'.length);
  assert.equal(input.slice(span.start, span.end), 'الـرئيسُ'.slice(0, 7));
  // both units of an NFKC expansion map to the ligature
  const la = v.text.indexOf('لا');
  assert.equal(input[v.map[la]], '\ufefb');
  assert.equal(input[v.map[la + 1]], '\ufefb');
});

test('property: any string normalises without throwing, map monotonic and within bounds', () => {
  const arabicish = fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0xfb50, max: 0xfeff }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u200c', '\u200f', '\u202b', ' ', '\n', '–', '«', '»', 'a', 'Z', '7'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    ),
    maxLength: 200,
  });
  fc.assert(
    fc.property(arabicish, (input) => {
      const v = normalise(input);
      assert.equal(v.map.length, v.text.length + 1);
      assert.equal(v.map[v.text.length], input.length);
      for (let i = 1; i < v.text.length; i++) assert.ok(v.map[i] >= v.map[i - 1]);
      for (let i = 0; i < v.text.length; i++) assert.ok(v.map[i] >= 0 && v.map[i] < input.length);
      assert.equal(normaliseWord(input), v.text);
      // idempotent
      assert.equal(normaliseWord(v.text), v.text);
    }),
    { numRuns: 500 },
  );
});
