// Times: every construction of issue 5 with our own sentences, resolved against a fixed date
// (2021-03-10, a Wednesday, ISO week 2021-W10) unless a test says otherwise.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { TimeExpr } from '../src/doc/types.js';
import { packageRoot, sharedDir } from '../src/resources.js';
import { tokenise } from '../src/text/tokenise.js';
import { dayNumber, fromHijri, isoDate, isoWeek, toHijri } from '../src/time/calendar.js';
import { compileTimeLexicon, loadTimeLexicon, type TimeLexiconFile } from '../src/time/lexicon.js';
import { score } from '../src/time/eval.js';
import { findTimesAndNumbers, loadTimeResources } from '../src/time/stage.js';

const res = loadTimeResources();
const DATE = '2021-03-10';

function times(text: string, date: string | null = DATE): TimeExpr[] {
  return findTimesAndNumbers(
    { text, tokens: tokenise(text), meta: { title: null, date, source: null, url: null } },
    res,
  ).times;
}

/** The single time expression in `text`, checked for span validity. */
function one(text: string, date: string | null = DATE): TimeExpr {
  const ts = times(text, date);
  assert.equal(
    ts.length,
    1,
    `${text}: expected one time expression, got ${JSON.stringify(ts.map((t) => t.text))}`,
  );
  const t = ts[0];
  assert.equal(text.slice(t.start, t.end), t.text);
  return t;
}

function check(text: string, span: string, value: string | null, mod: string | null = null): void {
  const t = one(text);
  assert.equal(t.text, span, `span of ${text}`);
  assert.equal(t.value, value, `value of ${text}`);
  assert.equal(t.mod, mod, `mod of ${text}`);
}

test('Gregorian months in the three naming systems', () => {
  check('وصل الوفد إلى العاصمة في يناير لبحث الملف.', 'في يناير', '2021-01');
  check('أعلنت الشركة أرباحها في شباط الماضي.', 'في شباط الماضي', '2021-02');
  check('افتتح المعرض في تشرين الأول 2018 بحضور الوزير.', 'في تشرين الأول 2018', '2018-10');
  check('وقع الاتفاق في 3 كانون الثاني 2020 في عمان.', 'في 3 كانون الثاني 2020', '2020-01-03');
  check('انطلقت الحملة في جانفي 2019 في الجزائر.', 'في جانفي 2019', '2019-01');
  check('تراجعت الأسعار منذ فيفري الماضي.', 'منذ فيفري الماضي', '2021-02', 'AFTER');
  check('تجري الانتخابات في 12 جوان المقبل.', 'في 12 جوان المقبل', '2021-06-12');
  check('يستمر العمل بالقرار حتى تموز/يوليو 2022.', 'حتى تموز/يوليو 2022', '2022-07', 'BEFORE');
  check('وصلت الشحنة في آب (أغسطس) 2019 إلى الميناء.', 'في آب (أغسطس) 2019', '2019-08');
  // "مارس" is also the verb "practised": not a month without context
  assert.deepEqual(times('مارس المسؤول ضغوطا كبيرة على اللجنة.'), []);
  check('عقد المؤتمر في مارس الماضي.', 'في مارس الماضي', '2020-03');
});

test('Hijri months and years, converted with Umm al-Qura through Intl', () => {
  check('بدأ العام الدراسي في 1 محرم 1442 هـ كما أعلن.', 'في 1 محرم 1442 هـ', '2020-08-20');
  check('صدر القرار بتاريخ 1442/7/15هـ.', '1442/7/15هـ', '2021-02-27');
  check('خصصت الميزانية لعام 1442 هـ للمشاريع.', 'لعام 1442 هـ', '2021', 'APPROX');
  // a Hijri month without a year: the occurrence nearest the document date, in the right direction
  check('ارتفعت المبيعات في رمضان الماضي.', 'في رمضان الماضي', '2020-05', 'APPROX');
  check(
    'يبدأ التسجيل في 7 / 11 / 1442هـ للطلاب.',
    'في 7 / 11 / 1442هـ',
    isoDate(fromHijri(1442, 11, 7) ?? 0),
  );
  check('يعود الحجاج بعد ثاني أيام عيد الأضحى.', 'بعد ثاني أيام عيد الأضحى', '2021-07-21', 'AFTER');
});

