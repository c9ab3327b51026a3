// A read-only matching view over a document's tokens, shared by the number and time finders:
// each token's normalised form, and the form without a leading conjunction (و/ف) together with
// where that form starts in the original text. One string per token, built once per document.

import { TokenKind, type TokenLayer } from '../doc/types.js';
import { normaliseWord, tokenWords } from '../text/normalise.js';

export interface TokView {
  text: string;
  tokens: TokenLayer;
  count: number;
  /** Normalised token text ('' for URLs, e-mails, hashtags, mentions, and past the last token). */
  n: string[];
  /** Normalised text without a leading و/ف conjunction (same string as `n` when there is none). */
  c: string[];
  /** Original offset where `c` starts. */
  cStart: Int32Array;
}

const PAD = 16;
const WAW = 0x0648;
const FA = 0x0641;

function isMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

export function buildView(text: string, tokens: TokenLayer): TokView {
  const count = tokens.count;
  // padded with empty strings so lookahead past the last token reads '' instead of undefined
  const n = new Array<string>(count + PAD).fill('');
  const c = new Array<string>(count + PAD).fill('');
  const cStart = new Int32Array(count);
  const words = tokenWords(text, tokens);
  for (let i = 0; i < count; i++) {
    const k = tokens.kind[i];
    const s = tokens.start[i];
    const e = tokens.end[i];
    const w =
      k === TokenKind.Url || k === TokenKind.Email || k === TokenKind.Hashtag || k === TokenKind.Mention
        ? ''
        : words[i];
    n[i] = w;
    c[i] = w;
    cStart[i] = s;
    if (k === TokenKind.ArabicWord && w.length > 2) {
      const first = w.charCodeAt(0);
      if (first === WAW || first === FA) {
        c[i] = w.slice(1);
        let o = s + 1;
        while (o < e && isMark(text.charCodeAt(o))) o++;
        cStart[i] = o;
      }
    }
  }
  return { text, tokens, count, n, c, cStart };
}

/** Normalise a lexicon entry into its token sequence (split on spaces). */
export function entryTokens(entry: string): string[] {
  return normaliseWord(entry)
    .split(' ')
    .filter((t) => t.length > 0);
}

/**
 * A phrase table keyed by first token: each entry is a token sequence with a payload. Lookups
 * return the longest phrase starting at a token.
 */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, { rest: string[]; value: T }[]>();

  add(entry: string, value: T): void {
    const toks = entryTokens(entry);
    if (toks.length === 0) return;
    const list = this.byFirst.get(toks[0]) ?? [];
    list.push({ rest: toks.slice(1), value });
    list.sort((a, b) => b.rest.length - a.rest.length);
    this.byFirst.set(toks[0], list);
  }

  /**
   * Longest phrase starting at token i. `first` is the form of token i to use (n or c); later
   * tokens are matched on their normalised form. Returns the end token (exclusive) and payload.
   */
  match(view: TokView, i: number, first: string): { end: number; value: T } | null {
    const list = this.byFirst.get(first);
    if (list === undefined) return null;
    for (const { rest, value } of list) {
      if (i + rest.length >= view.count) continue;
      let ok = true;
      for (let k = 0; k < rest.length; k++) {
        if (view.n[i + 1 + k] !== rest[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { end: i + 1 + rest.length, value };
    }
    return null;
  }

  has(first: string): boolean {
    return this.byFirst.has(first);
  }

  /** The first words of every phrase. */
  firsts(): IterableIterator<string> {
    return this.byFirst.keys();
  }
}
