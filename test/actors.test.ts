// Linking on our own sentences: nisba → country, capital metonymy, role phrases, coreference,
// clitics, dates, places with coordinates, and offsets that slice back to their text.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { actorsStage } from '../src/actors/stage.js';
import { createDoc } from '../src/doc/doc.js';
import type { Doc, Entity, EntityType, Mention } from '../src/doc/types.js';
import { sharedDir } from '../src/resources.js';
import { textStage } from '../src/text/stage.js';

const textRes = textStage.load!();
const res = actorsStage.load!();

/** Run the text stage, then the actors stage, with hand-made tagger mentions given as surface strings. */
function link(
  text: string,
  opts: { date?: string; ner?: [string, EntityType][]; title?: boolean } = {},
): Doc {
  const doc = createDoc(text, { date: opts.date ?? '2021-06-01' });
  doc.titleInText = opts.title ?? false;
  Object.assign(doc, textStage.run(doc, textRes));
  const mentions: Mention[] = [];
  for (const [s, type] of opts.ner ?? []) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(s, from);
      if (at < 0) break;
      mentions.push({ start: at, end: at + s.length, type, score: 0.9 });
      from = at + s.length;
    }
  }
  doc.mentions = mentions;
  Object.assign(doc, actorsStage.run(doc, res));
  return doc;
}

/** The entity one of whose mentions is exactly `surface` (the n-th occurrence in the text). */
function entityAt(doc: Doc, surface: string, nth = 0): Entity | undefined {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.text.indexOf(surface, at + 1);
  assert.ok(at >= 0, `"${surface}" is in the text`);
  return doc.entities.find((e) => e.mentions.some((m) => m.start === at && m.end === at + surface.length));
}

function checkSpans(doc: Doc): void {
  for (const e of doc.entities)
    for (const m of e.mentions) {
      assert.ok(m.start >= 0 && m.end <= doc.text.length && m.start < m.end);
      assert.equal(doc.text.slice(m.start, m.end), m.text);
    }
}

test('nisba adjectives resolve to their country', () => {
  const doc = link('قصفت الطائرات الروسية مواقع قرب الحدود، وانتقد المسؤولون الأتراك الغارات الروسية.');
  assert.equal(entityAt(doc, 'الروسية', 1)?.actor.code, 'RUS');
  assert.equal(entityAt(doc, 'الروسية', 1)?.actor.id, 'RUS');
  checkSpans(doc);
});

test('broken-plural nisbas (أتراك، روس، الألمان) give the country of a role phrase', () => {
  const doc = link(
    'أصيب ثلاثة جنود أتراك في الهجوم، وقال مسؤولون روس إن الدبلوماسيين الألمان غادروا المدينة.',
  );
  assert.equal(entityAt(doc, 'جنود أتراك')?.actor.code, 'TURMIL');
  assert.equal(entityAt(doc, 'مسؤولون روس')?.actor.country, 'RUS');
  assert.equal(entityAt(doc, 'الدبلوماسيين الألمان')?.actor.country, 'DEU');
  checkSpans(doc);
});

test('warplanes, warships and tanks with a nisba are that country’s military; alone they are no actor', () => {
  const doc = link(
    'قصفت الطائرات الروسية مواقع قرب المدينة، وأطلقت بوارج أمريكية صواريخ، ثم حلقت الطائرات فوق البحر.',
  );
  assert.equal(entityAt(doc, 'الطائرات الروسية')?.actor.code, 'RUSMIL');
  assert.equal(entityAt(doc, 'الطائرات الروسية')?.type, 'ORG');
  assert.equal(entityAt(doc, 'بوارج أمريكية')?.actor.code, 'USAMIL');
  assert.equal(entityAt(doc, 'الطائرات'), undefined);
  checkSpans(doc);
});

test('a role phrase made definite by its second noun takes the story’s country (قوات النظام)', () => {
  const doc = link(
    'أعلنت الحكومة السورية أن قوات النظام استعادت بلدة قرب حلب، وقال الجيش السوري إن المعارك انتهت.',
  );
  assert.equal(entityAt(doc, 'قوات النظام')?.actor.country, 'SYR');
  assert.equal(entityAt(doc, 'قوات النظام')?.actor.inferred, true);
  checkSpans(doc);
});

