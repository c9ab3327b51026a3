// A small Arabic verb and verbal-noun morphology for the event lexicon. From a lexicon entry's
// perfect (3rd person masculine singular) and imperfect stems it *generates* the inflected forms
// news text uses — perfect and imperfect person/number/gender affixes, the future prefix س, object
// pronouns — in normalised spelling, so matching a token is a hash lookup after stripping
// conjunctions. Unvocalised text does not distinguish active from passive (أطلقت / أُطلقت), so the
// passive forms are the same strings. Verbal nouns get the article, prepositions and possessive
// pronouns through `nounCandidates`.
import { normaliseWord } from '../text/normalise.js';

export interface VerbForm {
  form: string;
  /** Carries the future prefix س. */
  future: boolean;
  /** 0 for the commonest shapes; higher values lose when two entries generate the same string. */
  rank: number;
  /** Only a passive reading (hollow verbs: اغتيل, أقيل). */
  passive: boolean;
  /** Carries an object pronoun (دمرتها): its object is a noun named before it. */
  object?: boolean;
  /** An active participle used as a circumstantial clause: its subject is the main verb's. */
  participle?: boolean;
  /** An imperfect (يقاتل, تدعو): present or habitual unless the future prefix or a particle says
   * otherwise. */
  imperfect?: boolean;
}

