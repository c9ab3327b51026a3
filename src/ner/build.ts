// Training-time helpers: gazetteer sources, corpus preparation, featurisation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseWord } from '../text/normalise.js';
import type { ClusterTable } from './clusters.js';
import { FEATURES, FeatureExtractor } from './features.js';
import { mapTags, type Sentence } from './corpus.js';
import type { TrainExample } from './tagger.js';

/** ANERGazet lists as normalised [phrase, class bit] entries (1 PER, 2 LOC, 4 ORG). */
export function readGazetteerSources(shared: string): [string, number][] {
  const files: [string, number][] = [
    ['ANERGazet_Pers.txt', 1],
    ['ANERGazet_Loc.txt', 2],
    ['ANERGazet_Org.txt', 4],
  ];
  const out = new Map<string, number>();
  for (const [f, bit] of files) {
    const path = join(shared, 'data', 'gazetteers', f);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(`gazetteer ${path}: ${(e as Error).message}`);
    }
    for (const raw of text.split('\n')) {
      const line = normaliseWord(raw.trim()).replace(/\s+/g, ' ');
      if (!line || line.startsWith('=') || line.length < 2) continue;
      out.set(line, (out.get(line) ?? 0) | bit);
    }
  }
  return [...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Names from the project's actor knowledge base (data/actors/*.tsv, countries.json), when present,
 * as [phrase, class bit] entries: PER → 1, GPE/LOC/FAC → 2, ORG → 4.
 */
export function readKbGazetteer(data: string): [string, number][] {
  const out: [string, number][] = [];
  const bitOf: Record<string, number> = { PER: 1, GPE: 2, LOC: 2, FAC: 2, ORG: 4 };
  for (const f of ['people.tsv', 'places.tsv', 'organisations.tsv']) {
    let text: string;
    try {
      text = readFileSync(join(data, 'actors', f), 'utf8');
    } catch {
      continue; // the knowledge base is optional
    }
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const cols = line.split('\t');
      const bit = bitOf[cols[1]];
      if (bit === undefined || !cols[5]) continue;
      for (const name of cols[5].split('|')) {
        const n = normaliseWord(name.trim()).replace(/\s+/g, ' ');
        if (n.length >= 2) out.push([n, bit]);
      }
    }
  }
  try {
    const c = JSON.parse(readFileSync(join(data, 'actors', 'countries.json'), 'utf8')) as {
      countries?: { ar?: string[] }[];
    };
    for (const country of c.countries ?? [])
      for (const name of country.ar ?? []) out.push([normaliseWord(name.trim()).replace(/\s+/g, ' '), 2]);
  } catch {
    // optional
  }
  return out;
}

export function makeExtractor(clusters: ClusterTable, gaz: [string, number][]): FeatureExtractor {
  const tmp = new FeatureExtractor(clusters, { phrases: new Map(), maxLen: 1 });
  const gazetteer = FeatureExtractor.buildGazetteer(gaz, (w) => tmp.stem(w));
  return new FeatureExtractor(clusters, gazetteer);
}

const PREFIX_TOKENS = new Set(['و', 'ف', 'ب', 'ل', 'ال', 'س']);
const SUFFIX_TOKENS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'كما', 'كن', 'نا', 'ي', 'ني', 'ك']);
const isArabicLetter = (w: string): boolean =>
  w.length > 0 && w.charCodeAt(0) >= 0x0621 && w.charCodeAt(0) <= 0x064a;

/**
 * NewsFANE segments clitics into tokens of their own (و, ب, ل, ال; ه, ها, هم …); glue them back so
 * tokens look like ANERcorp's and our tokeniser's. A glued prefix takes the tag of its word.
 */
export function glueClitics(s: Sentence): Sentence {
  const tokens: string[] = [];
  const tags: string[] = [];
  let pending = '';
  for (let i = 0; i < s.tokens.length; i++) {
    const w = s.tokens[i];
    const next = s.tokens[i + 1];
    if (PREFIX_TOKENS.has(w) && next !== undefined && isArabicLetter(next) && !SUFFIX_TOKENS.has(next)) {
      pending += w;
      continue;
    }
    if (
      pending === '' &&
      SUFFIX_TOKENS.has(w) &&
      tokens.length > 0 &&
      isArabicLetter(tokens[tokens.length - 1])
    ) {
      tokens[tokens.length - 1] += w;
      continue;
    }
    tokens.push(pending + w);
    tags.push(s.tags[i]);
    pending = '';
  }
  return { tokens, tags };
}

/** NewsFANE sentences whose text occurs in none of `exclude` (space-free normalised streams). */
export function newsfaneOnly(nf: Sentence[], exclude: string[]): Sentence[] {
  return nf.filter((s) => {
    const k = streamKey(s.tokens);
    return k.length >= 15 && exclude.every((e) => !e.includes(k));
  });
}

export function featurise(
  fx: FeatureExtractor,
  sents: Sentence[],
  labels: string[],
  classMap: Record<string, string>,
  extras: Int32Array[] | null = null,
): TrainExample[] {
  const index = new Map(labels.map((l, i) => [l, i]));
  return sents.map((s, si) => {
    const n = s.tokens.length;
    const feats = new Int32Array(n * FEATURES);
    fx.sentence(s.tokens, feats, extras === null ? null : extras[si]);
    const tags = mapTags(s.tags, classMap);
    const gold = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let t = tags[i];
      // repair I- without a matching predecessor into B- so gold paths obey the constraints
      if (t.startsWith('I-') && (i === 0 || tags[i - 1].slice(2) !== t.slice(2))) t = 'B-' + t.slice(2);
      const y = index.get(t);
      if (y === undefined) throw new Error(`tag ${t} not in label set ${labels.join(',')}`);
      gold[i] = y;
    }
    return { feats, gold, n };
  });
}

/** A normalised, space-free character stream key for locating one corpus' sentences in another. */
export function streamKey(tokens: readonly string[]): string {
  return normaliseWord(tokens.join('')).replace(/[^\u0621-\u064a]/g, '');
}