test('Hijri conversion agrees with Intl (1 Muharram 1442 = 2020-08-20) and round-trips', () => {
  assert.equal(isoDate(fromHijri(1442, 1, 1) ?? 0), '2020-08-20');
  assert.equal(isoDate(fromHijri(1436, 10, 25) ?? 0), '2015-08-10');
  assert.equal(fromHijri(1436, 9, 30), null, 'Ramadan 1436 had 29 days');
  fc.assert(
    fc.property(fc.integer({ min: dayNumber(1940, 1, 1), max: dayNumber(2070, 12, 31) }), (n) => {
      const h = toHijri(n);
      assert.equal(fromHijri(h.y, h.m, h.d), n);
    }),
    { numRuns: 200 },
  );
});

test('weekdays: before the document date by default, after it with future cues', () => {
  check('التقى الوزير نظيره يوم الاثنين في الرياض.', 'يوم الاثنين', '2021-03-08');
  check('أعلنت الحكومة الأربعاء الماضي خطة جديدة.', 'الأربعاء الماضي', '2021-03-03');
  check('تعقد الجلسة الجمعة المقبل.', 'الجمعة المقبل', '2021-03-12');
  check('سيزور الرئيس البلاد يوم الأحد.', 'يوم الأحد', '2021-03-14');
  check('قال المتحدث اليوم (الثلاثاء) إن الطريق مغلق.', 'اليوم (الثلاثاء)', '2021-03-09');
  assert.deepEqual(times('امتلأ المسجد بالمصلين لصلاة الجمعة.'), []);
});

test('deictics and parts of the day', () => {
  check('وصل الوفد اليوم إلى المدينة.', 'اليوم', '2021-03-10');
  check('وقال المسؤول أمس إن العمل مستمر.', 'أمس', '2021-03-09');
  check('غادر أمس الأول متجها إلى القاهرة.', 'أمس الأول', '2021-03-08');
  check('تبدأ المباراة غدا في الملعب الكبير.', 'غدا', '2021-03-11');
  check('سقطت أمطار غزيرة الليلة الماضية على المدينة.', 'الليلة الماضية', '2021-03-09');
  check('افتتح المعرض صباح اليوم بحضور الأمير.', 'صباح اليوم', '2021-03-10');
  check('وقع الانفجار مساء أمس قرب السوق.', 'مساء أمس', '2021-03-09');
  // not today: "the national day", "per day", the newspaper «اليوم»
  assert.equal(one('احتفلت المدارس في اليوم الوطني.').value, '2021-09-23');
  assert.deepEqual(times('يؤخذ الدواء ثلاث مرات في اليوم.'), []);
  assert.deepEqual(times('وقال لـ «اليوم» إن المشروع تأخر.'), []);
});

