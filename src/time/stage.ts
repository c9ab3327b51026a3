// Pipeline stage: temporal expressions (doc.times) and numbers (doc.numbers).
// Times are found first; numbers inside a time expression (the 2015 of "عام 2015") are not counts.
import type { Doc, NumberExpr, TimeExpr } from '../doc/types.js';
import { findNumbers } from '../numbers/find.js';
import { buildView } from '../numbers/view.js';
import { loadNumberWords, type NumberWords } from '../numbers/words.js';
import { defineStage } from '../stage.js';
import { parseIsoDate } from './calendar.js';
import { TimeFinder } from './find.js';
import { loadTimeLexicon, type TimeLexicon } from './lexicon.js';
import { resolve } from './resolve.js';

export interface TimeResources {
  lexicon: TimeLexicon;
  words: NumberWords;
}

export function loadTimeResources(): TimeResources {
  return { lexicon: loadTimeLexicon(), words: loadNumberWords() };
}

export function findTimesAndNumbers(
  doc: Pick<Doc, 'text' | 'tokens' | 'meta'>,
  res: TimeResources,
): { times: TimeExpr[]; numbers: NumberExpr[] } {
  const view = buildView(doc.text, doc.tokens);
  const docDay = parseIsoDate(doc.meta.date);
  const found = new TimeFinder(view, res.lexicon, res.words).findAll();
  const times: TimeExpr[] = found.map((f, k) => {
    const r = resolve(f.parts, docDay);
    return {
      id: `T${k + 1}`,
      start: f.start,
      end: f.end,
      text: doc.text.slice(f.start, f.end),
      value: r.value,
      mod: r.mod,
      relative: r.relative,
      ...(r.until !== undefined ? { until: r.until } : {}),
    };
  });
  const numbers = findNumbers(view, res.words, times);
  return { times, numbers };
}

export const timeStage = defineStage({
  name: 'time',
  load: loadTimeResources,
  run: (doc, res: TimeResources) => findTimesAndNumbers(doc, res),
});
