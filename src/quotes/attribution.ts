// Quote attribution: speech cues (verbs, participles, "according to" phrases), their speakers,
// reported (indirect) clauses, and the attachment of each direct quotation to a cue.
//
// Rules (docs/EVALUATION.md, "Quotes", says how well they work):
// - A cue verb's speaker is the noun phrase right after it (VSO: وقالت السفارة الأمريكية إن), past
//   an adverb (وذكر حينها …) or an addressee (وأوضح لـ«الصحيفة» …), cut at punctuation, a
//   complementizer, a preposition or adjunct word, another cue, a quotation mark, or 8 words; a
//   short quotation right after the verb is the speaker's name (وذكرت "مها" أنها). With no noun
//   phrase after it and no conjunction on the verb, a short noun phrase before it in the same clause
//   is the subject (SVO: الوزير أكد أن). Otherwise the cue is pronoun-only (وأضاف، وتابع، مؤكدا):
//   inside a sentence it shares the subject of an earlier reporting cue in that sentence, else of
//   the sentence's first verb (an entity mention right after it, else its noun phrase); at a
//   sentence start it takes the last speaker whose verb agrees in gender (ت/ة), else the last one.
//   A و-prefixed verb that usually takes its object first (وصف، اعتبر، دعا …) shares the subject of
//   an earlier cue in the same sentence.
// - A statement noun as speaker (البيان، بيان) stands for its issuer: the one named right after it
//   (بيان الوزارة، بيان للوزارة), else the latest speaker before it, including the subject of an
//   issuing verb (أصدر/نشر بيانا). A relaying verb names its source after عن (نقلت الوكالة عن
//   مصدر أمني قوله إن → the source speaks); جاء في البيان أن reports like a verb.
// - Indirect speech: a cue followed (within 10 words) by a complementizer (أن، إن، بأن، فإن, with
//   pronoun suffixes) or by a colon and unquoted words reports the clause after it, up to the end
//   of the sentence, the next quotation kept as speech, or the next reporting cue. A clause of
//   fewer than two words is dropped. Parenthetical sources (وفقا لما ذكره …، الذي أعلن …،) are
//   passed over; a restrictive relative clause (فلان الذي أوضح أن) reports for its antecedent when
//   the verb agrees with the relative pronoun; the impersonal يذكر أن / الجدير ذكره أن reports
//   nothing.
// - A direct quotation takes the nearest cue before it in its sentence, else a cue right after it
//   («…»، قال الوزير / على حد قوله; a و-verb after it starts a new clause instead), else a
//   "Speaker: «…»" label, else — when it is long — the speaker of the quotation or cue in the
//   previous sentence (a continuation).
// - Terms and titles: a quotation of at most 3 words is speech only when a cue introduces it
//   directly (right after the cue verb, a complementizer or a colon) or follows it, and it ends its
//   clause (أن «داعش» يسيطر … is a name; after أنه «…» the quotation is the predicate and stays
//   speech). So حملة "الضغط الأقصى" is not a quote. A quotation with no cue at all must have at
//   least 6 words to count.

import {
  TokenKind,
  type Entity,
  type Quote,
  type Span,
  type TextSpan,
  type TokenLayer,
} from '../doc/types.js';
import { tokenTypes, tokenWords, typeMemo, wordSlot } from '../text/normalise.js';
import type { CueForm, CueLexicon, Gender } from './lexicon.js';
import type { MarkedQuote } from './finder.js';
import { tokenAt } from '../text/structure.js';

const MAX_SPEAKER_WORDS = 8;
const MAX_COMPLEMENTIZER_GAP = 10;
const TERM_MAX_WORDS = 3;
const UNATTRIBUTED_MIN_WORDS = 6;
const INITIAL_SUBJECT_WORDS = 5;
const ANTECEDENT_WORDS = 6;
/** a word that opens a prepositional phrase with a clitic (بالجهود، للوزارة، كالعادة) */
const PREPOSITIONAL = /^[وف]?(?:بال|لل|كال)/;
/** bounds on backward searches, so that no input makes the stage quadratic */
const HISTORY_LOOKBACK = 50;
const MAX_MENTION_CHARS = 200;

export interface AttributionInput {
  text: string;
  tokens: TokenLayer;
  sentences: Span[];
  entities: Entity[];
  marked: MarkedQuote[];
}

interface Speaker {
  text: TextSpan | null;
  entity: string | null;
  gender: Gender;
}

