// Arabic normalisation for matching. The result is a *view*: every output code unit carries the
// offset of the original code unit it came from, so matches map back to exact source spans.
//
// One 64K lookup table decides each UTF-16 code unit: keep, replace by one unit, delete, or
// expand (presentation forms, via NFKC). No regexes on the hot path.

const KEEP = 0xffff;
const DELETE = 0xfffe;
const EXPAND = 0xfffd;

const table = new Uint16Array(0x10000).fill(KEEP);

function set(codes: Iterable<number>, to: number): void {
  for (const c of codes) table[c] = to;
}
function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let c = from; c <= to; c++) out.push(c);
  return out;
}
const cp = (s: string): number => s.charCodeAt(0);

// Alef variants → bare alef: أ إ آ ٱ ٲ ٳ ٵ
set([0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673, 0x0675], 0x0627);
// Alef maqsura and Farsi yeh → yeh; keheh → kaf; ta marbuta → heh (matching only)
set([0x0649, 0x06cc, 0x06d2], 0x064a);
set([0x06a9], 0x0643);
set([0x0629], 0x0647);
// Tatweel, harakat, superscript alef, Quranic annotation marks, small high signs
set([0x0640], DELETE);
set(range(0x064b, 0x065f), DELETE);
set([0x0670], DELETE);
set(range(0x0610, 0x061a), DELETE);
set(range(0x06d6, 0x06dc), DELETE);
set(range(0x06df, 0x06e8), DELETE);
set(range(0x06ea, 0x06ed), DELETE);
set(range(0x08d3, 0x08ff), DELETE);
// Zero-width and bidi controls, soft hyphen, BOM, Arabic letter mark
set([0x00ad, 0x061c, 0x180e, 0xfeff], DELETE);
set(range(0x200b, 0x200f), DELETE);
set(range(0x202a, 0x202e), DELETE);
set(range(0x2060, 0x2069), DELETE);
// Digits: Arabic-Indic and extended (Persian/Urdu) → ASCII
for (let i = 0; i < 10; i++) {
  table[0x0660 + i] = 0x30 + i;
  table[0x06f0 + i] = 0x30 + i;
}
table[0x066b] = cp('.'); // Arabic decimal separator
table[0x066c] = cp(','); // Arabic thousands separator
table[0x066a] = cp('%'); // Arabic percent sign
table[0x060c] = cp(','); // Arabic comma
table[0x061b] = cp(';'); // Arabic semicolon
table[0x061f] = cp('?'); // Arabic question mark
// Dashes and minus signs → '-'
set([...range(0x2010, 0x2015), 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x2e3a, 0x2e3b], cp('-'));
// Double quotes and guillemets → '"'; single quotes and primes → "'"
set([0x201c, 0x201d, 0x201e, 0x201f, 0x00ab, 0x00bb, 0x2033, 0x2036, 0x301d, 0x301e, 0xff02], cp('"'));
set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x2039, 0x203a, 0x0060, 0x00b4], cp("'"));
// Unusual spaces → ' '
set([0x00a0, 0x1680, ...range(0x2000, 0x200a), 0x202f, 0x205f, 0x3000], cp(' '));
// ASCII upper case → lower case
for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 32;
// Arabic presentation forms (A and B) and full-width forms: expand through NFKC
set(range(0xfb50, 0xfdff), EXPAND);
set(range(0xfe70, 0xfefe), EXPAND);
set(range(0xff01, 0xff5e), EXPAND);

const expansionCache = new Map<number, string>();
function expand(c: number): string {
  let s = expansionCache.get(c);
  if (s === undefined) {
    // NFKC, then normalise the result's own characters (e.g. ﻷ → لأ → لا). Unassigned code points
    // come back unchanged from NFKC and are kept as they are.
    const raw = String.fromCharCode(c);
    expansionCache.set(c, raw); // guards the recursion below
    const nfkc = raw.normalize('NFKC');
    s = nfkc === raw ? raw : normaliseWord(nfkc);
    expansionCache.set(c, s);
  }
  return s;
}

export interface NormalisedText {
  /** The normalised view. */
  text: string;
  /**
   * `map[i]` is the original offset of normalised code unit `i`; `map[text.length]` is the
   * original length, so a normalised span [s, e) maps back to [map[s], map[e - 1] + 1).
   */
  map: Int32Array;
}

/** Normalise a whole text, keeping a map from every normalised code unit to its source offset. */
export function normalise(input: string): NormalisedText {
  const n = input.length;
  let out: Uint16Array = new Uint16Array(n + 16);
  let map: Int32Array = new Int32Array(n + 17);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    const t = table[c];
    if (t === KEEP || t < EXPAND) {
      if (j >= out.length) [out, map] = grow(out, map);
      out[j] = t === KEEP ? c : t;
      map[j++] = i;
    } else if (t === EXPAND) {
      const s = expand(c);
      for (let k = 0; k < s.length; k++) {
        if (j >= out.length) [out, map] = grow(out, map);
        out[j] = s.charCodeAt(k);
        map[j++] = i;
      }
    }
    // DELETE: nothing emitted
  }
  map[j] = n;
  return { text: decodeUnits(out, j), map: map.subarray(0, j + 1) };
}

