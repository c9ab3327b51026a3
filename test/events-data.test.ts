// The CAMEO ontology and the Arabic event lexicon as data: shape, consistency, coverage.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDataFile } from '../src/resources.js';
import {
  compileGrammar,
  compileLexicon,
  GRAMMAR_FILE,
  GRAMMAR_SCHEMA,
  inSet,
  loadGrammar,
  loadLexicon,
  LEXICON_FILE,
  LEXICON_SCHEMA,
} from '../src/events/lexicon.js';
import type { LexEntryData } from '../src/events/lexicon.js';
import {
  CAMEO_FILE,
  CAMEO_SCHEMA,
  loadOntology,
  quadClassOfRoot,
  validateOntology,
} from '../src/events/ontology.js';
import type { CameoFile } from '../src/events/ontology.js';
import { verbForms, nounCandidates } from '../src/events/morphology.js';
import { normaliseWord } from '../src/text/normalise.js';

const onto = loadOntology();
const PLOVER = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
];

describe('CAMEO ontology (data/cameo/cameo.json)', () => {
  it('has all 20 roots and the full codebook', () => {
    for (let r = 1; r <= 20; r++) assert.ok(onto.codes.has(String(r).padStart(2, '0')), `root ${r}`);
    assert.ok(onto.codes.size >= 290, `only ${onto.codes.size} codes`);
  });
  it('every code: unique, 2–4 digits, root exists, Goldstein in [-10, 10], quad class by root, PLOVER type', () => {
    const file = loadDataFile<CameoFile>(CAMEO_FILE, CAMEO_SCHEMA);
    const seen = new Set<string>();
    for (const c of file.codes) {
      assert.ok(!seen.has(c.code), `duplicate ${c.code}`);
      seen.add(c.code);
      assert.match(c.code, /^\d{2,4}$/);
      assert.ok(onto.codes.has(c.code.slice(0, 2)), `root of ${c.code}`);
      assert.ok(c.goldstein >= -10 && c.goldstein <= 10, `goldstein of ${c.code}`);
      assert.equal(c.quadClass, quadClassOfRoot(c.code.slice(0, 2)), `quad class of ${c.code}`);
      assert.ok(PLOVER.includes(c.plover), `plover of ${c.code}`);
    }
  });
  it('facts spot-checked: 072 military aid +8.3, 190 force −10, 173 arrest −5, quad classes', () => {
    assert.equal(onto.codes.get('072')!.goldstein, 8.3);
    assert.equal(onto.codes.get('072')!.plover, 'AID');
    assert.equal(onto.codes.get('190')!.goldstein, -10);
    assert.equal(onto.codes.get('173')!.plover, 'COERCE');
    assert.deepEqual(
      ['01', '06', '11', '18'].map((r) => onto.codes.get(r)!.quadClass),
      [1, 2, 3, 4],
    );
  });
  it('Arabic labels for every root', () => {
    for (let r = 1; r <= 20; r++) assert.ok(onto.codes.get(String(r).padStart(2, '0'))!.ar, `root ${r}`);
  });
  it('rejects a bad file with a message naming the code and field', () => {
    const bad = (codes: unknown[]): CameoFile =>
      ({ schema: CAMEO_SCHEMA, plover: PLOVER, quadClasses: {}, codes }) as CameoFile;
    const base = { name: 'x', goldstein: 0, quadClass: 1, plover: 'CONSULT' };
    assert.throws(
      () =>
        validateOntology(
          bad([
            { code: '01', ...base },
            { code: '01', ...base },
          ]),
        ),
      /duplicate code 01/,
    );
    assert.throws(() => validateOntology(bad([{ code: '01', ...base, goldstein: 12 }])), /goldstein/);
    assert.throws(() => validateOntology(bad([{ code: '01', ...base, quadClass: 4 }])), /quadClass/);
    assert.throws(() => validateOntology(bad([{ code: '01', ...base, plover: 'HUG' }])), /not a PLOVER type/);
    assert.throws(() => validateOntology(bad([{ code: '019', ...base }])), /missing/);
  });
});

