// The whole pipeline on the reference article: the event table issue 6 asks for. The article is
// only looked at, never used to build the lexicon.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Doc, Event } from '../src/doc/types.js';
import { extract, loadResources } from '../src/pipeline.js';
import { modelsDir, sharedDir } from '../src/resources.js';

const seed = join(sharedDir, 'examples/seed-article.txt');
const skip = !existsSync(seed)
  ? 'needs ../shared/examples/seed-article.txt'
  : !existsSync(join(modelsDir, 'ner/tagger.bin.gz'))
    ? 'needs the NER model (models/ner/tagger.bin.gz)'
    : false;

describe('events on the seed article', { skip }, () => {
  let doc: Doc;
  const country = (a: { entity: string | null }): string | null =>
    a.entity === null ? null : (doc.entities.find((e) => e.id === a.entity)?.actor.country ?? null);
  const find = (
    root: string,
    src: string | null,
    tgt: string | null | undefined,
    extra?: (e: Event) => boolean,
  ) =>
    doc.events.find(
      (e) =>
        e.root === root &&
        country(e.source) === src &&
        (tgt === undefined || country(e.target) === tgt) &&
        (!extra || extra(e)),
    );
  it('runs the pipeline', () => {
    doc = extract(
      { text: readFileSync(seed, 'utf8'), date: '2020-12-30', titleInText: true },
      loadResources(),
    );
    assert.ok(doc.events.length > 0);
  });
  it('US military aid (armoured vehicles) to the Iraqi army', () => {
    const e = find('07', 'USA', 'IRQ');
    assert.ok(e, 'no 07 USA→IRQ');
    assert.equal(e.cameo, '072');
    assert.equal(e.modality, 'asserted');
  });
  it('rockets fired at the Green Zone by an unnamed attacker', () => {
    const e = find('19', null, 'IRQ');
    assert.ok(e, 'no 19 ∅→IRQ');
  });
  it('Trump threatens Iran, conditionally', () => {
    const e = find('13', 'USA', 'IRN');
    assert.ok(e, 'no 13 USA→IRN');
    assert.equal(e.modality, 'conditional');
  });
  it('Iran denies any role and denounces the US accusations', () => {
    assert.ok(
      find('01', 'IRN', undefined, (e) => e.cameo === '016'),
      'no 016 by IRN',
    );
    assert.ok(find('11', 'IRN', 'USA'), 'no 11 IRN→USA');
  });
  it('Iran ordered its allies not to attack US targets (October 2020)', () => {
    const e = find('10', 'IRN', undefined);
    assert.ok(e, 'no 10 by IRN');
    const t = doc.times.find((x) => x.id === e.time);
    assert.equal(t?.value, '2020-10');
    assert.ok(
      find('19', null, 'USA', (x) => x.modality === 'negated'),
      'no negated attack on US targets',
    );
  });
  it("Asa'ib Ahl al-Haq defies Tehran", () => {
    assert.ok(find('12', 'IRQ', 'IRN'), 'no 12 IRQ→IRN');
  });
  it('the US escalates sanctions on Iran', () => {
    assert.ok(find('16', 'USA', 'IRN'), 'no 16 USA→IRN');
  });
  it('Iran accuses the US and Israel of killing Fakhrizadeh', () => {
    assert.ok(
      find('11', 'IRN', 'USA', (e) => e.cameo.startsWith('112')),
      'no 112 IRN→USA',
    );
    assert.ok(
      find('11', 'IRN', 'ISR', (e) => e.cameo.startsWith('112')),
      'no 112 IRN→ISR',
    );
  });
  it('few events no reader would code; valid spans, ids and fields', () => {
    assert.ok(doc.events.length <= 22, `${doc.events.length} events`);
    for (const [i, e] of doc.events.entries()) {
      assert.equal(e.id, `V${i + 1}`);
      assert.equal(doc.text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
      assert.ok(e.sentence >= 0 && e.sentence < doc.sentences.length);
      const s = doc.sentences[e.sentence];
      assert.ok(e.trigger.start >= s.start && e.trigger.end <= s.end);
      assert.ok(e.confidence > 0 && e.confidence <= 1);
      assert.equal(e.root, e.cameo.slice(0, 2));
    }
  });
});
