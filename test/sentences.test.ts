import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadAgencies } from '../src/text/agencies.js';
import { splitSentences } from '../src/text/sentences.js';
import { findDateline, findParagraphs } from '../src/text/structure.js';
import { tokenise } from '../src/text/tokenise.js';

const sentences = (text: string) =>
  splitSentences(text, tokenise(text)).map((s) => text.slice(s.start, s.end));

test('splits at Arabic and Latin terminal punctuation and at paragraph breaks', () => {
  assert.deepEqual(sentences('وصل الوفد إلى القاهرة. وبدأت المحادثات فورا! هل تنجح؟ لا أحد يعرف'), [
    'وصل الوفد إلى القاهرة.',
    'وبدأت المحادثات فورا!',
    'هل تنجح؟',
    'لا أحد يعرف',
  ]);
  assert.deepEqual(sentences('عنوان الخبر\nالفقرة الأولى بلا نقطة\n\nالفقرة الثانية.'), [
    'عنوان الخبر',
    'الفقرة الأولى بلا نقطة',
    'الفقرة الثانية.',
  ]);
});

test('no split inside numbers or after single-letter abbreviations', () => {
  assert.deepEqual(sentences('ارتفع المؤشر 3.5 في المئة. وقال د. سامي إن النمو سيستمر.'), [
    'ارتفع المؤشر 3.5 في المئة.',
    'وقال د. سامي إن النمو سيستمر.',
  ]);
  assert.deepEqual(sentences('زار U.S. وفد المدينة.'), ['زار U.S. وفد المدينة.']);
});

test('closing quotes stay with the sentence they end; stray punctuation joins the sentence before', () => {
  assert.deepEqual(sentences('وقال: «سنعود قريبا.» ثم غادر القاعة.'), [
    'وقال: «سنعود قريبا.»',
    'ثم غادر القاعة.',
  ]);
  assert.deepEqual(sentences('“انتهى الاجتماع.” وأضاف المتحدث أن النتائج جيدة.'), [
    '“انتهى الاجتماع.”',
    'وأضاف المتحدث أن النتائج جيدة.',
  ]);
  assert.deepEqual(sentences('حدث ذلك عام 2015. .\nثم تغير كل شيء.'), [
    'حدث ذلك عام 2015. .',
    'ثم تغير كل شيء.',
  ]);
});

test('a quote spanning sentences is split at its inner sentence ends', () => {
  assert.deepEqual(sentences('قال الوزير: «نحن مستعدون. لن نتراجع.» وغادر.'), [
    'قال الوزير: «نحن مستعدون.',
    'لن نتراجع.»',
    'وغادر.',
  ]);
});

const agencies = loadAgencies();
function dateline(text: string, titleInText = false) {
  const tokens = tokenise(text);
  const d = findDateline(text, tokens, findParagraphs(text, titleInText), agencies);
  return d && { place: d.text, agency: d.agency?.text ?? null, ok: text.slice(d.start, d.end) === d.text };
}

test('datelines: place –, place - agency, outlet – place, place (agency) -', () => {
  assert.deepEqual(dateline('عنوان\nبغداد – أعلنت الحكومة خطة جديدة.', true), {
    place: 'بغداد',
    agency: null,
    ok: true,
  });
  assert.deepEqual(dateline('الرياض - واس\nاستقبل الأمير وفدا.'), {
    place: 'الرياض',
    agency: 'واس',
    ok: true,
  });
  assert.deepEqual(dateline('عين اليوم – جدة\nافتتح المحافظ معرضا.'), {
    place: 'جدة',
    agency: 'عين اليوم',
    ok: true,
  });
  assert.deepEqual(dateline('برلين (د ب أ) - قالت المستشارة إن الاقتصاد ينمو.'), {
    place: 'برلين',
    agency: 'د ب أ',
    ok: true,
  });
  assert.deepEqual(dateline('القاهرة (أ.ش.أ) – التقى الرئيس وفدا.'), {
    place: 'القاهرة',
    agency: 'أ.ش.أ',
    ok: true,
  });
  assert.deepEqual(dateline('نيويورك - رويترز - ارتفعت الأسهم.'), {
    place: 'نيويورك',
    agency: 'رويترز',
    ok: true,
  });
});

test('no dateline in an ordinary first sentence', () => {
  assert.equal(dateline('أعلنت وزارة الخارجية - في بيان مقتضب - أن السفير غادر.'), null);
  assert.equal(dateline('قال المتحدث إن الوضع هادئ.'), null);
  assert.equal(dateline('الحرب-الباردة انتهت منذ زمن.'), null);
});
