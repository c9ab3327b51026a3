// Numbers: digits and Arabic number words with the noun they count, in our own sentences.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { NumberExpr } from '../src/doc/types.js';
import { digitsValue } from '../src/numbers/find.js';
import { compileNumberWords, loadNumberWords, type NumberWordsFile } from '../src/numbers/words.js';
import { packageRoot } from '../src/resources.js';
import { tokenise } from '../src/text/tokenise.js';
import { findTimesAndNumbers, loadTimeResources } from '../src/time/stage.js';

const res = loadTimeResources();

function numbers(text: string): NumberExpr[] {
  const out = findTimesAndNumbers(
    { text, tokens: tokenise(text), meta: { title: null, date: '2021-03-10', source: null, url: null } },
    res,
  ).numbers;
  for (const n of out) {
    assert.equal(text.slice(n.start, n.end), n.text);
    if (n.counted) assert.equal(text.slice(n.counted.start, n.counted.end), n.counted.text);
  }
  return out;
}

function check(text: string, span: string, value: number, counted: string | null, approx = false): void {
  const ns = numbers(text);
  const n = ns.find((x) => x.text === span);
  assert.ok(n, `${text}: no number ${span} in ${JSON.stringify(ns.map((x) => x.text))}`);
  assert.equal(n.value, value, `value of ${span}`);
  assert.equal(n.counted?.text ?? null, counted, `counted noun of ${span}`);
  assert.equal(n.approx, approx, `approx of ${span}`);
}

test('digits with the counted noun', () => {
  check('أرسلت الوزارة 30 مركبة إلى الحدود.', '30', 30, 'مركبة');
  check('خفض عدد الجنود إلى 2500 من الشهر المقبل.', '2500', 2500, null);
  check('بلغت الخسائر 2,500 دولار فقط.', '2,500', 2500, 'دولار');
  check('رصدت الحكومة ٤٥ حافلة للنقل.', '٤٥', 45, 'حافلة');
  check('خصص المجلس 2.5 مليون دولار للمشروع.', '2.5 مليون', 2500000, 'دولار');
  check('قتل نحو 40 شخصا في الهجوم.', '40', 40, 'شخصا', true);
});

test('number words: units, teens, tens, hundreds, scales and fractions', () => {
  check('وصل ثلاثة آلاف جندي إلى القاعدة.', 'ثلاثة آلاف', 3000, 'جندي');
  check('شارك خمسة وعشرون فريقا في البطولة.', 'خمسة وعشرون', 25, 'فريقا');
  check('تضم المدينة ثلاثمائة مدرسة.', 'ثلاثمائة', 300, 'مدرسة');
  check('أصيب أحد عشر لاعبا في الموسم.', 'أحد عشر', 11, 'لاعبا');
  check('يسكن المدينة نصف مليون نسمة.', 'نصف مليون', 500000, 'نسمة');
  check('نزح مليون ونصف شخص من المنطقة.', 'مليون ونصف', 1500000, 'شخص');
  check('أنفقت الشركة ألفين ريال على الصيانة.', 'ألفين', 2000, 'ريال');
  check('وصل عشرة آلاف زائر إلى المعرض.', 'عشرة آلاف', 10000, 'زائر');
});

test('vague quantities: عشرات، مئات، آلاف (approx, order of magnitude as value)', () => {
  check('أرسلت الولايات المتحدة عشرات المركبات إلى العراق.', 'عشرات', 10, 'المركبات', true);
  check('تجمع مئات المتظاهرين أمام البرلمان.', 'مئات', 100, 'المتظاهرين', true);
  check('فر عشرات الآلاف من السكان.', 'عشرات الآلاف', 10000, 'السكان', true);
  check('فر آلاف من السكان إلى الجبال.', 'آلاف', 1000, 'السكان', true);
  check('قتل مسلحان وأصيب العشرات في الاشتباك.', 'العشرات', 10, null, true);
});

test('numbers inside time expressions are not counts; percentages are left out', () => {
  assert.deepEqual(
    numbers('تأسست الجمعية عام 2015 منذ ثلاثة أيام.').map((n) => n.text),
    [],
  );
  assert.deepEqual(
    numbers('ارتفعت الأسعار 5% هذا الشهر.').map((n) => n.text),
    [],
  );
});

test('digitsValue reads grouping and decimal separators', () => {
  assert.equal(digitsValue('2,500'), 2500);
  assert.equal(digitsValue('2.5'), 2.5);
  assert.equal(digitsValue('2,5'), 2.5);
  assert.equal(digitsValue('1,000,000'), 1000000);
  assert.ok(Number.isNaN(digitsValue('')));
});

test('number words file: schema, and a broken field is named', () => {
  assert.ok(loadNumberWords().units.size >= 20);
  const raw = JSON.parse(
    readFileSync(join(packageRoot, 'data', 'numbers', 'words.json'), 'utf8'),
  ) as NumberWordsFile;
  assert.equal(raw.schema, 'marsad/number-words/1');
  assert.throws(
    () => compileNumberWords({ ...raw, tens: undefined as unknown as [] }),
    /numbers\/words\.json: field "tens"/,
  );
  assert.throws(
    () => compileNumberWords({ ...raw, teen: ['عشر عشرة'] }),
    /field "teen" expects one-word entries/,
  );
});