interface Frame {
  /** cue tokens [cueStart, cueEnd) */
  cueStart: number;
  cueEnd: number;
  form: CueForm | null;
  nominal: boolean;
  /** explicit speaker tokens [spStart, spEnd); spStart < 0 when pronoun-only */
  spStart: number;
  spEnd: number;
  /** char span override for the speaker (clitic لـ stripped) */
  spChar: Span | null;
  /** complementizer token, or -1 */
  compl: number;
  /** last token that belongs to the cue construction (cue, speaker or complementizer) */
  last: number;
  sentence: number;
  speaker: Speaker;
}

const isWord = (k: number): boolean => k === TokenKind.ArabicWord || k === TokenKind.LatinWord;

/** Per lexicon: the first words of its pronoun phrases and nominal cues. */
interface PhraseStarts {
  first: Set<string>;
  /** Some phrase is empty (matches anywhere): no word can be ruled out. */
  any: boolean;
}
const phraseStarts = new WeakMap<CueLexicon, PhraseStarts>();
const PHRASE_SLOT = wordSlot();

/**
 * Can a pronoun phrase or nominal cue begin at a word `w` (matchPhrase's first step: the word, or
 * the word without a leading و/ف, equals the phrase's first word)? Memoised per word type.
 */
function phraseMayStart(lex: CueLexicon, w: string): boolean {
  let ps = phraseStarts.get(lex);
  if (!ps) {
    const all = [...lex.pronounPhrases, ...lex.nominal.map((c) => c.words)];
    ps = {
      first: new Set(all.filter((p) => p.length > 0).map((p) => p[0])),
      any: all.some((p) => p.length === 0),
    };
    phraseStarts.set(lex, ps);
  }
  if (ps.any) return true;
  return ps.first.has(w) || ((w.startsWith('و') || w.startsWith('ف')) && ps.first.has(w.slice(1)));
}

