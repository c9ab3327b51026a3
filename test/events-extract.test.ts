// Event extraction on hand-built documents: our own Arabic sentences, entities placed by hand
// (standing in for the NER and actor layers), one construction per test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, buildDoc, runEvents, type EntSpec } from './fixtures/events-helpers.js';

const US: EntSpec = ['الولايات المتحدة', 'GPE', 'USA'];
const IRAN: EntSpec = ['إيران', 'GPE', 'IRN'];
const ISRAEL: EntSpec = ['إسرائيل', 'GPE', 'ISR'];

const run = (text: string, ents: EntSpec[], times: [string, string][] = []) =>
  runEvents(buildDoc(text, ents, times));
const events = (text: string, ents: EntSpec[]) => brief(run(text, ents));

describe('clause structure', () => {
  it('VSO: verb, subject, prepositional target; CAMEO fields from the ontology', () => {
    const d = run('أرسلت الولايات المتحدة 30 مركبة مدرعة إلى الجيش العراقي.', [
      US,
      ['الجيش العراقي', 'ORG', 'IRQMIL'],
    ]);
    assert.deepEqual(brief(d), ['072 الولايات المتحدة>الجيش العراقي asserted أرسلت']);
    const e = d.events[0];
    assert.equal(e.id, 'V1');
    assert.equal(e.root, '07');
    assert.equal(e.quadClass, 2);
    assert.equal(e.goldstein, 8.3);
    assert.equal(e.plover, 'AID');
    assert.deepEqual(e.source, { entity: 'E1', code: 'USA' });
    assert.deepEqual(e.target, { entity: 'E2', code: 'IRQMIL' });
    assert.equal(d.text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
    assert.equal(e.sentence, 0);
    assert.ok(e.confidence > 0.5 && e.confidence <= 1);
  });
  it('a count in the clause is attached as the quantity (from doc.numbers)', () => {
    const text = 'أرسلت الولايات المتحدة 30 مركبة مدرعة إلى الجيش العراقي.';
    const doc = buildDoc(text, [US, ['الجيش العراقي', 'ORG', 'IRQMIL']]);
    const at = text.indexOf('30');
    doc.numbers = [
      {
        start: at,
        end: at + 2,
        text: '30',
        value: 30,
        approx: false,
        counted: { start: at + 3, end: at + 8, text: 'مركبة' },
      },
    ];
    const e = runEvents(doc).events[0];
    assert.deepEqual(e.quantity, {
      start: at,
      end: at + 2,
      text: '30',
      value: 30,
      approx: false,
      counted: 'مركبة',
    });
    assert.equal(
      run('اعتقلت الشرطة التركية الصحفي.', [['الشرطة التركية', 'ORG', 'TURCOP']]).events[0].quantity,
      undefined,
    );
  });
  it('SVO: subject before the verb, direct object after it', () => {
    assert.deepEqual(events('إيران هاجمت إسرائيل أمس.', [IRAN, ISRAEL]), [
      '190 إيران>إسرائيل asserted هاجمت',
    ]);
  });
  it('a title before the subject (VSO) and an actor behind a head noun', () => {
    assert.deepEqual(
      events('وشنت طائرات التحالف غارات على مواقع الحوثيين.', [
        ['التحالف', 'ORG', 'SAUMIL'],
        ['الحوثيين', 'ORG', 'YEMREB'],
      ]),
      ['195 التحالف>الحوثيين asserted غارات'],
    );
  });
  it('passive agent with من قبل and على يد; unknown agents stay null', () => {
    assert.deepEqual(events('اغتيل القائد من قبل الموساد.', [['الموساد', 'ORG', 'ISRSPY']]), [
      '186 الموساد>∅ asserted اغتيل',
    ]);
    assert.deepEqual(
      events('قتل الصحفي على يد مسلحين من داعش في الموصل.', [
        ['داعش', 'ORG', 'IMGREB'],
        ['الموصل', 'GPE', 'IRQ'],
      ]),
      ['1823 داعش>∅ asserted قتل'],
    );
    const d = run('أطلقت عدة صواريخ على المنطقة الخضراء في بغداد.', [
      ['المنطقة الخضراء', 'FAC', 'IRQ'],
      ['بغداد', 'GPE', 'IRQ'],
    ]);
    assert.deepEqual(brief(d), ['194 ∅>المنطقة الخضراء asserted أطلقت']);
    assert.equal(d.events[0].location, 'E2');
  });
  it('coordinated targets give one event each', () => {
    assert.deepEqual(
      events('أدانت السعودية الولايات المتحدة وإسرائيل.', [['السعودية', 'GPE', 'SAU'], US, ISRAEL]),
      ['111 السعودية>الولايات المتحدة asserted أدانت', '111 السعودية>إسرائيل asserted أدانت'],
    );
  });
  it('coordinated verbs share the subject', () => {
    assert.deepEqual(
      events('زار وزير الخارجية الفرنسي بغداد والتقى رئيس الوزراء العراقي.', [
        ['وزير الخارجية الفرنسي', 'PER', 'FRAGOV'],
        ['بغداد', 'GPE', 'IRQ'],
        ['رئيس الوزراء العراقي', 'PER', 'IRQGOV'],
      ]),
      [
        '042 وزير الخارجية الفرنسي>بغداد asserted زار',
        '040 وزير الخارجية الفرنسي>رئيس الوزراء العراقي asserted والتقى',
      ],
    );
  });
  it('relative clause: the antecedent is the subject', () => {
    assert.deepEqual(
      events('انتقد وزير الخارجية البحريني نوري المالكي الذي اتهم السعودية بدعم الإرهاب.', [
        ['وزير الخارجية البحريني', 'PER', 'BHRGOV'],
        ['نوري المالكي', 'PER', 'IRQGOV'],
        ['السعودية', 'GPE', 'SAU'],
      ]),
      ['111 وزير الخارجية البحريني>نوري المالكي asserted انتقد', '112 نوري المالكي>السعودية asserted اتهم'],
    );
  });
  it('verbal nouns after a support verb take its subject (شن غارات, قدم مساعدات)', () => {
    assert.deepEqual(
      events('ستقدم قطر مساعدات إنسانية إلى اليمن.', [
        ['قطر', 'GPE', 'QAT'],
        ['اليمن', 'GPE', 'YEM'],
      ]),
      ['073 قطر>اليمن planned مساعدات'],
    );
  });
  it('masdar with its genitive, and a nisba adjective as the actor', () => {
    assert.deepEqual(
      events('أدى اعتقال الصحفي الفلسطيني إلى احتجاجات.', [['الفلسطيني', 'GPE', 'PSE', 'فلسطين']]),
      ['173 ∅>فلسطين asserted اعتقال'],
    );
    assert.deepEqual(
      events('تواصلت الغارات الإسرائيلية على غزة.', [
        ['الإسرائيلية', 'GPE', 'ISR', 'إسرائيل'],
        ['غزة', 'GPE', 'PSE'],
      ]),
      ['195 إسرائيل>غزة asserted الغارات'],
    );
  });
});

describe('modality', () => {
  it('negated: لم + verb, بعدم + masdar, نفى أن', () => {
    assert.deepEqual(
      events('لم تفرض الحكومة المصرية حظر التجول على القاهرة.', [
        ['الحكومة المصرية', 'ORG', 'EGYGOV'],
        ['القاهرة', 'GPE', 'EGY'],
      ]),
      ['1723 الحكومة المصرية>القاهرة negated تفرض'],
    );
    assert.deepEqual(
      events('نفت روسيا أنها قصفت المستشفى في إدلب.', [
        ['روسيا', 'GPE', 'RUS'],
        ['إدلب', 'GPE', 'SYR'],
      ]),
      ['194 روسيا>∅ negated قصفت'],
    );
  });
  it('planned: future prefix, يعتزم / خطط ل', () => {
    assert.deepEqual(
      events('أعلنت وزارة الدفاع الأمريكية أنها ستسحب قواتها من أفغانستان.', [
        ['وزارة الدفاع الأمريكية', 'ORG', 'USAMIL'],
        ['أفغانستان', 'GPE', 'AFG'],
      ]),
      ['0874 وزارة الدفاع الأمريكية>∅ planned ستسحب'],
    );
    assert.deepEqual(
      events('تعتزم تركيا مهاجمة المقاتلين الأكراد.', [
        ['تركيا', 'GPE', 'TUR'],
        ['الأكراد', 'ORG', 'IRQREB'],
      ]),
      ['190 تركيا>الأكراد planned مهاجمة'],
    );
  });
  it('conditional: a future punishment under إذا is a threat', () => {
    assert.deepEqual(
      events('قال الرئيس الأمريكي إنه سيحمل إيران المسؤولية إذا تعرضت القوات لهجوم.', [
        ['الرئيس الأمريكي', 'PER', 'USAGOV'],
        IRAN,
      ]),
      ['130 الرئيس الأمريكي>إيران conditional سيحمل'],
    );
  });
  it('reported: X says Y did Z; and the accusation with its reported content', () => {
    assert.deepEqual(
      events('قال الرئيس الروسي إن تركيا قصفت مواقع للأكراد في سوريا.', [
        ['الرئيس الروسي', 'PER', 'RUSGOV'],
        ['تركيا', 'GPE', 'TUR'],
        ['سوريا', 'GPE', 'SYR'],
      ]),
      ['194 تركيا>∅ reported قصفت'],
    );
    assert.deepEqual(events('اتهمت إيران الولايات المتحدة وإسرائيل باغتيال العالم.', [IRAN, US, ISRAEL]), [
      '112 إيران>الولايات المتحدة asserted اتهمت',
      '112 إيران>إسرائيل asserted اتهمت',
      '186 الولايات المتحدة>∅ reported باغتيال',
      '186 إسرائيل>∅ reported باغتيال',
    ]);
  });
  it('self-report is asserted: X announced that it did Y', () => {
    assert.deepEqual(
      events('أعلنت الولايات المتحدة أنها أرسلت أسلحة إلى العراق.', [US, ['العراق', 'GPE', 'IRQ']]),
      ['072 الولايات المتحدة>العراق asserted أرسلت'],
    );
  });
});

describe('context and time', () => {
  it('one verb, several codes by its complement (أطلق)', () => {
    const ents: EntSpec[] = [
      ['الحوثيون', 'ORG', 'YEMREB'],
      ['جازان', 'GPE', 'SAU'],
      ['البحارة', 'PER', 'GBR'],
    ];
    assert.deepEqual(events('أطلق الحوثيون صاروخا على جازان.', ents), ['194 الحوثيون>جازان asserted أطلق']);
    assert.deepEqual(events('أطلق الحوثيون سراح البحارة.', ents), ['0841 الحوثيون>البحارة asserted أطلق']);
    assert.deepEqual(events('أطلق الحوثيون حملة إعلامية ضد جازان.', ents), []);
  });
  it('the time expression of the sentence, else null', () => {
    const d = run(
      'في أكتوبر، اعتقلت الشرطة التركية الصحفي.',
      [['الشرطة التركية', 'ORG', 'TURCOP']],
      [['في أكتوبر', '2020-10']],
    );
    assert.equal(d.events[0].time, 'T1');
    assert.equal(
      run('اعتقلت الشرطة التركية الصحفي.', [['الشرطة التركية', 'ORG', 'TURCOP']]).events[0].time,
      null,
    );
  });
  it('nothing invented: sentences that report no event give none', () => {
    assert.deepEqual(
      events('قال وزير الخارجية الإيراني إن الطقس جميل في طهران اليوم.', [
        ['وزير الخارجية الإيراني', 'PER', 'IRNGOV'],
        ['طهران', 'GPE', 'IRN'],
      ]),
      [],
    );
    assert.deepEqual(events('يقع الحرم في قلب المدينة، وهو مفتوح للزوار.', []), []);
    assert.deepEqual(
      events('قرأ الوزير تقريرا عن الذكرى السنوية لمقتل سليماني.', [['سليماني', 'PER', 'IRNMIL']]),
      [],
    );
  });
  it('the same event in headline and lead is reported once', () => {
    const d = run('الولايات المتحدة ترسل أسلحة إلى العراق\nأرسلت الولايات المتحدة أسلحة إلى العراق أمس.', [
      US,
      ['العراق', 'GPE', 'IRQ'],
    ]);
    assert.equal(d.events.length, 1);
  });
});

describe('precision: arguments left out rather than guessed', () => {
  it('a statement or demand whose actor is not found gives no event', () => {
    // The subject is a pronoun (agreement only): no source, so no (∅, 10, YEM) triple.
    assert.deepEqual(
      events('وطالبت بالإفراج عن المعتقلين لدى الحكومة اليمنية.', [['الحكومة اليمنية', 'ORG', 'YEMGOV']]),
      [],
    );
  });
  it('reported violence with no named actor is left out; the article’s own stays', () => {
    const army: EntSpec = ['الجيش العراقي', 'ORG', 'IRQMIL'];
    assert.deepEqual(events('وقال مصدر أمني إن مسلحين هاجموا نقطة للجيش العراقي.', [army]), []);
    assert.deepEqual(events('وأطلقت صواريخ على مقر الجيش العراقي.', [army]), [
      '194 ∅>الجيش العراقي asserted وأطلقت',
    ]);
  });
  it('a place is not a source', () => {
    assert.deepEqual(
      events('واستقبل مطار عدن الدولي وفدا من الحكومة السعودية.', [
        ['مطار عدن الدولي', 'FAC', 'YEM'],
        ['الحكومة السعودية', 'ORG', 'SAUGOV'],
      ]),
      [],
    );
  });
  it('a long title before the name: the name right before the verb is the subject', () => {
    assert.deepEqual(
      events('وكان زعيم الحزب المعارض في تركيا أحمد أوزدمير دعا الحكومة التركية إلى الحوار.', [
        ['تركيا', 'GPE', 'TUR'],
        ['أحمد أوزدمير', 'PER', 'TUR'],
        ['الحكومة التركية', 'ORG', 'TURGOV'],
      ]),
      ['026 أحمد أوزدمير>الحكومة التركية asserted دعا'],
    );
  });
  it('فإنها: the pronoun after فإن refers to the matrix subject, not the object after the verb', () => {
    assert.deepEqual(
      events('وفيما أدانت الحكومة العراقية القصف، فإنها دعت حزب العمال الكردستاني إلى الانسحاب.', [
        ['الحكومة العراقية', 'ORG', 'IRQGOV'],
        ['حزب العمال الكردستاني', 'ORG', 'TURREB'],
      ]),
      ['111 الحكومة العراقية>∅ asserted أدانت', '0256 الحكومة العراقية>حزب العمال الكردستاني asserted دعت'],
    );
  });
  it('a title and a name side by side are one actor, not subject and object', () => {
    assert.deepEqual(
      events('أدان رئيس البرلمان الكويتي بالإنابة سالم العتيبي الهجوم.', [
        ['رئيس البرلمان الكويتي', 'ORG', 'KWTLEG'],
        ['سالم العتيبي', 'PER', ''],
      ]),
      ['111 رئيس البرلمان الكويتي>∅ asserted أدان'],
    );
    // Two countries: two actors (VSO subject and object).
    assert.deepEqual(
      events('انتقد وزير الخارجية البحريني نوري المالكي.', [
        ['وزير الخارجية البحريني', 'PER', 'BHRGOV'],
        ['نوري المالكي', 'PER', 'IRQGOV'],
      ]),
      ['111 وزير الخارجية البحريني>نوري المالكي asserted انتقد'],
    );
  });
  it('a name that begins with و is not a conjunction (واشنطن)', () => {
    assert.deepEqual(events('واتهمت إيران واشنطن بمساعدة المسلحين.', [IRAN, ['واشنطن', 'GPE', 'USA']]), [
      '112 إيران>واشنطن asserted واتهمت',
      '070 واشنطن>∅ reported بمساعدة',
    ]);
  });
  it('a nisba inside a prepositional phrase is not the object; one of the source’s own country is not a target', () => {
    const usa: EntSpec = ['أمريكية', 'GPE', 'USA', 'الولايات المتحدة'];
    // The strikes are the event (their nisba its actor); the killed are their target.
    assert.deepEqual(events('قتل عناصر داعش في غارات جوية أمريكية.', [['داعش', 'ORG', 'IMGMUSISI'], usa]), [
      '195 الولايات المتحدة>داعش asserted غارات',
    ]);
    const tr: EntSpec = ['المدفعية التركية', 'ORG', 'TURMIL'];
    assert.deepEqual(
      events('وقصفت المدفعية التركية قرى تركية حدودية.', [tr, ['تركية', 'GPE', 'TUR', 'تركيا']]),
      ['194 المدفعية التركية>∅ asserted وقصفت'],
    );
    assert.deepEqual(
      events('وقصفت المدفعية التركية قرى سورية حدودية.', [tr, ['سورية', 'GPE', 'SYR', 'سوريا']]),
      ['194 المدفعية التركية>سوريا asserted وقصفت'],
    );
  });
  it('the genitive of an event noun stops at a preposition or a new conjunct', () => {
    assert.deepEqual(
      events('وتواصلت الغارات على مواقع المسلحين في شمال العراق.', [['العراق', 'GPE', 'IRQ']]),
      [],
    );
  });
  it('background: an event noun after ذكرى، منذ، بعد، إثر is not a new event', () => {
    const ents: EntSpec[] = [
      ['الفلسطينيون', 'GPE', 'PSE', 'فلسطين'],
      ['الجيش الإسرائيلي', 'ORG', 'ISRMIL'],
    ];
    assert.deepEqual(events('وأحيا الفلسطينيون ذكرى مقتل الشاب على يد الجيش الإسرائيلي.', ents), []);
    assert.deepEqual(events('وعاد الهدوء إلى المدينة بعد هجوم الجيش الإسرائيلي.', ents), []);
  });
  it('after a short relative clause the verb belongs to the antecedent; the mention after it is the object', () => {
    const ents: EntSpec[] = [
      ['المتمردين', 'ORG', 'TURREB'],
      ['القوات التركية', 'ORG', 'TURMIL'],
    ];
    assert.deepEqual(events('لكن عشرات الغارات التي تلت ذلك استهدفت المتمردين الأكراد.', ents), [
      '190 ∅>المتمردين asserted استهدفت',
    ]);
    assert.deepEqual(events('لكن القوات التركية التي تقدمت أمس استهدفت المتمردين الأكراد.', ents), [
      '190 القوات التركية>المتمردين asserted استهدفت',
    ]);
  });
  it('a relative verb with an object pronoun does not take the antecedent as its subject', () => {
    const ents: EntSpec[] = [
      ['حلب', 'GPE', 'SYR'],
      ['الوفد الأممي', 'ORG', 'IGOUNO'],
    ];
    assert.deepEqual(events('وزار الوفد الأممي مدينة حلب التي دمرتها الغارات.', ents), [
      '042 الوفد الأممي>حلب asserted وزار',
    ]);
  });
  it('an agentless killing beside a violent event with an actor is its result', () => {
    const ents: EntSpec[] = [
      ['الطائرات الروسية', 'ORG', 'RUSMIL'],
      ['جبهة النصرة', 'ORG', 'SYRREB'],
    ];
    assert.deepEqual(events('حيث قتل قائد جبهة النصرة.', ents), ['1823 ∅>جبهة النصرة asserted قتل']);
    assert.deepEqual(events('وقصفت الطائرات الروسية مدينة إدلب، حيث قتل قائد جبهة النصرة.', ents), [
      '195 الطائرات الروسية>∅ asserted وقصفت',
    ]);
  });
});
