// Batch F of the event gold (test/fixtures/events-gold-f.json, notes events-gold-f-notes.txt) is
// well-formed: it names SaudiNewsNet articles by id, in the order of its notes' DOCS line; every
// code is a CAMEO code of the ontology; every event has a named actor; the batch shares no article
// with batches A–E; the notes header accounts for every article (annotated, dropped, without an
// event); and every span lies inside its article's text and slices back to its surface string.
// The span checks need ../shared/data/saudinewsnet.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import type { GoldFile } from '../src/events/eval.js';
import { loadOntology } from '../src/events/ontology.js';
import { packageRoot, sharedDir } from '../src/resources.js';
import { assertSpansSliceBack } from './fixtures/events-gold-check.js';

const fx = join(packageRoot, 'test/fixtures');
const read = (name: string): GoldFile => JSON.parse(readFileSync(join(fx, name), 'utf8')) as GoldFile;
const corpus = join(sharedDir, 'data/saudinewsnet/saudinewsnet.jsonl.gz');
const MODALITIES = new Set(['asserted', 'reported', 'planned', 'conditional', 'negated']);
const ID = /^[0-9a-f]{16}$/;
const notes = readFileSync(join(fx, 'events-gold-f-notes.txt'), 'utf8').split('\n');
const header = notes.filter((l) => l.startsWith('#'));

/**
 * The articles a header section lists (from the line starting with `start` up to the next section):
 * ids outside parentheses; ids inside them are earlier-batch articles a drop reason refers to.
 */
function headerIds(start: string): string[] {
  const i = header.findIndex((l) => l.startsWith(start));
  assert.ok(i >= 0, `events-gold-f-notes.txt: no header line starting "${start}"`);
  const lines: string[] = [];
  for (let j = i; j < header.length; j++) {
    if (j > i && /^# (DOCS|Drawn|No event|Line|\d+ drawn)/.test(header[j])) break;
    lines.push(header[j].replace(/^#\s*/, ''));
  }
  return (
    lines
      .join(' ')
      .replace(/\([^()]*\)/g, ' ')
      .match(/\b[0-9a-f]{16}\b/g) ?? []
  );
}

function checkShape(name: string, gold: GoldFile, codes: Set<string>): void {
  assert.equal(gold.schema, 'marsad/events-gold@1', `${name}: schema`);
  const ids = gold.docs.map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length, `${name}: an article is listed twice`);
  for (const d of gold.docs) {
    assert.match(d.id, ID, `${name}: article id ${d.id}`);
    for (const e of d.events) {
      const where = `${name} ${d.id} ${e.cameo} ${e.trigger.text}`;
      assert.ok(codes.has(e.cameo), `${where}: ${e.cameo} is not a CAMEO code of the ontology`);
      assert.ok(MODALITIES.has(e.modality), `${where}: modality ${e.modality}`);
      assert.ok(e.source || e.target, `${where}: an event needs at least one named actor`);
      for (const a of [e.source, e.target])
        if (a && a.country !== null) assert.match(a.country, /^[A-Z]{3}$/, `${where}: country ${a.country}`);
    }
  }
}

const codes = new Set(loadOntology().codes.keys());
const batchF = read('events-gold-f.json');

describe('batch F gold: format without the corpus', () => {
  it('is well-formed and has at least 20 articles, in the order of the notes DOCS line', () => {
    checkShape('events-gold-f.json', batchF, codes);
    assert.ok(batchF.docs.length >= 20, `batch F has ${batchF.docs.length} articles`);
    const docsLine = header.find((l) => l.startsWith('# DOCS '));
    assert.ok(docsLine, 'events-gold-f-notes.txt: no "# DOCS" line');
    assert.deepEqual(
      batchF.docs.map((d) => d.id),
      docsLine.slice(7).trim().split(/\s+/),
    );
  });

  it('shares no article with batches A, B, C (and its re-annotation), D and E', () => {
    const others = [
      'events-gold.json',
      'events-gold-heldout.json',
      'events-gold-c.json',
      'events-gold-c2.json',
      'events-gold-d.json',
      'events-gold-e.json',
    ];
    for (const f of others) {
      if (!existsSync(join(fx, f))) continue;
      const taken = new Set(read(f).docs.map((d) => d.id));
      for (const d of batchF.docs) assert.ok(!taken.has(d.id), `${d.id} is also in ${f}`);
    }
  });

  it('the notes header accounts for the draw: dropped articles are not annotated, articles without events are listed', () => {
    const annotated = new Set(batchF.docs.map((d) => d.id));
    const dropped = headerIds('# Drawn but not annotated');
    for (const id of dropped) assert.ok(!annotated.has(id), `${id} is listed as dropped but annotated`);
    const m = header.map((l) => /^# (\d+) drawn, (\d+) dropped, (\d+) annotated/.exec(l)).find(Boolean);
    assert.ok(m, 'events-gold-f-notes.txt: no "N drawn, N dropped, N annotated" line');
    const [drawn, nDropped, nAnnotated] = [Number(m[1]), Number(m[2]), Number(m[3])];
    assert.equal(drawn, nDropped + nAnnotated);
    assert.equal(nAnnotated, annotated.size);
    assert.equal(new Set(dropped).size, nDropped);
    const noEvent = new Set(headerIds('# No event'));
    for (const d of batchF.docs)
      assert.equal(
        noEvent.has(d.id),
        d.events.length === 0,
        `${d.id}: ${d.events.length} events, ${noEvent.has(d.id) ? '' : 'not '}listed as having no event`,
      );
  });

  it('a malformed file is caught (the checks can fail)', () => {
    const bad: GoldFile = structuredClone(batchF);
    const e = bad.docs.find((d) => d.events.length)!.events[0];
    e.cameo = '999';
    assert.throws(() => checkShape('bad', bad, codes), /999 is not a CAMEO code/);
    const noActor: GoldFile = structuredClone(batchF);
    const f = noActor.docs.find((d) => d.events.length)!.events[0];
    f.source = null;
    f.target = null;
    assert.throws(() => checkShape('bad', noActor, codes), /needs at least one named actor/);
  });
});

describe(
  'batch F gold: spans against SaudiNewsNet',
  { skip: existsSync(corpus) ? false : 'needs ../shared/data/saudinewsnet/saudinewsnet.jsonl.gz' },
  () => {
    const want = new Set(batchF.docs.map((d) => d.id));
    const texts = new Map<string, string>();
    if (existsSync(corpus))
      for (const l of gunzipSync(readFileSync(corpus)).toString('utf8').split('\n')) {
        if (!l) continue;
        const a = JSON.parse(l) as { id: string; text: string };
        if (want.has(a.id)) texts.set(a.id, a.text);
      }

    it('every article exists and every span slices back to its surface', () =>
      assertSpansSliceBack('batch F', batchF, texts));

    it('the articles fit the drawing filter (political/security pool, 400–1,400 characters)', () => {
      for (const [id, text] of texts)
        assert.ok(text.length >= 400 && text.length <= 1400, `${id}: ${text.length} characters`);
    });
  },
);