test('relative periods', () => {
  check('ارتفعت الصادرات الأسبوع الماضي بنسبة كبيرة.', 'الأسبوع الماضي', '2021-W09');
  check('تبدأ المرحلة الثانية الشهر المقبل.', 'الشهر المقبل', '2021-04');
  check('ينتهي المشروع العام المقبل.', 'العام المقبل', '2022');
  check('انخفض الإنتاج العام الماضي.', 'العام الماضي', '2020');
  check('أعلنت الوزارة في وقت سابق من هذا الشهر عن الخطة.', 'في وقت سابق من هذا الشهر', '2021-03');
  check('تنسحب القوات من أوائل العام المقبل.', 'أوائل العام المقبل', '2022', 'START');
  check('اكتمل البناء أواخر الشهر الماضي.', 'أواخر الشهر الماضي', '2021-02', 'END');
  check('يصدر التقرير في منتصف العام الجاري.', 'في منتصف العام الجاري', '2021', 'MID');
  check('تحسنت الأحوال خلال الأيام الأخيرة.', 'خلال الأيام الأخيرة', '2021-W10', 'APPROX');
  check('تصاعد التوتر في الأسابيع الأخيرة في المنطقة.', 'في الأسابيع الأخيرة', '2021-03', 'APPROX');
  check('تحسن الطقس خلال اليومين الماضيين.', 'خلال اليومين الماضيين', '2021-W10', 'APPROX');
  // anchored on an event we do not resolve: no value, mod BEFORE
  check('في الأسابيع التي سبقت الاقتراع تكثفت الحملات.', 'في الأسابيع التي سبقت', null, 'BEFORE');
  check('خلال صيف هذا العام زار المنطقة آلاف السياح.', 'خلال صيف هذا العام', '2021');
  // "العام" as the adjective "general" is not a year
  assert.deepEqual(times('استقبل الأمين العام السابق الوفد.'), []);
});

test('counted offsets: منذ ثلاثة أيام، قبل أسبوعين، بعد يومين', () => {
  check('اختفى الصحفي منذ ثلاثة أيام في المدينة.', 'منذ ثلاثة أيام', '2021-03-07');
  check('وصلت السفينة قبل أسبوعين إلى الميناء.', 'قبل أسبوعين', '2021-W08');
  check('تنتهي المهلة بعد يومين.', 'بعد يومين', '2021-03-12');
  check('انتقل إلى الشركة قبل 5 سنوات.', 'قبل 5 سنوات', '2016');
  check('غادر البلاد قبل بضعة أيام.', 'قبل بضعة أيام', '2021-W09', 'APPROX');
  check('تأسس النادي منذ 16عاما في الحي.', 'منذ 16عاما', '2005');
  // counted from an event, not from the document date
  assert.deepEqual(times('استقال بعد يوم من الاجتماع.'), []);
});

test('explicit dates in digits and words', () => {
  check('صدر المرسوم في 2020/12/30 بعد مشاورات.', 'في 2020/12/30', '2020-12-30');
  check('انعقد المجلس يوم 30-12-2020 في العاصمة.', 'يوم 30-12-2020', '2020-12-30');
  check('تاريخ التقرير 30/12/2020 كما ورد.', '30/12/2020', '2020-12-30');
  check('أعلنت النتائج في 30 ديسمبر 2020.', 'في 30 ديسمبر 2020', '2020-12-30');
  check('تفتح المدارس في الخامس عشر من فبراير.', 'في الخامس عشر من فبراير', '2021-02-15');
  check('ولد في الحادي والعشرين من يناير 1990.', 'في الحادي والعشرين من يناير 1990', '1990-01-21');
  check('يوم الخميس 4 مارس 2021 افتتح الجسر.', 'يوم الخميس 4 مارس 2021', '2021-03-04');
  check(
    'تبوك 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس',
    '25 شوال 1436 هـ الموافق 10 اغسطس 2015 م',
    '2015-08-10',
  );
});

test('years and year ranges', () => {
  check('تأسست الجمعية عام 2015 في الرياض.', 'عام 2015', '2015');
  check('تضاعف العدد في 2016 مقارنة بما قبله.', 'في 2016', '2016');
  check('صدرت ميزانية لعام 2015 دون عجز.', 'لعام 2015', '2015');
  check('بلغ النمو أعلى مستوى منذ 2003 في البلاد.', 'منذ 2003', '2003', 'AFTER');
  check('تمتد الخطة 2015-2017 على ثلاث مراحل.', '2015-2017', '2015');
  assert.equal(one('تمتد الخطة 2015-2017 على ثلاث مراحل.').until, '2017');
  check('تضاعف الإنتاج بين عامي 2015 و2017 تقريبا.', 'بين عامي 2015 و2017', '2015');
  assert.equal(one('تضاعف الإنتاج بين عامي 2015 و2017 تقريبا.').until, '2017');
  assert.equal(one('تأسست الجمعية عام 2015 في الرياض.').until, undefined);
  check('ازدهرت المدينة في القرن التاسع عشر.', 'في القرن التاسع عشر', '18');
  // a bare four-digit number is a year after a noun, but not a count
  check('ناقش المجلس موازنة 2016، وأقرها.', '2016', '2016');
  assert.deepEqual(times('وصل 2000 جندي إلى المدينة.'), []);
});

