// Quotes: direct quotations, indirect speech and speakers, on our own Arabic sentences.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createDoc } from '../src/doc/doc.js';
import type { Doc, Entity, Quote } from '../src/doc/types.js';
import { loadGold, scoreArticle } from '../src/quotes/eval.js';
import { findMarkedQuotes } from '../src/quotes/finder.js';
import { buildLexicon, loadCues, type CuesFile } from '../src/quotes/lexicon.js';
import { quotesStage } from '../src/quotes/stage.js';
import { dataDir, packageRoot, sharedDir } from '../src/resources.js';
import { normaliseWord } from '../src/text/normalise.js';
import { textStage } from '../src/text/stage.js';

const textRes = textStage.load!();
const lex = loadCues();

function entity(id: string, text: string, name: string): Entity {
  const mentions = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1))
    mentions.push({ start: i, end: i + name.length, text: name });
  return {
    id,
    type: 'ORG',
    name: { ar: name, en: null },
    actor: { id: null, country: null, sectors: [], code: null },
    geo: null,
    mentions,
  };
}

function run(text: string, names: string[] = []): Doc {
  const doc = createDoc(text);
  Object.assign(doc, textStage.run(doc, textRes));
  doc.entities = names.map((n, i) => entity(`E${i + 1}`, text, n));
  Object.assign(doc, quotesStage.run(doc, lex));
  for (const q of doc.quotes) assertValid(doc.text, q);
  return doc;
}

function assertValid(text: string, q: Quote): void {
  assert.equal(text.slice(q.start, q.end), q.text, `quote ${q.id} text`);
  assert.ok(q.start < q.end, `quote ${q.id} non-empty`);
  for (const s of [q.speakerText, q.cue]) if (s) assert.equal(text.slice(s.start, s.end), s.text);
}

const only = (doc: Doc, direct: boolean): Quote[] => doc.quotes.filter((q) => q.direct === direct);

test('lexicon: verbs recognised through morphology, not listed inflections', () => {
  for (const w of ['قال', 'قالت', 'قالوا', 'يقول', 'تقول', 'وقال', 'فقالت', 'يقولون', 'سيقول', 'قالته'])
    assert.equal(lex.forms.get(normaliseWord(w))?.lemma, 'قال', w);
  for (const w of ['أضاف', 'وأضافت', 'واضاف', 'يضيف', 'مضيفا', 'أضافوا'])
    assert.equal(lex.forms.get(normaliseWord(w))?.lemma, 'أضاف', w);
  assert.equal(lex.forms.get(normaliseWord('قالت'))?.gender, 'f');
  assert.equal(lex.forms.get(normaliseWord('يقول'))?.gender, 'm');
  assert.equal(lex.forms.get(normaliseWord('تقول'))?.kind, 'imperfect');
  assert.equal(lex.forms.get(normaliseWord('وقال'))?.conj, true);
  assert.equal(lex.forms.get(normaliseWord('نفت'))?.lemma, 'نفى');
  assert.equal(lex.forms.get(normaliseWord('نفوا'))?.lemma, 'نفى');
  assert.equal(lex.forms.get(normaliseWord('ينفي'))?.lemma, 'نفى');
  assert.equal(lex.forms.get(normaliseWord('دعت'))?.lemma, 'دعا');
  assert.equal(lex.forms.get(normaliseWord('يدعو'))?.lemma, 'دعا');
  assert.equal(lex.forms.get(normaliseWord('مؤكدا'))?.kind, 'participle');
  assert.equal(lex.forms.get(normaliseWord('مؤكدةً'))?.gender, 'f');
  assert.equal(lex.forms.get(normaliseWord('وبيّن'))?.lemma, 'بيّن');
  assert.equal(lex.forms.get(normaliseWord('بين')), undefined, 'bare بين is "between"');
  assert.equal(lex.forms.get(normaliseWord('مؤكد')), undefined, 'a bare participle is an adjective');
  assert.ok(lex.complementizers.has(normaliseWord('إنها')) && lex.complementizers.has(normaliseWord('بأنه')));
});

test('lexicon: data file has its schema and bad entries are named', () => {
  const raw = JSON.parse(readFileSync(join(dataDir, 'quotes', 'cues.json'), 'utf8')) as CuesFile;
  assert.equal(raw.schema, 'marsad.quote-cues/1');
  const bad = structuredClone(raw);
  (bad.verbs[2] as unknown as Record<string, unknown>).perfect = '';
  assert.throws(() => buildLexicon(bad), /verbs\[2\]\.perfect: expected a non-empty string/);
  const bad2 = structuredClone(raw);
  (bad2 as unknown as Record<string, unknown>).complementizers = 'أن';
  assert.throws(() => buildLexicon(bad2), /complementizers: expected a list/);
});

