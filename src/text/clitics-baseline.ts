// A blind rule baseline for clitic segmentation (for evaluation only): strip the longest proclitic
// chain and then the longest enclitic whenever at least three letters remain. This is what a
// letter-only light stemmer does; it over-splits words such as وزير, بلد, كتاب.
import { cliticKey } from './clitics-key.js';
import { normaliseWord } from './normalise.js';

const CHAINS: [string, string[]][] = [
  ['وبال', ['و', 'ب', 'ال']],
  ['وكال', ['و', 'ك', 'ال']],
  ['فبال', ['ف', 'ب', 'ال']],
  ['فكال', ['ف', 'ك', 'ال']],
  ['ولل', ['و', 'ل', 'ال']],
  ['فلل', ['ف', 'ل', 'ال']],
  ['وال', ['و', 'ال']],
  ['فال', ['ف', 'ال']],
  ['بال', ['ب', 'ال']],
  ['كال', ['ك', 'ال']],
  ['لل', ['ل', 'ال']],
  ['ال', ['ال']],
  ['وس', ['و', 'س']],
  ['فس', ['ف', 'س']],
  ['وب', ['و', 'ب']],
  ['ول', ['و', 'ل']],
  ['وك', ['و', 'ك']],
  ['فب', ['ف', 'ب']],
  ['فل', ['ف', 'ل']],
  ['و', ['و']],
  ['ف', ['ف']],
  ['ب', ['ب']],
  ['ل', ['ل']],
  ['ك', ['ك']],
  ['س', ['س']],
];
const ENCLITICS = ['هما', 'هم', 'هن', 'ها', 'كم', 'كن', 'ني', 'نا', 'ه', 'ك', 'ي'];
const MIN_STEM = 3;

/** Segment by letters alone; returns the pieces (normalised), e.g. ['و', 'ال', 'وزير']. */
export function baselineSegment(word: string): string[] {
  let key = cliticKey(word);
  const pre: string[] = [];
  for (const [surface, clitics] of CHAINS) {
    if (key.startsWith(surface) && key.length - surface.length >= MIN_STEM) {
      pre.push(...clitics);
      key = key.slice(surface.length);
      break;
    }
  }
  const enc: string[] = [];
  if (pre[pre.length - 1] !== 'ال') {
    for (const e of ENCLITICS) {
      if (key.endsWith(e) && key.length - e.length >= MIN_STEM) {
        enc.push(e);
        key = key.slice(0, key.length - e.length);
        break;
      }
    }
  }
  return [...pre, normaliseWord(key), ...enc];
}