test('a nisba closes a role phrase: the definite noun or name after it is the next argument', () => {
  const doc = link(
    'دعت الحكومة اليمنية الأمم المتحدة إلى التدخل، وحذر الجيش العراقي الفصائل المسلحة، وقال مسؤول إن المعارضة السورية المسلحة انسحبت.',
  );
  assert.equal(entityAt(doc, 'الحكومة اليمنية')?.actor.code, 'YEMGOV');
  assert.equal(entityAt(doc, 'الأمم المتحدة')?.actor.id, 'org:un');
  assert.equal(entityAt(doc, 'الجيش العراقي')?.actor.code, 'IRQMIL');
  assert.equal(entityAt(doc, 'الفصائل المسلحة')?.actor.sectors[0], 'REB');
  assert.ok(entityAt(doc, 'المعارضة السورية المسلحة'), 'a modifier after the nisba stays in the phrase');
  checkSpans(doc);
});

test('capital metonymy after more verbs and after بحسب; a capital before an unrelated verb stays a place', () => {
  const doc = link(
    'ورحبت القاهرة بالاتفاق، وبحسب أنقرة فإن الوفد غادر، وبعد انتهاء اتفاق فيينا تغلق اللجنة الملف.',
  );
  assert.equal(entityAt(doc, 'القاهرة')?.actor.code, 'EGYGOV');
  assert.equal(entityAt(doc, 'أنقرة')?.actor.code, 'TURGOV');
  assert.notEqual(entityAt(doc, 'فيينا')?.actor.code, 'AUTGOV');
  checkSpans(doc);
});

test('names that are also adjectives: دعم مالي is financial, في مالي is Mali; مالية is never Malé', () => {
  const doc = link(
    'قدمت السعودية مساعدات مالية، ووصل دعم مالي إلى الحكومة، وفي مالي قتل جنود شمال مالي. وكانت السيارة الرمادي اللون قرب الرمادي.',
  );
  // Occurrences of مالي: 0 inside مالية, 1 دعم مالي (في مالي needs a tagger mention; see the pipeline).
  assert.equal(entityAt(doc, 'مالية')?.actor.id ?? null, null);
  assert.equal(entityAt(doc, 'مالي', 1)?.actor.id ?? null, null);
  assert.equal(entityAt(doc, 'الرمادي')?.actor.id ?? null, null);
  assert.equal(entityAt(doc, 'الرمادي', 1)?.actor.id, 'place:ramadi');
  checkSpans(doc);
});

test('a title with its own complement before the nisba describes the person after it', () => {
  const doc = link('قال وزير الأوقاف الفلسطيني يوسف عبد الرحيم إن الاقتحامات تصاعدت.', {
    ner: [['يوسف عبد الرحيم', 'PER']],
  });
  assert.equal(entityAt(doc, 'يوسف عبد الرحيم')?.actor.code, 'PSEGOV');
  checkSpans(doc);
});

test('a capital used as an actor is its government; a capital as a place keeps coordinates', () => {
  const doc = link('رفضت موسكو الاتهامات الغربية، وقال دبلوماسي إن الوفد وصل إلى موسكو مساء أمس.');
  const gov = entityAt(doc, 'موسكو', 0);
  assert.equal(gov?.actor.code, 'RUSGOV');
  assert.equal(gov?.actor.country, 'RUS');
  const place = entityAt(doc, 'موسكو', 1);
  assert.equal(place?.actor.id, 'place:moscow');
  assert.ok(place?.geo && Math.abs(place.geo.lat - 55.76) < 1);
  assert.notEqual(gov?.id, place?.id);
});

test('capital metonymy: conjoined capitals share the reading; locative prepositions keep the place', () => {
  const doc = link('تبادلت أنقرة وباريس الاتهامات، ثم عاد السفير إلى باريس وبرلين.');
  assert.equal(entityAt(doc, 'أنقرة')?.actor.code, 'TURGOV');
  assert.equal(entityAt(doc, 'باريس', 0)?.actor.code, 'FRAGOV');
  assert.equal(entityAt(doc, 'باريس', 1)?.actor.id, 'place:paris');
  assert.equal(entityAt(doc, 'برلين')?.actor.id, 'place:berlin');
});

