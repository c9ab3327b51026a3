// The per-word score cache (FeatureExtractor.freeze) must not change a single score: tagging with and
// without it gives identical labels and confidences on the dev split (last 10% of ANERcorp train).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir, sharedDir } from '../src/resources.js';
import { MODEL_FILE, loadModel } from '../src/ner/format.js';
import { readConll } from '../src/ner/corpus.js';
import { tagBlock } from '../src/ner/model.js';

const TRAIN = join(sharedDir, 'data', 'anercorp', 'ANERcorp_train.txt');
const haveModel = existsSync(join(modelsDir, 'ner', MODEL_FILE));
const skip = !haveModel
  ? 'needs models/ner (npm run train:ner)'
  : existsSync(TRAIN)
    ? false
    : 'needs ../shared/data/anercorp/ANERcorp_train.txt';

test('NER score cache: identical labels and confidences with and without it (dev split)', { skip }, () => {
  const m = loadModel(join(modelsDir, 'ner'));
  assert.ok(m.shared, 'the shipped model uses one tagger for both passes');
  const w = m.pass1.p.weights;
  assert.ok(w instanceof Int16Array);
  assert.equal(m.fx.frozenWeights, w, 'loadModel turns the cache on');
  const sents = readConll(TRAIN);
  const dev = sents.slice(Math.floor(sents.length * 0.9)).map((s) => s.tokens);
  // blocks as at evaluation time, plus a long one (cache entries reused across sentences)
  const blocks: string[][][] = [];
  for (let i = 0; i < dev.length; i += m.header.block) blocks.push(dev.slice(i, i + m.header.block));
  blocks.push(dev.slice(0, 200));
  blocks.push([['واشنطن'], []].filter((s) => s.length > 0)); // a one-token sentence
  const cached = blocks.map((b) => tagBlock(m, b, true));
  m.fx.freeze(null);
  assert.equal(m.fx.frozenWeights, null);
  const plain = blocks.map((b) => tagBlock(m, b, true));
  let tokens = 0;
  let entities = 0;
  for (let b = 0; b < blocks.length; b++)
    for (let s = 0; s < blocks[b].length; s++) {
      const a = cached[b][s];
      const p = plain[b][s];
      assert.deepEqual([...a.labels], [...p.labels], `block ${b} sentence ${s}: labels`);
      assert.deepEqual([...a.conf], [...p.conf], `block ${b} sentence ${s}: confidences`);
      tokens += a.labels.length;
      for (const y of a.labels) if (y !== 0) entities++;
    }
  assert.ok(tokens > 10_000 && entities > 500, `compared ${tokens} tokens, ${entities} entity tokens`);
  // and freezing again restores the cached path with the same result
  m.fx.freeze(w, m.pass1.L, m.header.bucketBits);
  const again = tagBlock(m, blocks[0], true);
  assert.deepEqual(
    again.map((t) => [...t.labels]),
    plain[0].map((t) => [...t.labels]),
  );
  assert.throws(() => m.fx.freeze(w, m.pass1.L + 1, m.header.bucketBits), /freeze: \d+ weights/);
});
