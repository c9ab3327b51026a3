// From tokens to typed mentions: runs the model over sentences (a document = one evidence block),
// maps the tagger's classes to the contract's types and splits places into GPE / LOC / FAC.
import { join } from 'node:path';
import type { Doc, EntityType, Mention } from '../doc/types.js';
import { modelsDir } from '../resources.js';
import { loadTagSets } from './corpus.js';
import { loadModel, type LoadedModel } from './format.js';
import { tagBlock } from './model.js';
import { normaliseWord } from '../text/normalise.js';
import { SubtypeClassifier } from './subtype.js';

export interface NerResources {
  model: LoadedModel;
  /** tagger class (e.g. PERS) → contract type */
  classMap: Record<string, EntityType>;
  subtype: SubtypeClassifier | null;
}

/** A mention over token indices of one sentence, [start, end). */
export interface TokenMention {
  start: number;
  end: number;
  type: EntityType;
  score: number;
}

export function loadNer(dir: string = join(modelsDir, 'ner')): NerResources {
  const model = loadModel(dir);
  const tagsets = loadTagSets();
  for (const l of model.labels)
    if (l !== 'O' && tagsets.anercorp[l.slice(2)] === undefined)
      throw new Error(`NER model label ${l} has no contract type in data/ner/tagsets.json "anercorp"`);
  const subtype = model.header.subtype ? new SubtypeClassifier(model.header.subtype) : null;
  return { model, classMap: tagsets.anercorp, subtype };
}

/** Tag the sentences of one document (surface forms of tokens); mentions per sentence. */
export function tagSentences(res: NerResources, sentences: readonly (readonly string[])[]): TokenMention[][] {
  const m = res.model;
  const tagged = tagBlock(m, sentences, true);
  return tagged.map((t, s) => {
    const out: TokenMention[] = [];
    const n = t.labels.length;
    let i = 0;
    while (i < n) {
      const y = t.labels[i];
      if (y === 0) {
        i++;
        continue;
      }
      const cls = m.labels[y].slice(2);
      const inside = y + (m.labels[y].startsWith('B-') ? 1 : 0); // the I- label of this class
      let j = i + 1;
      while (j < n && t.labels[j] === inside) j++;
      let conf = 1;
      for (let k = i; k < j; k++) conf = Math.min(conf, t.conf[k]);
      let type = res.classMap[cls];
      if (type === 'LOC' && res.subtype) type = res.subtype.classify(m.fx, sentences[s], i, j) as EntityType;
      out.push({ start: i, end: j, type, score: Math.round(conf * 1000) / 1000 });
      i = j;
    }
    return out;
  });
}

/**
 * How many leading UTF-16 units of `word` are a conjunction or preposition clitic (و ف ب ل ك and
 * their combinations, before an article or not) to leave out of a mention: وبغداد → بغداد,
 * والعراق → العراق. The article stays; لل (ل + ال with the alef dropped) is left whole.
 */
export function procliticLength(res: NerResources, word: string): number {
  const norm = normaliseWord(word);
  const [pre] = res.model.fx.split(norm);
  let cut = pre;
  if (cut.endsWith('لل')) cut = cut.slice(0, -2);
  else if (cut.endsWith('ال')) cut = cut.slice(0, -2);
  if (cut === '' || cut.includes('س')) return 0;
  for (let i = 1; i < word.length; i++) {
    if (normaliseWord(word.slice(0, i)) !== cut) continue;
    let j = i;
    while (j < word.length && normaliseWord(word[j]) === '') j++; // marks on the clitic stay with it
    return word.length - j >= 2 ? j : 0;
  }
  return 0;
}

/** Mentions of a document with UTF-16 offsets into doc.text. */
export function findMentions(res: NerResources, doc: Pick<Doc, 'text' | 'tokens' | 'sentences'>): Mention[] {
  const { text, tokens, sentences } = doc;
  // group token indices by sentence; tokens outside every sentence form their own groups
  const groups: [number, number][] = [];
  let t = 0;
  for (const s of sentences) {
    const from = t;
    while (t < tokens.count && tokens.start[t] < s.start) t++;
    if (t > from) groups.push([from, t]);
    const a = t;
    while (t < tokens.count && tokens.start[t] < s.end) t++;
    if (t > a) groups.push([a, t]);
  }
  if (t < tokens.count) groups.push([t, tokens.count]);
  const words = groups.map(([a, b]) => {
    const w: string[] = new Array(b - a);
    for (let i = a; i < b; i++) w[i - a] = text.slice(tokens.start[i], tokens.end[i]);
    return w;
  });
  const found = tagSentences(res, words);
  const out: Mention[] = [];
  for (let g = 0; g < groups.length; g++) {
    const base = groups[g][0];
    for (const m of found[g]) {
      const first = base + m.start;
      out.push({
        start: tokens.start[first] + procliticLength(res, text.slice(tokens.start[first], tokens.end[first])),
        end: tokens.end[base + m.end - 1],
        type: m.type,
        score: m.score,
      });
    }
  }
  return out;
}