describe('event lexicon (data/events/lexicon.json)', () => {
  const lex = loadLexicon(onto);
  const file = loadDataFile<{ entries: LexEntryData[] }>(LEXICON_FILE, LEXICON_SCHEMA);
  it('covers all 20 CAMEO roots with several hundred verbs and verbal nouns', () => {
    const roots = new Set<string>();
    let words = 0;
    for (const d of file.entries) {
      words += (d.verb ? 1 : 0) + (d.nouns?.length ?? 0);
      for (const c of [d.code, ...(d.ctx ?? []).map((r) => r.code)]) if (c) roots.add(c.slice(0, 2));
    }
    for (let r = 1; r <= 20; r++) assert.ok(roots.has(String(r).padStart(2, '0')), `root ${r} uncovered`);
    assert.ok(words >= 300, `${words} words`);
  });
  it('every code used is in the ontology (checked at compile) and grammar loads', () => {
    assert.ok(lex.entries.length > 150);
    assert.ok(loadGrammar().negation.size > 3);
  });
  it('the grammar file names a missing or malformed word list', () => {
    const raw = loadDataFile<Record<string, unknown>>(GRAMMAR_FILE, GRAMMAR_SCHEMA);
    assert.ok(inSet([normaliseWord('ذكرى')], compileGrammar(raw as never).backgroundHeads));
    const { backgroundHeads: _drop, ...rest } = raw;
    assert.throws(() => compileGrammar(rest as never), /"backgroundHeads" must be an array of words/);
    assert.throws(() => compileGrammar({ ...raw, actorHeads: 'قوات' } as never), /"actorHeads"/);
    // Adjectives of event nouns (الغارات الجوية التركية): matched through the article and prefixes.
    const g = compileGrammar(raw as never);
    assert.ok(inSet([normaliseWord('الجوية'), normaliseWord('جوية')], g.eventAdjectives));
    assert.ok(!inSet([normaliseWord('التركية')], g.eventAdjectives));
    const { eventAdjectives: _adj, ...noAdj } = raw;
    assert.throws(() => compileGrammar(noAdj as never), /"eventAdjectives" must be an array of words/);
  });
  it('rejects unknown codes and malformed entries, naming the entry', () => {
    const f = (entries: unknown[]) => ({ schema: LEXICON_SCHEMA, entries }) as never;
    assert.throws(
      () => compileLexicon(f([{ verb: 'قصف', code: '999' }]), onto),
      /entries\[0\] \(قصف\)\.code/,
    );
    assert.throws(() => compileLexicon(f([{ verb: 'قصف', code: null }]), onto), /needs a ctx rule/);
    assert.throws(() => compileLexicon(f([{ code: '190' }]), onto), /needs "verb" or "nouns"/);
    assert.throws(() => compileLexicon(f([{ verb: 'قصف', code: '190', kind: 'x' }]), onto), /kind/);
  });
});

describe('morphology: forms are generated, not listed', () => {
  const lex = loadLexicon(onto);
  const entryOf = (w: string): string | undefined => {
    const h = lex.verbs.get(normaliseWord(w));
    return h ? lex.entries[h.entry].label : undefined;
  };
  it('perfect, imperfect, future, plural, object pronouns of a form IV verb', () => {
    for (const w of ['أرسل', 'أرسلت', 'أرسلوا', 'يرسل', 'ترسل', 'سترسل', 'سيرسلون', 'يرسلون', 'أرسلها'])
      assert.equal(entryOf(w), 'أرسل', w);
    assert.equal(lex.verbs.get(normaliseWord('سترسل'))!.future, true);
    assert.equal(lex.verbs.get(normaliseWord('ترسل'))!.future, false);
  });
  it('defective, hollow, doubled and form VIII/X verbs', () => {
    for (const [w, l] of [
      ['نفت', 'نفى'],
      ['ينفي', 'نفى'],
      ['نفوا', 'نفى'],
      ['دعت', 'دعا'],
      ['يدعو', 'دعا'],
      ['زارت', 'زار'],
      ['يزور', 'زار'],
      ['شنت', 'شن'],
      ['يشنون', 'شن'],
      ['اعتقلت', 'اعتقل'],
      ['يعتقلون', 'اعتقل'],
      ['استهدفت', 'استهدف'],
      ['يستهدف', 'استهدف'],
      ['اغتيل', 'اغتال'],
      ['التقى', 'التقى'],
      ['يلتقي', 'التقى'],
    ])
      assert.equal(entryOf(w), l, w);
    assert.equal(lex.verbs.get(normaliseWord('اغتيل'))!.passive, true);
  });
  it('verbal nouns with article, prepositions and pronouns', () => {
    const out: string[] = [];
    for (const w of ['الإرسال', 'بإرسال', 'وبالإرسال', 'للإرسال', 'زيارته', 'بزيارتها']) {
      nounCandidates(normaliseWord(w), out);
      assert.ok(
        out.some((c) => lex.nouns.has(c)),
        w,
      );
    }
  });
  it('exclusions keep other words out (فجر is dawn, not a bombing)', () => {
    assert.equal(entryOf('فجر'), undefined);
    assert.equal(entryOf('فجرت'), 'فجر');
    assert.ok(verbForms('وعد', '-').every((f) => !f.form.startsWith('ي')));
  });
});
