// NER tagging speed on the first 3000 SaudiNewsNet articles, three runs (the first with a cold word
// cache): node --import tsx scripts/ner/speed.ts [plain]   (plain = without the per-word score cache)
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { findMentions, loadNer } from '../../src/ner/mentions.js';
import { splitSentences } from '../../src/text/sentences.js';
import { tokenise } from '../../src/text/tokenise.js';
import { sharedDir } from '../../src/resources.js';
import type { Doc } from '../../src/doc/types.js';

const docs: Pick<Doc, 'text' | 'tokens' | 'sentences'>[] = [];
const rl = createInterface({
  input: createReadStream(join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz')).pipe(
    createGunzip(),
  ),
});
for await (const line of rl) {
  if (docs.length >= 3000) break;
  const text = (JSON.parse(line) as { text?: string }).text ?? '';
  const tokens = tokenise(text);
  docs.push({ text, tokens, sentences: splitSentences(text, tokens) });
}
const res = loadNer();
if (process.argv[2] === 'plain') res.model.fx.freeze(null);
const types = new Set<string>();
let tokens = 0;
for (const d of docs) {
  tokens += d.tokens.count;
  for (let i = 0; i < d.tokens.count; i++) types.add(d.text.slice(d.tokens.start[i], d.tokens.end[i]));
}
console.log('docs', docs.length, 'tokens', tokens, 'types', types.size);
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  const c = process.cpuUsage();
  let m = 0;
  for (const d of docs) m += findMentions(res, d).length;
  const s = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(c).user / 1e6;
  console.log(
    `run ${r}: ${Math.round(tokens / s)} tokens/s wall, ${Math.round(tokens / cpu)} tokens per CPU-second, ${m} mentions`,
  );
}