test('direct quote in « » with the speaker before it (VSO + colon)', () => {
  const doc = run('وقال وزير الصحة خالد العلي: «سنفتتح ثلاثة مستشفيات جديدة هذا العام».');
  assert.equal(doc.quotes.length, 1);
  const q = doc.quotes[0];
  assert.equal(q.id, 'Q1');
  assert.equal(q.text, 'سنفتتح ثلاثة مستشفيات جديدة هذا العام');
  assert.equal(q.direct, true);
  assert.equal(q.speakerText?.text, 'وزير الصحة خالد العلي');
  assert.equal(q.cue?.text, 'وقال');
});

test('direct quote with the speaker after it', () => {
  const doc = run('«الوضع تحت السيطرة تماما»، قال المتحدث باسم الدفاع المدني.');
  assert.equal(doc.quotes.length, 1);
  assert.equal(doc.quotes[0].text, 'الوضع تحت السيطرة تماما');
  assert.equal(doc.quotes[0].speakerText?.text, 'المتحدث باسم الدفاع المدني');
  assert.equal(doc.quotes[0].cue?.text, 'قال');
});

test('a quotation with no cue takes the speaker of the previous sentence', () => {
  const doc = run(
    'وأكد رئيس البلدية أن المشروع سيكتمل قريبا.\n«نحن نعمل ليلا ونهارا لإنهاء الطريق قبل موسم الأمطار».',
  );
  const d = only(doc, true);
  assert.equal(d.length, 1);
  assert.equal(d[0].speakerText?.text, 'رئيس البلدية');
});

test('curly quotes, straight quotes and ″ are paired; terms in quotes are not speech', () => {
  let doc = run('وقالت الوزارة في بيان إن “الرحلات ستستأنف يوم الأحد المقبل”.');
  assert.deepEqual(
    doc.quotes.map((q) => [q.text, q.direct, q.speakerText?.text]),
    [['الرحلات ستستأنف يوم الأحد المقبل', true, 'الوزارة']],
  );
  doc = run('أطلقت الهيئة برنامج "سكني" وبرنامج "ريادة" وقال مديرها: "نريد الوصول إلى كل أسرة في المملكة".');
  assert.deepEqual(
    doc.quotes.map((q) => q.text),
    ['نريد الوصول إلى كل أسرة في المملكة'],
  );
  doc = run('وقال الخبير الاقتصادي ″الأسعار سترتفع في الربع الأخير″.');
  assert.equal(doc.quotes[0]?.text, 'الأسعار سترتفع في الربع الأخير');
  assert.equal(doc.quotes[0]?.speakerText?.text, 'الخبير الاقتصادي');
  // reversed curly marks (” as the opener) still pair by context
  doc = run('وأضاف المدير ”سنبدأ التشغيل التجريبي الشهر المقبل“.');
  assert.equal(doc.quotes[0]?.text, 'سنبدأ التشغيل التجريبي الشهر المقبل');
});

test('a short quoted noun phrase without a cue is a term, not a quote', () => {
  assert.equal(run('انطلقت مبادرة «مدن خضراء» في عشر مناطق.').quotes.length, 0);
  assert.equal(run('ونشرت صحيفة «المساء» تقريرا عن الزراعة.').quotes.length, 0);
  // but a short quotation in speech position is speech
  const doc = run('ووصف المحلل القرار بأنه «متسرع».');
  assert.equal(doc.quotes.length, 1);
  assert.equal(doc.quotes[0].text, 'متسرع');
});

test('multi-paragraph quotation (newswire convention: the next paragraph reopens the quote)', () => {
  const text =
    'وقال السفير في كلمته: «العلاقات بين البلدين قوية ومتينة.\n«وسنعمل على تطويرها في كل المجالات».';
  const doc = run(text);
  const d = only(doc, true);
  assert.equal(d.length, 1);
  assert.ok(d[0].text.startsWith('العلاقات بين البلدين'));
  assert.ok(d[0].text.endsWith('في كل المجالات'));
  assert.equal(d[0].speakerText?.text, 'السفير');
  const m = findMarkedQuotes(text);
  assert.equal(m.length, 1);
  assert.equal(m[0].multiParagraph, true);
  // an opener left open at a paragraph end with no continuation is dropped
  assert.equal(findMarkedQuotes('قال «هذا نص بلا إغلاق\nفقرة عادية بعده.').length, 0);
});

