// Readers for the labelled corpora (CoNLL-style: one token and its BIO tag per line, blank line
// between sentences) and the tag-set mapping in data/ner/tagsets.json.
import { readFileSync } from 'node:fs';
import { loadDataFile } from '../resources.js';
import type { EntityType } from '../doc/types.js';

export interface Sentence {
  tokens: string[];
  /** BIO tags in the corpus' own classes, e.g. B-PERS, I-Population-Center, O */
  tags: string[];
}

export interface TagSets {
  schema: string;
  contract: EntityType[];
  anercorp: Record<string, EntityType>;
  anercorpEval: Record<EntityType, string>;
  newsfane: Record<string, EntityType>;
  /** NewsFANE class → ANERcorp class, for extra tagger training text (absent = O) */
  newsfaneAnercorp: Record<string, string>;
}

export const TAGSETS_SCHEMA = 'marsad/ner-tagsets@1';

export function loadTagSets(): TagSets {
  const t = loadDataFile<TagSets>('ner/tagsets.json', TAGSETS_SCHEMA);
  for (const field of ['anercorp', 'anercorpEval', 'newsfane'] as const) {
    if (typeof t[field] !== 'object' || t[field] === null)
      throw new Error(`data file ner/tagsets.json: field "${field}" must be an object`);
    for (const [k, v] of Object.entries(t[field])) {
      const target = field === 'anercorpEval' ? k : v;
      if (!t.contract.includes(target as EntityType))
        throw new Error(`data file ner/tagsets.json: ${field}.${k} is not a contract type`);
    }
  }
  for (const [k, v] of Object.entries(t.newsfaneAnercorp ?? {}))
    if (!(v in t.anercorp))
      throw new Error(`data file ner/tagsets.json: newsfaneAnercorp.${k} is not an ANERcorp class`);
  return t;
}

/** Read a CoNLL-style file; the tag is the last field (space or tab separated). */
export function readConll(path: string): Sentence[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`corpus ${path}: ${(e as Error).message}`);
  }
  const out: Sentence[] = [];
  let cur: Sentence = { tokens: [], tags: [] };
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/, '');
    if (line.trim() === '') {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    let sep = line.lastIndexOf('\t');
    if (sep < 0) sep = line.lastIndexOf(' ');
    if (sep <= 0)
      throw new Error(`corpus ${path}:${n + 1}: expected "token TAG", found ${JSON.stringify(line)}`);
    const tag = line.slice(sep + 1).trim();
    if (tag !== 'O' && !/^[BI]-./.test(tag))
      throw new Error(`corpus ${path}:${n + 1}: expected a BIO tag, found ${JSON.stringify(tag)}`);
    cur.tokens.push(line.slice(0, sep).trim());
    cur.tags.push(tag);
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}

/** Map the classes of BIO tags through `map` (unknown classes become O). */
export function mapTags(tags: string[], map: Record<string, string>): string[] {
  return tags.map((t) => {
    if (t === 'O') return t;
    const m = map[t.slice(2)];
    return m === undefined ? 'O' : t.slice(0, 2) + m;
  });
}

export interface Chunk {
  start: number;
  end: number;
  type: string;
}

/** Entity chunks of a BIO sequence with conlleval semantics (an I- after O or another type opens a chunk). */
export function chunks(tags: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    const type = t === 'O' ? '' : t.slice(2);
    const begin = t.startsWith('B-') || (t.startsWith('I-') && (cur === null || cur.type !== type));
    if (cur && (t === 'O' || begin)) {
      out.push(cur);
      cur = null;
    }
    if (begin) cur = { start: i, end: i + 1, type };
    else if (cur && t !== 'O') cur.end = i + 1;
  }
  if (cur) out.push(cur);
  return out;
}
