// NER building blocks: BIO-constrained Viterbi, conlleval-style scoring, corpus readers, tag sets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Tagger, bioConstraints, labelSet } from '../src/ner/tagger.js';
import { score } from '../src/ner/scorer.js';
import { chunks, loadTagSets, mapTags, readConll } from '../src/ner/corpus.js';
import { glueClitics } from '../src/ner/build.js';
import { parseClusters } from '../src/ner/clusters.js';
import { hashString } from '../src/text/hash.js';
import { FEATURES } from '../src/ner/features.js';
import { CLUSTERS_FILE, MODEL_SCHEMA, loadModel, saveModel, type ModelHeader } from '../src/ner/format.js';
import { gzipSync } from 'node:zlib';

const labels = labelSet(['PER', 'LOC']); // O B-PER I-PER B-LOC I-LOC
const L = labels.length;

function tagger(trans?: Float32Array): Tagger {
  return new Tagger({
    labels,
    bucketBits: 2,
    weights: new Float32Array(4 * L),
    trans: trans ?? new Float32Array((L + 1) * L),
  });
}

function valid(seq: ArrayLike<number>): boolean {
  for (let i = 0; i < seq.length; i++) {
    const cur = labels[seq[i]];
    if (!cur.startsWith('I-')) continue;
    const prev = i === 0 ? 'O' : labels[seq[i - 1]];
    if (prev === 'O' || prev.slice(2) !== cur.slice(2)) return false;
  }
  return true;
}

test('BIO constraints: I-X only after B-X or I-X', () => {
  const ok = bioConstraints(labels);
  const allowed = (p: string | null, c: string) =>
    ok[((p === null ? -1 : labels.indexOf(p)) + 1) * L + labels.indexOf(c)] === 1;
  assert.equal(allowed(null, 'I-PER'), false);
  assert.equal(allowed('O', 'I-PER'), false);
  assert.equal(allowed('B-LOC', 'I-PER'), false);
  assert.equal(allowed('B-PER', 'I-PER'), true);
  assert.equal(allowed('I-PER', 'I-PER'), true);
  assert.equal(allowed('O', 'B-LOC'), true);
});

test('Viterbi: strong I- emissions at the start are turned into a valid path', () => {
  // token 0 prefers I-PER (invalid at the start), token 1 prefers I-PER too
  const emit = new Float32Array([0, 1, 5, 0, 0, 0, 0, 5, 0, 0]);
  const out = new Int32Array(2);
  tagger().viterbi(emit, 2, out);
  assert.deepEqual(
    [...out].map((y) => labels[y]),
    ['B-PER', 'I-PER'],
  );
});

test('Viterbi: an I- of another type cannot continue an entity', () => {
  // B-PER then I-LOC preferred; best valid: B-PER then something else
  const emit = new Float32Array([0, 0, 0, 5, 0, /* t1 */ 1, 0, 0, 0, 4]);
  const out = new Int32Array(2);
  tagger().viterbi(emit, 2, out);
  assert.ok(valid(out));
  assert.deepEqual(
    [...out].map((y) => labels[y]),
    ['B-LOC', 'I-LOC'],
  );
});

test('Viterbi equals brute force over valid paths (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.array(fc.integer({ min: -8, max: 8 }), {
        minLength: 5 * L + (L + 1) * L,
        maxLength: 5 * L + (L + 1) * L,
      }),
      (n, nums) => {
        const emit = Float32Array.from(nums.slice(0, n * L));
        const trans = Float32Array.from(nums.slice(5 * L, 5 * L + (L + 1) * L));
        const t = tagger(trans);
        const out = new Int32Array(n);
        t.viterbi(emit, n, out);
        assert.ok(valid(out), 'decoded path obeys BIO');
        const scoreOf = (seq: number[]) => {
          let s = 0;
          for (let i = 0; i < n; i++)
            s += emit[i * L + seq[i]] + trans[(i === 0 ? 0 : seq[i - 1] + 1) * L + seq[i]];
          return s;
        };
        let best = -Infinity;
        const seq = new Array(n).fill(0);
        const rec = (i: number) => {
          if (i === n) {
            if (valid(seq)) best = Math.max(best, scoreOf(seq));
            return;
          }
          for (let y = 0; y < L; y++) {
            seq[i] = y;
            rec(i + 1);
          }
        };
        rec(0);
        assert.ok(Math.abs(scoreOf([...out]) - best) < 1e-3, `viterbi ${scoreOf([...out])} vs best ${best}`);
      },
    ),
    { numRuns: 200 },
  );
});