test('role phrases give country and sector to unnamed actors', () => {
  const doc = link(
    'التقى وزير الخارجية الفرنسي نظيره في القاهرة، بينما أطلقت الشرطة المصرية سراح المحتجين. وقال زعيم الفصيل السوري المسلح إن الحكومة اللبنانية تأخرت.',
  );
  assert.equal(entityAt(doc, 'وزير الخارجية الفرنسي')?.actor.code, 'FRAGOV');
  assert.equal(entityAt(doc, 'الشرطة المصرية')?.actor.code, 'EGYCOP');
  assert.equal(entityAt(doc, 'زعيم الفصيل السوري المسلح')?.actor.code, 'SYRREB');
  assert.equal(entityAt(doc, 'الحكومة اللبنانية')?.actor.code, 'LBNGOV');
  assert.deepEqual(entityAt(doc, 'المحتجين')?.actor.sectors, ['CVL']);
  checkSpans(doc);
});

test('a role phrase before a name describes it; the name keeps its KB identity', () => {
  const doc = link(
    'وقال الرئيس التركي رجب طيب أردوغان إن بلاده لن تتراجع. وأضاف أردوغان أن المحادثات مستمرة.',
    {
      date: '2019-05-02',
    },
  );
  const e = entityAt(doc, 'رجب طيب أردوغان');
  assert.equal(e?.actor.id, 'per:recep-erdogan');
  assert.equal(e?.actor.code, 'TURGOV');
  assert.equal(e?.name.en, 'Recep Tayyip Erdogan');
  assert.equal(entityAt(doc, 'أردوغان', 1)?.id, e?.id, 'the surname later is the same entity');
  assert.equal(doc.entities.filter((x) => x.actor.code === 'TURGOV' && x.actor.id === null).length, 0);
});

test('an unknown person: role phrase gives the actor, surnames later corefer, with or without the tagger', () => {
  const text =
    'أعلن القائد العسكري العراقي خالد المنصوري بدء العملية. وقال المنصوري إن القوات تقدمت. ولم يعلق والمنصوري على الخسائر.';
  const doc = link(text, {
    ner: [
      ['خالد المنصوري', 'PER'],
      ['المنصوري', 'PER'],
    ],
  });
  const e = entityAt(doc, 'خالد المنصوري');
  assert.ok(e);
  assert.equal(e.actor.code, 'IRQMIL');
  assert.match(e.actor.id ?? '', /^nil:PER:/);
  assert.equal(entityAt(doc, 'المنصوري', 1)?.id, e.id, 'tagged surname');
  assert.equal(
    entityAt(doc, 'المنصوري', 2)?.id,
    e.id,
    'surname after a conjunction, found without the tagger',
  );
  // The provisional id is stable across documents.
  const other = link('التقى خالد المنصوري وفدا.', { ner: [['خالد المنصوري', 'PER']] });
  assert.equal(entityAt(other, 'خالد المنصوري')?.actor.id, e.actor.id);
  checkSpans(doc);
});

test('names with proclitics: و ب ل لل and the article', () => {
  const doc = link(
    'زار الوفد بغداد والنجف، وقدم الدعم للجيش اللبناني وبالجيش الأردني، ثم توجه لإيران وللعراق.',
  );
  assert.equal(entityAt(doc, 'النجف')?.actor.id, 'place:najaf');
  assert.equal(entityAt(doc, 'للجيش اللبناني')?.actor.code, 'LBNMIL');
  assert.equal(entityAt(doc, 'الجيش الأردني')?.actor.code, 'JORMIL');
  assert.equal(entityAt(doc, 'إيران')?.actor.id, 'IRN');
  assert.equal(entityAt(doc, 'للعراق')?.actor.id, 'IRQ', 'ل + ال is written لل; the span keeps one ل');
  checkSpans(doc);
});

