// Third pass on events (issue 6): background and history, visits, unplaced actors, shared
// subjects, agentless nouns. Our own Arabic sentences, entities placed by hand (standing in for
// the NER and actor layers), one construction per test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, buildDoc, runEvents, type EntSpec } from './fixtures/events-helpers.js';

const events = (text: string, ents: EntSpec[], times: [string, string][] = []) =>
  brief(runEvents(buildDoc(text, ents, times)));

const EGY: EntSpec = ['مصر', 'GPE', 'EGY'];
const MIL: EntSpec = ['الميليشيات', 'ORG', 'YEMREB'];
const YARMY: EntSpec = ['الجيش اليمني', 'ORG', 'YEMMIL'];

describe('background: what a relative clause or a date says about an actor', () => {
  it('an imperfect right after a relative pronoun describes its antecedent: no event', () => {
    assert.deepEqual(events('انتقدت مصر الميليشيات التي تقاتل الجيش اليمني.', [EGY, MIL, YARMY]), [
      '111 مصر>الميليشيات asserted انتقدت',
    ]);
  });
  it('a perfect in the same place tells an act: still an event', () => {
    const out = events('انتقدت مصر الميليشيات التي هاجمت الجيش اليمني.', [EGY, MIL, YARMY]);
    assert.ok(out.includes('111 مصر>الميليشيات asserted انتقدت'), out.join('; '));
    assert.ok(
      out.some((e) => e.startsWith('19') && e.includes('الميليشيات>الجيش اليمني')),
      out.join('; '),
    );
  });
  it('an act dated half a year or more before the article (2020-12-30) is history', () => {
    const ents: EntSpec[] = [
      ['الرئيس الإيراني', 'PER', 'IRNGOV'],
      ['السودان', 'GPE', 'SDN'],
    ];
    assert.deepEqual(events('وزار الرئيس الإيراني السودان في عام 2012.', ents, [['عام 2012', '2012']]), []);
    assert.deepEqual(events('وزار الرئيس الإيراني السودان في عام 2020.', ents, [['عام 2020', '2020']]), [
      '042 الرئيس الإيراني>السودان asserted وزار',
    ]);
    assert.deepEqual(
      events('وزار الرئيس الإيراني السودان في مايو 2020.', ents, [['مايو 2020', '2020-05']]),
      [],
    );
    assert.equal(
      events('وزار الرئيس الإيراني السودان في أكتوبر 2020.', ents, [['أكتوبر 2020', '2020-10']]).length,
      1,
    );
  });
  it('control named as a state of affairs (تحت سيطرة، الخاضعة لسيطرة) is no event', () => {
    const ents: EntSpec[] = [
      ['الجيش السوري', 'ORG', 'SYRMIL'],
      ['المعارضة', 'ORG', 'SYRREB'],
    ];
    const out = events('وقصف الجيش السوري أحياء واقعة تحت سيطرة المعارضة في مدينة إدلب.', ents);
    assert.ok(!out.some((e) => e.includes('سيطرة')), out.join('; '));
    assert.ok(
      out.some((e) => e.startsWith('19') && e.includes('قصف')),
      out.join('; '),
    );
    const out2 = events('وقصف الجيش السوري أحياء خاضعة لسيطرة المعارضة في مدينة إدلب.', ents);
    assert.ok(!out2.some((e) => e.includes('سيطرة')), out2.join('; '));
  });
  it('a visit after قبيل is the time of something else', () => {
    const ents: EntSpec[] = [
      ['وزير الخارجية الفرنسي', 'PER', 'FRAGOV'],
      ['بغداد', 'GPE', 'IRQ'],
    ];
    assert.deepEqual(events('وتحدث وزير الخارجية الفرنسي قبيل زيارته إلى بغداد.', ents), []);
  });
});

