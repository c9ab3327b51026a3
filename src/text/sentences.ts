// Sentence splitter over the token layer. A sentence ends at a paragraph break (a newline between
// tokens) or at terminal punctuation (. ! ? ؟ … ۔), taking any closing quotes/brackets that follow
// it. A '.' after a single letter (د. , U.S.) is an abbreviation, not an end; numbers like 3.5
// are single tokens already, so they never split.

import { TokenKind, type Span, type TokenLayer } from '../doc/types.js';
import { Ch, charClass } from './chars.js';

function isTerminal(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  if (c === 0x21 || c === 0x3f || c === 0x061f || c === 0x2026 || c === 0x06d4) return true;
  if (c === 0x2e) return true; // '.', '...'
  return e - s > 1 && text.charCodeAt(e - 1) === 0x2e;
}

function isCloser(c: number): boolean {
  return (
    c === 0x201d ||
    c === 0x00bb ||
    c === 0x22 ||
    c === 0x27 ||
    c === 0x2019 ||
    c === 0x29 ||
    c === 0x5d ||
    c === 0x2033 ||
    c === 0x203a ||
    c === 0x7d
  );
}

/** True if a newline lies between offsets a and b. */
function newlineBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (charClass[text.charCodeAt(i)] === Ch.Newline) return true;
  return false;
}

export function splitSentences(text: string, tokens: TokenLayer): Span[] {
  const out: Span[] = [];
  const n = tokens.count;
  let first = 0; // first token of the current sentence
  for (let i = 0; i < n; i++) {
    let last = i;
    let boundary = false;
    if (tokens.kind[i] === TokenKind.Punct && isTerminal(text, tokens.start[i], tokens.end[i])) {
      const single = tokens.end[i] - tokens.start[i] === 1 && text.charCodeAt(tokens.start[i]) === 0x2e;
      const prev = i - 1;
      const abbreviation =
        single &&
        prev >= first &&
        tokens.end[prev] === tokens.start[i] &&
        tokens.end[prev] - tokens.start[prev] === 1 &&
        (tokens.kind[prev] === TokenKind.ArabicWord || tokens.kind[prev] === TokenKind.LatinWord);
      if (!abbreviation) {
        boundary = true;
        // absorb closing quotes/brackets that directly follow on the same line
        while (
          last + 1 < n &&
          tokens.kind[last + 1] === TokenKind.Punct &&
          tokens.end[last + 1] - tokens.start[last + 1] === 1 &&
          isCloser(text.charCodeAt(tokens.start[last + 1])) &&
          !newlineBetween(text, tokens.end[last], tokens.start[last + 1])
        )
          last++;
      }
    }
    if (!boundary && (last + 1 >= n || newlineBetween(text, tokens.end[last], tokens.start[last + 1]))) {
      boundary = true;
    }
    if (boundary) {
      const prev = out.length ? out[out.length - 1] : null;
      if (
        prev !== null &&
        onlyPunct(tokens, first, last) &&
        !newlineBetween(text, prev.end, tokens.start[first])
      ) {
        prev.end = tokens.end[last]; // stray punctuation ("2015. .") belongs to the sentence before
      } else out.push({ start: tokens.start[first], end: tokens.end[last] });
      first = last + 1;
      i = last;
    }
  }
  return out;
}

function onlyPunct(tokens: TokenLayer, a: number, b: number): boolean {
  for (let t = a; t <= b; t++) if (tokens.kind[t] !== TokenKind.Punct) return false;
  return true;
}