test('organisations, armed groups and places from the knowledge base; places carry coordinates', () => {
  const doc = link(
    'اتهم حزب الله إسرائيل بقصف مواقع قرب حمص، بينما دعا الاتحاد الأوروبي ومنظمة الصحة العالمية إلى التهدئة في قطاع غزة وعلى معبر رفح.',
  );
  assert.equal(entityAt(doc, 'حزب الله')?.actor.code, 'LBNREB');
  assert.equal(entityAt(doc, 'الاتحاد الأوروبي')?.actor.code, 'EURIGO');
  assert.equal(entityAt(doc, 'منظمة الصحة العالمية')?.actor.code, 'IGO');
  for (const place of ['حمص', 'قطاع غزة', 'معبر رفح', 'إسرائيل']) {
    const e = entityAt(doc, place);
    assert.ok(e?.geo, `${place} has coordinates`);
    assert.ok(e.geo.lat > 29 && e.geo.lat < 37 && e.geo.lon > 33 && e.geo.lon < 40, place);
  }
});

test('a tagged name that contains a KB name of another kind is a name of its own', () => {
  const doc = link('افتتح مركز الملك فهد للأبحاث فرعا جديدا، وقال أبو حمزة المصري إن ميناء طرطوس مغلق.', {
    ner: [
      ['مركز الملك فهد للأبحاث', 'ORG'],
      ['أبو حمزة المصري', 'PER'],
      ['ميناء طرطوس', 'FAC'],
    ],
  });
  const centre = entityAt(doc, 'مركز الملك فهد للأبحاث');
  assert.match(centre?.actor.id ?? '', /^nil:ORG:/);
  assert.equal(entityAt(doc, 'أبو حمزة المصري')?.type, 'PER');
  assert.notEqual(entityAt(doc, 'أبو حمزة المصري')?.actor.country, 'EGY');
  assert.match(entityAt(doc, 'ميناء طرطوس')?.actor.id ?? '', /^nil:FAC:/);
  // Without the tagger the KB name inside is still found.
  assert.equal(entityAt(link('وصلت السفينة إلى ميناء طرطوس.'), 'طرطوس')?.actor.id, 'place:tartus');
});

test('a group noun before an organisation is the organisation; a leader of it is a person with its code', () => {
  const doc = link('قصفت قوات الحرس الثوري مواقع قرب الحدود، وقال قائد حزب الله إن الرد قادم.');
  assert.equal(entityAt(doc, 'قوات الحرس الثوري')?.actor.id, 'org:irgc');
  const leader = entityAt(doc, 'قائد حزب الله');
  assert.equal(leader?.type, 'PER');
  assert.equal(leader?.actor.code, 'LBNREB');
  assert.equal(leader?.actor.id, null);
});

test('a tagged person with a middle name links to the KB person with the same first and last names', () => {
  const doc = link('وصل علي صالح إلى صنعاء.', { date: '2010-01-01', ner: [['علي صالح', 'PER']] });
  assert.equal(entityAt(doc, 'علي صالح')?.actor.id, 'per:ali-abdullah-saleh');
});

test('the document date picks among people who share a name', () => {
  const a = link('قال خادم الحرمين الشريفين إن المملكة ستواصل دعمها.', { date: '2012-03-01' });
  const b = link('قال خادم الحرمين الشريفين إن المملكة ستواصل دعمها.', { date: '2016-03-01' });
  assert.equal(entityAt(a, 'خادم الحرمين الشريفين')?.actor.id, 'per:king-abdullah-sau');
  assert.equal(entityAt(b, 'خادم الحرمين الشريفين')?.actor.id, 'per:king-salman');
  const c = link('انتقد بوش القرار.', { date: '1991-01-01' });
  const d = link('انتقد بوش القرار.', { date: '2004-01-01' });
  assert.equal(entityAt(c, 'بوش')?.actor.id, 'per:george-hw-bush');
  assert.equal(entityAt(d, 'بوش')?.actor.id, 'per:george-w-bush');
});

test('countries named in the document decide between places that share a name', () => {
  const jordan = link('أعلن الأردن استضافة المؤتمر، ووصل الوزراء إلى عمان أمس.');
  assert.equal(entityAt(jordan, 'عمان')?.actor.id, 'place:amman');
  const oman = link('وقعت عمان اتفاقية تجارية جديدة.');
  assert.equal(entityAt(oman, 'عمان')?.actor.id, 'OMN');
});

