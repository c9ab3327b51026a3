// The alias index: one trie over normalised tokens holding every name of the knowledge base,
// every nisba form of every country, and the role dictionary (roles, heads, modifiers).
import { normaliseWord } from '../text/normalise.js';
import type { KbActor, KnowledgeBase } from './kb.js';

export type Sense =
  | { k: 'actor'; actor: KbActor; contextual?: boolean }
  | { k: 'nisba'; country: string }
  | { k: 'role'; sector: string; rank: number; standalone: boolean }
  | { k: 'head' }
  | { k: 'mod' };

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  senses: Sense[] | null;
}

export interface AliasIndex {
  root: TrieNode;
  /** Normalised locative cue words (في, من, إلى …). */
  locativeCues: Set<string>;
  locativeClitics: Set<string>;
  metonymyCues: Set<string>;
  issuerNouns: Set<string>;
  /** A word after an issuer noun that makes it name its own organisation (المتحدث باسم …). */
  issuerBlockers: Set<string>;
  speechVerbs: Set<string>;
  /** KB people by the first and last word of their names of three words or more. */
  personEnds: Map<string, KbActor[]>;
  /** KB people by their names of exactly two words (found from a longer name with a nasab). */
  personEnds2: Map<string, KbActor[]>;
  /** KB actors by the consonant skeleton of their names (spelling variants, see `skeleton`). */
  skeletons: Map<string, KbActor[]>;
  /** Normalised role forms that take no country from the article (see roles.json noInference). */
  noInference: Set<string>;
  inferSectors: Set<string>;
  /** Normalised role forms that belong to a following place name (محافظة صنعاء). */
  placeNouns: Set<string>;
  /** Normalised names that are also adjectives (see roles.json adjectiveHomographs). */
  adjectiveHomographs: Set<string>;
}

/**
 * The consonant skeleton of a name, for spelling variants of the same name: the article, hamza
 * seats and long vowels inside words dropped, letters that transliterate one foreign sound merged
 * (غ/ج/ق/ك, تش/ج, ث/س/ص, ط/ت, ض/د, ذ/ظ/ز), doubled letters collapsed. سيرجي شويجو and سيرغي
 * شويغو share one; so do تشاووش أوغلو and جاويش أوغلو, البرزاني and بارزاني.
 */
export function skeleton(words: string[]): string {
  let out = '';
  for (let wi = 0; wi < words.length; wi++) {
    const w0 = words[wi];
    const from = w0.length > 3 && w0.charCodeAt(0) === 0x627 && w0.charCodeAt(1) === 0x644 ? 2 : 0;
    if (wi > 0) out += ' ';
    let last = '';
    for (let i = from; i < w0.length; i++) {
      let c = w0[i];
      if (c === 'ت' && w0[i + 1] === 'ش') {
        c = 'ج';
        i++;
      }
      if (c === 'ء' || c === 'ئ' || c === 'ؤ') continue;
      if (i > from && (c === 'ا' || c === 'و' || c === 'ي')) continue;
      if (c === 'غ' || c === 'ج' || c === 'ق' || c === 'ك' || c === 'گ') c = 'G';
      else if (c === 'ث' || c === 'ص') c = 'س';
      else if (c === 'ط') c = 'ت';
      else if (c === 'ض') c = 'د';
      else if (c === 'ذ' || c === 'ظ') c = 'ز';
      else if (c === 'ه' && i === w0.length - 1) continue;
      if (c !== last) out += c;
      last = c;
    }
  }
  return out;
}

const newNode = (): TrieNode => ({ next: null, senses: null });

