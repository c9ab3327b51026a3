// Fourth pass on events (issue 6): trigger recall. Lemmas and support verbs added from the CAMEO
// codebook and SaudiNewsNet frequencies; each one in our own Arabic sentence, entities placed by
// hand (standing in for the NER and actor layers), with a near sentence that must stay silent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brief, buildDoc, runEvents, type EntSpec } from './fixtures/events-helpers.js';

const events = (text: string, ents: EntSpec[]) => brief(runEvents(buildDoc(text, ents)));

const EGYMIN: EntSpec = ['وزير الخارجية المصري', 'PER', 'EGYGOV'];
const JOR: EntSpec = ['الأردن', 'GPE', 'JOR'];
const IRNGOV: EntSpec = ['السلطات الإيرانية', 'ORG', 'IRNGOV'];

describe('lexicon: new lemmas by CAMEO code', () => {
  it('نوه ب is praise (051); نوه إلى أن only reports', () => {
    assert.deepEqual(events('نوه وزير الخارجية المصري بجهود الأردن في الوساطة.', [EGYMIN, JOR]), [
      '051 وزير الخارجية المصري>الأردن asserted نوه',
    ]);
    assert.deepEqual(events('ونوه وزير الخارجية المصري إلى أن الأردن سيشارك في المؤتمر.', [EGYMIN, JOR]), []);
  });
  it('توجه إلى (a time word between) is a visit (042); the noun توجه is not', () => {
    const ents: EntSpec[] = [
      ['الرئيس التونسي', 'PER', 'TUNGOV'],
      ['الجزائر', 'GPE', 'DZA'],
    ];
    assert.deepEqual(events('ويتوجه الرئيس التونسي غدا إلى الجزائر في زيارة رسمية.', ents), [
      '042 الرئيس التونسي>الجزائر asserted ويتوجه',
    ]);
    assert.deepEqual(events('وتحدث الرئيس التونسي عن التوجه إلى الحوار.', ents.slice(0, 1)), []);
  });
  it('closing a crossing, a border or a gate restricts movement (191); a market closing does not', () => {
    const ents: EntSpec[] = [
      ['السلطات الأردنية', 'ORG', 'JORGOV'],
      ['سوريا', 'GPE', 'SYR'],
    ];
    assert.deepEqual(events('أغلقت السلطات الأردنية معبر جابر الحدودي مع سوريا.', ents), [
      '191 السلطات الأردنية>سوريا asserted أغلقت',
    ]);
    assert.deepEqual(events('أغلقت البورصة المصرية على ارتفاع.', [['البورصة المصرية', 'ORG', 'EGYBUS']]), []);
  });
  it('فتح تحقيقا is investigate (090), فتح النار is small arms (193)', () => {
    assert.deepEqual(
      events('فتحت الشرطة الفرنسية تحقيقا في الهجوم.', [['الشرطة الفرنسية', 'ORG', 'FRACOP']]),
      ['090 الشرطة الفرنسية>∅ asserted فتحت'],
    );
    const ents: EntSpec[] = [
      ['الجنود الإسرائيليون', 'ORG', 'ISRMIL'],
      ['المتظاهرين الفلسطينيين', 'PER', 'PSE'],
    ];
    assert.deepEqual(events('فتح الجنود الإسرائيليون النار على المتظاهرين الفلسطينيين.', ents), [
      '193 الجنود الإسرائيليون>المتظاهرين الفلسطينيين asserted فتح',
    ]);
  });
  it('تعدى على is an assault (18x); تعدى with a number is "exceeded"', () => {
    const ents: EntSpec[] = [
      ['المستوطنون', 'PER', 'ISR'],
      ['المصلين الفلسطينيين', 'PER', 'PSE'],
    ];
    assert.deepEqual(events('وتعدى المستوطنون على المصلين الفلسطينيين.', ents), [
      '180 المستوطنون>المصلين الفلسطينيين asserted وتعدى',
    ]);
    assert.deepEqual(events('تعدى عدد المستوطنين مئة شخص.', ents.slice(0, 1)), []);
  });
  it('نداء is an appeal, coded by what it asks (0253: a release)', () => {
    const ents: EntSpec[] = [['منظمة العفو الدولية', 'ORG', 'NGO'], IRNGOV];
    assert.deepEqual(events('وجهت منظمة العفو الدولية نداء إلى السلطات الإيرانية للإفراج عن الصحفي.', ents), [
      '0253 منظمة العفو الدولية>السلطات الإيرانية asserted نداء',
    ]);
  });
  it('خفض with food or relief is reducing humanitarian aid (1623)', () => {
    const ents: EntSpec[] = [['المنظمة الدولية', 'ORG', 'IGO']];
    assert.deepEqual(events('خفضت المنظمة الدولية حصص الغذاء للنازحين.', ents), [
      '1623 المنظمة الدولية>∅ asserted خفضت',
    ]);
  });
  it('أعاد إلى السجن is detention (173); أعاد الأسرى stays a release', () => {
    assert.deepEqual(events('وأعادت السلطات الإيرانية الناشطة إلى السجن.', [IRNGOV]), [
      '173 السلطات الإيرانية>∅ asserted وأعادت',
    ]);
    assert.deepEqual(events('وأعادت السلطات الإيرانية الأسرى إلى بلادهم.', [IRNGOV]), [
      '0841 السلطات الإيرانية>∅ asserted وأعادت',
    ]);
  });
  it('ألقى القبض with a date between verb and noun is an arrest (173)', () => {
    assert.deepEqual(
      events('وألقت الشرطة التركية أمس السبت القبض على قيادي في التنظيم.', [
        ['الشرطة التركية', 'ORG', 'TURCOP'],
      ]),
      ['173 الشرطة التركية>∅ asserted وألقت'],
    );
  });
});