export function attribute(input: AttributionInput, lex: CueLexicon): Quote[] {
  const { text, tokens, sentences, entities, marked } = input;
  const n = tokens.count;
  const words = tokenWords(text, tokens);
  const types = tokenTypes(text, tokens);
  const norm: string[] = new Array(n);
  for (let i = 0; i < n; i++) norm[i] = isWord(tokens.kind[i]) ? words[i] : '';

  // sentence of every token; sentence token bounds
  const sentOf = new Int32Array(n).fill(-1);
  const sentStartTok = new Int32Array(sentences.length);
  const sentEndTok = new Int32Array(sentences.length);
  {
    let t = 0;
    for (let s = 0; s < sentences.length; s++) {
      while (t < n && tokens.start[t] < sentences[s].start) t++;
      sentStartTok[s] = t;
      while (t < n && tokens.start[t] < sentences[s].end) sentOf[t++] = s;
      sentEndTok[s] = t;
    }
    // tokens outside every sentence (should not happen) get the previous sentence
    for (let i = 0; i < n; i++) if (sentOf[i] < 0) sentOf[i] = i > 0 ? sentOf[i - 1] : 0;
  }
  const sentEnd = (i: number): number => (sentences.length ? sentEndTok[sentOf[i]] : n);
  const sentStart = (i: number): number => (sentences.length ? sentStartTok[sentOf[i]] : 0);

  // direct quotations as token ranges; tokens inside one are not cues
  const inQuote = new Int32Array(n).fill(-1);
  const openTok: number[] = [];
  const closeTok: number[] = [];
  const isOpenMark = new Uint8Array(n);
  const quoteAtOpen = new Int32Array(n).fill(-1);
  const quoteWords: number[] = [];
  const nameQuote = new Uint8Array(marked.length); // quotation marks around a speaker's name
  marked.forEach((q, qi) => {
    const o = tokenAt(tokens, q.open);
    const c = tokenAt(tokens, q.close);
    openTok.push(o);
    closeTok.push(c);
    if (o < n) {
      isOpenMark[o] = 1;
      quoteAtOpen[o] = qi;
    }
    let words = 0;
    for (let t = o + 1; t < c && t < n; t++) {
      inQuote[t] = qi;
      if (isWord(tokens.kind[t]) || tokens.kind[t] === TokenKind.Number) words++;
    }
    quoteWords.push(words);
  });
  /** A quotation short enough to be a name or a term; a cue's search passes over it. */
  const isShortQuoteAt = (t: number): boolean => {
    const qi = isOpenMark[t] ? quoteAtOpen[t] : inQuote[t];
    return qi >= 0 && quoteWords[qi] <= TERM_MAX_WORDS;
  };

  const charOf = (a: number, b: number): TextSpan => ({
    start: tokens.start[a],
    end: tokens.end[b - 1],
    text: text.slice(tokens.start[a], tokens.end[b - 1]),
  });
  const isPunct = (i: number, ch: number): boolean =>
    tokens.kind[i] === TokenKind.Punct && text.charCodeAt(tokens.start[i]) === ch;
  const isColon = (i: number): boolean => isPunct(i, 0x3a);
  const isComma = (i: number): boolean => isPunct(i, 0x060c) || isPunct(i, 0x2c);

  /** Noun phrase from token j: [j, end). */
  function nounPhraseAfter(j: number, limit: number, clitic = false): number {
    // a subject never starts with a preposition (للقلق); a source after وفقا لـ may (للوزارة)
    if (!clitic && j < limit && isWord(tokens.kind[j]) && norm[j].startsWith('لل')) return j;
    let b = j;
    while (b < limit && b - j < MAX_SPEAKER_WORDS) {
      if (inQuote[b] >= 0 || isOpenMark[b]) break;
      const k = tokens.kind[b];
      if (isWord(k)) {
        const w = norm[b];
        if (lex.complementizers.has(w) || lex.npStops.has(w) || lex.linkWords.has(w)) break;
        if (b > j && lex.npStopsExact.has(text.slice(tokens.start[b], tokens.end[b]))) break;
        if (lex.forms.has(w) || (b > j && (w.startsWith('لل') || w === 'ل'))) break;
        if (b > j && lex.statementNouns.has(w)) break;
        b++;
      } else if (k === TokenKind.Number && b > j) b++;
      else if (
        isPunct(b, 0x2e) &&
        b > j &&
        b + 1 < limit &&
        isWord(tokens.kind[b + 1]) &&
        tokens.end[b - 1] - tokens.start[b - 1] === 1
      )
        b++; // د. محمد
      else break;
    }
    return b;
  }

  /** Subject before a verb in the same clause (SVO): [start, end), or null. */
  function subjectBefore(i: number): [number, number] | null {
    const s0 = sentStart(i);
    let a = i;
    while (a > s0 && i - a < MAX_SPEAKER_WORDS) {
      const p = a - 1;
      if (!isWord(tokens.kind[p]) || inQuote[p] >= 0) break;
      const w = norm[p];
      if (lex.complementizers.has(w) || lex.forms.has(w)) break;
      a = p;
    }
    if (a === i || i - a >= MAX_SPEAKER_WORDS) return null;
    const clauseStart = a;
    let end = i;
    while (a < end && lex.auxiliaries.has(norm[a])) a++; // وكان رئيس النادي قد أعلن
    while (end > a && lex.auxiliaries.has(norm[end - 1])) end--;
    if (a === end) return null;
    // the clause must start there: sentence start, punctuation or a complementizer before it
    if (
      clauseStart > s0 &&
      isWord(tokens.kind[clauseStart - 1]) &&
      !lex.complementizers.has(norm[clauseStart - 1])
    )
      return null;
    const first = norm[a];
    // a prepositional phrase is no subject (وبالتحقيق تبين …)
    if (PREPOSITIONAL.test(first)) return null;
    if (lex.clauseOpeners.has(first) || lex.npStops.has(first) || lex.linkWords.has(first)) return null;
    for (let t = a; t < end; t++) if (lex.npStops.has(norm[t]) || lex.auxiliaries.has(norm[t])) return null;
    return [a, end];
  }

  /** Complementizer after a cue construction ending before token j, or -1. */
  function complementizerAfter(j: number): number {
    const end = sentEnd(j > 0 ? j - 1 : 0);
    let budget = MAX_COMPLEMENTIZER_GAP;
    const hardEnd = Math.min(end, j + 4 * MAX_COMPLEMENTIZER_GAP + 8);
    for (let t = j; t < hardEnd && budget > 0; t++) {
      if (isWord(tokens.kind[t])) budget--; // words count, punctuation does not
      if (inQuote[t] >= 0 || isOpenMark[t]) {
        if (!isShortQuoteAt(t)) return -1;
        continue;
      }
      const w = norm[t];
      if (w === '') {
        if (isPunct(t, 0x2e)) return -1;
        if (isColon(t) && t + 1 < end && isWord(tokens.kind[t + 1]) && !isOpenMark[t + 1])
          return lex.complementizers.has(norm[t + 1]) ? t + 1 : t; // وأضاف: كلام بلا علامات
        continue;
      }
      if (lex.relativePronouns.has(w) && t > j && isComma(t - 1)) {
        // a parenthetical relative clause (، الذي أعلن …،) is passed over whole
        let u = t + 1;
        while (u < end && !isComma(u) && !isOpenMark[u]) u++;
        if (u >= end || isOpenMark[u]) return -1;
        t = u;
        continue;
      }
      if (lex.complementizers.has(w)) return t;
      const f = lex.forms.get(w);
      // حسبما ذكرت / وفقا لما نقلته …: a parenthetical source, passed over
      if (
        f &&
        f.speech &&
        !(t > j && (norm[t - 1] === 'ما' || norm[t - 1] === 'لما' || norm[t - 1] === 'حسبما'))
      )
        return -1;
    }
    return -1;
  }

  function matchPhrase(i: number, words: string[]): number {
    let t = i;
    for (let k = 0; k < words.length; k++) {
      while (t < n && !isWord(tokens.kind[t]) && tokens.kind[t] !== TokenKind.Number) {
        if (k === 0) return -1;
        if (tokens.kind[t] === TokenKind.Punct) return -1;
        t++;
      }
      if (t >= n) return -1;
      let w = norm[t];
      if (k === 0 && (w.startsWith('و') || w.startsWith('ف')) && w.slice(1) === words[0]) w = w.slice(1);
      if (w !== words[k]) return -1;
      t++;
    }
    return t;
  }

  // ---- pass 1: frames -------------------------------------------------------------------------
  const frames: Frame[] = [];
  const pronounAfter = new Set<number>(); // token index where a pronoun phrase (على حد قوله) starts
  for (let i = 0; i < n; i++) {
    if (!isWord(tokens.kind[i]) || inQuote[i] >= 0) continue;
    const w = norm[i];
    const form = lex.forms.get(w);
    const limit = sentEnd(i);
    if (form) {
      if (i > 0 && lex.impersonalBefore.has(norm[i - 1])) continue; // الجدير ذكره أن
      let spStart = -1;
      let spEnd = -1;
      let after = i + 1;
      const relative = i > 0 && lex.relativePronouns.has(norm[i - 1]);
      if (relative) {
        // a parenthetical relative clause (ترامب، الذي أعلن …،) reports nothing of its own here;
        // a restrictive one (فلان الذي أوضح أن …) reports for its antecedent — when the verb agrees
        // with it (الدول التي قال إنها …: the countries are what is said, not who says it)
        if (i < 2 || !isWord(tokens.kind[i - 2])) continue;
        const relGender = lex.feminineRelatives.has(norm[i - 1]) ? 'f' : 'm';
        let a = form.gender !== null && form.gender !== relGender ? i : i - 1; // i: pronoun-only

        while (a > sentStart(i) && i - 1 - a < ANTECEDENT_WORDS) {
          const w2 = norm[a - 1];
          if (!isWord(tokens.kind[a - 1]) || lex.npStops.has(w2) || lex.forms.has(w2)) break;
          if (lex.complementizers.has(w2) || lex.linkWords.has(w2)) break;
          a--;
        }
        if (a < i - 1) {
          spStart = a;
          spEnd = i - 1;
        }
      } else if (form.kind !== 'participle') {
        let j = i + 1;
        while (j < limit && j < i + 3 && lex.adverbs.has(norm[j])) j++; // وذكر حينها فلان
        // an addressee before the subject: وأوضح لـ«الصحيفة» فلان / وقال للصحفيين …
        if (j < limit && norm[j] === 'ل' && j + 1 < limit && isShortQuoteAt(j + 1))
          j = closeTok[quoteAtOpen[j + 1]] + 1;
        else if (j < limit && norm[j].startsWith('لل')) j++;
        const e = nounPhraseAfter(j, limit);
        if (j < limit && isOpenMark[j] && isShortQuoteAt(j) && closeTok[quoteAtOpen[j]] > j + 1) {
          // a speaker written in quotation marks: وذكرت "مها" أنها …
          const qi = quoteAtOpen[j];
          spStart = j + 1;
          spEnd = closeTok[qi];
          after = spEnd + 1;
          nameQuote[qi] = 1;
        } else if (e > j) {
          spStart = j;
          spEnd = e;
          after = e;
        } else if (!form.conj) {
          const sv = subjectBefore(i);
          if (sv) [spStart, spEnd] = sv;
        }
        // ونقلت الوكالة عن مصدر أمني قوله إن …: the source after عن is the speaker
        if (form.source !== null && after < limit && norm[after] === form.source) {
          const se = nounPhraseAfter(after + 1, limit);
          if (se > after + 1) {
            spStart = after + 1;
            spEnd = se;
            after = se;
          }
        }
        // يذكر أن / ويذكر أن: impersonal, nobody speaks
        if (spStart < 0 && form.impersonal && form.kind === 'imperfect' && i === sentStart(i)) continue;
      }
      const paren = i > 0 && (norm[i - 1] === 'ما' || norm[i - 1] === 'لما' || norm[i - 1] === 'حسبما');
      const compl = form.speech && !paren ? complementizerAfter(after) : -1;
      frames.push({
        cueStart: i,
        cueEnd: i + 1,
        form,
        nominal: false,
        spStart,
        spEnd,
        spChar: null,
        compl,
        last: compl >= 0 ? compl : Math.max(i, spEnd - 1),
        sentence: sentOf[i],
        speaker: { text: null, entity: null, gender: form.gender },
      });
      continue;
    }
    if (!typeMemo(types[i], PHRASE_SLOT, lex, phraseMayStart)) continue; // no pronoun phrase nor nominal cue begins here
    let matched = false;
    for (const p of lex.pronounPhrases) {
      const e = matchPhrase(i, p);
      if (e > 0) {
        pronounAfter.add(i);
        i = e - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const c of lex.nominal) {
      const e = matchPhrase(i, c.words);
      if (e < 0) continue;
      let s = e;
      let spChar: Span | null = null;
      if (c.clitic) {
        if (s < limit && norm[s] === 'ل') s++;
        else if (s < limit && norm[s].startsWith('ل') && norm[s].length > 1) {
          // لـX written as one word: the speaker starts after the clitic (and a tatweel)
          let off = tokens.start[s] + 1;
          if (text.charCodeAt(off) === 0x0640) off++;
          spChar = { start: off, end: 0 };
        }
      }
      // حسبما / وفق ما + verb: the verb is the cue
      if (s < limit && (norm[s] === 'ما' || norm[s] === 'لما')) break;
      const spEnd = nounPhraseAfter(s, limit, true); // its first word may carry لـ / لل
      if (spEnd <= s) break;
      if (spChar) spChar.end = tokens.end[spEnd - 1];
      // بحسب X، فإن …: only a فإن right after the source reports a clause
      let compl = complementizerAfter(spEnd);
      if (compl >= 0 && !c.reports && (compl - spEnd > 2 || !norm[compl].startsWith('ف'))) compl = -1;
      frames.push({
        cueStart: i,
        cueEnd: e,
        form: null,
        nominal: true,
        spStart: s,
        spEnd,
        spChar,
        compl,
        last: compl >= 0 ? compl : spEnd - 1,
        sentence: sentOf[i],
        speaker: { text: null, entity: null, gender: null },
      });
      i = spEnd - 1;
      break;
    }
  }

  // ---- pass 2: resolve speakers in text order -------------------------------------------------
  const mentions: { start: number; end: number; entity: string }[] = [];
  for (const e of entities)
    for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, entity: e.id });
  mentions.sort((a, b) => a.start - b.start);

  /** First mention starting at or after offset. */
  function mentionFrom(offset: number): number {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  function entityFor(span: Span): string | null {
    let best: string | null = null;
    let bestOverlap = 0;
    for (let k = mentionFrom(span.start - MAX_MENTION_CHARS); k < mentions.length; k++) {
      const m = mentions[k];
      if (m.start >= span.end) break;
      const ov = Math.min(m.end, span.end) - Math.max(m.start, span.start);
      if (ov > bestOverlap) {
        bestOverlap = ov;
        best = m.entity;
      }
    }
    return best;
  }

  const history: Speaker[] = [];
  function lastSpeaker(g: Gender): Speaker | null {
    if (g !== null)
      for (let h = history.length - 1; h >= 0 && h >= history.length - HISTORY_LOOKBACK; h--)
        if (history[h].gender === g) return history[h];
    return history.length ? history[history.length - 1] : null;
  }

  /** "VERB NP …, مؤكدا أن": the noun phrase after the sentence's first word, when that is a verb. */
  function initialSubject(f: Frame): Speaker | null {
    let t = sentStart(f.cueStart);
    if (
      t < n &&
      lex.clauseOpeners.has(norm[t]) &&
      (norm[t] === 'كما' || norm[t] === 'وكما' || norm[t] === 'ثم')
    )
      t++;
    if (t + 1 >= f.cueStart || tokens.kind[t] !== TokenKind.ArabicWord) return null;
    const w = norm[t];
    const bare = w.startsWith('و') || w.startsWith('ف') ? w.slice(1) : w;
    for (const x of [w, bare])
      if (lex.clauseOpeners.has(x) || lex.npStops.has(x) || lex.linkWords.has(x)) return null;
    if (w.length < 3) return null;
    if (lex.complementizers.has(w) || lex.statementNouns.has(w)) return null;
    const e = Math.min(nounPhraseAfter(t + 1, f.cueStart), t + 1 + INITIAL_SUBJECT_WORDS);
    if (e <= t + 1 || PREPOSITIONAL.test(norm[t + 1])) return null;
    // an entity mention right after the verb is the subject (كما ألقت إيران باللوم …)
    const k = mentionFrom(tokens.start[t + 1]);
    if (k < mentions.length && mentions[k].start === tokens.start[t + 1]) {
      const m = mentions[k];
      return {
        text: { start: m.start, end: m.end, text: text.slice(m.start, m.end) },
        entity: m.entity,
        gender: null,
      };
    }
    const ts = charOf(t + 1, e);
    return { text: ts, entity: entityFor(ts), gender: null };
  }

  /** بيان الوزارة / بيان للوزارة / بيان وزارة الخارجية: the issuer named right after the noun. */
  function issuerNamed(t: number): TextSpan | null {
    if (t >= n || !isWord(tokens.kind[t])) return null;
    const k = mentionFrom(tokens.start[t]);
    if (k < mentions.length && mentions[k].start === tokens.start[t]) {
      const m = mentions[k];
      return { start: m.start, end: m.end, text: text.slice(m.start, m.end) };
    }
    const w = norm[t];
    if (w.startsWith('لل')) return charOf(t, t + 1);
    if (!w.startsWith('ال') || lex.npStops.has(w)) return null;
    const e = nounPhraseAfter(t, sentEnd(t));
    return e > t ? charOf(t, e) : null;
  }

  let prevFrame: Frame | null = null;
  let reporter: Frame | null = null; // the last cue that reports a clause
  for (const f of frames) {
    let sp: Speaker | null = null;
    const coordinated =
      f.form !== null &&
      f.form.objectFirst &&
      f.form.conj &&
      prevFrame !== null &&
      prevFrame.sentence === f.sentence &&
      prevFrame.speaker.text !== null;
    if (f.spStart >= 0 && !coordinated) {
      const span = f.spChar ?? charOf(f.spStart, f.spEnd);
      const ts: TextSpan = { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
      const named = lex.statementNouns.has(norm[f.spStart]) ? issuerNamed(f.spStart + 1) : null;
      if (named) sp = { text: named, entity: entityFor(named), gender: f.speaker.gender };
      else if (lex.statementNouns.has(norm[f.spStart]) && f.spEnd - f.spStart <= 2) {
        const issuer = lastSpeaker(null);
        sp = issuer
          ? { ...issuer, gender: f.speaker.gender }
          : { text: ts, entity: entityFor(ts), gender: null };
      } else sp = { text: ts, entity: entityFor(ts), gender: f.speaker.gender };
    } else if (coordinated && prevFrame) {
      sp = { ...prevFrame.speaker, gender: f.speaker.gender };
    } else {
      // a pronoun-only cue inside a sentence shares the sentence's subject: an earlier cue's
      // speaker, the first entity in subject position, or the noun phrase after the first verb
      let ante: Speaker | null = null;
      if (f.cueStart > sentStart(f.cueStart)) {
        if (reporter && reporter.sentence === f.sentence && reporter.speaker.text) ante = reporter.speaker;
        else ante = initialSubject(f);
      }
      ante ??= lastSpeaker(f.speaker.gender);
      if (ante) sp = { text: ante.text, entity: ante.entity, gender: f.speaker.gender ?? ante.gender };
    }
    if (sp) {
      f.speaker = sp;
      if (sp.text) history.push(sp);
    }
    prevFrame = f;
    if (f.compl >= 0) reporter = f;
  }

  const lastSpeechFrame = new Map<number, Frame>();
  for (const f of frames) if (!f.form || f.form.speech) lastSpeechFrame.set(f.sentence, f);

  // ---- direct quotations ------------------------------------------------------------------------
  const quotes: Omit<Quote, 'id'>[] = [];
  const usedCompl = new Set<number>();
  let fi = 0; // frames are in token order
  const keptOpen = new Uint8Array(n);
  let prevDirect: { speaker: Speaker; cue: TextSpan | null; closeSent: number } | null = null;
  // Words before each token, so the gap from a cue to a far quotation is O(1) (not a scan per quote).
  const wordsBefore = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) wordsBefore[t + 1] = wordsBefore[t] + (isWord(tokens.kind[t]) ? 1 : 0);
  marked.forEach((q, qi) => {
    const o = openTok[qi];
    const c = closeTok[qi];
    if (o >= n || nameQuote[qi]) return;
    let words = 0;
    for (let t = o + 1; t < c; t++)
      if (isWord(tokens.kind[t]) || tokens.kind[t] === TokenKind.Number) words++;
    const sO = sentOf[o];
    const sC = c < n ? sentOf[c] : sO;

    while (fi < frames.length && frames[fi].cueStart < o) fi++;
    // (A) nearest cue before, same sentence
    let before: Frame | null = null;
    for (let k = fi - 1; k >= 0 && k >= fi - HISTORY_LOOKBACK; k--) {
      const f = frames[k];
      if (f.sentence !== sO) break;
      if (f.form && !f.form.speech) continue;
      before = f;
      break;
    }
    let speechPos = false;
    if (before) {
      // words between the cue construction and the opening mark
      const gap = o > before.last + 1 ? wordsBefore[o] - wordsBefore[before.last + 1] : 0;
      let p = o - 1;
      if (p >= 0 && norm[p].length === 1 && p > before.last) p--; // a clitic written apart: لـ «…»
      const introduced =
        p >= 0 &&
        (lex.complementizers.has(norm[p]) || isColon(p) || p === before.cueStart || p === before.cueEnd - 1);
      speechPos = words > TERM_MAX_WORDS ? gap === 0 || introduced : introduced;
      // a short quotation in speech position ends its clause: أن «داعش» يسيطر … is a name, not
      // speech; after أنه / إنها the subject is given, so «…» is the predicate and stays speech
      const suffixed = p >= 0 && lex.complementizers.has(norm[p]) && !norm[p].endsWith('ان');
      if (speechPos && !suffixed && words <= TERM_MAX_WORDS && c + 1 < n && sentOf[c + 1] === sC) {
        const nx = c + 1;
        if (isWord(tokens.kind[nx]) && !lex.forms.has(norm[nx]) && norm[nx] !== 'و') speechPos = false;
      }
    }
    // (B) cue right after the closing mark, same sentence
    let after: Frame | null = null;
    let afterPronoun = false;
    if (c < n) {
      let t = c + 1;
      while (t < n && tokens.kind[t] === TokenKind.Punct && !isPunct(t, 0x2e) && !isOpenMark[t]) t++;
      if (t < n && sentOf[t] === sC) {
        for (let k = fi; k < frames.length; k++) {
          const f = frames[k];
          if (f.cueStart > t + 1) break;
          // «…»، قال X / «…» يقول X / «…»، بحسب X — a verb with و starts a new clause instead
          if (f.cueStart >= t && (!f.form || (f.form.speech && !f.form.conj))) {
            after = f;
            break;
          }
        }
        if (!after && pronounAfter.has(t)) afterPronoun = true;
      }
    }
    // (C) "Speaker: «…»"
    let label: TextSpan | null = null;
    if (!before && !after && o > 0 && isColon(o - 1)) {
      const colon = o - 1;
      let a = colon;
      while (a > 0 && isWord(tokens.kind[a - 1]) && colon - a < 6 && sentOf[a - 1] === sO) a--;
      const nx = c + 1;
      const runsOn = words <= TERM_MAX_WORDS && nx < n && sentOf[nx] === sC && isWord(tokens.kind[nx]);
      if (a < colon && (a === 0 || !isWord(tokens.kind[a - 1])) && !runsOn) label = charOf(a, colon);
    }

    let speaker: Speaker | null = null;
    let cue: TextSpan | null = null;
    let attached = false;
    if (before && (speechPos || (words > TERM_MAX_WORDS && !after))) {
      speaker = before.speaker;
      cue = charOf(before.cueStart, before.cueEnd);
      attached = true;
      if (before.compl >= 0 && before.compl === o - 1) usedCompl.add(before.compl);
    } else if (after) {
      speaker = after.speaker;
      cue = charOf(after.cueStart, after.cueEnd);
      attached = true;
    } else if (afterPronoun) {
      speaker = lastSpeaker(null);
      attached = true;
    } else if (label) {
      speaker = { text: label, entity: entityFor(label), gender: null };
      history.push(speaker);
      attached = true;
    } else if (words >= TERM_MAX_WORDS + 1) {
      // a continuation of the previous sentence's quotation or cue
      if (prevDirect && (prevDirect.closeSent === sO - 1 || prevDirect.closeSent === sO)) {
        speaker = prevDirect.speaker;
        cue = prevDirect.cue;
        attached = true;
      } else {
        const lastPrev = sO > 0 ? lastSpeechFrame.get(sO - 1) : undefined;
        if (lastPrev) {
          speaker = lastPrev.speaker;
          cue = charOf(lastPrev.cueStart, lastPrev.cueEnd);
          attached = true;
        }
      }
    }
    if (!attached && words < UNATTRIBUTED_MIN_WORDS) return; // a term or a title, not speech
    keptOpen[o] = 1;
    const sp = speaker ?? { text: null, entity: null, gender: null };
    quotes.push({
      start: q.start,
      end: q.end,
      text: text.slice(q.start, q.end),
      direct: true,
      speaker: sp.entity,
      speakerText: sp.text,
      cue,
    });
    prevDirect = { speaker: sp, cue, closeSent: sC };
  });

  // ---- indirect speech --------------------------------------------------------------------------
  // All in linear time: the next kept quotation mark after each token, word counts as prefix sums,
  // the last content token before each token, the next reporting cue after each frame.
  const nextOpen = new Int32Array(n + 1).fill(n);
  for (let t = n - 1; t >= 0; t--) nextOpen[t] = keptOpen[t] ? t : nextOpen[t + 1];
  const wordsUpTo = new Int32Array(n + 1);
  for (let t = 0; t < n; t++)
    wordsUpTo[t + 1] = wordsUpTo[t] + (isWord(tokens.kind[t]) || tokens.kind[t] === TokenKind.Number ? 1 : 0);
  const lastContent = new Int32Array(n); // last token <= t that is neither punctuation nor a lone و
  for (let t = 0; t < n; t++)
    lastContent[t] =
      tokens.kind[t] !== TokenKind.Punct && norm[t] !== 'و' ? t : t > 0 ? lastContent[t - 1] : -1;
  // a reported clause ends at the next cue that reports (has a complementizer) or names a new
  // speaker after a perfect verb (… من جهته أكد مدير الشؤون …)
  const reports = (f: Frame): boolean =>
    f.compl >= 0 ||
    (f.form !== null &&
      f.form.speech &&
      f.form.kind === 'perfect' &&
      !f.form.objectFirst &&
      f.spStart > f.cueStart &&
      (f.form.conj || opensClause(f.cueStart)));
  /** The token before i ends a clause: punctuation, a clause opener, or من جهته / من جانبه. */
  const opensClause = (i: number): boolean =>
    i === 0 ||
    tokens.kind[i - 1] === TokenKind.Punct ||
    lex.clauseOpeners.has(norm[i - 1]) ||
    (i > 1 && (norm[i - 2] === 'من' || norm[i - 2] === 'ومن'));
  const nextReporter = new Int32Array(frames.length + 1).fill(-1);
  for (let k = frames.length - 1; k >= 0; k--)
    nextReporter[k] = k + 1 < frames.length && reports(frames[k + 1]) ? k + 1 : nextReporter[k + 1];
  for (let k = 0; k < frames.length; k++) {
    const f = frames[k];
    if (f.compl < 0 || usedCompl.has(f.compl)) continue;
    const s = f.compl + 1;
    if (s >= n || keptOpen[s]) continue;
    let e = Math.min(sentEnd(f.compl), nextOpen[s]);
    const r = nextReporter[k];
    if (r >= 0 && frames[r].cueStart > s && frames[r].cueStart < e) e = frames[r].cueStart;
    // trim trailing punctuation and a dangling conjunction
    e = e > s ? Math.max(s, lastContent[e - 1] + 1) : s;
    const words = wordsUpTo[e] - wordsUpTo[s];
    if (words < 2) continue;
    const span = charOf(s, e);
    quotes.push({
      ...span,
      direct: false,
      speaker: f.speaker.entity,
      speakerText: f.speaker.text,
      cue: charOf(f.cueStart, f.cueEnd),
    });
  }

  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  return quotes.map((q, i) => ({ id: `Q${i + 1}`, ...q }));
}