test('chunks: conlleval semantics (I- after O or another type opens an entity)', () => {
  assert.deepEqual(chunks(['B-PER', 'I-PER', 'O', 'I-LOC', 'I-LOC', 'B-LOC', 'I-ORG']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 5, type: 'LOC' },
    { start: 5, end: 6, type: 'LOC' },
    { start: 6, end: 7, type: 'ORG' },
  ]);
});

test('score: exact span and type, micro-averaged', () => {
  const gold = [
    ['B-PER', 'I-PER', 'O', 'B-LOC'],
    ['B-ORG', 'I-ORG', 'I-ORG', 'O'],
  ];
  const pred = [
    ['B-PER', 'I-PER', 'O', 'B-ORG'], // PER right; LOC typed as ORG: 1 fp ORG + 1 fn LOC
    ['B-ORG', 'I-ORG', 'O', 'O'], // boundary error: 1 fp + 1 fn ORG
  ];
  const s = score(gold, pred);
  const by = Object.fromEntries(s.types.map((t) => [t.type, t]));
  assert.deepEqual([by.PER.tp, by.PER.fp, by.PER.fn], [1, 0, 0]);
  assert.deepEqual([by.LOC.tp, by.LOC.fp, by.LOC.fn], [0, 0, 1]);
  assert.deepEqual([by.ORG.tp, by.ORG.fp, by.ORG.fn], [0, 2, 1]);
  assert.equal(s.micro.tp, 1);
  assert.equal(s.micro.precision, 1 / 3);
  assert.equal(s.micro.recall, 1 / 3);
  assert.equal(s.micro.f1.toFixed(4), '0.3333');
  assert.throws(() => score(gold, [pred[0]]), /2 gold sentences but 1 predicted/);
});

test('readConll: space and tab separated, blank lines between sentences, clear errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-'));
  const a = join(dir, 'a.txt');
  writeFileSync(a, 'زار O\nمحمد B-PERS\nعمان B-LOC\n\nقال\tO\n');
  const s = readConll(a);
  assert.equal(s.length, 2);
  assert.deepEqual(s[0].tags, ['O', 'B-PERS', 'B-LOC']);
  assert.deepEqual(s[1].tokens, ['قال']);
  const b = join(dir, 'b.txt');
  writeFileSync(b, 'زار X-PERS\n');
  assert.throws(() => readConll(b), /b\.txt:1: expected a BIO tag/);
});

test('tag sets: every class maps to a contract type, NewsFANE places split into GPE/LOC/FAC', () => {
  const t = loadTagSets();
  assert.equal(t.anercorp.PERS, 'PER');
  assert.equal(t.anercorpEval.GPE, 'LOC');
  assert.equal(t.anercorpEval.FAC, 'LOC');
  assert.equal(t.newsfane.Nation, 'GPE');
  assert.equal(t.newsfane['Water-Body'], 'LOC');
  assert.equal(t.newsfane.Airport, 'FAC');
  assert.deepEqual(mapTags(['B-Nation', 'I-Nation', 'O', 'B-Group'], t.newsfaneAnercorp), [
    'B-LOC',
    'I-LOC',
    'O',
    'O',
  ]);
});

