// Text → index terms. The one analysis the search index uses on both back-ends (SQLite FTS5
// and PostgreSQL postings): tokenise (src/text/tokenise), normalise each word (normaliseWord, the
// same normaliser extraction matches with), light-stem (./stem). Each term keeps the UTF-16 span
// of the token it came from, so hits map back to exact characters of the original text.

import { TokenKind, type TokenLayer } from '../doc/types.js';
import { normaliseWord } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';
import { stem } from './stem.js';

export interface Analysed {
  terms: string[];
  /** Original UTF-16 offsets of the token each term came from. */
  starts: Int32Array;
  ends: Int32Array;
}

const INDEXED = new Uint8Array(256);
for (const k of [
  TokenKind.ArabicWord,
  TokenKind.LatinWord,
  TokenKind.Number,
  TokenKind.Hashtag,
  TokenKind.Percent,
])
  INDEXED[k] = 1;

/** Keep letters and digits only: FTS5's tokenizer must see each term as exactly one token. */
function clean(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x0621 && c <= 0x064a);
    if (!ok) return s.replace(/[^\p{L}\p{N}]+/gu, '');
  }
  return s;
}

/** The index term of one word, without the cache (tests compare the two). */
export function computeTerm(word: string): string {
  return stem(clean(normaliseWord(word).toLowerCase()));
}

// Words repeat (news vocabulary is Zipfian): a bounded cache of word → term makes analysing a
// text mostly one hash of the token's characters and one comparison, without slicing the token
// out of the text. Keyed by a 30-bit FNV-1a hash (a small-integer Map key); entries with the same
// hash are chained. Cleared when full; one per thread.
interface CacheEntry {
  word: string;
  term: string;
  next: CacheEntry | undefined;
}
const TERM_CACHE_MAX = 200_000;
const termCache = new Map<number, CacheEntry>();

/** The term of text[start, end), through the cache. */
function termAt(text: string, start: number, end: number): string {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h &= 0x3fffffff;
  const len = end - start;
  const head = termCache.get(h);
  for (let e = head; e !== undefined; e = e.next) {
    if (e.word.length !== len) continue;
    let same = true;
    for (let i = 0; i < len; i++)
      if (e.word.charCodeAt(i) !== text.charCodeAt(start + i)) {
        same = false;
        break;
      }
    if (same) return e.term;
  }
  const word = text.slice(start, end);
  const term = computeTerm(word);
  if (termCache.size >= TERM_CACHE_MAX) {
    termCache.clear();
    termCache.set(h, { word, term, next: undefined });
  } else termCache.set(h, { word, term, next: head });
  return term;
}

/** The index term of one word (as typed in a query or found in a text); '' if none. */
export function termOf(word: string): string {
  return termAt(word, 0, word.length);
}

/**
 * Tokenise and analyse a text into index terms with their source spans. `tokens`: the text's
 * token layer when the caller has it already (the pipeline's `doc.tokens`), so it is not
 * tokenised twice.
 */
export function analyse(text: string, tokens: TokenLayer = tokenise(text)): Analysed {
  const terms: string[] = [];
  const starts = new Int32Array(tokens.count);
  const ends = new Int32Array(tokens.count);
  let n = 0;
  for (let i = 0; i < tokens.count; i++) {
    if (INDEXED[tokens.kind[i]] === 0) continue;
    const t = termAt(text, tokens.start[i], tokens.end[i]);
    if (t === '') continue;
    terms.push(t);
    starts[n] = tokens.start[i];
    ends[n++] = tokens.end[i];
  }
  return { terms, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}
