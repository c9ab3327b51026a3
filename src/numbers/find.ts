// Number finder: digits and Arabic number words, with the noun they count.
//   30 مركبة → 30 (counted مركبة); عشرات المركبات → 10, approx (counted المركبات);
//   ثلاثة آلاف جندي → 3000 (counted جندي); 2.5 مليون → 2500000; نصف مليون → 500000.
// Works left to right over the token view; every step looks at one token, no backtracking.

import { TokenKind, type NumberExpr, type Span } from '../doc/types.js';
import type { TokView } from './view.js';
import type { NumberWords } from './words.js';

export interface ParsedNumber {
  /** End token, exclusive. */
  end: number;
  value: number;
  approx: boolean;
}

const WAW = 'و';

/** The value of a digits token ('2,500' → 2500, '2.5' → 2.5), or NaN. */
export function digitsValue(tok: string): number {
  let s = '';
  for (let k = 0; k < tok.length; k++) {
    const ch = tok[k];
    if (ch === ',') {
      // a comma followed by exactly three digits groups thousands; otherwise it is a decimal comma
      let d = 0;
      while (k + 1 + d < tok.length && tok.charCodeAt(k + 1 + d) >= 0x30 && tok.charCodeAt(k + 1 + d) <= 0x39)
        d++;
      if (d !== 3) s += '.';
    } else s += ch;
  }
  const v = Number(s);
  return s.length > 0 && Number.isFinite(v) ? v : Number.NaN;
}

/** The token's form without a leading و when it is a joined number word (وعشرون → عشرون). */
function joined(view: TokView, j: number): string | null {
  const w = view.n[j];
  return w.length > 2 && w[0] === WAW ? w.slice(1) : null;
}

/**
 * Parse a cardinal number starting at token i (digits with an optional scale word, or number
 * words). `first` is the form of token i to read (with or without a conjunction).
 */
export function parseCardinal(
  view: TokView,
  w: NumberWords,
  i: number,
  first: string = view.n[i],
): ParsedNumber | null {
  if (i >= view.count) return null;
  const kind = view.tokens.kind[i];
  if (kind === TokenKind.Number) {
    const v = digitsValue(view.n[i]);
    if (Number.isNaN(v)) return null;
    let end = i + 1;
    let value = v;
    if (end < view.count) {
      const sc = w.scales.get(view.n[end]);
      if (sc !== undefined) {
        value = v * sc.value;
        end++;
        const fr = end < view.count ? w.joinedFractions.get(view.n[end]) : undefined;
        if (fr !== undefined) {
          value += fr * sc.value;
          end++;
        }
      }
    }
    return { end, value, approx: false };
  }
  if (kind !== TokenKind.ArabicWord) return null;

  // vague plurals: عشرات، مئات، آلاف (الآلاف)
  // (العشرات، المئات: the definite form too)
  const vague = w.vague.get(first) ?? (first.startsWith('ال') ? w.vague.get(first.slice(2)) : undefined);
  if (vague !== undefined) {
    let value = vague;
    let end = i + 1;
    if (end < view.count) {
      const nx = view.n[end];
      const sc = w.scales.get(nx.startsWith('ال') ? nx.slice(2) : nx);
      if (sc !== undefined && sc.form === 'plural' && nx.startsWith('ال')) {
        value *= sc.value;
        end++;
      }
    }
    return { end, value, approx: true };
  }

  // a fraction of a scale: نصف مليون
  const fr = w.fractions.match(view, i, first);
  if (fr !== null && fr.end < view.count) {
    const sc = w.scales.get(view.n[fr.end]);
    if (sc !== undefined && sc.form === 'singular')
      return { end: fr.end + 1, value: fr.value * sc.value, approx: false };
    return null;
  }

  let total = 0;
  let current = 0;
  let lastScale = 0;
  let j = i;
  let any = false;
  let form = first;
  for (;;) {
    if (j >= view.count) break;
    if (any) {
      // continuation tokens: a joined word (وعشرون) or a scale word directly
      const jw = joined(view, j);
      form = jw ?? view.n[j];
      if (view.n[j] === WAW && j + 1 < view.count) {
        j++;
        form = view.n[j];
      }
    }
    const unit = w.units.get(form);
    if (unit !== undefined) {
      if (any && current % 10 !== 0 && current < 100) break; // two units in a row: stop
      if (j + 1 < view.count && w.teen.has(view.n[j + 1]) && unit < 10) {
        current += unit + 10;
        j += 2;
      } else {
        current += unit;
        j++;
      }
      any = true;
      continue;
    }
    const tu = w.teenUnits.get(form);
    if (tu !== undefined && j + 1 < view.count && w.teen.has(view.n[j + 1])) {
      current += tu + 10;
      j += 2;
      any = true;
      continue;
    }
    const tens = w.tens.get(form);
    if (tens !== undefined) {
      current += tens;
      j++;
      any = true;
      continue;
    }
    const h = w.hundreds.get(form);
    if (h !== undefined) {
      if (h === 100 && current > 0 && current < 10) current *= 100;
      else current += h;
      j++;
      any = true;
      continue;
    }
    const sc = w.scales.get(form);
    if (sc !== undefined) {
      if (sc.form === 'singular') current = (current || 1) * sc.value;
      else if (sc.form === 'dual') current = (current || 1) * 2 * sc.value;
      else if (current >= 3 && current <= 10) current *= sc.value;
      else break;
      total += current;
      current = 0;
      lastScale = sc.value;
      j++;
      any = true;
      continue;
    }
    if (any && lastScale > 0) {
      const jf = w.joinedFractions.get(view.n[j]);
      if (jf !== undefined && current === 0) {
        total += jf * lastScale;
        j++;
      }
    }
    break;
  }
  if (!any) return null;
  // a trailing "و" token we stepped over without using must not belong to the number
  let end = j;
  while (end > i && view.n[end - 1] === WAW) end--;
  return { end, value: total + current, approx: false };
}

