// Highlighted snippets: the densest window of matched words, with offsets into the original text.
import type { Snippet } from '../store/types.js';
import { analyse } from './analyse.js';

const WINDOW = 30;
const LEAD = 6;

export function makeSnippet(text: string, terms: ReadonlySet<string>): Snippet {
  const a = analyse(text);
  const hits: number[] = [];
  for (let i = 0; i < a.terms.length; i++) if (terms.has(a.terms[i])) hits.push(i);
  let from = 0;
  if (hits.length > 0) {
    // The window starting LEAD words before some hit that contains the most hits.
    let best = 0;
    let bestCount = 0;
    let j = 0;
    for (let i = 0; i < hits.length; i++) {
      while (j < hits.length && hits[j] < hits[i] + WINDOW - LEAD) j++;
      if (j - i > bestCount) {
        bestCount = j - i;
        best = i;
      }
    }
    from = Math.max(0, hits[best] - LEAD);
  }
  const n = a.terms.length;
  if (n === 0) return { start: 0, end: Math.min(text.length, 200), text: text.slice(0, 200), highlights: [] };
  const to = Math.min(n, from + WINDOW) - 1;
  const start = a.starts[from];
  const end = a.ends[to];
  const highlights: { start: number; end: number }[] = [];
  for (const h of hits) if (h >= from && h <= to) highlights.push({ start: a.starts[h], end: a.ends[h] });
  return { start, end, text: text.slice(start, end), highlights };
}