const PERFECT_SUFFIXES = ['', 'ت', 'ا', 'تا', 'وا', 'نا', 'تم', 'تما', 'ن', 'تن'];
const IMPERFECT_SUFFIXES = ['', 'ون', 'ان', 'ين', 'وا', 'ا', 'ن'];
const IMPERFECT_PREFIXES = ['ي', 'ت', 'ن'];
const OBJECT_PRONOUNS = ['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'ني', 'نا'];

/** Strip the shadda and other marks and unify letters, as the matcher sees tokens. */
export const norm = (s: string): string => normaliseWord(s);

/** The imperfect stem (without the person prefix) a perfect implies, when it is regular. */
export function defaultImperfectStem(perfectRaw: string): string {
  const p = norm(perfectRaw);
  const last = perfectRaw[perfectRaw.length - 1];
  const defective = last === 'ى' || (last === 'ا' && p.length >= 3);
  // Derived forms IV, VII, VIII, X: drop the initial alef (أرسل → يرسل, اعتقل → يعتقل).
  let stem = p.length >= 4 && p[0] === 'ا' ? p.slice(1) : p;
  if (defective) stem = stem.slice(0, -1) + (last === 'ا' && !(p.length >= 4 && p[0] === 'ا') ? 'و' : 'ي');
  return stem;
}

function addPronouns(
  out: VerbForm[],
  f: string,
  future: boolean,
  rank: number,
  passive = false,
  imperfect = false,
): void {
  out.push(imperfect ? { form: f, future, rank, passive, imperfect } : { form: f, future, rank, passive });
  if (f.length < 2 || passive) return;
  const base = f.endsWith('وا') ? f.slice(0, -1) : f;
  for (const p of OBJECT_PRONOUNS)
    out.push(
      imperfect
        ? { form: base + p, future, rank: rank + 1, passive, object: true, imperfect }
        : { form: base + p, future, rank: rank + 1, passive, object: true },
    );
}

/**
 * Every inflected form of a verb. `imperfectRaw` is the 3ms imperfect (يقول) when the stem is
 * not derivable, '-' to generate no imperfect (وعد: يعد is another verb), or null to derive it.
 */
export function verbForms(perfectRaw: string, imperfectRaw: string | null): VerbForm[] {
  const p = norm(perfectRaw);
  const last = perfectRaw[perfectRaw.length - 1];
  const defective = p.length >= 3 && (last === 'ى' || last === 'ا');
  const hollow = p.length === 3 && p[1] === 'ا';
  const doubled = p.length === 2;
  const out: VerbForm[] = [];
  // Perfect.
  if (defective) {
    const base = p.slice(0, -1);
    addPronouns(out, p, false, 0);
    for (const s of ['ت', 'تا', 'وا', 'يا', 'ينا', 'ونا', 'يت', 'يتم']) addPronouns(out, base + s, false, 0);
  } else if (hollow || doubled) {
    for (const s of ['', 'ت', 'ا', 'تا', 'وا']) addPronouns(out, p + s, false, 0);
    const short = hollow ? p[0] + p[2] : p + p[1];
    for (const s of ['نا', 'تم', 'ت']) addPronouns(out, short + s, false, 1);
  } else {
    for (const s of PERFECT_SUFFIXES) addPronouns(out, p + s, false, 0);
  }
  // Passive perfect of hollow stems: the long vowel becomes ي (اغتال → اغتيل, قال → قيل).
  if (!defective && p.length >= 3 && p[p.length - 2] === 'ا') {
    const pass = p.slice(0, -2) + 'ي' + p[p.length - 1];
    for (const s of ['', 'ت', 'وا']) addPronouns(out, pass + s, false, 1, true);
  }
  // Imperfect (and future).
  if (imperfectRaw === '-') return out;
  let stem: string;
  if (imperfectRaw) {
    const i = norm(imperfectRaw);
    stem = i[0] === 'ي' ? i.slice(1) : i;
  } else stem = defaultImperfectStem(perfectRaw);
  const weakEnd = stem.endsWith('ي') || stem.endsWith('و');
  const suffixed: string[] = weakEnd
    ? [
        stem,
        stem.slice(0, -1) + 'ون',
        stem + 'ان',
        stem.slice(0, -1) + 'وا',
        stem + 'ا',
        stem.slice(0, -1) + 'ين',
      ]
    : IMPERFECT_SUFFIXES.map((s) => stem + s);
  // Circumstantial participle of derived verbs (مشيدا, محذرا, مطالبا): accusative forms only.
  if (!weakEnd && !(p.length === 3 && stem === p && !hollow)) {
    for (const s of ['ا', 'ين'])
      out.push({ form: 'م' + stem + s, future: false, rank: 3, passive: false, participle: true });
  }
  for (const [k, pre] of IMPERFECT_PREFIXES.entries()) {
    for (const f of suffixed) {
      addPronouns(out, pre + f, false, k === 2 ? 2 : 0, false, true);
      addPronouns(out, 'س' + pre + f, true, k === 2 ? 2 : 0, false, true);
    }
  }
  return out;
}

/** Surface forms of a verbal noun: singular, -ات plural, accusative -ا, possessive pronouns
 * (flagged: the pronoun fills the genitive slot). */
export function nounForms(nounRaw: string): [form: string, possessive: boolean][] {
  const m = norm(nounRaw);
  const out: [string, boolean][] = [[m, false]];
  const tied = m.endsWith('ه'); // ta marbuta, normalised to ه
  const bases = [tied ? m.slice(0, -1) + 'ت' : m];
  if (m.endsWith('اء')) bases.push(m.slice(0, -1) + 'ئ', m.slice(0, -1) + 'ؤ'); // لقاء → لقائه
  if (tied) out.push([m.slice(0, -1) + 'ات', false], [bases[0] + 'ي', false], [bases[0] + 'ا', false]);
  else out.push([m + 'ا', false], [m + 'ات', false]);
  for (const base of bases)
    for (const p of ['ه', 'ها', 'هم', 'هما', 'هن', 'نا', 'كم']) out.push([base + p, true]);
  return out;
}

const POSSESSIVES = ['هما', 'ها', 'هم', 'ه'];

/** Verb lookup keys of a normalised token: itself, without و/ف, without a purpose ل. */
export function verbCandidates(w: string): string[] {
  const out = [w];
  let x = w;
  if (x.length > 3 && (x[0] === 'و' || x[0] === 'ف')) {
    x = x.slice(1);
    out.push(x);
  }
  if (x.length > 3 && x[0] === 'ل' && (x[1] === 'ي' || x[1] === 'ت' || x[1] === 'ن')) out.push(x.slice(1));
  return out;
}

/**
 * Bare forms of a normalised token for noun and context matching: itself, then with و/ف, a
 * preposition (ب ل ك), the article (ال, or لل) and a possessive pronoun stripped, each step
 * optional. `definite` tells whether an article or preposition was removed.
 */
export function nounCandidates(w: string, out: string[]): number {
  out.length = 0;
  out.push(w);
  let x = w;
  if (x.length > 3 && (x[0] === 'و' || x[0] === 'ف')) {
    x = x.slice(1);
    out.push(x);
  }
  if (x.length > 4 && x.startsWith('لل')) out.push(x.slice(2));
  else {
    if (x.length > 3 && (x[0] === 'ب' || x[0] === 'ل' || x[0] === 'ك')) {
      const y = x.slice(1);
      out.push(y);
      if (y.length > 3 && y.startsWith('ال')) out.push(y.slice(2));
    }
    if (x.length > 3 && x.startsWith('ال')) out.push(x.slice(2));
  }
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const s = out[i];
    for (const suf of POSSESSIVES) {
      if (s.length - suf.length >= 3 && s.endsWith(suf)) {
        const r = s.slice(0, -suf.length);
        out.push(r);
        if (r.endsWith('ت')) out.push(r.slice(0, -1) + 'ه');
        break;
      }
    }
  }
  return n;
}
