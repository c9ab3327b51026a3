// Tokeniser: one left-to-right pass over UTF-16 code units with a class table, no regexes.
// Output is a struct-of-arrays TokenLayer (see doc/types.ts).

import { TokenKind, type TokenLayer } from '../doc/types.js';
import { Ch, charClass } from './chars.js';

const ZWNJ = 0x200c;
const ZWJ = 0x200d;

class TokenBuffer {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
  }
  push(s: number, e: number, k: TokenKind): void {
    if (this.count === this.start.length) {
      const cap = this.start.length * 2 + 16;
      const st = new Int32Array(cap);
      st.set(this.start);
      const en = new Int32Array(cap);
      en.set(this.end);
      const ki = new Uint8Array(cap);
      ki.set(this.kind);
      this.start = st;
      this.end = en;
      this.kind = ki;
    }
    this.start[this.count] = s;
    this.end[this.count] = e;
    this.kind[this.count++] = k;
  }
}

const isDigit = (c: number): boolean => charClass[c] === Ch.Digit;
const lower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

function startsWithCI(text: string, i: number, prefix: string): boolean {
  if (i + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    if (lower(text.charCodeAt(i + k)) !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/** Characters that end a URL when they trail it (sentence punctuation, closing quotes). */
function isUrlTrail(c: number): boolean {
  return (
    c === 0x2e ||
    c === 0x2c ||
    c === 0x3b ||
    c === 0x3a ||
    c === 0x21 ||
    c === 0x3f ||
    c === 0x22 ||
    c === 0x27 ||
    c === 0x29 ||
    c === 0x5d ||
    c === 0xbb ||
    c === 0x201d ||
    c === 0x060c ||
    c === 0x061b ||
    c === 0x061f
  );
}

function scanUrl(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const k = charClass[text.charCodeAt(j)];
    if (k === Ch.Space || k === Ch.Newline) break;
    const c = text.charCodeAt(j);
    if (c === 0xab || c === 0x201c || c === 0x3c || c === 0x3e) break; // « “ < >
    j++;
  }
  while (j > i && isUrlTrail(text.charCodeAt(j - 1))) j--;
  return j;
}

const isEmailLocal = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x2e ||
  c === 0x5f ||
  c === 0x25 ||
  c === 0x2b ||
  c === 0x2d;
const isDomainChar = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x2e ||
  c === 0x2d;

/**
 * If an e-mail address starts at i, return its end; else return -(j + 1) where j is where the
 * local-part run ended: every start inside [i, j) fails the same way, so the caller skips them
 * (this keeps tokenising linear on inputs like "a.a.a.a…").
 */
function scanEmail(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n && isEmailLocal(text.charCodeAt(j))) j++;
  const fail = -(j + 1);
  if (j === i || j >= n || text.charCodeAt(j) !== 0x40) return fail;
  let k = j + 1;
  let dot = -1;
  while (k < n && isDomainChar(text.charCodeAt(k))) {
    if (text.charCodeAt(k) === 0x2e) dot = k;
    k++;
  }
  while (k > j + 1 && (text.charCodeAt(k - 1) === 0x2e || text.charCodeAt(k - 1) === 0x2d)) k--;
  if (dot < 0 || dot >= k - 1 || dot === j + 1) return fail;
  return k;
}

function scanDigits(text: string, i: number): number {
  const n = text.length;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** dd/mm/yyyy, yyyy/mm/dd, yyyy-mm-dd, dd.mm.yyyy: returns the end, or -1. */
function scanDate(text: string, i: number, firstEnd: number): number {
  const n = text.length;
  const len1 = firstEnd - i;
  if (len1 < 1 || len1 > 4 || firstEnd >= n) return -1;
  const sep = text.charCodeAt(firstEnd);
  if (sep !== 0x2f && sep !== 0x2d && sep !== 0x2e) return -1;
  const e2 = scanDigits(text, firstEnd + 1);
  const len2 = e2 - firstEnd - 1;
  if (len2 < 1 || len2 > 2 || e2 >= n || text.charCodeAt(e2) !== sep) return -1;
  const e3 = scanDigits(text, e2 + 1);
  const len3 = e3 - e2 - 1;
  if (len3 < 1 || len3 > 4) return -1;
  if (len1 !== 4 && len3 !== 4 && len3 !== 2) return -1; // one part must look like a year
  return e3;
}

function scanNumber(text: string, i: number): number {
  const n = text.length;
  let j = scanDigits(text, i);
  while (j + 1 < n) {
    const c = text.charCodeAt(j);
    if ((c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c) && isDigit(text.charCodeAt(j + 1))) {
      j = scanDigits(text, j + 1);
    } else break;
  }
  return j;
}

function isWordChar(c: number): boolean {
  const k = charClass[c];
  return k === Ch.Arabic || k === Ch.ArabicMark || k === Ch.Latin || k === Ch.Digit || c === 0x5f;
}

/** Tokenise `text` into a token layer (offsets into `text`). */
export function tokenise(text: string): TokenLayer {
  const n = text.length;
  const out = new TokenBuffer(Math.max(16, (n >> 2) + 16));
  let emailFailUntil = 0; // no e-mail address can start before this offset
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = charClass[c];
    switch (k) {
      case Ch.Space:
      case Ch.Newline:
      case Ch.Format:
        i++;
        continue;
      case Ch.Arabic:
      case Ch.ArabicMark: {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          const kd = charClass[d];
          if (kd === Ch.Arabic || kd === Ch.ArabicMark) j++;
          else if ((d === ZWNJ || d === ZWJ) && j + 1 < n && charClass[text.charCodeAt(j + 1)] === Ch.Arabic)
            j++;
          else break;
        }
        out.push(i, j, TokenKind.ArabicWord);
        i = j;
        continue;
      }
      case Ch.Latin: {
        if (
          (c === 0x68 || c === 0x48) &&
          (startsWithCI(text, i, 'http://') || startsWithCI(text, i, 'https://'))
        ) {
          const j = scanUrl(text, i);
          out.push(i, j, TokenKind.Url);
          i = j;
          continue;
        }
        if ((c === 0x77 || c === 0x57) && startsWithCI(text, i, 'www.')) {
          const j = scanUrl(text, i);
          out.push(i, j, TokenKind.Url);
          i = j;
          continue;
        }
        if (i >= emailFailUntil) {
          const em = scanEmail(text, i);
          if (em > 0) {
            out.push(i, em, TokenKind.Email);
            i = em;
            continue;
          }
          emailFailUntil = -em - 1;
        }
        let j = i + 1;
        while (j < n) {
          const kd = charClass[text.charCodeAt(j)];
          if (kd === Ch.Latin || kd === Ch.Digit) j++;
          else if (
            text.charCodeAt(j) === 0x27 &&
            j + 1 < n &&
            charClass[text.charCodeAt(j + 1)] === Ch.Latin &&
            j + 2 <= n
          )
            j += 2; // O'Brien, don't
          else break;
        }
        out.push(i, j, TokenKind.LatinWord);
        i = j;
        continue;
      }
      case Ch.Digit: {
        if (c < 0x80 && i >= emailFailUntil) {
          const em = scanEmail(text, i);
          if (em > 0) {
            out.push(i, em, TokenKind.Email);
            i = em;
            continue;
          }
          emailFailUntil = -em - 1;
        }
        const firstEnd = scanDigits(text, i);
        const de = scanDate(text, i, firstEnd);
        if (de > 0) {
          out.push(i, de, TokenKind.Date);
          i = de;
          continue;
        }
        let j = scanNumber(text, i);
        let kind = TokenKind.Number;
        if (j < n) {
          const d = text.charCodeAt(j);
          if (d === 0x25 || d === 0x066a) {
            j++;
            kind = TokenKind.Percent;
          }
        }
        out.push(i, j, kind);
        i = j;
        continue;
      }
      case Ch.Punct: {
        if ((c === 0x23 || c === 0x40) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
          let j = i + 1;
          while (j < n && isWordChar(text.charCodeAt(j))) j++;
          out.push(i, j, c === 0x23 ? TokenKind.Hashtag : TokenKind.Mention);
          i = j;
          continue;
        }
        let j = i + 1;
        if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f) {
          // runs of terminal punctuation stay one token: "...", "!!", "؟!"
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d === 0x2e || d === 0x21 || d === 0x3f || d === 0x061f) j++;
            else break;
          }
        }
        out.push(i, j, TokenKind.Punct);
        i = j;
        continue;
      }
      case Ch.HighSurrogate: {
        const j = i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? i + 2 : i + 1;
        out.push(i, j, TokenKind.Symbol);
        i = j;
        continue;
      }
      default:
        out.push(i, i + 1, TokenKind.Symbol);
        i++;
    }
  }
  return { count: out.count, start: out.start, end: out.end, kind: out.kind };
}