test('times of day', () => {
  check('يبدأ الحفل الساعة الثامنة مساء في المسرح.', 'الساعة الثامنة مساء', '2021-03-10T20:00');
  check('تقلع الطائرة 8:30 صباحا من المطار.', '8:30 صباحا', '2021-03-10T08:30');
  check(
    'وقع الحادث الساعة العاشرة والنصف من صباح أمس.',
    'الساعة العاشرة والنصف من صباح أمس',
    '2021-03-09T10:30',
  );
});

test('unknown document date: relative values are null, absolute ones stay', () => {
  for (const s of [
    'وقال المسؤول أمس إن العمل مستمر.',
    'ينتهي المشروع العام المقبل.',
    'التقى الوزير نظيره يوم الاثنين.',
  ]) {
    const t = one(s, null);
    assert.equal(t.value, null, s);
    assert.equal(t.relative, true, s);
  }
  const abs = one('تأسست الجمعية عام 2015 في الرياض.', null);
  assert.equal(abs.value, '2015');
  assert.equal(abs.relative, false);
  assert.equal(one('صدر المرسوم في 2020/12/30.', 'not-a-date').value, '2020-12-30');
});

test('ISO weeks at year boundaries', () => {
  assert.equal(isoWeek(dayNumber(2020, 12, 30)), '2020-W53');
  assert.equal(isoWeek(dayNumber(2021, 1, 3)), '2020-W53');
  assert.equal(isoWeek(dayNumber(2021, 1, 4)), '2021-W01');
  assert.equal(isoWeek(dayNumber(2019, 12, 30)), '2020-W01');
});

test('property: random text never throws and every span is valid, with and without a date', () => {
  const pieces = [
    'في',
    'منذ',
    'قبل',
    'بعد',
    'أمس',
    'اليوم',
    'الأسبوع',
    'الماضي',
    'المقبل',
    'العام',
    'أوائل',
    'نهاية',
    'يوم',
    'الاثنين',
    'الجمعة',
    'أكتوبر',
    'كانون',
    'الثاني',
    'محرم',
    'رمضان',
    'هـ',
    'م',
    '2015',
    '1442',
    '30',
    '7',
    '/',
    '-',
    '(',
    ')',
    ':',
    '،',
    '.',
    'الساعة',
    'الثامنة',
    'مساء',
    'صباحا',
    'ثلاثة',
    'أيام',
    'عشرات',
    'آلاف',
    'مليون',
    'نصف',
    'و',
    'الأيام',
    'الأخيرة',
    'التي',
    'سبقت',
    'القرن',
    'عيد',
    'الفطر',
    '\n',
    ' ',
    'x',
    '٣٠',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 40 })
    .map((a) => a.join(' '));
  fc.assert(
    fc.property(text, fc.constantFrom(DATE, null, '2015-02-28'), (s, date) => {
      const out = findTimesAndNumbers(
        { text: s, tokens: tokenise(s), meta: { title: null, date, source: null, url: null } },
        res,
      );
      let last = -1;
      for (const t of out.times) {
        assert.ok(t.start >= 0 && t.end <= s.length && t.start < t.end);
        assert.equal(s.slice(t.start, t.end), t.text);
        assert.ok(t.start >= last, 'times are in order and do not overlap');
        last = t.end;
        if (date === null && t.relative) assert.equal(t.value, null);
      }
      for (const n of out.numbers) {
        assert.equal(s.slice(n.start, n.end), n.text);
        if (n.counted) assert.equal(s.slice(n.counted.start, n.counted.end), n.counted.text);
        for (const t of out.times)
          assert.ok(n.end <= t.start || n.start >= t.end, 'numbers never inside times');
      }
    }),
    { numRuns: 400 },
  );
});