describe('support verbs and noun forms', () => {
  it('جدد hands its subject to the noun it renews (جدد دعوته → 020)', () => {
    const ents: EntSpec[] = [
      ['الرئيس الفلسطيني', 'PER', 'PSEGOV'],
      ['المجتمع الدولي', 'ORG', 'IGO'],
    ];
    assert.deepEqual(events('وجدد الرئيس الفلسطيني دعوته المجتمع الدولي إلى التدخل.', ents), [
      '020 الرئيس الفلسطيني>المجتمع الدولي asserted دعوته',
    ]);
  });
  it('نظم hands its subject to a protest noun; وقفة is its own noun, not وقف + pronoun', () => {
    assert.deepEqual(
      events('نظم طلاب الجامعة الأردنية وقفة احتجاجية أمام السفارة.', [
        ['طلاب الجامعة الأردنية', 'PER', 'JOREDU'],
      ]),
      ['141 طلاب الجامعة الأردنية>∅ asserted وقفة'],
    );
  });
});

describe('arguments: triggers found but dropped', () => {
  const TUR: EntSpec = ['قوات الأمن التركية', 'ORG', 'TURCOP'];
  it('a number in digits after an arrest verb is its object: the subject arrested, was not arrested', () => {
    assert.deepEqual(events('قوات الأمن التركية اعتقلت 851 شخصا.', [TUR]), [
      '173 قوات الأمن التركية>∅ asserted اعتقلت',
    ]);
    assert.deepEqual(events('اعتقلت قوات الأمن التركية 851 شخصا.', [TUR]), [
      '173 قوات الأمن التركية>∅ asserted اعتقلت',
    ]);
  });
  it('a support verb reaches its noun across one parenthetical between commas; the target follows the noun', () => {
    const ents: EntSpec[] = [
      ['القوات الموالية', 'ORG', 'YEMMIL'],
      ['الميليشيات', 'ORG', 'YEMREB'],
    ];
    assert.deepEqual(events('شنت القوات الموالية، اليوم، هجوما على الميليشيات.', ents), [
      '190 القوات الموالية>الميليشيات asserted هجوما',
    ]);
    // guard: three commas (two parentheticals) is too far for the support verb
    assert.deepEqual(events('شنت القوات الموالية، اليوم، في الشمال، هجوما على الميليشيات.', ents), []);
  });
  it('a participle after a comma with an actor object is circumstantial: the main subject demands', () => {
    const ents: EntSpec[] = [
      ['الجامعة العربية', 'ORG', 'IGOARL'],
      ['الميليشيات', 'ORG', 'YEMREB'],
    ];
    assert.deepEqual(events('رحبت الجامعة العربية بالهدنة، مطالبة الميليشيات باحترامها.', ents), [
      '051 الجامعة العربية>∅ asserted رحبت',
      '100 الجامعة العربية>الميليشيات asserted مطالبة',
    ]);
    // guard: with no actor after it, the same word after a comma is not made a participle
    assert.deepEqual(events('رحبت الجامعة العربية بالهدنة، مطالبة بالانسحاب.', ents), [
      '051 الجامعة العربية>∅ asserted رحبت',
    ]);
  });
  it('a violent verb right after an indefinite violent noun describes it: one event, its object the target', () => {
    const ents: EntSpec[] = [
      ['الولايات المتحدة', 'GPE', 'USA'],
      ['الميليشيات', 'ORG', 'YEMREB'],
    ];
    assert.deepEqual(events('نفذت الولايات المتحدة وحلفاؤها 29 ضربة جوية استهدفت الميليشيات.', ents), [
      '195 الولايات المتحدة>الميليشيات asserted ضربة',
    ]);
  });
});