describe('arguments', () => {
  it('a place after a visit noun is where the visit goes, not the visitor', () => {
    const ents: EntSpec[] = [
      ['اليمن', 'GPE', 'YEM'],
      ['وفد الأمم المتحدة', 'ORG', 'IGOUNO'],
    ];
    assert.deepEqual(events('وتأتي زيارة اليمن من قبل وفد الأمم المتحدة بعد شهرين.', ents), [
      '042 وفد الأمم المتحدة>اليمن asserted زيارة',
    ]);
  });
  it('an actor with no country before a placed mention (شرطة الاحتلال الإسرائيلية) is that one', () => {
    const doc = buildDoc('اقتحمت شرطة الاحتلال الإسرائيلية المسجد.', [
      ['شرطة', 'ORG', 'COP'],
      ['الإسرائيلية', 'GPE', 'ISR', 'إسرائيل'],
    ]);
    doc.entities[0].actor.country = null;
    const out = brief(runEvents(doc));
    assert.equal(out.length, 1, out.join('; '));
    assert.match(out[0], /^17\d* إسرائيل>∅ asserted اقتحمت$/);
  });
  it('a verb joined by و does not take the subject of a relative clause before it', () => {
    const ents: EntSpec[] = [
      ['الوزير العراقي', 'PER', 'IRQGOV'],
      ['الحكومة التركية', 'ORG', 'TURGOV'],
    ];
    const out = events('وانتقد الوزير العراقي العقوبات التي فرضتها الحكومة التركية، وطالب بإلغائها.', ents);
    assert.ok(
      out.some((e) => e.startsWith('10') && e.includes('الوزير العراقي>')),
      out.join('; '),
    );
    assert.ok(!out.some((e) => e.startsWith('10') && e.includes('الحكومة التركية>')), out.join('; '));
  });
  it('a verbal noun with no actor and a place as its other party is left out; a named victim stays', () => {
    assert.deepEqual(events('واستمر تحرير مدينة عدن.', [['عدن', 'GPE', 'YEM']]), []);
    assert.deepEqual(
      events('وأسفر الانفجار عن مقتل جندي تركي.', [['تركي', 'GPE', 'TUR', 'تركيا']]).filter((e) =>
        e.includes('مقتل'),
      ),
      ['1823 ∅>تركيا asserted مقتل'],
    );
  });
});

describe('subjects before the verb', () => {
  it('a state before a masculine verb is not its subject (states take the feminine)', () => {
    const ents: EntSpec[] = [
      ['نوري المالكي', 'PER', 'IRQGOV'],
      ['السعودية', 'GPE', 'SAU'],
    ];
    const out = events('وزعم نوري المالكي أن السعودية تدعم الإرهاب وطالب بمحاسبتها.', ents);
    assert.ok(!out.some((e) => e.startsWith('10') && e.includes('السعودية>')), out.join('; '));
    // … and before a feminine one it is (شنت: a short feminine perfect).
    const out2 = events('وقال مسؤول إن القوات التي تقودها الولايات المتحدة شنت غارات على مواقع داعش.', [
      ['الولايات المتحدة', 'GPE', 'USA'],
      ['داعش', 'ORG', 'IMGREB'],
    ]);
    assert.deepEqual(out2, ['195 الولايات المتحدة>داعش reported غارات']);
  });
  it('the future س and purpose ل come before the feminine prefix (ستقصف agrees with a state)', () => {
    const out = events('وقال مسؤول إن إيران ستقصف مواقع داعش.', [
      ['إيران', 'GPE', 'IRN'],
      ['داعش', 'ORG', 'IMGREB'],
    ]);
    assert.deepEqual(out, ['194 إيران>داعش planned ستقصف']);
  });
  it('the second of two coordinated names after a preposition is not the next verb’s subject', () => {
    const ents: EntSpec[] = [
      ['حماس', 'ORG', 'PSEREB'],
      ['الجهاد الإسلامي', 'ORG', 'PSEREB'],
    ];
    const out = events('وقال شهود إن سيارات تعود لعناصر من حماس والجهاد الإسلامي دمرت في انفجار.', ents);
    assert.ok(!out.some((e) => e.includes('الجهاد الإسلامي>')), out.join('; '));
  });
});

describe('codes from the object (CAMEO 16)', () => {
  it('أوقف with funding or projects is stopping aid (162), with a person an arrest (173)', () => {
    const ents: EntSpec[] = [
      ['إيران', 'GPE', 'IRN'],
      ['السودان', 'GPE', 'SDN'],
    ];
    assert.deepEqual(events('أوقفت إيران تمويل مشاريع في السودان.', ents), ['162 إيران>∅ asserted أوقفت']);
    assert.deepEqual(
      events('أوقفت الشرطة السودانية مواطنا إيرانيا.', [
        ['الشرطة السودانية', 'ORG', 'SDNCOP'],
        ['إيرانيا', 'GPE', 'IRN', 'إيران'],
      ]),
      ['173 الشرطة السودانية>إيران asserted أوقفت'],
    );
  });
});