test('indirect speech: قال إن … with the reported clause as the span', () => {
  const doc = run('وقال المتحدث الرسمي إن الطائرات ستعود إلى العمل غدا.');
  assert.equal(doc.quotes.length, 1);
  const q = doc.quotes[0];
  assert.equal(q.direct, false);
  assert.equal(q.text, 'الطائرات ستعود إلى العمل غدا');
  assert.equal(q.speakerText?.text, 'المتحدث الرسمي');
  assert.equal(q.cue?.text, 'وقال');
  // أشار إلى أن, and a parenthetical relative clause between speaker and complementizer
  const d2 = run('وقال الرئيس، الذي وصل إلى الرياض أمس، إن المحادثات كانت مثمرة.');
  assert.equal(d2.quotes[0]?.text, 'المحادثات كانت مثمرة');
  assert.equal(d2.quotes[0]?.speakerText?.text, 'الرئيس');
  const d3 = run('وأشار المهندس سعيد إلى أن الجسر سيفتح للحركة في الصيف.');
  assert.equal(d3.quotes[0]?.text, 'الجسر سيفتح للحركة في الصيف');
  assert.equal(d3.quotes[0]?.speakerText?.text, 'المهندس سعيد');
});

test('indirect speech ends at the next reporting cue; participle cues report too', () => {
  const doc = run('وأكد المدير أن الإنتاج ارتفع هذا العام، مشيرا إلى أن الصادرات تضاعفت.');
  assert.deepEqual(
    doc.quotes.map((q) => [q.text, q.speakerText?.text]),
    [
      ['الإنتاج ارتفع هذا العام', 'المدير'],
      ['الصادرات تضاعفت', 'المدير'],
    ],
  );
});

test('SVO subject before the verb; impersonal يذكر أن is not a quote', () => {
  const doc = run('الوزير أكد أن المشروع سيكتمل في موعده.');
  assert.equal(doc.quotes[0]?.speakerText?.text, 'الوزير');
  assert.equal(run('يذكر أن المعرض يستمر أسبوعا كاملا.').quotes.length, 0);
});

test('بحسب X / وفقا لـ X name the source', () => {
  let doc = run('«لا توجد إصابات بين الركاب»، بحسب الهيئة العامة للطيران.');
  assert.equal(doc.quotes.length, 1);
  assert.equal(doc.quotes[0].text, 'لا توجد إصابات بين الركاب');
  assert.ok(doc.quotes[0].speakerText?.text.startsWith('الهيئة العامة'));
  assert.equal(doc.quotes[0].cue?.text, 'بحسب');
  doc = run('وبحسب الشرطة، فإن السائق فر من المكان قبل وصول الدوريات.');
  assert.equal(doc.quotes[0]?.direct, false);
  assert.equal(doc.quotes[0]?.text, 'السائق فر من المكان قبل وصول الدوريات');
  assert.equal(doc.quotes[0]?.speakerText?.text, 'الشرطة');
});

test('pronoun-only cues (وأضاف، وأكدت) take the last speaker, agreeing in gender', () => {
  let doc = run('وقال وزير المالية إن العجز سينخفض. وأضاف أن الإيرادات غير النفطية ارتفعت بنسبة كبيرة.');
  assert.equal(doc.quotes[1]?.text, 'الإيرادات غير النفطية ارتفعت بنسبة كبيرة');
  assert.equal(doc.quotes[1]?.speakerText?.text, 'وزير المالية');
  doc = run(
    'وقالت الوزيرة سارة إن الخطة جاهزة. وقال المدير أحمد إن التنفيذ يبدأ غدا. وأكدت أن التمويل متوفر بالكامل.',
  );
  assert.equal(doc.quotes[2]?.text, 'التمويل متوفر بالكامل');
  assert.equal(doc.quotes[2]?.speakerText?.text, 'الوزيرة سارة');
  // a direct quotation right after the pronoun cue
  doc = run('وقال رئيس النادي إن الفريق جاهز. وتابع «سنلعب للفوز فقط في المباراة القادمة».');
  assert.equal(only(doc, true)[0]?.speakerText?.text, 'رئيس النادي');
});