test('glueClitics: NewsFANE clitic tokens are re-attached with the word tag', () => {
  const s = glueClitics({
    tokens: ['و', 'قال', 'رئيس', 'ه', 'ل', 'مصر'],
    tags: ['O', 'O', 'O', 'O', 'O', 'B-Nation'],
  });
  assert.deepEqual(s.tokens, ['وقال', 'رئيسه', 'لمصر']);
  assert.deepEqual(s.tags, ['O', 'O', 'B-Nation']);
});

test('cluster table: ranks by hash, paths per level, clear errors', () => {
  const t = parseClusters('# schema marsad/ner-clusters@1 levels 2,8\nفي\t1 5\nمحمد\t0 3\n', 'x');
  assert.deepEqual(t.levels, [2, 8]);
  assert.equal(t.rank.get(hashString('محمد')), 1);
  assert.equal(t.rank.get(hashString('غير')), -1);
  assert.equal(t.paths[1][t.rank.get(hashString('في'))], 5);
  assert.throws(
    () => parseClusters('# schema marsad/ner-clusters@1 levels 2,8\nفي\t1\n', 'bad.gz'),
    /bad\.gz: line 2/,
  );
  assert.throws(() => parseClusters('hello\n', 'bad.gz'), /expected a "# schema/);
  assert.deepEqual(t.extra, [], 'no extra clusterings in a table without them');
});

test('cluster table: extra clusterings after the hierarchy', () => {
  const t = parseClusters(
    '# schema marsad/ner-clusters@1 levels 2,8 extra 4,16\nفي\t1 5 3 12\nمحمد\t0 3 2 9\n',
    'x',
  );
  assert.deepEqual(t.levels, [2, 8]);
  assert.deepEqual(t.extraLevels, [4, 16]);
  assert.equal(t.paths.length, 2);
  const r = t.rank.get(hashString('محمد'));
  assert.equal(t.paths[1][r], 3);
  assert.equal(t.extra[0][r], 2);
  assert.equal(t.extra[1][r], 9);
  assert.throws(
    () => parseClusters('# schema marsad/ner-clusters@1 levels 2,8 extra 4\nفي\t1 5\n', 'bad.gz'),
    /bad\.gz: line 2: expected 3 cluster ids/,
  );
});

test('model file: save and load round trip (int16 quantisation)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-model-'));
  writeFileSync(join(dir, CLUSTERS_FILE), gzipSync('# schema marsad/ner-clusters@1 levels 2,4\nفي\t1 3\n'));
  const bits = 4;
  const weights = new Float32Array((1 << bits) * L).map((_, i) => (i % 7 === 0 ? 0 : Math.sin(i) * 3));
  const trans = new Float32Array((L + 1) * L).map((_, i) => i / 10);
  const header: ModelHeader = {
    schema: MODEL_SCHEMA,
    created: '2026-01-01',
    labels,
    bucketBits: bits,
    features: FEATURES,
    block: 20,
    passes: 1,
    shared: true,
    oBias: -2,
    gazetteer: [['عمان', 2]],
    subtype: null,
    training: {},
  };
  saveModel(dir, header, [{ labels, bucketBits: bits, weights, trans }]);
  const m = loadModel(dir);
  assert.equal(m.shared, true);
  assert.equal(m.pass1.oBias, -2);
  const p = m.pass1.p;
  const scale = p.scale ?? 1;
  for (let i = 0; i < weights.length; i++) assert.ok(Math.abs(p.weights[i] * scale - weights[i]) < 1e-3);
  assert.deepEqual([...p.trans], [...trans]);
  assert.equal(m.fx.stem('والعراق'), 'عراق'); // article-bearing prefixes strip unconditionally
  assert.equal(m.fx.stem('وعمان'), 'وعمان'); // one-letter ones only when the rest is more frequent
  header.features = FEATURES + 1;
  saveModel(dir, header, [{ labels, bucketBits: bits, weights, trans }]);
  assert.throws(() => loadModel(dir), /retrain it/);
});
