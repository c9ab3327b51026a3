// Search analysis: normalisation and light stemming that both store back-ends index with.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse, termOf } from '../src/search/analyse.js';
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