test('البيان as speaker stands for the actor that issued it, resolved to its entity', () => {
  const text = 'أصدرت وزارة الخارجية بيانا حول الأزمة. وأضاف البيان «نحث جميع الأطراف على ضبط النفس».';
  const doc = run(text, ['وزارة الخارجية']);
  const d = only(doc, true);
  assert.equal(d.length, 1);
  assert.equal(d[0].speakerText?.text, 'وزارة الخارجية');
  assert.equal(d[0].speaker, 'E1');
});

test('speakers resolve to the entity whose mention covers or lies inside the speaker span', () => {
  const doc = run('وقالت السفارة الكندية في عمان إن القنصلية ستغلق يومين.', ['السفارة الكندية', 'عمان']);
  assert.equal(doc.quotes[0]?.speaker, 'E1');
  const none = run('وقال مصدر مطلع إن الاجتماع تأجل.', ['الاجتماع']);
  assert.equal(none.quotes[0]?.speaker, null);
  assert.equal(none.quotes[0]?.speakerText?.text, 'مصدر مطلع');
});

test('unbalanced and nested quotation marks never throw and give valid spans', () => {
  for (const t of [
    'قال «نعم',
    '»»»«««',
    '"""""',
    '«أ «ب» ج»',
    'وقال: "',
    '“ ” “',
    'وأضاف «\n»',
    '«',
    '',
    'قال إن',
    'وقال الوزير: «كلام طويل بما يكفي ليكون اقتباسا\n«ثم يستمر',
  ]) {
    const doc = run(t);
    for (const q of doc.quotes) assertValid(t, q);
  }
  // nested guillemets: the inner pair belongs to the outer quotation
  const m = findMarkedQuotes('قال: «قرأت كتاب «الأيام» في صغري».');
  assert.equal(m.length, 1);
});

test(
  'seed article: quotations and speakers (text stages only)',
  {
    skip:
      !existsSync(join(sharedDir, 'examples', 'seed-article.txt')) &&
      'needs ../shared/examples/seed-article.txt',
  },
  () => {
    const text = readFileSync(join(sharedDir, 'examples', 'seed-article.txt'), 'utf8');
    const doc = run(text);
    const direct = only(doc, true).map((q) => q.speakerText?.text ?? null);
    assert.deepEqual(direct, [
      'السفارة الأمريكية',
      'السفارة الأمريكية',
      'السفارة الأمريكية',
      'الرئيس الأمريكي دونالد ترامب',
      'إيران',
    ]);
    assert.ok(!doc.quotes.some((q) => q.text === 'الضغط الأقصى'), 'a campaign name is not a quote');
    const indirect = only(doc, false);
    assert.ok(
      indirect.some(
        (q) => q.text.startsWith('المركبات سترسل') && q.speakerText?.text === 'السفارة الأمريكية',
      ),
    );
    assert.ok(indirect.length >= 3);
  },
);

test('gold set: well-formed offsets, both batches, at least 100 quotes', () => {
  const gold = loadGold(join(packageRoot, 'test', 'fixtures', 'quotes-gold.json'));
  let total = 0;
  const batches = new Set<string>();
  for (const a of gold.articles) {
    assert.match(a.id, /^[0-9a-f]{16}$/);
    batches.add(a.batch);
    for (const q of a.quotes) {
      total++;
      assert.ok(0 <= q.start && q.start < q.end && q.end <= a.length, `${a.id} quote ${q.start}`);
      if (q.speaker) assert.ok(q.speaker.start < q.speaker.end && q.speaker.end <= a.length);
    }
  }
  assert.ok(total >= 100, `${total} gold quotes`);
  assert.deepEqual([...batches].sort(), ['A', 'B', 'C', 'D']);
});

test('scoring: exact and overlap matches, speaker by span or by referent name', () => {
  const g = [
    { start: 10, end: 30, direct: false, speaker: { start: 0, end: 5, text: 'الوزير' } },
    { start: 40, end: 50, direct: false, speaker: { start: 0, end: 5, text: 'الوزير' } },
    { start: 60, end: 70, direct: false, speaker: null },
  ];
  const q = (start: number, end: number, sp: string | null, at = 100): Quote => ({
    id: 'Q',
    start,
    end,
    text: '',
    direct: false,
    speaker: null,
    speakerText: sp === null ? null : { start: at, end: at + sp.length, text: sp },
    cue: null,
  });
  const s = scoreArticle(g, [q(10, 30, 'خالد'), q(41, 50, 'وزير المالية خالد'), q(80, 90, null)], false, [
    ['الوزير', 'خالد'],
  ]);
  assert.deepEqual(s, { gold: 3, pred: 3, exact: 1, overlap: 2, speakerOk: 2, speakerExact: 0 });
});

