// Search analysis: normalisation and light stemming that both store back-ends index with.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse, computeTerm, termOf } from '../src/search/analyse.js';
import { tokenise } from '../src/text/tokenise.js';
import { parseQuery } from '../src/search/query.js';
import { skeleton } from '../src/search/stem.js';

test('normalised, light-stemmed terms: article, particles, suffixes, hamza and ta marbuta forms', () => {
  assert.equal(termOf('الوزارة'), termOf('وزارات'));
  assert.equal(termOf('السعودية'), termOf('السعودي'));
  assert.equal(termOf('للدول'), termOf('الدول'));
  assert.equal(termOf('والمسؤولين'), 'مسؤول');
  assert.equal(termOf('إيران'), termOf('ايران'));
  assert.equal(termOf('مُدِيرَة'), termOf('مديره'));
  assert.equal(termOf('بغداد'), 'بغداد', 'a root-initial ب is kept');
  assert.equal(termOf('٢٠١٥'), '2015');
});

test('broken plurals and spelling variants share a consonant skeleton', () => {
  assert.equal(skeleton(termOf('الصواريخ')), skeleton(termOf('صاروخ')));
  assert.equal(skeleton(termOf('أمريكا')), skeleton(termOf('الأميركية')));
  assert.notEqual(skeleton(termOf('صاروخ')), skeleton(termOf('بغداد')));
});

test('analysis keeps the source offsets of every term', () => {
  const text = 'قالت الوزارةُ إن الصواريخ سقطت.';
  const a = analyse(text);
  const i = a.terms.indexOf(termOf('الصواريخ'));
  assert.equal(text.slice(a.starts[i], a.ends[i]), 'الصواريخ');
  assert.equal(text.slice(a.starts[1], a.ends[1]), 'الوزارةُ');
});

test('query parsing: words ANDed, -word excluded, quotes ignored, duplicates merged', () => {
  assert.deepEqual(parseQuery('"الصواريخ" صواريخ -الموصل'), { include: ['صواريخ'], exclude: ['موصل'] });
});

test('the term cache returns what the uncached analysis does, for every token, repeatedly', () => {
  const text =
    'وقالت وزارةُ الخارجية إن الوزير والوزيرة زارا الرياض وجدة، ثم عادت الوزارات إلى الرياض. ' +
    'Saudi Aramco رفعت الأسعار ٣٪ في 2015 #النفط والأسعار ارتفعت للمرة الثالثة.';
  const tokens = tokenise(text);
  for (let round = 0; round < 2; round++) {
    const a = analyse(text, tokens);
    assert.deepEqual(a, analyse(text));
    for (let i = 0; i < a.terms.length; i++) {
      const word = text.slice(a.starts[i], a.ends[i]);
      assert.equal(a.terms[i], computeTerm(word), word);
      assert.equal(termOf(word), a.terms[i]);
    }
  }
});

test('the term cache keeps words whose hashes collide apart', () => {
  // The cache keys on a 30-bit FNV-1a hash of the word: find two different words that collide.
  const hash = (w: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    return h & 0x3fffffff;
  };
  const seen = new Map<number, string>();
  let pair: [string, string] | null = null;
  for (let i = 0; pair === null; i++) {
    const w = `w${i.toString(36)}`;
    const other = seen.get(hash(w));
    if (other !== undefined) pair = [other, w];
    else seen.set(hash(w), w);
  }
  const [a, b] = pair;
  assert.notEqual(a, b);
  assert.equal(termOf(a), a);
  assert.equal(termOf(b), b);
  assert.equal(termOf(a), a);
  assert.deepEqual(analyse(`${a} ${b}`).terms, [a, b]);
});