test('the dateline place links and the dateline carries its entity', () => {
  const doc = link('عنوان الخبر هنا\nالرياض – أعلنت وزارة الداخلية السعودية القبض على خلية.', {
    title: true,
  });
  assert.equal(doc.dateline?.text, 'الرياض');
  const e = doc.entities.find((x) => x.id === doc.dateline?.entity);
  assert.equal(e?.actor.id, 'place:riyadh');
  assert.ok(e?.geo);
  assert.equal(entityAt(doc, 'وزارة الداخلية السعودية')?.actor.code, 'SAUCOP');
});

test('a statement refers back to the one issuer named before it', () => {
  const doc = link('وقالت السفارة البريطانية إن الرحلات ستستأنف قريبا. وأضاف البيان أن الموظفين بخير.');
  const emb = entityAt(doc, 'السفارة البريطانية');
  assert.equal(emb?.actor.code, 'GBRGOV');
  assert.equal(entityAt(doc, 'البيان')?.id, emb?.id);
  const two = link('وقالت الخارجية الروسية إن الوفد وصل. وقال المتحدث إن المحادثات جيدة.');
  assert.equal(entityAt(two, 'المتحدث')?.actor.code, 'RUSGOV');
  // Two issuers before it: ambiguous, left alone.
  const amb = link(
    'وقالت الخارجية الروسية إن الوفد وصل، وقالت السفارة الصينية إنها ترحب. وأضاف البيان أن العمل مستمر.',
  );
  assert.equal(entityAt(amb, 'البيان'), undefined);
});

test('an unnamed role actor takes the main country of the article, marked inferred', () => {
  const doc = link(
    'تواصل الاشتباكات في تونس منذ أسبوع. وأعلنت الحكومة حظر التجول، وقالت قوات الأمن إن الهدوء عاد إلى شوارع تونس. وتقع تونس على البحر.',
  );
  const gov = entityAt(doc, 'الحكومة');
  assert.equal(gov?.actor.code, 'TUNGOV');
  assert.equal(gov?.actor.inferred, true);
  assert.equal(entityAt(doc, 'قوات الأمن')?.actor.code, 'TUNCOP');
  // A country in the phrase itself is not inferred and has no flag.
  const own = link('قالت الحكومة اللبنانية إن الوضع مستقر في تونس وتونس.');
  assert.equal(entityAt(own, 'الحكومة اللبنانية')?.actor.code, 'LBNGOV');
  assert.equal(entityAt(own, 'الحكومة اللبنانية')?.actor.inferred, undefined);
  // No country named twice: nothing to infer; indefinite or generic nouns never infer.
  const none = link('أعلنت الحكومة خطة جديدة للنقل في القاهرة.');
  assert.equal(entityAt(none, 'الحكومة'), undefined);
  const generic = link('قالت مصر إن الدولة ستدعم حكومة جديدة في مصر.');
  assert.equal(entityAt(generic, 'الدولة'), undefined);
  assert.equal(entityAt(generic, 'حكومة'), undefined);
  checkSpans(doc);
});

test('a role noun before a province or region takes its country; the place stays a place', () => {
  const doc = link('أصدرت رئاسة كردستان بيانا، وانتشرت شرطة البصرة في الشوارع.');
  assert.equal(entityAt(doc, 'رئاسة كردستان')?.actor.id, 'org:krg');
  assert.equal(entityAt(doc, 'رئاسة كردستان')?.actor.code, 'IRQGOV');
  assert.equal(entityAt(doc, 'شرطة البصرة')?.actor.code, 'IRQCOP');
  assert.ok(entityAt(doc, 'البصرة')?.geo);
});

test('an organisation named by its adjective: المليشيات الحوثية is the Houthis', () => {
  const doc = link('قصفت المليشيات الحوثية أحياء المدينة، وقتل ثلاثة حوثيين في الاشتباكات.');
  assert.equal(entityAt(doc, 'المليشيات الحوثية')?.actor.id, 'org:houthis');
  assert.equal(entityAt(doc, 'حوثيين')?.actor.code, 'YEMREB');
});