function overlaps(spans: readonly Span[], s: number, e: number): boolean {
  for (const sp of spans) if (sp.start < e && s < sp.end) return true;
  return false;
}

/** The counted noun after a number ending at token `end`, or null. */
function countedAt(view: TokView, w: NumberWords, end: number, approx: boolean): number {
  let j = end;
  if (j >= view.count || view.tokens.kind[j] !== TokenKind.ArabicWord) return -1;
  if (approx && view.n[j] === 'من' && j + 1 < view.count && view.n[j + 1].startsWith('ال')) j++;
  if (view.tokens.kind[j] !== TokenKind.ArabicWord) return -1;
  const nw = view.n[j];
  if (w.notCounted.has(nw) || nw.length < 2) return -1;
  if (w.units.has(nw) || w.tens.has(nw) || w.scales.has(nw) || w.vague.has(nw)) return -1;
  if (!approx && nw.startsWith('ال')) return -1; // "3 الجنود" is not a count of soldiers
  return j;
}

/** Find every number in the document, skipping spans already taken (e.g. by time expressions). */
export function findNumbers(view: TokView, w: NumberWords, taken: readonly Span[] = []): NumberExpr[] {
  const out: NumberExpr[] = [];
  const { tokens, text } = view;
  let i = 0;
  while (i < view.count) {
    const kind = tokens.kind[i];
    if (kind !== TokenKind.Number && kind !== TokenKind.ArabicWord) {
      i++;
      continue;
    }
    let p = parseCardinal(view, w, i, view.n[i]);
    let start = tokens.start[i];
    if (p === null && view.c[i] !== view.n[i]) {
      p = parseCardinal(view, w, i, view.c[i]);
      start = view.cStart[i];
    }
    if (p === null) {
      i++;
      continue;
    }
    const end = tokens.end[p.end - 1];
    if (overlaps(taken, start, end)) {
      i = p.end;
      continue;
    }
    // a number word right after a digit run belongs to nothing we understand ("2015 ألف"): keep both simple
    let approx = p.approx;
    if (!approx && i > 0) {
      for (let back = 1; back <= 3 && i - back >= 0; back++) {
        const a = w.approxBefore.match(view, i - back, view.c[i - back]);
        if (a !== null && a.end === i) {
          approx = true;
          break;
        }
      }
    }
    const ci = countedAt(view, w, p.end, p.approx);
    const counted =
      ci >= 0
        ? { start: tokens.start[ci], end: tokens.end[ci], text: text.slice(tokens.start[ci], tokens.end[ci]) }
        : null;
    out.push({ start, end, text: text.slice(start, end), value: p.value, approx, counted });
    i = p.end;
  }
  return out;
}