test('a speaker in quotation marks, an addressee before the subject, an adverb after the verb', () => {
  let doc = run('وذكرت "سلمى" أنها بدأت مشروعها من غرفة صغيرة في بيتها.');
  assert.deepEqual(
    doc.quotes.map((q) => [q.direct, q.text, q.speakerText?.text]),
    [[false, 'بدأت مشروعها من غرفة صغيرة في بيتها', 'سلمى']],
  );
  doc = run('وأوضح لـ«المدينة» المهندس فهد السالم أن الأعمال ستنتهي قبل الشتاء.');
  assert.equal(doc.quotes[0]?.speakerText?.text, 'المهندس فهد السالم');
  doc = run('وذكر حينها المتحدث باسم الأمانة أن الحديقة ستفتح للعائلات.');
  assert.equal(doc.quotes[0]?.speakerText?.text, 'المتحدث باسم الأمانة');
});

test('unmarked speech after a colon is reported speech', () => {
  const doc = run('وأضافت المصادر: الطريق مغلق منذ الصباح بسبب الأمطار.');
  assert.equal(doc.quotes[0]?.direct, false);
  assert.equal(doc.quotes[0]?.text, 'الطريق مغلق منذ الصباح بسبب الأمطار');
  assert.equal(doc.quotes[0]?.speakerText?.text, 'المصادر');
});

test('no false cues: بين "between", a prepositional phrase before the verb; كان before a subject', () => {
  assert.equal(lex.forms.get(normaliseWord('بينها')), undefined);
  assert.equal(
    run('لعب الفريق عشر مباريات بينها «مباراة الافتتاح الكبرى في الملعب».').quotes[0]?.cue ?? null,
    null,
  );
  const d = run('وكان رئيس النادي قد أعلن أن المدرب الجديد سيصل الأسبوع المقبل.');
  assert.equal(d.quotes[0]?.speakerText?.text, 'رئيس النادي');
  assert.equal(run('المدير العام قد أكد أن الفرع سيفتح غدا.').quotes[0]?.speakerText?.text, 'المدير العام');
  const e = run('وبالتحقيق تبين أن السيارة مسروقة من مدينة أخرى.');
  assert.notEqual(e.quotes[0]?.speakerText?.text, 'وبالتحقيق');
});

test('نقل X عن Y: Y speaks; جاء في البيان أن; a statement that names its issuer', () => {
  let doc = run('ونقلت الوكالة الرسمية عن مصدر أمني قوله إن الحدود ستبقى مفتوحة.');
  assert.equal(doc.quotes[0]?.text, 'الحدود ستبقى مفتوحة');
  assert.equal(doc.quotes[0]?.speakerText?.text, 'مصدر أمني');
  doc = run('عقدت الهيئة اجتماعها الدوري أمس. وجاء في البيان أن الرسوم لن تتغير هذا العام.', ['الهيئة']);
  assert.equal(doc.quotes[0]?.text, 'الرسوم لن تتغير هذا العام');
  assert.equal(doc.quotes[0]?.speaker, null, 'no issuer was named before');
  doc = run('وقال بيان الوزارة إن المدارس ستفتح في موعدها.', ['الوزارة']);
  assert.equal(doc.quotes[0]?.speakerText?.text, 'الوزارة');
  assert.equal(doc.quotes[0]?.speaker, 'E1');
});

test('relative clauses: a restrictive one reports for its antecedent when the verb agrees', () => {
  let doc = run(
    'وتستمر الدورة أسبوعا ويشرف عليها المدرب سامي العلي الذي أوضح أن التدريب يبدأ في السابعة صباحا.',
  );
  assert.equal(doc.quotes[0]?.text, 'التدريب يبدأ في السابعة صباحا');
  assert.equal(doc.quotes[0]?.speakerText?.text, 'المدرب سامي العلي');
  doc = run('وانتقد الوزير بعض الدول التي قال إنها تنشر الشائعات عن الاقتصاد.');
  assert.equal(doc.quotes[0]?.text, 'تنشر الشائعات عن الاقتصاد');
  assert.ok(doc.quotes[0]?.speakerText?.text.startsWith('الوزير'), 'not the countries');
  assert.equal(run('والجدير ذكره أن المعرض يفتح أبوابه مساء.').quotes.length, 0);
});