describe('lexicon: arrivals with aid, closures, control, claims', () => {
  const ARMY: EntSpec = ['الجيش اليمني', 'ORG', 'YEMMIL'];
  const HAYS: EntSpec = ['مديرية حيس', 'LOC', 'YEM'];
  it('an arrival carrying relief is humanitarian aid (073); a delegation arriving is not', () => {
    assert.deepEqual(
      events('وصلت اليوم الطائرة الإغاثية الكويتية الثالثة إلى مطار المكلا محملة بالأدوية.', [
        ['الكويتية', 'GPE', 'KWT'],
      ]),
      ['073 الكويتية>∅ asserted وصلت'],
    );
    assert.deepEqual(events('وصل الوفد الكويتي إلى المكلا أمس.', [['الوفد الكويتي', 'ORG', 'KWTGOV']]), []);
  });
  it('closing the roads restricts movement (191)', () => {
    assert.deepEqual(
      events('وأغلقت الشرطة الإسرائيلية الطرقات المؤدية إلى البلدة القديمة.', [
        ['الشرطة الإسرائيلية', 'ORG', 'ISRCOP'],
      ]),
      ['191 الشرطة الإسرائيلية>∅ asserted وأغلقت'],
    );
  });
  it('أحكم السيطرة and السيطرة على a place are occupying territory (192); control of a fire is not', () => {
    assert.deepEqual(events('وأحكم الجيش اليمني سيطرته على مديرية حيس.', [ARMY, HAYS]), [
      '192 الجيش اليمني>مديرية حيس asserted وأحكم',
    ]);
    assert.deepEqual(events('وتمكن الجيش اليمني من السيطرة على مديرية حيس.', [ARMY, HAYS]), [
      '192 الجيش اليمني>مديرية حيس asserted السيطرة',
    ]);
    assert.deepEqual(
      events('وتمكن الدفاع المدني من السيطرة على الحريق.', [['الدفاع المدني', 'ORG', 'YEMGOV']]),
      [],
    );
  });
  it('claiming a killing is claiming responsibility (015)', () => {
    assert.deepEqual(events('وتبنى التنظيم قتل شرطيين في المدينة.', [['التنظيم', 'ORG', 'IMGMUSISI']]), [
      '015 التنظيم>∅ asserted وتبنى',
    ]);
  });
});