/** Map a span of the normalised view back to the original text. */
export function toOriginalSpan(
  view: NormalisedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    const at = view.map[start];
    return { start: at, end: at };
  }
  return { start: view.map[start], end: view.map[end - 1] + 1 };
}

/** Normalise a short string (a word, a lexicon entry) without building an offset map. */
export function normaliseWord(input: string): string {
  let changed = false;
  for (let i = 0; i < input.length; i++) {
    if (table[input.charCodeAt(i)] !== KEEP) {
      changed = true;
      break;
    }
  }
  if (!changed) return input;
  // Code units into a reused buffer, then one flat string (no rope of one-letter concatenations).
  // Expansions (rare presentation forms) recurse into normaliseWord, so they take the plain path.
  if (wordBuf.length < input.length) wordBuf = new Uint16Array(input.length * 2);
  let j = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const t = table[c];
    if (t === KEEP) wordBuf[j++] = c;
    else if (t === EXPAND) return normaliseWithExpansions(input);
    else if (t !== DELETE) wordBuf[j++] = t;
  }
  return decodeUnits(wordBuf, j);
}

function normaliseWithExpansions(input: string): string {
  let s = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    const t = table[c];
    if (t === KEEP) s += input[i];
    else if (t === EXPAND) s += expand(c);
    else if (t !== DELETE) s += String.fromCharCode(t);
  }
  return s;
}
let wordBuf = new Uint16Array(256);

/**
 * One word type (a surface form): its normalised form, and per-type facts later stages memoise on
 * it (see `typeMemo`), so that a token costs one hash lookup for all of them.
 */
export interface WordType {
  readonly w: string;
  /** Pairs (key, value) by slot: the resources a fact was computed with, and the fact. */
  readonly m: unknown[];
}

/** Word types by surface form. */
const tokenCache = new Map<string, WordType>();
const TOKEN_CACHE_MAX = 1 << 18;

function typeOf(text: string, start: number, end: number): WordType {
  const surface = text.slice(start, end);
  let t = tokenCache.get(surface);
  if (t === undefined) {
    if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
    t = { w: normaliseWord(surface), m: [] };
    tokenCache.set(surface, t);
  }
  return t;
}

/**
 * `normaliseWord(text.slice(start, end))`, memoised by surface form. Tokens of the same word get
 * the same string object, so the many Map/Set lookups later stages make with it hash it once.
 */
export function normaliseToken(text: string, start: number, end: number): string {
  return typeOf(text, start, end).w;
}

let slots = 0;
/** A memo slot on word types, taken once per kind of fact (at module load). */
export function wordSlot(): number {
  return slots++;
}

/** The fact `make(key, t.w)` memoised on the word type in `slot` (recomputed for another key). */
export function typeMemo<K extends object, V>(
  t: WordType,
  slot: number,
  key: K,
  make: (key: K, w: string) => V,
): V {
  const i = 2 * slot;
  if (t.m[i] === key) return t.m[i + 1] as V;
  while (t.m.length < i) t.m.push(undefined);
  const v = make(key, t.w);
  t.m[i] = key;
  t.m[i + 1] = v;
  return v;
}

function grow(out: Uint16Array, map: Int32Array): [Uint16Array, Int32Array] {
  const o = new Uint16Array(out.length * 2);
  o.set(out);
  const m = new Int32Array(map.length * 2 + 1);
  m.set(map);
  return [o, m];
}

const CHUNK = 8192;
function decodeUnits(units: Uint16Array, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += CHUNK) {
    s += String.fromCharCode.apply(
      null,
      units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[],
    );
  }
  return s;
}

/** Per token layer: every token's word type and normalised form, computed once for all stages. */
const layerWords = new WeakMap<
  object,
  { text: string; words: readonly string[]; types: readonly WordType[] }
>();

function layer(
  text: string,
  tokens: { count: number; start: ArrayLike<number>; end: ArrayLike<number> },
): { text: string; words: readonly string[]; types: readonly WordType[] } {
  const got = layerWords.get(tokens);
  if (got !== undefined && got.text === text && got.words.length === tokens.count) return got;
  const words = new Array<string>(tokens.count);
  const types = new Array<WordType>(tokens.count);
  for (let i = 0; i < tokens.count; i++) {
    const t = typeOf(text, tokens.start[i], tokens.end[i]);
    types[i] = t;
    words[i] = t.w;
  }
  const l = { text, words, types };
  layerWords.set(tokens, l);
  return l;
}

/**
 * `normaliseToken(text, start[i], end[i])` for every token of a document, computed on the first
 * call and shared (read-only) by the stages that read the same token layer of the same text.
 */
export function tokenWords(
  text: string,
  tokens: { count: number; start: ArrayLike<number>; end: ArrayLike<number> },
): readonly string[] {
  return layer(text, tokens).words;
}

/** The word type of every token (see `tokenWords`), for per-type memos (`typeMemo`). */
export function tokenTypes(
  text: string,
  tokens: { count: number; start: ArrayLike<number>; end: ArrayLike<number> },
): readonly WordType[] {
  return layer(text, tokens).types;
}