test('contextual names: bare التحالف and المملكة need their country in the story', () => {
  const yem = link('قصف طيران التحالف مواقع في صعدة شمال اليمن.');
  assert.equal(entityAt(yem, 'طيران التحالف')?.actor.id, 'org:arab-coalition');
  const syr = link('قصف طيران التحالف مواقع تنظيم داعش في الرقة شمال سوريا.');
  assert.equal(entityAt(syr, 'طيران التحالف')?.actor.id, 'org:global-coalition');
  const deu = link('صوت نواب التحالف المسيحي في البرلمان الألماني ضد الخطة.');
  assert.equal(entityAt(deu, 'التحالف')?.actor.id ?? null, null);
  const sau = link('زار الوزير السعودية أمس، وأكد أن المملكة تدعم الحل السياسي.');
  assert.equal(entityAt(sau, 'المملكة')?.actor.id, 'SAU');
  const jor = link('زار الوزير الأردن أمس، وأكد أن المملكة تدعم الحل السياسي.');
  assert.equal(entityAt(jor, 'المملكة')?.actor.id, 'JOR');
});

test('spelling variants of KB names link through their consonant skeleton; other names stay NIL', () => {
  const doc = link('وقال سيرجي شويجو إن القوات جاهزة، والتقى يوسف الكناني الوفد.', {
    date: '2016-01-01',
    ner: [
      ['سيرجي شويجو', 'PER'],
      ['يوسف الكناني', 'PER'],
    ],
  });
  assert.equal(entityAt(doc, 'سيرجي شويجو')?.actor.id, 'per:sergei-shoigu');
  assert.match(entityAt(doc, 'يوسف الكناني')?.actor.id ?? '', /^nil:/);
});

test('the cases the event coder needs: unnamed forces, people and groups named in many ways', () => {
  const doc = link(
    'اشتبكت القوات الموالية للحكومة مع مسلحين في اليمن، وقالت السلطات إن قوات الأمن أغلقت الطرق في اليمن. ' +
      'وهاجمت الميليشيات الحوثية مواقع في تعز، وأصدرت رئاسة كردستان بيانا. وانتقد موشيه يعالون وصلاح الدين دمرتاش القرار.',
    { date: '2015-08-01' },
  );
  assert.equal(entityAt(doc, 'القوات الموالية')?.actor.code, 'YEMMIL');
  assert.equal(entityAt(doc, 'القوات الموالية')?.actor.inferred, true);
  assert.equal(entityAt(doc, 'السلطات')?.actor.code, 'YEMGOV');
  assert.equal(entityAt(doc, 'قوات الأمن')?.actor.code, 'YEMCOP');
  assert.equal(entityAt(doc, 'الميليشيات الحوثية')?.actor.id, 'org:houthis');
  assert.equal(entityAt(doc, 'رئاسة كردستان')?.actor.code, 'IRQGOV');
  assert.equal(entityAt(doc, 'موشيه يعالون')?.actor.code, 'ISRGOV');
  assert.equal(entityAt(doc, 'صلاح الدين دمرتاش')?.actor.id, 'per:selahattin-demirtas');
  checkSpans(doc);
});

test('ministries of the region are organisations with their country and sector', () => {
  const doc = link(
    'أعلنت وزارة الداخلية الكويتية ووزارة الخارجية المصرية ووزارة الدفاع التركية إجراءات جديدة.',
  );
  assert.equal(entityAt(doc, 'وزارة الداخلية الكويتية')?.actor.id, 'org:kwt-ministry-interior');
  assert.equal(entityAt(doc, 'وزارة الداخلية الكويتية')?.actor.code, 'KWTCOP');
  assert.equal(entityAt(doc, 'وزارة الخارجية المصرية')?.actor.code, 'EGYGOV');
  assert.equal(entityAt(doc, 'وزارة الدفاع التركية')?.actor.code, 'TURMIL');
  assert.equal(entityAt(doc, 'وزارة الدفاع التركية')?.name.en, 'Turkey Ministry of Defence');
});

