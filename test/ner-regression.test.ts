// The shipped NER model must keep its documented accuracy on the ANERcorp CAMeL Lab test split
// (models/ner/MODEL.md, line "micro F1=0.xxxx") within 0.005.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelsDir, sharedDir } from '../src/resources.js';
import { loadNer } from '../src/ner/mentions.js';
import { evaluateFile } from '../src/ner/eval.js';

const TEST = join(sharedDir, 'data', 'anercorp', 'ANERcorp_CamelLab_test.txt');

test(
  'NER: micro F1 on the ANERcorp test split ≥ documented − 0.005',
  { skip: existsSync(TEST) ? false : 'needs ../shared/data/anercorp/ANERcorp_CamelLab_test.txt' },
  () => {
    const card = readFileSync(join(modelsDir, 'ner', 'MODEL.md'), 'utf8');
    const m = /micro F1=(0\.\d{4})/.exec(card);
    assert.ok(m, 'models/ner/MODEL.md documents "micro F1=0.xxxx"');
    const documented = Number(m[1]);
    const r = evaluateFile(loadNer(), TEST);
    assert.ok(
      r.score.micro.f1 >= documented - 0.005,
      `micro F1 ${r.score.micro.f1.toFixed(4)} fell below the documented ${documented.toFixed(4)} − 0.005`,
    );
    for (const type of ['PERS', 'LOC', 'ORG', 'MISC'])
      assert.ok(
        r.score.types.some((t) => t.type === type && t.tp > 0),
        `${type} entities are found`,
      );
  },
);
