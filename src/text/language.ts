// Is this Arabic? Counts Arabic vs other letters; cheap and good enough to reject English,
// Persian-free Latin-script or empty input before extraction.
import { Ch, charClass } from './chars.js';

export interface ScriptCounts {
  arabic: number;
  other: number;
}

function countLetters(text: string, limit = 200_000): ScriptCounts {
  let arabic = 0;
  let other = 0;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const k = charClass[text.charCodeAt(i)];
    if (k === Ch.Arabic) arabic++;
    else if (k === Ch.Latin) other++;
  }
  return { arabic, other };
}

/** Reason the text is not Arabic, or null if it is. */
export function notArabicReason(text: string): string | null {
  const { arabic, other } = countLetters(text);
  if (arabic + other === 0) return 'no letters in text';
  const share = arabic / (arabic + other);
  if (share < 0.3)
    return `not Arabic text (${Math.round(share * 100)}% of letters are Arabic, expected at least 30%)`;
  return null;
}