/** Normalise a phrase for matching: normalised words joined by single spaces, lower-case Latin. */
export function normPhrase(s: string): string[] {
  return normaliseWord(s)
    .split(/[\s\u00a0]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

const senseKey = (s: Sense): string =>
  s.k === 'actor' ? 'actor:' + s.actor.id + (s.contextual ? '~' : '') : JSON.stringify(s);

function insert(root: TrieNode, words: string[], sense: Sense): void {
  let node = root;
  for (const w of words) {
    if (node.next === null) node.next = new Map();
    let n = node.next.get(w);
    if (!n) {
      n = newNode();
      node.next.set(w, n);
    }
    node = n;
  }
  if (node.senses === null) node.senses = [];
  const key = senseKey(sense);
  if (!node.senses.some((s) => senseKey(s) === key)) node.senses.push(sense);
}

/** Gender/number/definiteness forms of a nisba: أمريكي → أمريكية، أمريكيون، الأمريكيين … */
export function nisbaForms(nisba: string): string[][] {
  const words = normPhrase(nisba);
  const suffixes = ['', 'ه', 'ون', 'ين', 'ان', 'تان', 'تين', 'ات'];
  const out: string[][] = [];
  for (const suf of suffixes) {
    out.push(words.map((w) => w + suf));
    out.push(words.map((w) => 'ال' + w + suf));
  }
  return out;
}

/** Role forms: as written, and with the article on every word after the first (قوات مسلحة → قوات المسلحة). */
function roleVariants(form: string): string[][] {
  const words = normPhrase(form);
  const out = [words];
  if (words.length > 1) {
    const def = words.map((w, i) => (i === 0 || w.startsWith('ال') ? w : 'ال' + w));
    if (def.join(' ') !== words.join(' ')) out.push(def);
  }
  return out;
}

export function buildIndex(kb: KnowledgeBase): AliasIndex {
  const root = newNode();
  const personEnds = new Map<string, KbActor[]>();
  const personEnds2 = new Map<string, KbActor[]>();
  const skeletons = new Map<string, KbActor[]>();
  const addTo = (map: Map<string, KbActor[]>, k: string, a: KbActor): void => {
    const list = map.get(k);
    if (list === undefined) map.set(k, [a]);
    else if (!list.includes(a)) list.push(a);
  };
  for (const a of kb.actors.values()) {
    for (const name of a.ar) {
      // Each name normalised once: the trie, people by first + last word, the skeleton index.
      const w = normPhrase(name);
      insert(root, w, { k: 'actor', actor: a });
      if (a.kind === 'person' && w.length >= 3) addTo(personEnds, w[0] + ' ' + w[w.length - 1], a);
      if (a.kind === 'person' && w.length === 2) addTo(personEnds2, w[0] + ' ' + w[1], a);
      const k = skeleton(w);
      // Short skeletons match too many unrelated names.
      if (k.length - (w.length - 1) >= 4) addTo(skeletons, k, a);
    }
    for (const name of a.contextualAr)
      insert(root, normPhrase(name), { k: 'actor', actor: a, contextual: true });
    for (const n of a.nisba)
      for (const f of nisbaForms(n))
        insert(root, f, a.kind === 'country' ? { k: 'nisba', country: a.id } : { k: 'actor', actor: a });
    for (const n of a.nisbaPlurals)
      for (const w of normPhrase(n).length === 1 ? normPhrase(n) : [])
        for (const f of [[w], ['ال' + w]]) insert(root, f, { k: 'nisba', country: a.id });
  }
  for (const r of kb.roles.roles)
    for (const f of r.forms)
      for (const v of roleVariants(f))
        insert(root, v, { k: 'role', sector: r.sector, rank: r.rank, standalone: r.standalone === true });
  for (const h of kb.roles.heads) insert(root, normPhrase(h), { k: 'head' });
  for (const m of kb.roles.modifiers) insert(root, normPhrase(m), { k: 'mod' });
  const set = (xs: string[]): Set<string> => new Set(xs.map((x) => normaliseWord(x)));
  return {
    root,
    locativeCues: set(kb.roles.locativeCues),
    locativeClitics: set(kb.roles.locativeClitics),
    metonymyCues: set(kb.roles.metonymyCues ?? []),
    issuerNouns: set(kb.roles.issuerNouns),
    issuerBlockers: set(kb.roles.issuerBlockers ?? []),
    speechVerbs: set(kb.roles.speechVerbs),
    personEnds,
    personEnds2,
    skeletons,
    noInference: set(kb.roles.noInference ?? []),
    inferSectors: new Set(kb.roles.inferCountrySectors ?? []),
    placeNouns: set(kb.roles.placeNouns ?? []),
    adjectiveHomographs: set(kb.roles.adjectiveHomographs ?? []),
  };
}

export interface Candidate {
  form: string;
  /** Normalised code units of proclitics (و ف ب ل ك) before the span start. */
  prefix: number;
  /** The proclitics stripped, normalised (e.g. 'وب'). */
  clitics: string;
  /** The article was stripped too (only role words may match such a form). */
  noArticle: boolean;
}

const isConj = (c: string): boolean => c === 'و' || c === 'ف';
const isPrep = (c: string): boolean => c === 'ب' || c === 'ل' || c === 'ك';

const memo = new Map<string, Candidate[]>();
const MEMO_MAX = 200_000;

/** cliticCandidates, memoised per word type (the memo is cleared when it grows past 200k types). */
export function candidatesOf(w: string): Candidate[] {
  const f = w.charCodeAt(0);
  // Fast path: a word that cannot begin with a proclitic or the article has one reading.
  if (f !== 0x648 && f !== 0x641 && f !== 0x628 && f !== 0x644 && f !== 0x643 && f !== 0x627) {
    return [{ form: w, prefix: 0, clitics: '', noArticle: false }];
  }
  let c = memo.get(w);
  if (c === undefined) {
    if (memo.size >= MEMO_MAX) memo.clear();
    c = cliticCandidates(w);
    memo.set(w, c);
  }
  return c;
}

/**
 * Readings of a normalised word with its proclitics peeled, least peeled first:
 * والعراق → والعراق, العراق; للجيش → للجيش, الجيش (the ل stays inside the span), جيش.
 */
export function cliticCandidates(w: string): Candidate[] {
  const out: Candidate[] = [{ form: w, prefix: 0, clitics: '', noArticle: false }];
  if (w.length >= 4 && isConj(w[0]))
    out.push({ form: w.slice(1), prefix: 1, clitics: w[0], noArticle: false });
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const c = out[i];
    const b = c.form;
    if (b.length >= 4 && b.startsWith('لل'))
      out.push({ form: 'ا' + b.slice(1), prefix: c.prefix, clitics: c.clitics + 'ل', noArticle: false });
    else if (b.length >= 4 && isPrep(b[0]))
      out.push({ form: b.slice(1), prefix: c.prefix + 1, clitics: c.clitics + b[0], noArticle: false });
  }
  const m = out.length;
  for (let i = 0; i < m; i++) {
    const c = out[i];
    if (c.form.length >= 5 && c.form.startsWith('ال'))
      out.push({ form: c.form.slice(2), prefix: c.prefix, clitics: c.clitics, noArticle: true });
  }
  return out;
}
