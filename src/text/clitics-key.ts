// The matching key used by the clitic segmenter: `normaliseWord` (alef variants, harakat, tatweel,
// digits, presentation forms…) except that ta marbuta stays distinct from heh. Conflating ة with ه
// would make every feminine noun look like a stem + the pronoun ه (مدرسة → مدرس+ه).
import { normaliseWord } from './normalise.js';

const TA_MARBUTA = 0x0629;

/**
 * Per code unit of the original word: the key text it contributes ('' when deleted). Cached per
 * code unit, so building a key costs one array read per character after warm-up.
 */
const unitCache: (string | undefined)[] = new Array(0x10000);

function keyUnit(c: number): string {
  let s = unitCache[c];
  if (s === undefined) {
    s = c === TA_MARBUTA ? 'ة' : normaliseWord(String.fromCharCode(c));
    unitCache[c] = s;
  }
  return s;
}

/** The segmentation key of a word (see the module comment). */
export function cliticKey(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) out += keyUnit(word.charCodeAt(i));
  return out;
}

export interface KeyedWord {
  key: string;
  /** `offsets[i]` is the original offset of key code unit `i`; `offsets[key.length]` = word length. */
  offsets: Int32Array;
}

/** The key of a word with a map from each key code unit back to the original word. */
export function keyWithOffsets(word: string): KeyedWord {
  let key = '';
  const offsets = new Int32Array(word.length * 3 + 1);
  for (let i = 0; i < word.length; i++) {
    const s = keyUnit(word.charCodeAt(i));
    for (let k = 0; k < s.length; k++) offsets[key.length + k] = i;
    key += s;
  }
  offsets[key.length] = word.length;
  return { key, offsets: offsets.subarray(0, key.length + 1) };
}
