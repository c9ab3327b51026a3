// The NER stage on our own Arabic sentences: mentions with exact spans and contract types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDoc } from '../src/doc/doc.js';
import { modelsDir } from '../src/resources.js';
import { nerStage } from '../src/ner/stage.js';
import { textStage } from '../src/text/stage.js';
import { MODEL_FILE } from '../src/ner/format.js';
import { procliticLength, type NerResources } from '../src/ner/mentions.js';
import type { Doc, Mention } from '../src/doc/types.js';

const haveModel = existsSync(join(modelsDir, 'ner', MODEL_FILE));
const skip = haveModel ? false : 'needs models/ner (npm run train:ner)';

let res: unknown = null;
function run(text: string): { doc: Doc; found: [string, string][] } {
  const doc = createDoc(text);
  Object.assign(doc, textStage.run(doc, textStage.load ? textStage.load() : undefined));
  res ??= nerStage.load!();
  const { mentions } = nerStage.run(doc, res) as { mentions: Mention[] };
  doc.mentions = mentions;
  return { doc, found: mentions.map((m) => [doc.text.slice(m.start, m.end), m.type]) };
}

test('NER stage: a person, an organisation and a city with exact spans', { skip }, () => {
  const { doc, found } = run(
    'وقال الرئيس الفرنسي إيمانويل ماكرون في مؤتمر صحفي في القاهرة إن الاتحاد الأوروبي سيقدم مساعدات جديدة.',
  );
  const has = (s: string, t: string) => found.some(([x, y]) => x === s && y === t);
  assert.ok(has('إيمانويل ماكرون', 'PER'), JSON.stringify(found));
  assert.ok(has('القاهرة', 'GPE'), JSON.stringify(found));
  assert.ok(has('الاتحاد الأوروبي', 'ORG'), JSON.stringify(found));
  for (const m of doc.mentions) {
    assert.ok(m.start >= 0 && m.end <= doc.text.length && m.start < m.end);
    assert.ok(m.score >= 0 && m.score <= 1);
  }
});

test('NER stage: clitics stay inside the token, offsets are UTF-16 into the original text', { skip }, () => {
  const text = 'التقى وزير الخارجية السعودي فيصل بن فرحان نظيره الأردني في عمّان.\nوأكد بن فرحان دعم المملكة.';
  const { doc, found } = run(text);
  assert.ok(
    found.some(([s, t]) => s === 'فيصل بن فرحان' && t === 'PER'),
    JSON.stringify(found),
  );
  for (const m of doc.mentions)
    assert.equal(doc.text.slice(m.start, m.end).trim(), doc.text.slice(m.start, m.end));
});

test('NER stage: an empty document and a document of punctuation give no mentions', { skip }, () => {
  assert.deepEqual(run('').found, []);
  assert.deepEqual(run('... ، ! ؟').found, []);
});

test(
  'NER stage: conjunction/preposition clitics are left out of mention spans, the article stays',
  { skip },
  () => {
    const r = (res ??= nerStage.load!()) as NerResources;
    assert.equal(procliticLength(r, 'وبغداد'), 1);
    assert.equal(procliticLength(r, 'والعراق'), 1);
    assert.equal(procliticLength(r, 'وَالعراق'), 2); // the mark on و goes with it
    assert.equal(procliticLength(r, 'بغداد'), 0);
    assert.equal(procliticLength(r, 'العراق'), 0);
    assert.equal(procliticLength(r, 'للأمم'), 0);
    assert.equal(procliticLength(r, 'وزير'), 0);
  },
);
