// Direct quotations: pairs of quotation marks, found in one left-to-right pass over the text.
//
// Three families pair independently: guillemets « » (directional, may nest), curly quotes “ ” „ ‟
// and straight quotes " ″ ＂. Curly and straight marks are paired by context, not by glyph (Arabic
// text often has ” as the opener): a mark after a space (or a clitic letter such as لـ / بـ) and
// before a letter opens, a mark after a non-space closes. An opener left open at the end of a
// paragraph is dropped (unbalanced) — unless the next paragraph starts with an opening mark of the
// same family: the newswire convention for a quotation that runs over several paragraphs, in which
// case the quotation continues. Marks nested inside an earlier quotation belong to it.

import { Ch, charClass } from '../text/chars.js';

export interface MarkedQuote {
  /** offset of the opening mark */
  open: number;
  /** offset of the closing mark */
  close: number;
  /** content without the marks, trimmed of surrounding whitespace */
  start: number;
  end: number;
  /** true when the quotation runs over more than one paragraph */
  multiParagraph: boolean;
}

const enum Fam {
  None = -1,
  Guillemet = 0,
  Curly = 1,
  Straight = 2,
}

function family(c: number): Fam {
  if (c === 0xab || c === 0xbb) return Fam.Guillemet;
  if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f) return Fam.Curly;
  if (c === 0x22 || c === 0x2033 || c === 0xff02) return Fam.Straight;
  return Fam.None;
}

const isBlank = (c: number): boolean => {
  const k = charClass[c];
  return k === Ch.Space || k === Ch.Newline || k === Ch.Format || c === 0x09;
};
const isNewline = (c: number): boolean => charClass[c] === Ch.Newline;

/** Characters after which a quotation may open directly. */
function opensAfter(c: number): boolean {
  return (
    c === 0x28 || // (
    c === 0x5b || // [
    c === 0x7b || // {
    c === 0xab || // «
    c === 0x3a || // :
    c === 0x060c || // ،
    c === 0x2c || // ,
    c === 0x2d || // -
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2f || // /
    c === 0x0640 // tatweel (لـ"...")
  );
}

/** One-letter Arabic clitics written against a quotation mark: و ف ب ل ك */
const isClitic = (c: number): boolean =>
  c === 0x0648 || c === 0x0641 || c === 0x0628 || c === 0x0644 || c === 0x0643;

function canOpen(text: string, i: number): boolean {
  if (i + 1 >= text.length) return false;
  if (isBlank(text.charCodeAt(i + 1))) {
    // «قال: " نص"»: a stray space after the opener, allowed right after a colon
    const next = text.charCodeAt(i + 2);
    if (i + 2 >= text.length || isBlank(next) || isNewline(text.charCodeAt(i + 1))) return false;
    let p = i - 1;
    while (p >= 0 && p >= i - 3 && isBlank(text.charCodeAt(p))) p--;
    return p >= 0 && text.charCodeAt(p) === 0x3a;
  }
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (isBlank(p) || opensAfter(p)) return true;
  return isClitic(p) && (i === 1 || isBlank(text.charCodeAt(i - 2)) || opensAfter(text.charCodeAt(i - 2)));
}

const canClose = (text: string, i: number): boolean => i > 0 && !isBlank(text.charCodeAt(i - 1));

/** A letter or digit follows: the mark could open a quotation before it. */
function opensBefore(text: string, i: number): boolean {
  if (i + 1 >= text.length) return false;
  const k = charClass[text.charCodeAt(i + 1)];
  return k === Ch.Arabic || k === Ch.Latin || k === Ch.Digit || k === Ch.Space || k === Ch.Format;
}

/** وقال ” نص “: a free-standing mark followed by a space and a word opens (sloppy typing). */
function spacedOpener(text: string, i: number): boolean {
  if (i === 0 || i + 2 >= text.length) return false;
  if (!isBlank(text.charCodeAt(i - 1)) || text.charCodeAt(i + 1) !== 0x20) return false;
  const k = charClass[text.charCodeAt(i + 2)];
  return k === Ch.Arabic || k === Ch.Latin || k === Ch.Digit;
}

/** Find every direct quotation in `text`. Linear time; never throws. */
export function findMarkedQuotes(text: string): MarkedQuote[] {
  const n = text.length;
  const pairs: { open: number; close: number; multi: boolean }[] = [];
  // open marks per family: a stack for guillemets, a single slot for the others
  const gStack: number[] = [];
  const open = [-1, -1, -1];
  const multi = [false, false, false];
  const skipAt = [-1, -1, -1]; // a continuation opener to pass over
  let contentSinceNewline = false;

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isNewline(c)) {
      if (contentSinceNewline) paragraphEnd(i);
      contentSinceNewline = false;
      continue;
    }
    if (!isBlank(c)) contentSinceNewline = true;
    const f = family(c);
    if (f === Fam.None) continue;
    if (skipAt[f] === i) {
      skipAt[f] = -1;
      continue;
    }
    if (f === Fam.Guillemet) {
      if (c === 0xab) gStack.push(i);
      else if (gStack.length > 0) {
        const o = gStack.pop() as number;
        pairs.push({ open: o, close: i, multi: multi[f] && gStack.length === 0 });
        if (gStack.length === 0) multi[f] = false;
      }
      continue;
    }
    if (open[f] >= 0) {
      if (canClose(text, i) || !opensBefore(text, i)) {
        pairs.push({ open: open[f], close: i, multi: multi[f] });
        open[f] = -1;
        multi[f] = false;
      } else if (canOpen(text, i)) {
        open[f] = i; // the earlier opener was never closed
        multi[f] = false;
      }
    } else if (canOpen(text, i) || spacedOpener(text, i)) open[f] = i;
  }

  function paragraphEnd(at: number): void {
    // first non-blank character of the next paragraph
    let j = at;
    while (j < n && isBlank(text.charCodeAt(j))) j++;
    const next = j < n ? text.charCodeAt(j) : -1;
    const nextFam = next >= 0 ? family(next) : Fam.None;
    for (const f of [Fam.Guillemet, Fam.Curly, Fam.Straight]) {
      const isOpen = f === Fam.Guillemet ? gStack.length > 0 : open[f] >= 0;
      if (!isOpen) continue;
      const continues = nextFam === f && (f !== Fam.Guillemet || next === 0xab) && canOpen(text, j);
      if (continues) {
        skipAt[f] = j;
        multi[f] = true;
      } else if (f === Fam.Guillemet && gStack.length === 1 && closesInParagraph(j)) {
        multi[f] = true; // «… (no mark) … » : the next paragraph closes it before opening anything
      } else {
        if (f === Fam.Guillemet) gStack.length = 0;
        else open[f] = -1;
        multi[f] = false;
      }
    }
  }

  /** The paragraph starting at j has a » before any « (scanned once per paragraph end). */
  function closesInParagraph(j: number): boolean {
    for (let k = j; k < n; k++) {
      const c = text.charCodeAt(k);
      if (isNewline(c) || c === 0xab) return false;
      if (c === 0xbb) return true;
    }
    return false;
  }

  pairs.sort((a, b) => a.open - b.open);
  const out: MarkedQuote[] = [];
  let lastClose = -1;
  for (const p of pairs) {
    if (p.open < lastClose) continue; // nested in (or crossing) an earlier quotation
    lastClose = p.close;
    let s = p.open + 1;
    let e = p.close;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ open: p.open, close: p.close, start: s, end: e, multiParagraph: p.multi });
  }
  return out;
}
