import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { textSpans, toMarsadJson } from '../src/doc/doc.js';
import { extract, loadResources } from '../src/pipeline.js';

const res = loadResources();

test('marsad/1 shape: schema, id, title from the first line, dateline, layers present', () => {
  const text = 'عنوان تجريبي للخبر\nالموصل – افتتحت البلدية جسرا جديدا. وقال المحافظ إن العمل استمر عاما.';
  const json = toMarsadJson(extract({ text, titleInText: true, date: '2021-03-04' }, res));
  assert.equal(json.schema, 'marsad/1');
  assert.match(json.doc.id, /^[0-9a-f]{64}$/);
  assert.equal(json.doc.title, 'عنوان تجريبي للخبر');
  assert.equal(json.doc.date, '2021-03-04');
  assert.equal(json.doc.text, text);
  assert.equal(json.doc.dateline?.text, 'الموصل');
  assert.equal(json.sentences.length, 3);
  for (const layer of ['entities', 'times', 'quotes', 'events'] as const)
    assert.ok(Array.isArray(json[layer]));
  // serialisable and stable
  assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
});

test('property: every span of every layer slices back to its text, on random Unicode', () => {
  const unit = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom(
        ...'بغداد – قالت الحكومة إن «الوضع هادئ». وأضاف: "لا تعليق"؟ 30 مركبة في أكتوبر 2020\n'.split(''),
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 1 }) },
    { weight: 1, arbitrary: fc.constantFrom('😀', '\u200f', '\u202e', '\ufefb', '\ud800', '\udc00') },
  );
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 400 }), fc.boolean(), (text, titleInText) => {
      const doc = extract({ text, titleInText, date: '2020-12-30' }, res);
      const json = toMarsadJson(doc);
      for (const [where, span] of textSpans(json)) {
        assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, where);
        assert.equal(text.slice(span.start, span.end), span.text, where);
      }
      let prev = 0;
      for (const s of json.sentences) {
        assert.ok(s.start >= prev && s.end > s.start && s.end <= text.length);
        prev = s.end;
      }
    }),
    { numRuns: 300 },
  );
});
