// The second annotator's event gold files are well-formed: batch D (test/fixtures/events-gold-d.json)
// and the re-annotation of ten batch C articles (test/fixtures/events-gold-c2.json). Each names
// SaudiNewsNet articles by id, every span lies inside the article's text and slices back to its
// surface string, codes are CAMEO codes of the ontology, and batch D shares no article with the
// other batches. Needs ../shared/data/saudinewsnet for the span checks.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { GoldEvent, GoldFile, GoldSpan as Span } from '../src/events/eval.js';
import { agreement, kappa } from '../scripts/events/agreement.js';
import {
  assertSpansSliceBack,
  checkShape,
  CORPUS_SKIP,
  fixtures,
  goldTexts,
  ontologyCodes,
  readGold,
} from './fixtures/events-gold-check.js';

const fx = fixtures;
const read = readGold;

/** The DOCS line of a notes file: the articles the annotator read, in order. */
function notesDocs(name: string): string[] {
  const line = readFileSync(join(fx, name), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('# DOCS '));
  assert.ok(line, `${name}: no "# DOCS" line`);
  return line.slice(7).trim().split(/\s+/);
}

const codes = ontologyCodes();
const batchD = read('events-gold-d.json');
const c2Exists = existsSync(join(fx, 'events-gold-c2.json'));

describe('second annotator gold: format without the corpus', () => {
  it('batch D is well-formed and has at least 30 articles, as its notes list them', () => {
    checkShape('events-gold-d.json', batchD, codes);
    assert.ok(batchD.docs.length >= 30, `batch D has ${batchD.docs.length} articles`);
    assert.deepEqual(
      batchD.docs.map((d) => d.id),
      notesDocs('events-gold-d-notes.txt'),
    );
  });

  it('batch D shares no article with batches A, B and C', () => {
    const others = ['events-gold.json', 'events-gold-heldout.json', 'events-gold-c.json'];
    for (const f of others) {
      if (!existsSync(join(fx, f))) continue;
      const taken = new Set(read(f).docs.map((d) => d.id));
      for (const d of batchD.docs) assert.ok(!taken.has(d.id), `${d.id} is also in ${f}`);
    }
  });

  it(
    'the batch C re-annotation covers ten batch C articles',
    { skip: c2Exists ? false : 'no events-gold-c2.json yet' },
    () => {
      const c2 = read('events-gold-c2.json');
      checkShape('events-gold-c2.json', c2, codes);
      assert.equal(c2.docs.length, 10);
      const c = new Set(read('events-gold-c.json').docs.map((d) => d.id));
      for (const d of c2.docs) assert.ok(c.has(d.id), `${d.id} is not a batch C article`);
    },
  );

  it('a malformed file is caught (the checks can fail)', () => {
    const bad: GoldFile = structuredClone(batchD);
    const e = bad.docs.find((d) => d.events.length)!.events[0];
    e.cameo = '999';
    assert.throws(() => checkShape('bad', bad, codes), /999 is not a CAMEO code/);
  });
});

describe('second annotator gold: spans against SaudiNewsNet', { skip: CORPUS_SKIP }, () => {
  const files: [string, GoldFile][] = [['events-gold-d.json', batchD]];
  if (c2Exists) files.push(['events-gold-c2.json', read('events-gold-c2.json')]);
  const texts = CORPUS_SKIP ? new Map<string, string>() : goldTexts(files.map(([, g]) => g));

  for (const [name, gold] of files)
    it(`${name}: every article exists and every span slices back to its surface`, () =>
      assertSpansSliceBack(name, gold, texts));
});

describe('agreement between two annotators (scripts/events/agreement.ts)', () => {
  const span = (start: number, text: string): Span => ({ start, end: start + text.length, text });
  const ev = (
    at: number,
    cameo: string,
    src: string | null,
    tgt: string | null,
    modality = 'asserted',
  ): GoldEvent => ({
    trigger: span(at, 'xxxx'),
    alt: [],
    cameo,
    source: src ? { ...span(100, 'aaaa'), country: src } : null,
    target: tgt ? { ...span(200, 'bbbb'), country: tgt } : null,
    modality,
  });
  const file = (events: GoldEvent[], id = 'd1'): GoldFile => ({
    schema: 'marsad/events-gold@1',
    docs: [{ id, events }],
  });
  const a = file([ev(0, '111', 'EGY', 'ISR'), ev(10, '190', 'YEM', null), ev(20, '073', 'SAU', 'YEM')]);

  it('identical annotations agree fully', () => {
    const r = agreement(a, a);
    assert.equal(r.paired, 3);
    assert.equal(r.trigger.f1, 1);
    assert.equal(r.root, 1);
    assert.equal(r.rootKappa, 1);
    assert.equal(r.rootTriples.f1, 1);
    assert.deepEqual(r.disagreements, []);
  });

  it('pairs by trigger overlap and scores roots, states, modality and triples on the pairs', () => {
    // B: same first event with another code of the same root, the second with another root and
    // modality, misses the third and adds one elsewhere.
    const b = file([
      ev(2, '112', 'EGY', 'ISR'),
      ev(10, '173', 'YEM', null, 'reported'),
      ev(50, '040', 'USA', null),
    ]);
    const r = agreement(a, b);
    assert.equal(r.paired, 2);
    assert.ok(Math.abs(r.trigger.precision - 2 / 3) < 1e-9 && Math.abs(r.trigger.recall - 2 / 3) < 1e-9);
    assert.equal(r.root, 0.5);
    assert.equal(r.code, 0);
    assert.equal(r.sourceState, 1);
    assert.equal(r.modality, 0.5);
    // root triples: A {EGY|11|ISR, YEM|19|-, SAU|07|YEM}, B {EGY|11|ISR, YEM|17|-, USA|04|-}
    assert.deepEqual(
      { a: r.rootTriples.a, b: r.rootTriples.b, both: r.rootTriples.both },
      { a: 3, b: 3, both: 1 },
    );
    assert.equal(r.disagreements.filter((x) => x.includes('ONLY')).length, 2);
  });

  it('counts only the articles both annotated', () => {
    const r = agreement(a, file([ev(0, '111', 'EGY', 'ISR')], 'other'));
    assert.equal(r.docs, 0);
    assert.equal(r.eventsA, 0);
  });

  it("Cohen's kappa: perfect, chance-level and a textbook value", () => {
    assert.equal(kappa(['a', 'b'], ['a', 'b']), 1);
    assert.equal(kappa(['a', 'a', 'b', 'b'], ['a', 'b', 'a', 'b']), 0);
    // 20 items: both yes 7, A yes B no 3, A no B yes 2, both no 8 → po 0.75, pe 0.5, kappa 0.5
    const A = [...'y'.repeat(10), ...'n'.repeat(10)];
    const B = [...'y'.repeat(7), ...'n'.repeat(3), ...'y'.repeat(2), ...'n'.repeat(8)];
    assert.ok(Math.abs(kappa(A, B) - 0.5) < 1e-9);
  });
});