test('a tagged full name with a nasab finds the two-word KB name; a relative is not the KB person', () => {
  const doc = link('وقال مفرج بن سعد الحقباني إن القرار نهائي، ونقل ابنه سيف الإسلام القذافي إلى السجن.', {
    date: '2015-08-01',
    ner: [
      ['مفرج بن سعد الحقباني', 'PER'],
      ['سيف الإسلام القذافي', 'PER'],
    ],
  });
  assert.equal(entityAt(doc, 'مفرج بن سعد الحقباني')?.actor.id, 'per:mufrej-al-haqbani');
  assert.match(entityAt(doc, 'سيف الإسلام القذافي')?.actor.id ?? '', /^nil:PER:/);
  // The KB person himself, named with a title the tagger included, still links.
  const own = link('وقال الزعيم معمر القذافي إن الحرب طويلة.', {
    date: '2010-01-01',
    ner: [['الزعيم معمر القذافي', 'PER']],
  });
  assert.equal(entityAt(own, 'معمر القذافي')?.actor.id, 'per:muammar-gaddafi');
});

test("a group noun before a KB person is that person's forces, with the person's country", () => {
  const doc = link('وتقدمت قوات بشار الأسد نحو حلب، وقال بشار الأسد إن المعركة مستمرة.', {
    date: '2015-08-01',
  });
  const forces = entityAt(doc, 'قوات بشار الأسد');
  assert.equal(forces?.actor.code, 'SYRMIL');
  assert.equal(forces?.actor.id, null);
  assert.equal(entityAt(doc, 'بشار الأسد', 1)?.actor.id, 'per:bashar-al-assad');
});

test('property: every mention slices back to its text, on noisy Arabic', () => {
  const pieces = [
    'وقال',
    'الرئيس',
    'الأمريكي',
    'جو',
    'بايدن',
    'إن',
    'طهران',
    'وواشنطن',
    'للجيش',
    'العراقي',
    'في',
    'بغداد',
    'سليماني',
    'قاسم',
    'السفارة',
    'الأميركية',
    '،',
    '.',
    '\n',
    '«',
    '»',
    'ـ',
    '\u064e',
    '\u0651',
    '\u200f',
    'x',
  ];
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
      fc.array(fc.boolean(), { maxLength: 40 }),
      (ws, glue) => {
        let text = '';
        ws.forEach((w, i) => (text += w + (glue[i] ? '' : ' ')));
        const doc = link(text, { ner: ws.length > 2 ? [[ws[1], 'PER']] : [] });
        checkSpans(doc);
        const ids = new Set(doc.entities.map((e) => e.id));
        assert.equal(ids.size, doc.entities.length);
      },
    ),
    { numRuns: 200 },
  );
});

const seed = join(sharedDir, 'examples', 'seed-article.txt');
test(
  'seed article: the linking issue 4 lists',
  { skip: existsSync(seed) ? false : 'needs ../shared/examples/seed-article.txt' },
  () => {
    // Text and actors stages only: the result must not depend on another stage's model being trained.
    const doc = link(readFileSync(seed, 'utf8'), { title: true, date: '2020-12-30' });
    const code = (s: string, nth = 0): string | null | undefined => entityAt(doc, s, nth)?.actor.code;
    assert.equal(code('السفارة الأمريكية'), 'USAGOV');
    assert.equal(code('الجيش العراقي'), 'IRQMIL');
    assert.equal(code('عصائب أهل الحق'), 'IRQREB');
    assert.equal(code('قاسم سليماني'), 'IRNMIL');
    assert.equal(code('دونالد ترامب'), 'USAGOV');
    assert.equal(code('طهران', 0), 'IRNGOV');
    assert.equal(entityAt(doc, 'سليماني', 0)?.id, entityAt(doc, 'قاسم سليماني')?.id);
    const baghdad = doc.entities.find((e) => e.actor.id === 'place:baghdad');
    assert.ok(baghdad?.geo);
    assert.equal(doc.dateline?.entity, baghdad.id);
    assert.ok(doc.entities.find((e) => e.actor.id === 'place:ain-al-asad')?.geo);
    checkSpans(doc);
  },
);