describe('parts and topics', () => {
  it('a part of an actor after the verb (قوة من الجيش, عدد كبير من) is that actor', () => {
    const ents: EntSpec[] = [
      ['الجيش الأردني', 'ORG', 'JORMIL'],
      ['سوريين', 'GPE', 'SYR', 'سوريا'],
    ];
    assert.deepEqual(events('اعتقلت قوة من الجيش الأردني خمسة مهربين سوريين قرب الحدود.', ents), [
      '173 الجيش الأردني>سوريا asserted اعتقلت',
    ]);
  });
  it('an event noun that a meeting discussed is its topic, not an event', () => {
    const ents: EntSpec[] = [
      ['وزير الخارجية الأردني', 'PER', 'JORGOV'],
      ['نظيره العراقي', 'PER', 'IRQGOV'],
      ['الإماراتية', 'GPE', 'ARE', 'الإمارات'],
    ];
    const out = events(
      'والتقى وزير الخارجية الأردني نظيره العراقي، وتناول اللقاء الأوضاع الإنسانية والمساعدات الإماراتية للنازحين.',
      ents,
    );
    assert.ok(
      out.some((e) => e.startsWith('04')),
      out.join('; '),
    );
    assert.ok(!out.some((e) => e.includes('المساعدات')), out.join('; '));
    // … but a meeting named in a phrase of time (بحث خلال لقائه) is not a topic.
    assert.ok(
      events('وبحث وزير الخارجية الأردني خلال لقائه نظيره العراقي الأوضاع.', ents).some((e) =>
        e.startsWith('04'),
      ),
    );
    // The same noun told as news is an event.
    assert.deepEqual(events('ووصلت المساعدات الإماراتية إلى النازحين.', ents), [
      '070 الإمارات>∅ asserted المساعدات',
    ]);
  });
});

describe('verbal nouns with an actor genitive and a ل object', () => {
  it('انتقاد السعودية لقطر: the genitive is the critic, the ل phrase the criticised', () => {
    const ents: EntSpec[] = [
      ['السعودية', 'GPE', 'SAU'],
      ['قطر', 'GPE', 'QAT'],
    ];
    assert.deepEqual(events('وأثار انتقاد السعودية لقطر ردود فعل.', ents), [
      '111 السعودية>قطر asserted انتقاد',
    ]);
    // Without a ل object the genitive stays what the noun is done to (no actor: no event).
    assert.deepEqual(events('وأثار انتقاد السعودية ردود فعل.', ents), []);
  });
});

describe('support verbs of ability', () => {
  it('تمكن من + verbal noun: the verb’s subject is the noun’s actor', () => {
    const ents: EntSpec[] = [
      ['القوات العراقية', 'ORG', 'IRQMIL'],
      ['تكريت', 'GPE', 'IRQ'],
    ];
    const out = events('وتمكنت القوات العراقية من تحرير مدينة تكريت.', ents);
    assert.equal(out.length, 1, out.join('; '));
    assert.match(out[0], /^190 القوات العراقية>/);
  });
});

describe('أعرب عن + a noun of disapproval or thanks', () => {
  it('استغراب is disapproval (111), شكر praise (051)', () => {
    const ents: EntSpec[] = [['وزير الخارجية المصري', 'PER', 'EGYGOV']];
    assert.deepEqual(events('وأعرب وزير الخارجية المصري عن استغرابه من التصريحات.', ents), [
      '111 وزير الخارجية المصري>∅ asserted وأعرب',
    ]);
    assert.deepEqual(events('وأعرب وزير الخارجية المصري عن شكره للحكومة.', ents), [
      '051 وزير الخارجية المصري>∅ asserted وأعرب',
    ]);
  });
});

describe('an object right after a comma', () => {
  it('a person’s comma followed by a state is the object, not an apposition', () => {
    const ents: EntSpec[] = [
      ['عمر البشير', 'PER', 'SDNGOV'],
      ['فرنسا', 'GPE', 'FRA'],
    ];
    assert.deepEqual(events('ودعا عمر البشير، فرنسا إلى مراجعة موقفها من الأزمة.', ents), [
      '020 عمر البشير>فرنسا asserted ودعا',
    ]);
  });
});