test('lexicon: loads with its schema, and a broken file is named with its field', () => {
  const lex = loadTimeLexicon();
  assert.ok(lex.weekdays.size >= 7);
  const raw = JSON.parse(
    readFileSync(join(packageRoot, 'data', 'time', 'lexicon.json'), 'utf8'),
  ) as TimeLexiconFile;
  assert.equal(raw.schema, 'marsad/time-lexicon/1');
  assert.throws(
    () => compileTimeLexicon({ ...raw, gregorianMonths: raw.gregorianMonths.slice(0, 11) }),
    /time\/lexicon\.json: field "gregorianMonths" must list the 12 months/,
  );
  assert.throws(
    () => compileTimeLexicon({ ...raw, past: 'x' as unknown as string[] }),
    /field "past" must be a list/,
  );
});

test('time gold fixture: well-formed, sorted, non-overlapping spans', () => {
  const gold = JSON.parse(readFileSync(join(packageRoot, 'test', 'fixtures', 'time-gold.json'), 'utf8')) as {
    schema: string;
    docs: {
      id: string;
      date: string;
      times: { start: number; end: number; text: string; value: string | null }[];
    }[];
  };
  assert.equal(gold.schema, 'marsad/time-gold/1');
  let n = 0;
  for (const d of gold.docs) {
    assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/);
    let last = -1;
    for (const t of d.times) {
      assert.equal(t.end - t.start, t.text.length, `${d.id} ${t.text}`);
      assert.ok(t.start >= last, `${d.id}: spans overlap at ${t.text}`);
      last = t.end;
      n++;
    }
  }
  assert.ok(n >= 150, `at least 150 gold expressions (${n})`);
});

const seedPath = join(sharedDir, 'examples', 'seed-article.txt');
test(
  'seed article (2020-12-30): the issue acceptance values',
  { skip: existsSync(seedPath) ? false : 'needs ../shared/examples/seed-article.txt' },
  () => {
    const text = readFileSync(seedPath, 'utf8');
    const ts = times(text, '2020-12-30');
    const by = (s: string): TimeExpr => {
      const t = ts.find((x) => x.text.includes(s));
      assert.ok(t, `no time expression containing ${s}`);
      return t;
    };
    assert.equal(by('أكتوبر').value, '2020-10');
    assert.equal(by('أوائل العام المقبل').value, '2021');
    assert.equal(by('أوائل العام المقبل').mod, 'START');
    assert.equal(by('في وقت سابق من هذا الشهر').value, '2020-12');
    assert.equal(by('عام 2016').value, '2016');
    assert.equal(by('لعام 2015').value, '2015');
    assert.equal(by('الأسابيع الأخيرة').value, '2020-12');
    assert.equal(by('الأسابيع التي سبقت').mod, 'BEFORE');
  },
);

test('eval scoring: exact and overlap matching, value accuracy on matched pairs', () => {
  const g = (start: number, end: number, value: string | null) => ({
    start,
    end,
    text: 'x'.repeat(end - start),
    value,
    mod: null,
  });
  const s = score([
    {
      gold: [g(0, 5, '2015'), g(10, 20, '2015-07'), g(30, 35, '2015-07-01')],
      sys: [g(0, 5, '2015'), g(12, 20, '2015-08'), g(40, 45, '2016')],
    },
  ]);
  assert.equal(s.gold, 3);
  assert.equal(s.system, 3);
  assert.equal(s.exact.matched, 1);
  assert.equal(s.overlap.matched, 2);
  assert.equal(s.value.correct, 1);
  assert.equal(s.value.accuracy, 0.5);
  assert.ok(Math.abs(s.overlap.f1 - 2 / 3) < 1e-9);
});
