// Paragraphs (lines), the title paragraph and the dateline ("بغداد –", "الرياض - واس",
// "عين اليوم – جدة", "برلين (د ب أ) -").

import { TokenKind, type Dateline, type Paragraph, type TokenLayer } from '../doc/types.js';
import { agencyKey, type AgencyIndex } from './agencies.js';
import { Ch, charClass } from './chars.js';

/** Non-empty lines, trimmed of surrounding whitespace. The first is the title if `titleInText`. */
export function findParagraphs(text: string, titleInText: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && charClass[text.charCodeAt(j)] !== Ch.Newline) j++;
    let s = i;
    let e = j;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, role: titleInText && out.length === 0 ? 'title' : 'body' });
    i = j + 1;
  }
  return out;
}

function isBlank(c: number): boolean {
  const k = charClass[c];
  return k === Ch.Space || k === Ch.Format || k === Ch.Newline;
}

const isDash = (c: number): boolean =>
  c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2212;
const isWord = (k: number): boolean => k === TokenKind.ArabicWord || k === TokenKind.LatinWord;

/** First token index with start >= offset (binary search). */
export function tokenAt(tokens: TokenLayer, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.start[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Agency key of tokens [a, b): word tokens joined by single spaces, dots dropped. */
function keyOf(text: string, tokens: TokenLayer, a: number, b: number): string | null {
  const parts: string[] = [];
  for (let t = a; t < b; t++) {
    const k = tokens.kind[t];
    if (isWord(k)) parts.push(text.slice(tokens.start[t], tokens.end[t]));
    else if (!(k === TokenKind.Punct && text.charCodeAt(tokens.start[t]) === 0x2e)) return null;
  }
  return parts.length ? agencyKey(parts.join(' ')) : null;
}

function allWords(tokens: TokenLayer, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let t = a; t < b; t++) if (!isWord(tokens.kind[t])) return false;
  return true;
}

const MAX_PLACE_TOKENS = 3;
const MAX_BARE_PLACE_TOKENS = 2;

/** Find the dateline at the start of the first body paragraph, if there is one. */
export function findDateline(
  text: string,
  tokens: TokenLayer,
  paragraphs: Paragraph[],
  agencies: AgencyIndex,
): Dateline | null {
  const para = paragraphs.find((p) => p.role === 'body');
  if (!para) return null;
  const p0 = tokenAt(tokens, para.start);
  const pEnd = tokenAt(tokens, para.end);
  const span = (a: number, b: number) => ({
    start: tokens.start[a],
    end: tokens.end[b - 1],
    text: text.slice(tokens.start[a], tokens.end[b - 1]),
  });
  const isAgency = (a: number, b: number): boolean => {
    const k = keyOf(text, tokens, a, b);
    return k !== null && agencies.byForm.has(k);
  };

  // Look for a dash or an opening parenthesis within the first few tokens.
  const limit = Math.min(pEnd, p0 + MAX_PLACE_TOKENS + 8);
  for (let t = p0 + 1; t < limit; t++) {
    if (tokens.kind[t] !== TokenKind.Punct) continue;
    const c = text.charCodeAt(tokens.start[t]);
    if (c === 0x28) {
      // PLACE (AGENCY) [-]
      const close = findToken(text, tokens, t + 1, Math.min(pEnd, t + 8), 0x29);
      if (close < 0 || !allWords(tokens, p0, t) || t - p0 > MAX_PLACE_TOKENS) return null;
      if (!isAgency(t + 1, close)) return null;
      return { ...span(p0, t), entity: null, agency: span(t + 1, close) };
    }
    if (!isDash(c)) {
      if (c === 0x2e && t + 1 < limit) continue; // dotted agency forms such as د.ب.أ
      return null;
    }
    // a dateline dash stands apart ("بغداد – ..."), unlike a hyphen inside a compound
    const after = text.charCodeAt(tokens.end[t]);
    if (tokens.end[t] < text.length && !isBlank(after)) return null;
    // Tokens before the dash: a place, or an agency / outlet name.
    if (!allWords(tokens, p0, t) && !isAgency(p0, t)) return null;
    if (isAgency(p0, t)) {
      // AGENCY – PLACE: the place is the rest of the line if short, else its first word.
      let e = t + 1;
      while (e < pEnd && e < t + 1 + MAX_PLACE_TOKENS && isWord(tokens.kind[e])) e++;
      if (e === t + 1) return null;
      const placeEnd = e === pEnd ? e : t + 2;
      return { ...span(t + 1, placeEnd), entity: null, agency: span(p0, t) };
    }
    if (t - p0 > MAX_PLACE_TOKENS) return null;
    // PLACE – AGENCY
    for (let len = agencies.maxTokens * 2; len >= 1; len--) {
      const e = t + 1 + len;
      if (e <= pEnd && isAgency(t + 1, e)) return { ...span(p0, t), entity: null, agency: span(t + 1, e) };
    }
    // Just PLACE –: place names in datelines are short (بغداد، رام الله، الدار البيضاء), and a
    // second dash soon after marks a parenthetical ("أعلنت الوزارة - في بيان - أن …"), not a dateline.
    if (t - p0 > MAX_BARE_PLACE_TOKENS) return null;
    for (let u = t + 1; u < Math.min(pEnd, t + 12); u++) {
      if (tokens.kind[u] === TokenKind.Punct && isDash(text.charCodeAt(tokens.start[u]))) return null;
    }
    return { ...span(p0, t), entity: null, agency: null };
  }
  return null;
}

function findToken(text: string, tokens: TokenLayer, a: number, b: number, ch: number): number {
  for (let t = a; t < b; t++)
    if (text.charCodeAt(tokens.start[t]) === ch && tokens.kind[t] === TokenKind.Punct) return t;
  return -1;
}
