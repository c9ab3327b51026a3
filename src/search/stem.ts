// A light Arabic stemmer for search. Input is a word already normalised by `normaliseWord`
// (alef variants → ا, ة → ه, ى → ي, no diacritics), output the index term.
//
// Index side, the stemmer removes only what is unambiguous: the article with its attached
// particles (ال, وال, فال, بال, كال, لل, ولل, فلل) and one inflectional suffix (plural, dual,
// feminine, nisba, possessive pronouns), each only when a stem of at least three letters remains.
// A bare initial و/ف/ب/ل/ك is *not* removed (وزير, بغداد, لبنان start with it); instead the
// query side also looks up those prefixed forms in the index vocabulary (see `queryVariants`).
// Broken plurals (صواريخ / صاروخ) and spelling variants (أمريكا / أميركا) share a *skeleton*:
// the stem without its long vowels and glides (ا و ي); the query expands through the vocabulary
// to every indexed stem with the same skeleton (see `skeleton`).

const ARTICLES = ['ولل', 'فلل', 'وال', 'فال', 'بال', 'كال', 'لل', 'ال'];

// Longest first, so that 'يين' wins over 'ين'.
const SUFFIXES = [
  'تين',
  'تان',
  'يين',
  'يون',
  'هما',
  'كما',
  'ات',
  'ون',
  'ين',
  'ان',
  'ها',
  'هم',
  'هن',
  'كم',
  'نا',
  'يه',
  'ه',
  'ي',
];

const ALEF = 0x0627;
const WAW = 0x0648;
const YEH = 0x064a;
const HAMZA_WAW = 0x0624;
const HAMZA_YEH = 0x0626;
const HAMZA = 0x0621;

/** True for a code unit in the Arabic letter block (ء…ي). */
function isArabic(c: number): boolean {
  return c >= 0x0621 && c <= 0x064a;
}

/** Stem one normalised word. Non-Arabic words (Latin, numbers) are returned unchanged. */
export function stem(word: string): string {
  if (word.length < 3 || !isArabic(word.charCodeAt(0))) return word;
  let w = word;
  for (const a of ARTICLES) {
    if (w.length - a.length >= 2 && w.startsWith(a)) {
      w = w.slice(a.length);
      break;
    }
  }
  for (const s of SUFFIXES) {
    if (w.length - s.length >= 3 && w.endsWith(s)) {
      w = w.slice(0, w.length - s.length);
      break;
    }
  }
  return w;
}

/**
 * The consonantal skeleton of a stem: without ا, و, ي, with ئ/ؤ folded into ء. Stems that share
 * a skeleton of at least three letters are treated as variants of one another at query time.
 */
export function skeleton(stemmed: string): string {
  let out = '';
  for (let i = 0; i < stemmed.length; i++) {
    const c = stemmed.charCodeAt(i);
    if (c === ALEF || c === WAW || c === YEH) continue;
    if (c === HAMZA_WAW || c === HAMZA_YEH) out += String.fromCharCode(HAMZA);
    else out += stemmed[i];
  }
  return out;
}

/** Shortest skeleton used for expansion: two-letter skeletons would merge unrelated words. */
export const MIN_SKELETON = 3;

const QUERY_PREFIXES = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'فب', 'فل'];

/**
 * Stems a query term may also appear as in the index: with an attached particle (قال → وقال),
 * or without one when the query carries it (وقال → قال).
 */
export function queryVariants(stemmed: string): string[] {
  const out = [stemmed];
  if (stemmed.length < 2 || !isArabic(stemmed.charCodeAt(0))) return out;
  for (const p of QUERY_PREFIXES) out.push(p + stemmed);
  for (const p of QUERY_PREFIXES)
    if (stemmed.length - p.length >= 3 && stemmed.startsWith(p)) out.push(stemmed.slice(p.length));
  return out;
}
