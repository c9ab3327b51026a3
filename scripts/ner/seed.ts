// Print the NER mentions of a text file (default: the reference seed article), to look at behaviour.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from '../../src/resources.js';
import { findMentions, loadNer } from '../../src/ner/mentions.js';
import { splitSentences } from '../../src/text/sentences.js';
import { tokenise } from '../../src/text/tokenise.js';

const text = readFileSync(process.argv[2] ?? join(sharedDir, 'examples', 'seed-article.txt'), 'utf8');
const tokens = tokenise(text);
const found = findMentions(loadNer(), { text, tokens, sentences: splitSentences(text, tokens) });
const seen = new Map<string, number>();
for (const m of found) {
  const k = `${m.type}\t${text.slice(m.start, m.end)}`;
  seen.set(k, (seen.get(k) ?? 0) + 1);
}
for (const [k, n] of [...seen].sort()) console.log(`${k}\t×${n}`);
