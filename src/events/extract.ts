// Event extraction: find triggers through the lexicon and morphology, then arguments (source,
// target), modality, location and time by Arabic clause structure. Pure: Doc layers in, events out.
import {
  TokenKind,
  type Doc,
  type Entity,
  type Event,
  type EventArg,
  type EventQuantity,
  type Modality,
} from '../doc/types.js';
import { normaliseWord, tokenTypes, tokenWords, typeMemo, wordSlot } from '../text/normalise.js';
import { inSet, type Grammar, type LexEntry, type Lexicon, type VerbHit } from './lexicon.js';
import { nounCandidates, verbCandidates } from './morphology.js';
import type { Ontology } from './ontology.js';

export interface EventResources {
  onto: Ontology;
  lex: Lexicon;
  gram: Grammar;
}

interface Trigger {
  t: number;
  entry: LexEntry;
  verb: boolean;
  future: boolean;
  passive: boolean;
  participle: boolean;
  /** A verb carrying an object pronoun (دمرتها). */
  objPron: boolean;
  /** An imperfect verb (يقاتل, تدعو) without the future prefix. */
  imperfect: boolean;
  /** A noun carrying a possessive pronoun (لقائه): the pronoun fills its genitive slot. */
  pron: boolean;
  code: string | null;
  /** Code came from a context rule. */
  viaCtx: boolean;
}

interface Ment {
  ent: Entity;
  start: number;
  end: number;
  first: number;
  last: number;
}

interface Args {
  src: number[];
  tgt: number[];
  /** How the source was found. */
  how: 'agent' | 'svo' | 'vso' | 'pron' | 'rel' | 'coord' | 'topic' | 'carry' | 'head' | 'none';
  /** The subject was found after the verb (VSO); targets are searched after it. */
  after: number;
}

const NONE: number[] = [];
/** Entity types that can act (places cannot). */
const ACTOR_TYPES = new Set(['PER', 'ORG', 'GPE', 'MISC']);

/** Error analysis only (scripts/events/why.ts): told why a trigger candidate at token t was left
 * out. Null in production, so the stage pays one comparison per dropped candidate. */
export const eventTrace: { fn: ((t: number, why: string) => void) | null } = { fn: null };
const why = (t: number, reason: string): true => {
  if (eventTrace.fn) eventTrace.fn(t, reason);
  return true;
};

/** What the lexicon says about one normalised Arabic word, whatever its context. */
interface WordInfo {
  /** Its bare forms (nounCandidates), shared read-only by every token of the word. */
  cands: string[];
  possAt: number;
  /** The first verb form of the lexicon among its verb candidates. */
  vh: VerbHit | null;
  /** The first noun form's entry (-1 when none), whether a pronoun fills it, and definiteness. */
  nEntry: number;
  pron: boolean;
  nDefinite: boolean;
}

const INFO_SLOT = wordSlot();
/** A non-Arabic token's only bare form is itself (one shared array per word type). */
const SELF_SLOT = wordSlot();
const selfOnly = (_res: EventResources, w: string): string[] => [w];

function makeWordInfo(res: EventResources, w: string): WordInfo {
  const { lex } = res;
  const cands: string[] = [];
  const possAt = nounCandidates(w, cands);
  let vh: VerbHit | null = null;
  for (const c of verbCandidates(w)) {
    vh = lex.verbs.get(c) ?? null;
    if (vh) break;
  }
  let nEntry = -1;
  let nDefinite = false;
  let pron = false;
  for (let k = 0; k < cands.length; k++) {
    const e = lex.nouns.get(cands[k]);
    if (e !== undefined) {
      nEntry = e < 0 ? -e - 1 : e;
      pron = e < 0 || k >= possAt;
      nDefinite = cands[k] !== w && !(w.length === cands[k].length + 1 && (w[0] === 'و' || w[0] === 'ف'));
      break;
    }
  }
  return { cands, possAt, vh, nEntry, pron, nDefinite };
}

/** Everything the extractor derives from one document's layers. */
class DocView {
  readonly n: number;
  readonly nw: string[];
  readonly cands: string[][];
  /** Index in `cands[t]` where possessive-stripped forms begin. */
  readonly possAt: Uint8Array;
  /** Per-word-type facts of each Arabic word token (null for other tokens). */
  readonly info: (WordInfo | null)[];
  readonly mAt: Int32Array;
  readonly ments: Ment[];
  readonly trig: (Trigger | null)[];
  readonly boundary: Uint8Array;
  /** The previous sentence's subject (one mention), for a next sentence opening with وأضاف. */
  prevSubj = -1;
  constructor(
    readonly doc: Doc,
    readonly res: EventResources,
  ) {
    const tk = doc.tokens;
    this.n = tk.count;
    this.nw = new Array<string>(this.n);
    this.cands = new Array<string[]>(this.n);
    this.possAt = new Uint8Array(this.n);
    this.info = new Array<WordInfo | null>(this.n);
    const words = tokenWords(doc.text, tk);
    const types = tokenTypes(doc.text, tk);
    for (let t = 0; t < this.n; t++) {
      const w = words[t];
      this.nw[t] = w;
      if (tk.kind[t] === TokenKind.ArabicWord) {
        const info = typeMemo(types[t], INFO_SLOT, res, makeWordInfo);
        this.info[t] = info;
        this.possAt[t] = info.possAt;
        this.cands[t] = info.cands;
      } else {
        this.info[t] = null;
        this.possAt[t] = 1;
        this.cands[t] = typeMemo(types[t], SELF_SLOT, res, selfOnly);
      }
    }
    this.mAt = new Int32Array(this.n).fill(-1);
    const ms: Ment[] = [];
    for (const ent of doc.entities)
      for (const m of ent.mentions) ms.push({ ent, start: m.start, end: m.end, first: -1, last: -1 });
    ms.sort((x, y) => x.start - y.start || y.end - x.end);
    this.ments = [];
    for (const m of ms) {
      const first = this.tokenOf(m.start);
      if (first < 0) continue;
      let last = first;
      while (last + 1 < this.n && tk.start[last + 1] < m.end) last++;
      if (this.mAt[first] >= 0) continue; // overlapping mention: keep the earlier/longer one
      m.first = first;
      m.last = last;
      const mi = this.ments.length;
      this.ments.push(m);
      for (let t = first; t <= last; t++) if (this.mAt[t] < 0) this.mAt[t] = mi;
    }
    this.trig = new Array<Trigger | null>(this.n).fill(null);
    const g = res.gram;
    this.boundary = new Uint8Array(this.n);
    for (let t = 0; t < this.n; t++) {
      const w = this.nw[t];
      if (
        g.complementizers.has(w) ||
        g.pronounComplementizers.has(w) ||
        g.relatives.has(w) ||
        g.clauseBreaks.has(w) ||
        g.conditional.has(w)
      )
        this.boundary[t] = 1;
    }
  }

  /** The token containing offset `o`, or -1. */
  tokenOf(o: number): number {
    const tk = this.doc.tokens;
    let lo = 0;
    let hi = this.n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tk.end[mid] <= o) lo = mid + 1;
      else if (tk.start[mid] > o) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Punctuation that separates phrases: , ; : and dashes. */
  isComma(t: number): boolean {
    const w = this.nw[t];
    return this.doc.tokens.kind[t] === TokenKind.Punct && (w === ',' || w === ';' || w === ':' || w === '-');
  }

  /** Quotation marks and brackets: transparent for argument search. */
  isQuote(t: number): boolean {
    if (this.doc.tokens.kind[t] !== TokenKind.Punct) return false;
    const w = this.nw[t];
    return w === '"' || w === "'" || w === '(' || w === ')' || w === '[' || w === ']' || w === '/';
  }

  inDateline(mi: number): boolean {
    const d = this.doc.dateline;
    return d !== null && this.ments[mi].start >= d.start && this.ments[mi].end <= d.end;
  }

  /** A nisba adjective (الأمريكية, الإيراني) standing for its country, not the country's name. */
  isNisba(mi: number): boolean {
    const m = this.ments[mi];
    let w = normaliseWord(this.doc.text.slice(m.start, m.end));
    if (m.ent.type !== 'GPE' || w.includes(' ') || w === normaliseWord(m.ent.name.ar)) return false;
    if (w.startsWith('ال')) w = w.slice(2);
    return w.endsWith('يه') || w.endsWith('ي') || w.endsWith('يين') || w.endsWith('يون');
  }

  /** A place named as such: a location or facility, or a state or city by its name (not a nisba). */
  isPlaceName(mi: number): boolean {
    const t = this.ments[mi].ent.type;
    return t === 'LOC' || t === 'FAC' || (t === 'GPE' && !this.isNisba(mi));
  }

  /** A title and a name side by side (رئيس مجلس الأمة بالإنابة مبارك الخرينج, الأمير محمد بن سلمان
   * ولي ولي العهد): one names the office, the other the person. */
  apposition(x: number, y: number): boolean {
    const heads = this.res.gram.actorHeads;
    const title = (mi: number): boolean => inSet(this.cands[this.ments[mi].first], heads);
    const ex = this.ments[x].ent;
    const ey = this.ments[y].ent;
    // وزير الخارجية البحريني نوري المالكي: two countries, two actors (subject and object).
    if (ex.actor.country && ey.actor.country && ex.actor.country !== ey.actor.country) return false;
    return (title(x) && ey.type === 'PER') || (title(y) && ex.type === 'PER');
  }

  /** Clause boundaries for argument search: complementizers, relatives, clause-linking words. */
  isBoundary(t: number): boolean {
    return this.boundary[t] === 1;
  }

  isVerbTrigger(t: number): boolean {
    const tr = this.trig[t];
    return tr !== null && tr.verb;
  }

  /** Does the mention starting at its first token begin a new mention (not a continuation)? */
  startsAt(t: number): number {
    const mi = this.mAt[t];
    return mi >= 0 && this.ments[mi].first === t ? mi : -1;
  }

  /** The preposition introducing a mention ('' for none), from a clitic or the previous word. */
  prepOf(mi: number): string {
    const m = this.ments[mi];
    const tk = this.doc.tokens;
    const g = this.res.gram;
    if (m.start > tk.start[m.first]) {
      let p = normaliseWord(this.doc.text.slice(tk.start[m.first], m.start));
      if (p.length > 1 && (p[0] === 'و' || p[0] === 'ف')) p = p.slice(1);
      if (p === 'لل') return 'ل';
      if (p === 'ب' || p === 'ل' || p === 'ك') return p;
      if (p.endsWith('ال') && (p[0] === 'ب' || p[0] === 'ل' || p[0] === 'ك')) return p[0];
    } else {
      let w = this.nw[m.first];
      if (w.length > 4 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
      if (w.length > 4 && w.startsWith('لل')) return 'ل';
      if (w.length > 4 && (w.startsWith('بال') || w.startsWith('كال'))) return w[0];
    }
    const b = m.first - 1;
    if (b < 0) return '';
    let w = this.nw[b];
    if (w.length > 2 && (w[0] === 'و' || w[0] === 'ف') && g.allPreps.has(w.slice(1))) w = w.slice(1);
    if (g.allPreps.has(w)) return w;
    return '';
  }

  /** Is the mention introduced by a passive-agent phrase (من قبل, على يد), up to 3 words before? */
  isAgent(mi: number): boolean {
    const f = this.ments[mi].first;
    for (let back = 0; back < 4; back++) {
      if (back > 0) {
        const x = f - back;
        if (
          x < 0 ||
          this.mAt[x] >= 0 ||
          this.isBoundary(x) ||
          this.doc.tokens.kind[x] !== TokenKind.ArabicWord
        )
          return false;
      }
      for (const ph of this.res.gram.agent) {
        const s = f - back - ph.length;
        if (s < 0) continue;
        let ok = true;
        for (let k = 0; k < ph.length && ok; k++) {
          const w = this.nw[s + k];
          ok = w === ph[k] || (k === 0 && (w === 'و' + ph[k] || w === 'ف' + ph[k]));
        }
        if (ok) return true;
      }
    }
    return false;
  }

  /** For a nisba (في الغارات الأمريكية, في غارات جوية أمريكية), the preposition of the noun phrase
   * it closes ('' for none): up to three words back, stopping at a mention or punctuation. */
  headPrep(mi: number): string {
    const preps = this.res.gram.allPreps;
    for (let h = this.ments[mi].first - 1, k = 0; h >= 0 && k < 3; h--, k++) {
      if (this.mAt[h] >= 0 || this.doc.tokens.kind[h] !== TokenKind.ArabicWord) return '';
      let w = this.nw[h];
      if (w.length > 2 && (w[0] === 'و' || w[0] === 'ف') && preps.has(w.slice(1))) w = w.slice(1);
      if (preps.has(w)) return w;
      if (w.length > 4 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
      if (w.length > 4 && w.startsWith('لل')) return 'ل';
      if (w.length > 4 && (w.startsWith('بال') || w.startsWith('كال'))) return w[0];
    }
    return '';
  }

  /** Is the word-initial و of a mention a conjunction (وإيران), not the first letter of its name
   * (واشنطن)? */
  conjoined(mi: number): boolean {
    const m = this.ments[mi];
    if (m.start > this.doc.tokens.start[m.first]) return true;
    const surface = normaliseWord(this.doc.text.slice(m.start, m.end));
    if (surface[0] !== 'و') return false;
    const name = normaliseWord(m.ent.name.ar);
    return name[0] !== 'و' || name.length < surface.length;
  }

  /** A mention and the mentions coordinated with it by و (X وY وZ). */
  coordinated(mi: number, sentEnd: number): number[] {
    const out = [mi];
    let cur = mi;
    for (;;) {
      const nx = this.ments[cur].last + 1;
      if (nx >= sentEnd) break;
      let next = -1;
      if (this.nw[nx] === 'و' && nx + 1 < sentEnd) next = this.startsAt(nx + 1);
      else if (this.nw[nx][0] === 'و') {
        next = this.startsAt(nx);
        // واشنطن, وزير: a و that belongs to the name is no conjunction.
        if (next >= 0 && !this.conjoined(next)) next = -1;
      }
      if (next < 0 || next === cur) break;
      if (out.some((o) => this.ments[o].ent === this.ments[next].ent)) break;
      out.push(next);
      cur = next;
    }
    return out;
  }
}

const argOf = (v: DocView, mi: number | undefined): EventArg =>
  mi === undefined
    ? { entity: null, code: null }
    : {
        entity: v.ments[mi].ent.id,
        code: v.ments[mi].ent.actor.code ?? v.ments[mi].ent.actor.country ?? null,
      };

/** Find the trigger at token t (if any) and resolve its code through the context rules. */
function matchToken(v: DocView, t: number, a: number, b: number, consumed: Uint8Array): Trigger | null {
  const { lex } = v.res;
  if (v.doc.tokens.kind[t] !== TokenKind.ArabicWord || consumed[t] || v.mAt[t] >= 0) return null;
  const w = v.nw[t];
  // Function words (prepositions, complementizers, relatives) are never triggers.
  if (w.length < 2 || v.boundary[t] || v.res.gram.allPreps.has(w)) return null;
  const info = v.info[t];
  if (info === null) return null;
  let vh = info.vh;
  const { nEntry, nDefinite, pron } = info;
  // A verb does not follow a preposition: عن خطط is the noun "plans"; nor a word that heads a
  // background noun (تحت سيطرة, إثر قصف).
  if (
    vh &&
    t > a &&
    (v.res.gram.allPreps.has(v.nw[t - 1]) || inSet(v.cands[t - 1], v.res.gram.backgroundHeads))
  )
    vh = null;
  let entry: LexEntry;
  let verb: boolean;
  let circumstantial: VerbHit | null = null;
  // رحبت الجامعة بالهدنة، مطالبة الميليشيات باحترامها: an indefinite participle right after a
  // comma with an actor as its object is circumstantial (its subject is the main clause's); a
  // feminine one (مطالبة) is spelt like the verbal noun, so it is found through the masculine
  // accusative (مطالبا) of the same entry.
  if (!nDefinite && t > a && v.isComma(t - 1) && t + 1 < b && v.mAt[t + 1] >= 0) {
    const pv = vh?.participle
      ? vh
      : nEntry >= 0 && w.length > 3 && w.endsWith('ه')
        ? (lex.verbs.get(w.slice(0, -1) + 'ا') ?? null)
        : null;
    if (
      pv &&
      pv.participle &&
      (vh === pv || pv.entry === nEntry) &&
      ACTOR_TYPES.has(v.ments[v.mAt[t + 1]].ent.type)
    )
      circumstantial = pv;
  }
  if (circumstantial) vh = circumstantial;
  if (vh && nEntry >= 0) {
    const prev = t > a ? v.trig[t - 1] : null;
    verb =
      circumstantial !== null ||
      (!nDefinite && !(prev && prev.entry.kind !== 'event') && !vh.participle && !inNounChain(v, t, a));
    entry = lex.entries[verb ? vh.entry : nEntry];
  } else if (vh) {
    entry = lex.entries[vh.entry];
    verb = true;
  } else if (nEntry >= 0) {
    entry = lex.entries[nEntry];
    verb = false;
  } else return null;
  if (entry.notAfter && t > a && inSet(v.cands[t - 1], entry.notAfter) && why(t, 'notAfter')) return null;
  if (verb && vh?.participle) {
    // مشيدا بالدور, معربا عن: a circumstantial participle takes a prepositional complement.
    const nx = t + 1 < b ? v.nw[t + 1] : '';
    const c0 = nx[0];
    if (
      circumstantial === null &&
      !(v.res.gram.allPreps.has(nx) || nx === 'ان' || c0 === 'ب' || c0 === 'ل') &&
      why(t, 'participle-no-prep')
    )
      return null;
  }
  if (entry.not) {
    for (let u = t + 1; u < Math.min(b, t + 5); u++)
      if (inSet(v.cands[u], entry.not) && why(t, 'not-word')) return null;
  }
  let code = entry.code;
  let viaCtx = false;
  for (const r of entry.ctx) {
    // The window counts words outside entity mentions: a subject between verb and object is free.
    let hit = -1;
    const step = r.before ? -1 : 1;
    for (let u = t + step, k = 0; u >= a && u < b && k < r.within; u += step) {
      // قتل اثنين … في سوروج، شنت الحكومة غارات: the context of a killing is its own clause
      // (statements reach past an apposition: أعلنت اللجنة، برئاسة …، حالة الطوارئ).
      if (entry.passiveIfNoObject && (v.isComma(u) || v.boundary[u])) break;
      if (v.mAt[u] < 0 && v.doc.tokens.kind[u] !== TokenKind.Punct) k++;
      if (inSet(v.cands[u], r.words)) {
        hit = u;
        break;
      }
    }
    if (hit >= 0) {
      if (r.code === null && why(t, 'ctx-block')) return null;
      code = r.code;
      viaCtx = true;
      // قتل 20 مسلحا في غارات للتحالف: a violent noun that set a killing's code is still an event
      // of its own, with its own actor (the killing then reads as its result).
      // قتل 20 مسلحا في غارات للتحالف: the strikes that set a killing's code stay an event of their
      // own, with their own actor (the agentless killing is then read as their result).
      const keep = entry.passiveIfNoObject === true;
      if (!r.before) for (let u = t + 1; u <= hit; u++) if (!(keep && violentNoun(v, u))) consumed[u] = 1;
      break;
    }
  }
  if (code === null && entry.kind === 'event' && why(t, 'no-ctx-code')) return null;
  return {
    t,
    entry,
    verb,
    future: verb && (vh?.future ?? false),
    passive: verb && (vh?.passive ?? false),
    participle: verb && (vh?.participle ?? false),
    objPron: verb && (vh?.object ?? false),
    imperfect: verb && (vh?.imperfect ?? false) && !(vh?.future ?? false),
    pron: !verb && pron,
    code,
    viaCtx,
  };
}

/** بقتل الأطفال ومصادرة الأراضي وهدم البيوت, العدوان والإجرام وفرض المزيد: a و-word after a
 * conjunct that is a definite noun or an event noun continues a list of nouns (a masdar). */
function inNounChain(v: DocView, t: number, a: number): boolean {
  if (v.nw[t][0] !== 'و') return false;
  for (let u = t - 1; u >= Math.max(a, t - 3); u--) {
    if (v.doc.tokens.kind[u] !== TokenKind.ArabicWord) return false;
    const w = v.nw[u];
    if (w[0] !== 'و' || w.length < 4) continue;
    if (w.startsWith('وال')) return v.mAt[u] < 0;
    const tr = v.trig[u];
    return tr !== null && !tr.verb;
  }
  return false;
}

const violentRoot = (code: string | null): boolean =>
  code !== null && (code.startsWith('18') || code.startsWith('19') || code.startsWith('20'));

/** The draft of an indefinite violent noun that the verb at t describes as an asyndetic relative
 * clause (ضربة جوية استهدفت): at most two plain words (adjectives) between them. */
function describedNoun(v: DocView, t: number, a: number, drafts: Draft[]): Draft | null {
  for (let u = t - 1, k = 0; u >= a && k < 3; u--, k++) {
    if (v.doc.tokens.kind[u] !== TokenKind.ArabicWord || v.mAt[u] >= 0) return null;
    const p = v.trig[u];
    if (p) {
      if (p.verb || !violentRoot(p.code) || v.nw[u].startsWith('ال')) return null;
      return drafts.find((d) => d.tr === p) ?? null;
    }
  }
  return null;
}

/** A comma between tokens x (inclusive) and y (exclusive). */
function afterComma(v: DocView, x: number, y: number): boolean {
  for (let u = x; u < y; u++) if (v.isComma(u)) return true;
  return false;
}

/** No comma or clause boundary between tokens x and y. */
function sameClause(v: DocView, x: number, y: number): boolean {
  for (let u = Math.min(x, y) + 1; u < Math.max(x, y); u++) if (v.isComma(u) || v.boundary[u]) return false;
  return true;
}

/** Is token u a verbal noun of the lexicon with a violent code (غارات, اشتباكات)? */
function violentNoun(v: DocView, u: number): boolean {
  for (const c of v.cands[u]) {
    const e = v.res.lex.nouns.get(c);
    if (e !== undefined) return violentRoot(v.res.lex.entries[e < 0 ? -e - 1 : e].code);
  }
  return false;
}

/** Source (subject) of a verb trigger; memoised per token. */
function subjectOf(v: DocView, t: number, a: number, b: number, memo: Map<number, Args>, depth = 0): Args {
  const known = memo.get(t);
  if (known) return known;
  const g = v.res.gram;
  const res: Args = { src: NONE, tgt: NONE, how: 'none', after: t + 1 };
  memo.set(t, res);
  // Passive agent after the verb: من قبل X, على يد X.
  for (let u = t + 1; u < Math.min(b, t + 12); u++) {
    if (v.isBoundary(u) || v.isVerbTrigger(u)) break;
    const mi = v.startsAt(u);
    if (mi >= 0 && v.isAgent(mi)) {
      res.src = v.coordinated(mi, b);
      res.how = 'agent';
      return res;
    }
  }
  if (v.trig[t]?.passive) return res;
  if (v.trig[t]?.participle && depth < 3) {
    // …، مشيدا بـ X: the subject of the main verb before it.
    for (let m = t - 1; m >= a; m--)
      if (v.isVerbTrigger(m) && !v.trig[m]!.participle) {
        res.src = subjectOf(v, m, a, b, memo, depth + 1).src;
        res.how = 'coord';
        return res;
      }
    // وعبر الرئيس هادي عن سعادته …، مشيدا بـ: the main verb is not in the lexicon; its subject
    // is the first bare actor of the sentence, right after the sentence's first word.
    // (وعبر is the verb "expressed", not the preposition عبر "via", before a name.)
    const mi = a + 1 < t ? v.startsAt(a + 1) : -1;
    if (
      mi >= 0 &&
      ACTOR_TYPES.has(v.ments[mi].ent.type) &&
      (v.prepOf(mi) === '' || (v.nw[a].length >= 4 && v.nw[a][0] === 'و')) &&
      !v.inDateline(mi) &&
      !v.isNisba(mi)
    ) {
      res.src = [mi];
      res.how = 'coord';
    }
    return res;
  }
  // Region before the verb, back to a clause boundary or another verb.
  let stop = a - 1;
  for (let u = t - 1; u >= a; u--)
    if (v.isBoundary(u) || v.isVerbTrigger(u)) {
      stop = u;
      break;
    }
  const stopIsVerb = stop >= a && v.isVerbTrigger(stop);
  const w0 = v.nw[t];
  if (stopIsVerb && depth < 3 && (w0[0] === 'و' || w0[0] === 'ف')) {
    // زار X بغداد والتقى Y: a verb joined by و to the verb before it, with no comma between,
    // shares its subject.
    let comma = false;
    for (let u = stop + 1; u < t && !comma; u++) comma = v.isComma(u);
    // (… أن السعودية تدعم الإرهاب وطالب: not a state before a masculine verb.)
    const shared = comma ? NONE : subjectOf(v, stop, a, b, memo, depth + 1).src;
    if (!comma && !(shared.length === 1 && stateMismatch(v, t, shared[0]))) {
      res.src = shared;
      res.how = 'coord';
      return res;
    }
  }
  // الغارات التي تلت ذلك استهدفت X: a verb after a whole relative clause is the main verb of the
  // relative's antecedent: that noun is the subject (an actor, or none), and X is the object.
  let shortRel = stop >= a && t - stop > 2 && t - stop <= 6 && g.relatives.has(v.nw[stop]);
  for (let u = stop + 1; u < t && shortRel; u++) shortRel = !v.isComma(u) && v.mAt[u] < 0;
  if (shortRel) {
    let p = stop - 1;
    while (p >= a && (v.isComma(p) || v.isQuote(p))) p--;
    if (p >= a && v.mAt[p] >= 0 && v.ments[v.mAt[p]].last === p) {
      res.src = [v.mAt[p]];
      res.how = 'rel';
    } else res.how = 'topic';
    return res;
  }
  // X، التي تقاتل …: right after a relative pronoun, the subject is the antecedent; but in حلب
  // التي دمرتها الغارات the verb's object pronoun is the antecedent, and the subject follows.
  if (stop >= a && stop >= t - 2 && g.relatives.has(v.nw[stop]) && !v.trig[t]?.objPron) {
    for (let p = stop - 1, words = 0; p >= Math.max(a, stop - 6); p--) {
      if (v.mAt[p] >= 0) {
        res.src = [v.mAt[p]];
        res.how = 'rel';
        return res;
      }
      if (v.isComma(p) || v.isQuote(p)) continue;
      if (++words > 2) break;
    }
  }
  // SVO: the clause opens with its subject (after at most two title words: الرئيس الأمريكي X).
  // Not after a relative pronoun with a comma before the verb (العقوبات التي فرضتها الحكومة
  // التركية، وطالب): that mention is the relative clause's subject.
  let svo = -1;
  let relBefore = stop >= a && g.relatives.has(v.nw[stop]);
  if (relBefore) {
    let comma = false;
    for (let u = stop + 1; u < t && !comma; u++) comma = v.isComma(u);
    relBefore = comma;
  }
  if (!stopIsVerb && !relBefore) {
    for (let u = stop + 1, words = 0; u < t; u++) {
      if (v.isQuote(u) || g.copulas.has(v.nw[u])) continue;
      const mi = v.startsAt(u);
      if (mi >= 0) {
        // بأن السعودية راعية … وطالب: a subject before its verb agrees with it in gender.
        if (v.prepOf(mi) === '' && !v.isAgent(mi) && !v.inDateline(mi) && !stateMismatch(v, t, mi)) svo = mi;
        break;
      }
      const k = v.doc.tokens.kind[u];
      if ((k !== TokenKind.ArabicWord && k !== TokenKind.Number) || g.allPreps.has(v.nw[u]) || ++words > 2)
        break;
      if (
        v.nw[u].length > 2 &&
        (v.nw[u][0] === 'و' || v.nw[u][0] === 'ف') &&
        g.allPreps.has(v.nw[u].slice(1))
      )
        break;
    }
  }
  if (svo >= 0) {
    res.src = v.coordinated(svo, b);
    res.how = 'svo';
    return res;
  }
  // زعيم الحزب … صلاح الدين دمرتاش دعا: a bare actor name right before the verb is its subject,
  // however long the title before it (a verb joined by و was handled above).
  if (t - 1 > stop) {
    const mi = v.mAt[t - 1];
    if (
      mi >= 0 &&
      v.ments[mi].last === t - 1 &&
      ACTOR_TYPES.has(v.ments[mi].ent.type) &&
      !v.isNisba(mi) &&
      v.prepOf(mi) === '' &&
      !v.isAgent(mi) &&
      !v.inDateline(mi) &&
      // في حركتي حماس والجهاد الإسلامي دمرت: a conjunct shares the first one's preposition.
      !v.conjoined(mi) &&
      !stateMismatch(v, t, mi)
    ) {
      res.src = [mi];
      res.how = 'svo';
      return res;
    }
  }
  if (stop >= a && depth < 3 && g.pronounComplementizers.has(v.nw[stop])) {
    // أعلنت X أنها أرسلت: the pronoun is the subject, and it refers to the matrix subject.
    res.how = 'pron';
    // The matrix verb: the nearest speech verb before the complementizer, else any verb.
    let mv = -1;
    for (let m = stop - 1; m >= a && mv < 0; m--)
      if (v.isVerbTrigger(m) && v.trig[m]!.entry.kind === 'report') mv = m;
    for (let m = stop - 1; m >= a && mv < 0; m--) if (v.isVerbTrigger(m)) mv = m;
    if (mv >= 0) {
      res.src = subjectOf(v, mv, a, b, memo, depth + 1).src;
      return res;
    }
    // The matrix verb is not in the lexicon: the first bare mention before it.
    for (let m = a; m < stop; m++) {
      const mi = v.startsAt(m);
      if (mi >= 0 && v.prepOf(mi) === '' && !v.inDateline(mi)) {
        res.src = v.coordinated(mi, b);
        return res;
      }
    }
    return res;
  }
  // VSO: right after the verb, skipping adverbs, quotation marks and a title (الرئيس اليمني X).
  let u = t + 1;
  while (
    u < b &&
    u < t + 5 &&
    (g.skipAfterVerb.has(v.nw[u]) || v.doc.tokens.kind[u] === TokenKind.Date || v.isQuote(u))
  )
    u++;
  let vso = u < b ? v.startsAt(u) : -1;
  if (vso < 0 && u < b && v.doc.tokens.kind[u] === TokenKind.ArabicWord && inSet(v.cands[u], g.actorHeads)) {
    for (let k = u + 1; k < Math.min(b, u + 7); k++) {
      const mi = v.startsAt(k);
      if (mi >= 0) {
        vso = mi;
        break;
      }
      if (v.nw[k] === '-') continue; // فرانك-فالتر
      if (v.doc.tokens.kind[k] !== TokenKind.ArabicWord || g.allPreps.has(v.nw[k]) || v.trig[k]) break;
      // المجلس الاتحادات والملتقيات … الكنيست: a conjunct ends the head's phrase.
      if (v.nw[k].length > 3 && v.nw[k][0] === 'و') break;
    }
  }
  // وهدد المجلس …, وأكد الوزير …: a definite head with no name after it is the actor last named
  // with the same head (مجلس الأمن الدولي … المجلس).
  if (vso < 0 && u < b && v.nw[u].length > 4 && inSet(v.cands[u], g.actorHeads)) {
    const w = v.nw[u];
    const x = w[0] === 'و' || w[0] === 'ف' ? w.slice(1) : w;
    const ante = x.startsWith('ال') ? headAntecedent(v, u, x.slice(2)) : -1;
    if (ante >= 0) {
      res.src = [ante];
      res.how = 'head';
      res.after = u + 1;
      return res;
    }
  }
  // أوقفت قوة من الجيش اللبناني …, وفر عدد كبير من الميليشيات: a part of an actor is that actor.
  if (
    vso < 0 &&
    u < b &&
    v.doc.tokens.kind[u] === TokenKind.ArabicWord &&
    inSet(v.cands[u], g.partitiveHeads)
  ) {
    for (let k = u + 1; k < Math.min(b - 1, u + 4); k++) {
      if (v.nw[k] === 'من') {
        const mi = v.startsAt(k + 1);
        if (mi >= 0 && ACTOR_TYPES.has(v.ments[mi].ent.type) && !v.inDateline(mi)) {
          res.src = [mi];
          res.how = 'vso';
          res.after = v.ments[mi].last + 1;
          return res;
        }
        break;
      }
      if (v.mAt[k] >= 0 || v.doc.tokens.kind[k] !== TokenKind.ArabicWord || v.trig[k]) break;
    }
  }
  if (vso >= 0 && v.isNisba(vso)) {
    const next = v.ments[vso].last + 1 < b ? v.startsAt(v.ments[vso].last + 1) : -1;
    if (next >= 0) vso = next;
  }
  if (vso >= 0 && v.prepOf(vso) !== '') vso = -1;
  if (vso >= 0) {
    res.src = v.coordinated(vso, b);
    res.how = 'vso';
    res.after = v.ments[res.src[res.src.length - 1]].last + 1;
    return res;
  }
  // A verb joined by و (or كما, ثم) to an earlier verb shares its subject; not with a verb inside
  // a relative clause (ما تعرضوا له … التي اعتبرها تنظيم داعش غنائم، وأعربوا: the relative's
  // subject is not the sentence's).
  const w = v.nw[t];
  const prev = t > a ? v.nw[t - 1] : '';
  if ((w[0] === 'و' || w[0] === 'ف' || prev === 'و' || prev === 'كما' || prev === 'ثم') && depth < 3) {
    for (let m = t - 1; m >= a; m--) {
      if (v.isVerbTrigger(m) && !inRelative(v, m, a)) {
        const shared = subjectOf(v, m, a, b, memo, depth + 1).src;
        if (shared.length === 1 && stateMismatch(v, t, shared[0])) continue;
        res.src = shared;
        res.how = 'coord';
        return res;
      }
    }
  }
  // وأضاف …, وأكد …, كما طالب …: a sentence opening with a verb and no subject continues the
  // previous sentence's subject, when that was one actor and the verb agrees with it.
  let open = w0[0] === 'و' || w0[0] === 'ف' || (t > a && v.nw[t - 1] === 'و');
  for (let u = a; u < t && open; u++) open = v.isQuote(u) || v.isComma(u) || v.nw[u] === 'و';
  // وأفاد مصدر …: a noun right after the verb is its own subject (one NER did not name); the
  // verb continues the last subject only before أن, a preposition or punctuation.
  if (open) {
    let u = t + 1;
    while (u < b && (g.skipAfterVerb.has(v.nw[u]) || v.doc.tokens.kind[u] === TokenKind.Date)) u++;
    if (u < b && v.doc.tokens.kind[u] === TokenKind.ArabicWord) {
      const x = v.nw[u];
      open =
        v.isBoundary(u) ||
        g.allPreps.has(x) ||
        (x.length > 3 && (x[0] === 'ب' || x[0] === 'ل') && !x.startsWith('ال'));
    }
  }
  // Only saying verbs chain this way (وأضاف، وأكد، وطالب، ودعا), not acts (ويشن التحالف …, whose
  // subject NER may have missed).
  const tr = v.trig[t];
  const verbal =
    tr !== null &&
    (tr.entry.kind === 'report' || (tr.code !== null && VERBAL_ROOTS.has(tr.code.slice(0, 2))));
  if (open && verbal && v.prevSubj >= 0 && !tr.participle && agrees(v, t, v.prevSubj)) {
    res.src = [v.prevSubj];
    res.how = 'carry';
  }
  return res;
}

/** The actor an earlier occurrence of a head word (مجلس, حكومة) named: the mention the head is part
 * of, or the name right after it (المجلس الوطني الفلسطيني). Searches back at most 800 tokens. */
function headAntecedent(v: DocView, u: number, stem: string): number {
  const g = v.res.gram;
  for (let k = u - 1; k >= Math.max(0, u - 800); k--) {
    if (!v.cands[k].includes(stem)) continue;
    const at = v.mAt[k];
    if (at >= 0) {
      if (ACTOR_TYPES.has(v.ments[at].ent.type)) return at;
      continue;
    }
    for (let j = k + 1; j < Math.min(v.n, k + 5); j++) {
      const mi = v.startsAt(j);
      if (mi >= 0) {
        if (ACTOR_TYPES.has(v.ments[mi].ent.type) && v.prepOf(mi) === '') return mi;
        break;
      }
      if (v.doc.tokens.kind[j] !== TokenKind.ArabicWord || g.allPreps.has(v.nw[j]) || v.trig[j]) break;
      if (v.nw[j].length > 3 && v.nw[j][0] === 'و') break;
    }
  }
  return -1;
}

/** A state named by its name (السعودية, إيران) before a masculine verb (وطالب) is not its subject:
 * states take the feminine. (Persons are not checked: groups of people take either gender.) */
function stateMismatch(v: DocView, t: number, mi: number): boolean {
  return v.ments[mi].ent.type === 'GPE' && !agrees(v, t, mi);
}

/** Does a 3rd-person verb's gender (أضافت/تؤكد feminine, أضاف/يؤكد masculine) allow this subject?
 * Persons take the masculine (a woman named as a source is rare and is then missed); countries
 * and cities the feminine; organisations either. */
function agrees(v: DocView, t: number, mi: number): boolean {
  let w = v.nw[t];
  if (w.length > 3 && (w[0] === 'و' || w[0] === 'ف')) w = w.slice(1);
  // لتمول, ستؤمن: the purpose ل and the future س come before the person prefix.
  if (w.length > 3 && (w[0] === 'ل' || w[0] === 'س') && (w[1] === 'ت' || w[1] === 'ي')) w = w.slice(1);
  const fem = w[0] === 'ت' || (w.length >= 3 && w.endsWith('ت'));
  const type = v.ments[mi].ent.type;
  if (type === 'PER') return !fem;
  // الفلسطيني in المجلس الوطني الفلسطيني stands for the council: either gender.
  if (type === 'GPE') return fem || v.isNisba(mi);
  return true;
}

/** Target: the first bare (close) or target-preposition mention after `from`, within the clause. */
function targetAfter(
  v: DocView,
  from: number,
  b: number,
  entry: LexEntry,
  exclude: Set<Entity>,
  skip = -1,
  appositive = false,
): number[] {
  const g = v.res.gram;
  // After a subject, an apposition or relative clause (X، التي …، Y) is skipped once.
  // Not when a person's comma is followed right away by a state or an organisation (ودعا حسبو،
  // الدول الغربية إلى …): an apposition to a person names the person.
  const next = appositive && from + 1 < b && v.isComma(from) ? v.startsAt(from + 1) : -1;
  const objectNext =
    next >= 0 &&
    exclude.size > 0 &&
    [...exclude].every((e) => e.type === 'PER') &&
    (v.ments[next].ent.type === 'GPE' || v.ments[next].ent.type === 'ORG') &&
    !exclude.has(v.ments[next].ent);
  if (objectNext) from++;
  else if (appositive && from < b && (v.isComma(from) || v.isQuote(from) || g.relatives.has(v.nw[from]))) {
    let k = from + 1;
    while (k < b && k < from + 25 && !v.isComma(k)) k++;
    if (k < b && v.isComma(k)) from = k + 1;
  }
  const end = Math.min(b, from + 14);
  // The entry's own prepositions first (حرر المدينة من X: X, not the city).
  if (entry.preps) {
    for (let u = from; u < end; u++) {
      if (u !== skip && (v.isBoundary(u) || v.isVerbTrigger(u) || v.isComma(u))) break;
      const mi = v.startsAt(u);
      if (mi < 0 || exclude.has(v.ments[mi].ent) || v.isAgent(mi)) continue;
      const p = v.prepOf(mi);
      if (p !== '' && entry.preps.exact.has(p) && p !== 'بين') return v.coordinated(mi, b);
    }
  }
  let words = 0;
  // The mention just passed and the words since: a title and a name side by side are one actor.
  let lastM =
    from > 0 && v.mAt[from - 1] >= 0 && v.ments[v.mAt[from - 1]].last === from - 1 ? v.mAt[from - 1] : -1;
  let gap = 0;
  for (let u = from; u < end; u++) {
    if (v.isQuote(u)) continue;
    if (u !== skip && (v.isBoundary(u) || v.isVerbTrigger(u) || v.isComma(u))) break;
    const mi = v.startsAt(u);
    if (mi < 0) {
      if (v.mAt[u] < 0) {
        // أمس، مساء اليوم: adverbs of time do not push the object away.
        // أدان … مصادقة الكنيست: the event noun that is the content leads to its actor.
        const content = v.trig[u] !== null && !v.trig[u]!.verb;
        if (!g.skipAfterVerb.has(v.nw[u]) && v.doc.tokens.kind[u] !== TokenKind.Date && !content) words++;
        gap++;
      }
      continue;
    }
    let p = v.prepOf(mi);
    if (lastM >= 0 && gap <= 1 && p === '' && v.apposition(lastM, mi)) {
      lastM = mi;
      gap = 0;
      u = v.ments[mi].last;
      continue;
    }
    lastM = mi;
    gap = 0;
    if (exclude.has(v.ments[mi].ent) || v.isAgent(mi) || v.inDateline(mi)) continue;
    // في الغارات الأمريكية: a nisba shares the preposition of the noun it describes.
    if (p === '' && v.isNisba(mi)) p = v.headPrep(mi);
    if ((p === '' && words <= 3) || g.targetPreps.has(p) || (entry.preps && entry.preps.exact.has(p)))
      return v.coordinated(mi, b);
  }
  return NONE;
}

function modalityOf(
  v: DocView,
  tr: Trigger,
  anchor: number,
  a: number,
  b: number,
  srcEnt: Entity | null,
  memo: Map<number, Args>,
): Modality {
  const g = v.res.gram;
  const nw = v.nw;
  // negated
  for (let u = anchor - 1; u >= Math.max(a, anchor - 2); u--) {
    if (g.negation.has(nw[u])) return 'negated';
    if (v.isBoundary(u) || v.isComma(u)) break;
  }
  if (!tr.verb && tr.t > a && inSet(v.cands[tr.t - 1], g.nounNegation)) return 'negated';
  // matrix clause: the complementizer before the trigger and the verb governing it
  let matrix: Trigger | null = null;
  let comp = -1;
  for (let u = anchor - 1; u >= a; u--) {
    if (g.complementizers.has(nw[u]) || g.pronounComplementizers.has(nw[u])) {
      comp = u;
      break;
    }
  }
  if (comp > a) {
    for (let u = comp - 1; u >= Math.max(a, comp - 8); u--) {
      const m = v.trig[u];
      if (m && m.verb) {
        matrix = m;
        break;
      }
    }
  }
  if (matrix && matrix.entry.negates) return 'negated';
  // conditional: a conditional word before the trigger in the sentence, or after a future one
  const condAt = (u: number): boolean => {
    if (g.conditional.has(nw[u])) return true;
    if (
      v.doc.text.charCodeAt(v.doc.tokens.start[u]) === 0x0625 &&
      nw[u] === 'ان' &&
      u + 1 < b &&
      v.isVerbTrigger(u + 1)
    ) {
      for (let m = u - 1; m >= Math.max(a, u - 4); m--) if (v.trig[m]?.entry.kind === 'report') return false;
      return true;
    }
    for (const ph of g.conditionalPhrases) {
      let ok = u + ph.length <= b;
      for (let k = 0; k < ph.length && ok; k++) ok = nw[u + k] === ph[k];
      if (ok) return true;
    }
    return false;
  };
  for (let u = anchor - 1; u >= Math.max(a, anchor - 8); u--) if (condAt(u)) return 'conditional';
  const future =
    tr.future || (anchor > a && g.future.has(nw[anchor - 1])) || (anchor !== tr.t && v.trig[anchor]?.future);
  if (future) for (let u = tr.t + 1; u < b; u++) if (condAt(u)) return 'conditional';
  // planned
  if (future) return 'planned';
  for (let u = tr.t - 1; u >= Math.max(a, anchor - 6); u--) {
    if (inSet(v.cands[u], g.planned)) return 'planned';
    if (v.isComma(u)) break;
  }
  // reported: the complement of a speech verb whose speaker is not the actor, or بحسب …
  if (matrix && matrix.entry.kind === 'report') {
    const speaker = subjectOf(v, matrix.t, a, b, memo).src;
    const spk = speaker.length ? v.ments[speaker[0]].ent : null;
    if (!spk || !srcEnt || spk !== srcEnt) return 'reported';
  }
  for (let u = a; u < b; u++) if (inSet(v.cands[u], g.reportPhrases)) return 'reported';
  const off = v.doc.tokens.start[tr.t];
  for (const q of v.doc.quotes) {
    if (q.start <= off && off < q.end) {
      if (!srcEnt || q.speaker !== srcEnt.id) return 'reported';
    }
  }
  return 'asserted';
}

interface Draft {
  tr: Trigger;
  anchor: number;
  src: number[];
  tgt: number[];
  reportedBy: boolean;
  /** How the source was found (confidence). */
  how: string;
}

const PLACE = new Set(['GPE', 'LOC', 'FAC']);

/** The place of the event: a place after في/ب in the sentence (after the trigger first), else the
 * dateline's. `near`: the place is in the trigger's own clause. */
function locationOf(
  v: DocView,
  t: number,
  a: number,
  b: number,
  used: Set<Entity>,
): [string | null, boolean] {
  const g = v.res.gram;
  let before: string | null = null;
  let nearBefore = false;
  let after: string | null = null;
  let nearAfter = false;
  let crossed = false;
  for (let u = a; u < b; u++) {
    if (u > t && (v.isBoundary(u) || v.isComma(u))) crossed = true;
    const mi = v.startsAt(u);
    if (mi < 0) continue;
    const e = v.ments[mi].ent;
    if (!PLACE.has(e.type) || used.has(e) || v.inDateline(mi)) continue;
    if (!g.locationPreps.has(v.prepOf(mi))) continue;
    if (u > t) {
      after = e.id;
      nearAfter = !crossed && u - t <= 10;
      break;
    }
    before = e.id;
    nearBefore = t - u <= 6;
  }
  if (after) return [after, nearAfter];
  if (before) return [before, nearBefore];
  return [v.doc.dateline?.entity ?? null, false];
}

function timeOf(v: DocView, t: number, sStart: number, sEnd: number): string | null {
  const off = v.doc.tokens.start[t];
  let best: string | null = null;
  let bestD = Infinity;
  for (const x of v.doc.times) {
    if (x.start < sStart || x.end > sEnd) continue;
    const d = Math.abs(x.start - off);
    if (d < bestD) {
      bestD = d;
      best = x.id;
    }
  }
  return best;
}

/** A counted number in the trigger's clause (أرسلت 30 مركبة, مقتل 49 مسلحا), after it first. */
function quantityOf(v: DocView, t: number, a: number, b: number): EventQuantity | null {
  const tk = v.doc.tokens;
  let lo = tk.start[t];
  for (let u = t - 1; u >= Math.max(a, t - 3) && !v.isComma(u) && !v.isBoundary(u); u--) lo = tk.start[u];
  let hi = tk.end[t];
  for (let u = t + 1; u < Math.min(b, t + 10) && !v.isComma(u) && !v.isBoundary(u); u++) hi = tk.end[u];
  let best: EventQuantity | null = null;
  for (const n of v.doc.numbers) {
    if (n.start < lo || n.end > hi || !n.counted) continue;
    const q: EventQuantity = {
      start: n.start,
      end: n.end,
      text: n.text,
      value: n.value,
      approx: n.approx,
      counted: n.counted.text,
    };
    if (n.start > tk.start[t]) return q;
    best = q;
  }
  return best;
}

/** Under a condition and in the future, punitive action is a threat (CAMEO 13). */
function threatCode(code: string): string | null {
  const r = code.slice(0, 2);
  if (r === '11' || r === '12') return '130';
  if (r === '16') return code.startsWith('163') ? '1312' : '131';
  if (r === '17') return '137';
  if (r === '18' || r === '19' || r === '20') return '138';
  return null;
}

/** Tokens read at once in a sentence: twice the longest sentence in 3,000 SaudiNewsNet articles. */
const MAX_WINDOW = 1000;

/** Ways of finding a source through another clause. */
const INDIRECT = /coord|pron|rel|accused|carry|head/;

/** CAMEO roots told by saying (statements, appeals, demands, criticism, threats …). */
const VERBAL_ROOTS = new Set(['01', '02', '03', '04', '05', '10', '11', '12', '13']);

const MODALITY_WEIGHT: Record<Modality, number> = {
  asserted: 1,
  planned: 0.9,
  reported: 0.9,
  conditional: 0.85,
  negated: 0.9,
};

/** All events of a document, ids V1…, deduplicated. */
export function extractEvents(doc: Doc, res: EventResources): Event[] {
  if (doc.tokens.count === 0 || doc.sentences.length === 0) return [];
  const v = new DocView(doc, res);
  const consumed = new Uint8Array(v.n);
  const found: Event[] = [];
  const tk = doc.tokens;
  let a = 0;
  let again = false;
  for (let si = 0; si < doc.sentences.length; si += again ? 0 : 1) {
    const s = doc.sentences[si];
    while (a < v.n && tk.start[a] < s.start) a++;
    let b = a;
    while (b < v.n && tk.start[b] < s.end) b++;
    // A sentence of thousands of tokens (a page without punctuation) is read in windows, so the
    // clause scans below stay linear in the text's length; the same sentence continues next round.
    again = b - a > MAX_WINDOW;
    if (again) b = a + MAX_WINDOW;
    const trs: Trigger[] = [];
    for (let t = a; t < b; t++) {
      const tr = matchToken(v, t, a, b, consumed);
      if (tr) {
        v.trig[t] = tr;
        trs.push(tr);
      }
    }
    if (trs.length === 0) {
      // A sentence naming an actor but no event changes the topic.
      for (let t = a; t < b && v.prevSubj >= 0; t++)
        if (v.mAt[t] >= 0 && ACTOR_TYPES.has(v.ments[v.mAt[t]].ent.type)) v.prevSubj = -1;
      a = b;
      continue;
    }
    const memo = new Map<number, Args>();
    const absorbed = new Set<Trigger>();
    for (const tr of trs) {
      if (!tr.entry.absorbs || tr.code === null || absorbed.has(tr)) continue;
      for (let u = tr.t + 1; u < Math.min(b, tr.t + 8); u++) {
        if (v.isComma(u) || v.isBoundary(u)) break;
        const o = v.trig[u];
        if (o) absorbed.add(o);
      }
    }
    const drafts: Draft[] = [];
    for (const tr of trs) {
      if (tr.code === null) continue;
      if (absorbed.has(tr) && why(tr.t, 'absorbed')) continue;
      if (!tr.verb && objectOfEventVerb(v, tr.t, a) && why(tr.t, 'object-of-event-verb')) continue;
      // تناول اللقاء الأوضاع في اليمن ودعم مصر للتحالف: what a meeting discussed is its topic.
      if (!tr.verb && topicOf(v, tr.t, a) && why(tr.t, 'topic')) continue;
      // ذكرى مقتل, منذ سيطرة التنظيم: a noun event named as a date or an anniversary is background.
      if (
        !tr.verb &&
        tr.t > a &&
        inSet(v.cands[tr.t - 1], v.res.gram.backgroundHeads) &&
        why(tr.t, 'background-head')
      )
        continue;
      if (tr.verb && relativeOfNounTrigger(v, tr.t, a) && why(tr.t, 'relative-of-noun')) continue;
      // المنظمة التي تدعو إلى …, الذين يسيطرون على المنطقة: an imperfect right after a relative
      // pronoun describes what its antecedent is or habitually does; it identifies, it is no news.
      if (
        tr.imperfect &&
        tr.t > a &&
        v.res.gram.relatives.has(v.nw[tr.t - 1]) &&
        why(tr.t, 'relative-imperfect')
      )
        continue;
      // الذي زار السودان في العام 2012: an act dated years before the article is history.
      if (historical(v, tr.t, a, b) && why(tr.t, 'historical')) continue;
      // نفذت X 29 ضربة جوية استهدفت Y: a violent verb right after an indefinite violent noun (its
      // adjectives between, no relative pronoun) describes that noun's event: its object is the
      // noun's target, not a second event with the object read as a subject
      if (tr.verb && violentRoot(tr.code)) {
        const nd = describedNoun(v, tr.t, a, drafts);
        // (only when the noun has its actor: an agentless noun is left to the verb's own reading)
        if (nd && nd.src.length > 0) {
          if (nd.tgt.length === 0)
            nd.tgt = targetAfter(v, tr.t + 1, b, tr.entry, new Set(nd.src.map((m) => v.ments[m].ent)));
          why(tr.t, 'describes-noun');
          continue;
        }
      }
      if (!tr.verb && (v.nw[tr.t][0] === 'ل' || v.nw[tr.t].startsWith('ول'))) {
        // عملية عسكرية لاستعادتها: a purpose masdar restates the event before it.
        const root = tr.code.slice(0, 2);
        if (drafts.some((d) => d.tr.code!.slice(0, 2) === root) && why(tr.t, 'purpose-restates')) continue;
      }
      let src: number[] = NONE;
      let tgt: number[] = NONE;
      let anchor = tr.t;
      let how = 'none';
      if (tr.verb) {
        const sj = subjectOf(v, tr.t, a, b, memo);
        src = sj.src;
        how = sj.how;
        tgt = targetAfter(
          v,
          sj.after,
          b,
          tr.entry,
          new Set(src.map((m) => v.ments[m].ent)),
          -1,
          sj.how === 'vso',
        );
        // Unvocalised قتل X / X قتلوا is mostly the passive: the "subject" is the victim.
        if (
          tr.entry.passiveIfNoObject &&
          tgt.length === 0 &&
          (sj.how === 'svo' || sj.how === 'vso') &&
          !objectFollows(v, sj.how === 'vso' ? sj.after : tr.t + 1, b)
        ) {
          tgt = src;
          src = NONE;
          how = 'none';
        } else if (
          // أبو سياف الذي قتل في هجوم للقوات الأمريكية: a relative killing with no object after it
          // is passive too; the antecedent is the victim (the ل phrase belongs to the attack).
          tr.entry.passiveIfNoObject &&
          sj.how === 'rel' &&
          src.length > 0 &&
          !objectFollows(v, tr.t + 1, b)
        ) {
          tgt = src;
          src = NONE;
          how = 'none';
        }
      } else {
        // A support verb governing the noun (شنت X غارات, أعلن X عن خطط لخفض …), with no other
        // trigger between them.
        // A speech verb governs only through a word of intent (أعلن عن خطط لخفض).
        let lv = -1;
        let intent = false;
        for (let u = tr.t - 1, words = 0, commas = 0; u >= a && words <= 10; u--) {
          // شنت القوات، اليوم، هجوما: one parenthetical between commas is crossed, not a clause.
          if (v.isBoundary(u) || (v.isComma(u) && ++commas > 2)) break;
          const m = v.trig[u];
          if (m) {
            const k = m.entry.kind;
            if (m.verb && (k === 'light' || k === 'light-passive' || (k === 'report' && intent))) lv = u;
            break;
          }
          if (consumed[u]) break;
          if (inSet(v.cands[u], v.res.gram.planned)) intent = true;
          if (v.mAt[u] < 0 && v.doc.tokens.kind[u] === TokenKind.ArabicWord) words++;
        }
        if (lv >= 0) {
          anchor = lv;
          const sj = subjectOf(v, lv, a, b, memo);
          how = 'light-' + sj.how;
          if (v.trig[lv]!.entry.kind !== 'light-passive') {
            src = sj.src;
            const own = genitiveOf(v, tr.t, b);
            // نفذت المقاتلات غارات جوية أمريكية: with no subject found, the noun's nisba is the actor.
            if (src.length === 0 && own.nisbaSrc >= 0 && v.isNisba(own.nisbaSrc)) {
              src = [own.nisbaSrc];
              how = 'nisba';
            }
            tgt =
              own.gen >= 0
                ? v.coordinated(own.gen, b)
                : afterComma(v, sj.after, tr.t)
                  ? // شنت القوات، اليوم، هجوما على X: past a parenthetical, the target follows the noun.
                    targetAfter(v, tr.t + 1, b, tr.entry, new Set(src.map((m) => v.ments[m].ent)))
                  : targetAfter(v, sj.after, b, tr.entry, new Set(src.map((m) => v.ments[m].ent)), tr.t);
          } else {
            tgt = sj.src;
            src = agentAfter(v, tr.t, b, true);
            how = 'agent';
          }
        } else {
          const between = betweenParties(v, tr.t, b);
          if (between) {
            drafts.push({
              tr,
              anchor,
              src: [between[0]],
              tgt: between[1] >= 0 ? [between[1]] : NONE,
              reportedBy: false,
              how: 'between',
            });
            continue;
          }
          const { gen: g0, nisbaSrc } = genitiveOf(v, tr.t, b);
          let gen = g0;
          if (tr.pron) {
            // لقائه X: the pronoun is the genitive (the actor of a visit, the object of a strike);
            // it refers back to the nearest bare mention before it in the sentence.
            let ante = -1;
            for (let u = tr.t - 1; u >= a && ante < 0; u--) {
              const mi = v.startsAt(u);
              if (mi >= 0 && v.prepOf(mi) === '' && !v.inDateline(mi)) ante = mi;
            }
            if (tr.entry.gen === 'source') {
              src = ante >= 0 ? [ante] : NONE;
              tgt = gen >= 0 ? v.coordinated(gen, b) : targetAfter(v, tr.t + 1, b, tr.entry, new Set());
            } else {
              tgt = targetAfter(v, tr.t + 1, b, tr.entry, new Set());
              src = nisbaSrc >= 0 ? [nisbaSrc] : agentAfter(v, tr.t, b, true);
            }
            drafts.push({ tr, anchor, src, tgt, reportedBy: false, how: 'pron' });
            continue;
          }
          // لزيارة اليمن, زيارة إلى مدينة عدن: a place after a visit is where the visit goes.
          if (tr.entry.gen === 'source' && gen >= 0 && tr.code.startsWith('042') && v.isPlaceName(gen)) {
            tgt = v.coordinated(gen, b);
            src = nisbaSrc >= 0 ? [nisbaSrc] : agentAfter(v, tr.t, b, false);
            how = nisbaSrc >= 0 ? 'nisba' : 'agent';
          } else if (tr.entry.gen === 'source') {
            if (gen < 0) gen = nisbaSrc;
            src = gen >= 0 ? v.coordinated(gen, b) : NONE;
            how = 'gen';
            const from = gen >= 0 ? v.ments[src[src.length - 1]].last + 1 : tr.t + 1;
            tgt = targetAfter(v, from, b, tr.entry, new Set(src.map((m) => v.ments[m].ent)));
          } else if (gen >= 0 && nisbaSrc < 0 && lamObject(v, gen, b) !== null) {
            // دعم حكومة مصر للتحالف, إدانة السعودية للهجوم: an actor genitive followed by a ل
            // object is the noun's subject; the ل phrase is what it is done to.
            const obj = lamObject(v, gen, b)!;
            src = v.coordinated(gen, b);
            tgt = obj >= 0 ? v.coordinated(obj, b) : NONE;
            how = 'gen';
          } else {
            const own = new Set<Entity>(nisbaSrc >= 0 ? [v.ments[nisbaSrc].ent] : []);
            tgt = gen >= 0 ? v.coordinated(gen, b) : targetAfter(v, tr.t + 1, b, tr.entry, own);
            src = nisbaSrc >= 0 ? [nisbaSrc] : agentAfter(v, tr.t, b, false);
            how = nisbaSrc >= 0 ? 'nisba' : 'agent';
            if (nisbaSrc >= 0 && tgt.includes(nisbaSrc)) tgt = NONE;
          }
        }
      }
      drafts.push({ tr, anchor, src, tgt, reportedBy: false, how });
    }
    // X accuses Y of Z-ing: the noun event Z gets Y as its (reported) source.
    for (const d of drafts) {
      if (!d.tr.code!.startsWith('112') || d.tgt.length === 0) continue;
      for (const n of drafts) {
        if (n === d || n.tr.verb || n.tr.t <= d.tr.t || n.src.length > 0) continue;
        let crosses = false;
        for (let u = d.tr.t + 1; u < n.tr.t && !crosses; u++) crosses = v.isBoundary(u);
        if (crosses) continue;
        n.src = d.tgt;
        n.reportedBy = true;
        n.how = 'accused';
      }
    }
    // X قتلوا في غارات Y / مقتل X في هجوم لـ Y: an agentless act of violence in a sentence with a
    // violent event that has an actor is its result, not another event.
    {
      const violent = (d: Draft): boolean => v.res.onto.codes.get(d.tr.code!)?.quadClass === 4;
      for (const d of drafts) {
        if (d.src.length > 0 || !violent(d) || d.tr.passive) continue;
        const cause = drafts.find((x) => x !== d && x.src.length > 0 && violent(x));
        if (!cause) continue;
        why(d.tr.t, 'result-of-violence');
        // قتل عناصر داعش في غارات أمريكية: the victims are the target of the strikes, when both
        // are acts of force in one clause.
        if (
          cause.tgt.length === 0 &&
          d.tgt.length > 0 &&
          violentRoot(cause.tr.code) &&
          violentRoot(d.tr.code) &&
          !d.tgt.some((m) => cause.src.includes(m)) &&
          sameClause(v, d.tr.t, cause.tr.t)
        )
          cause.tgt = d.tgt;
        d.src = NONE;
        d.tgt = NONE;
      }
    }
    for (const d of drafts) emit(v, d, si, a, b, memo, found);
    // The subject this sentence hands on: its first verb's, when that is one actor.
    {
      const first = trs.find((x) => x.verb && !x.participle);
      const sj = first ? subjectOf(v, first.t, a, b, memo).src : NONE;
      v.prevSubj = sj.length === 1 && ACTOR_TYPES.has(v.ments[sj[0]].ent.type) ? sj[0] : -1;
    }
    a = b;
  }
  const title = doc.paragraphs.find((p) => p.role === 'title');
  return dedupe(found, title ? title.end : 0);
}

/**
 * The genitive after a noun trigger (مقتل X). A nisba right after the noun is its actor (الغارات
 * الإسرائيلية: `nisbaSrc`); a nisba after another noun describes that noun (مقتل جندي أمريكي) and
 * is the genitive when nothing else is.
 */
function genitiveOf(v: DocView, t: number, b: number): { gen: number; nisbaSrc: number } {
  let gen = -1;
  let fromSrc = -1;
  let nisbaSrc = -1;
  let nisbaLater = -1;
  for (let u = t + 1, words = 0; u < b && words < 5; u++) {
    if (v.isBoundary(u) || v.isComma(u) || v.isVerbTrigger(u)) break;
    const mi = v.startsAt(u);
    if (mi < 0) {
      if (v.mAt[u] < 0) words++;
      // The genitive chain ends at a preposition that does not introduce a mention (غارات على
      // مواقعه في شمال العراق) and at a word joined by و (… النووية ويرأسه الرئيس).
      if (v.mAt[u] < 0) {
        const w = v.nw[u];
        if ((v.res.gram.allPreps.has(w) && v.startsAt(u + 1) < 0) || (w.length > 3 && w[0] === 'و')) break;
      }
      continue;
    }
    const p = v.prepOf(mi);
    if (p === 'من' && words >= 1 && !v.isAgent(mi)) {
      // مقتل 49 مسلحا من تنظيم X: partitive, the genitive; غارات مكثفة من التحالف: the actor.
      const h = v.ments[mi].first - 2;
      if (
        h > t &&
        (v.doc.tokens.kind[h] === TokenKind.Number || inSet(v.cands[h], v.res.gram.partitiveHeads))
      )
        gen = mi;
      else fromSrc = mi;
      break;
    }
    if (p === 'ل' && violentNoun(v, t)) {
      // غارات للتحالف, هجوم جديد لداعش: the ل of possession names the actor of a violent noun.
      let adj = true;
      for (let k = t + 1; k < u && adj; k++) adj = inSet(v.cands[k], v.res.gram.eventAdjectives);
      if (adj) fromSrc = mi;
      break;
    }
    if (p !== '' || v.isAgent(mi)) break;
    if (v.isNisba(mi)) {
      // الغارات التركية, الغارات الجوية التركية: right after the noun or its event adjectives.
      let adj = true;
      for (let k = t + 1; k < u && adj; k++) adj = inSet(v.cands[k], v.res.gram.eventAdjectives);
      if (adj && nisbaSrc < 0) nisbaSrc = mi;
      else if (nisbaLater < 0) nisbaLater = mi;
      continue;
    }
    gen = mi;
    break;
  }
  if (gen < 0 && nisbaLater >= 0) gen = nisbaLater;
  // غارات نفذها X: a support verb with the noun's pronoun, then its subject.
  if (nisbaSrc < 0 && fromSrc < 0 && t + 1 < b) {
    const lv = v.trig[t + 1];
    if (lv && lv.verb && lv.entry.kind === 'light') {
      const s = v.startsAt(t + 2);
      if (s >= 0 && v.prepOf(s) === '') fromSrc = s;
    }
  }
  if (nisbaSrc < 0) nisbaSrc = fromSrc;
  return { gen, nisbaSrc };
}

/** Does a bare noun (a possible object) follow? Then an unvocalised verb reads as active. */
function objectFollows(v: DocView, u: number, b: number): boolean {
  if (u >= b) return false;
  const w = v.nw[u];
  // اعتقلت قوات الأمن 851 شخصا: a number in digits after the subject counts people acted upon.
  if (v.doc.tokens.kind[u] === TokenKind.Number)
    return u + 1 < b && v.doc.tokens.kind[u + 1] === TokenKind.ArabicWord;
  if (v.doc.tokens.kind[u] !== TokenKind.ArabicWord || v.res.gram.allPreps.has(w)) return false;
  if (w.length > 3 && (w[0] === 'و' || w[0] === 'ف')) return false;
  return !v.res.gram.skipAfterVerb.has(w);
}

/** A noun event's party with no preposition that names people: a person (اعتقال الصحفي X) or a
 * nisba after a noun for people (مقتل جندي أمريكي), not a place, an object or a group's name. */
function namedVictim(v: DocView, tm: number | undefined): boolean {
  if (tm === undefined || v.prepOf(tm) !== '') return false;
  const m = v.ments[tm];
  if (m.ent.type === 'PER') return true;
  return v.isNisba(tm) && m.first > 0 && inSet(v.cands[m.first - 1], v.res.gram.personNouns);
}

/** Is the noun at t among the topics of a verb of discussing (بحث, تناول, استعرض) before it in
 * its clause (up to 12 words back, across one comma of a list, not past another verb)? */
function topicOf(v: DocView, t: number, a: number): boolean {
  const g = v.res.gram;
  // بحث خلال لقائه: a noun in a prepositional phrase is a circumstance, not a topic (but عن, حول,
  // بشأن introduce topics: البحث عن تمويل).
  const p = t > a ? v.nw[t - 1] : '';
  if (g.allPreps.has(p) && p !== 'عن' && p !== 'حول' && p !== 'بشان') return false;
  for (let u = t - 1, commas = 0; u >= Math.max(a, t - 12); u--) {
    if (v.isBoundary(u) || (v.isComma(u) && ++commas > 1)) return false;
    if (inSet(v.cands[u], g.topicWords)) return true;
    if (v.isVerbTrigger(u)) return false;
  }
  return false;
}

/** After a verbal noun's actor genitive (دعم حكومة مصر), a ل object right after it (للتحالف,
 * لليمن, للهجوم): the mention it introduces, -1 for a ل word that is no mention, null when no ل
 * object follows (or the genitive is not an actor). */
function lamObject(v: DocView, gen: number, b: number): number | null {
  if (!ACTOR_TYPES.has(v.ments[gen].ent.type) || v.isNisba(gen)) return null;
  const u = v.ments[gen].last + 1;
  if (u >= b || v.doc.tokens.kind[u] !== TokenKind.ArabicWord) return null;
  const mi = v.startsAt(u);
  if (mi >= 0) return v.prepOf(mi) === 'ل' ? mi : null;
  const w = v.nw[u];
  return w.length > 3 && w[0] === 'ل' && !v.res.gram.allPreps.has(w) && v.mAt[u] < 0 ? -1 : null;
}

/** Is the verb at m the verb of a relative clause (التي اعتبرها, الذي قال إنه)? */
function inRelative(v: DocView, m: number, a: number): boolean {
  for (let u = m - 1; u >= Math.max(a, m - 2); u--) {
    if (v.res.gram.relatives.has(v.nw[u])) return true;
    if (v.isComma(u) || v.isBoundary(u) || v.isVerbTrigger(u)) return false;
  }
  return false;
}

/** Days before the article's date from which a dated act is history, not news. */
const HISTORY_DAYS = 180;

/** The last day (as a UTC day number) of a time value: 2012 → 2012-12-31, 2014-12 → 2014-12-31,
 * 2015-07-02 → that day; NaN for other shapes (weeks, seasons, ranges). */
function lastDay(value: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  if (m[3]) return Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / 86_400_000;
  if (m[2]) return Date.UTC(y, Number(m[2]), 0) / 86_400_000;
  return Date.UTC(y, 11, 31) / 86_400_000;
}

/** Is the trigger's clause dated (في 2009, في ديسمبر 2014) at least HISTORY_DAYS before the
 * article? The time must sit in the trigger's clause, within a few words of it; relative times
 * (الشهر الماضي) are the article's own frame and never history. */
function historical(v: DocView, t: number, a: number, b: number): boolean {
  const date = v.doc.meta.date;
  if (!date || v.doc.times.length === 0) return false;
  const today = lastDay(date.slice(0, 10));
  if (Number.isNaN(today)) return false;
  const tk = v.doc.tokens;
  let lo = t;
  for (let u = t - 1; u >= Math.max(a, t - 6) && !v.isComma(u) && !v.isBoundary(u); u--) lo = u;
  let hi = t;
  for (let u = t + 1; u < Math.min(b, t + 8) && !v.isComma(u) && !v.isBoundary(u); u++) hi = u;
  const from = tk.start[lo];
  const to = tk.end[hi];
  for (const x of v.doc.times) {
    if (x.start < from || x.end > to || x.value === null || x.relative) continue;
    const end = lastDay(x.until ?? x.value);
    if (end < today - HISTORY_DAYS) return true;
  }
  return false;
}

/** الغارات التي استهدفت X: a verb in a relative clause on a noun trigger tells the same event. */
function relativeOfNounTrigger(v: DocView, t: number, a: number): boolean {
  if (t - 1 < a || !v.res.gram.relatives.has(v.nw[t - 1])) return false;
  for (let u = t - 2, words = 0; u >= a && words < 2; u--) {
    const m = v.trig[u];
    if (m) return !m.verb && m.code !== null;
    if (v.isComma(u)) continue;
    words++;
  }
  return false;
}

/** اشتباكات بين X وY: the two parties of a clash or talks. */
function betweenParties(v: DocView, t: number, b: number): [number, number] | null {
  let u = t + 1;
  while (u < b && u < t + 4 && v.nw[u] !== 'بين') {
    if (v.isComma(u) || v.isBoundary(u) || v.mAt[u] >= 0) return null;
    u++;
  }
  if (u >= b || v.nw[u] !== 'بين') return null;
  let first = -1;
  for (let k = u + 1; k < Math.min(b, u + 4); k++) {
    first = v.startsAt(k);
    if (first >= 0) break;
  }
  if (first < 0) return null;
  for (let k = v.ments[first].last + 1; k < Math.min(b, v.ments[first].last + 4); k++) {
    const mi = v.startsAt(k);
    if (mi >= 0)
      return v.nw[k][0] === 'و' || v.nw[k - 1][0] === 'و' || v.nw[k - 1] === 'و' ? [first, mi] : null;
  }
  // مواجهات بين قوات الأمن ومسلحين: the second party is unnamed; the first is still a party.
  const k = v.ments[first].last + 1;
  if (
    k < b &&
    v.nw[k].length > 2 &&
    v.nw[k][0] === 'و' &&
    v.mAt[k] < 0 &&
    v.doc.tokens.kind[k] === TokenKind.ArabicWord
  )
    return [first, -1];
  return null;
}

/** A noun right after an event verb is that event's content (أدانت الهجوم), not an event. */
function objectOfEventVerb(v: DocView, t: number, a: number): boolean {
  for (let u = t - 1, words = 0; u >= a; u--) {
    // قتلوا في الغارات: a noun in a place or circumstance phrase is not the verb's content.
    if (v.isComma(u) || v.isBoundary(u) || v.res.gram.locationPreps.has(v.nw[u])) return false;
    const m = v.trig[u];
    if (m && m.verb) return m.entry.kind === 'event' && m.code !== null && !m.code.startsWith('112');
    if (v.mAt[u] < 0 && ++words > 2) return false;
  }
  return false;
}

function agentAfter(v: DocView, t: number, b: number, plainMin: boolean): number[] {
  for (let u = t + 1; u < Math.min(b, t + 10); u++) {
    if (v.isBoundary(u) || v.isComma(u) || v.isVerbTrigger(u)) break;
    const mi = v.startsAt(u);
    if (mi >= 0 && (v.isAgent(mi) || (plainMin && v.prepOf(mi) === 'من'))) return v.coordinated(mi, b);
  }
  return NONE;
}

function emit(
  v: DocView,
  d: Draft,
  si: number,
  a: number,
  b: number,
  memo: Map<number, Args>,
  out: Event[],
): void {
  const { onto } = v.res;
  const tk = v.doc.tokens;
  const s = v.doc.sentences[si];
  const srcs = d.src.length ? d.src : [undefined];
  const tgts = d.tgt.length ? d.tgt : [undefined];
  for (const sm0 of srcs) {
    for (const tm of tgts) {
      let sm = sm0;
      let srcEnt = sm === undefined ? null : v.ments[sm].ent;
      // Places do not act: an airport or a region found in the subject slot is not a source.
      if (srcEnt && !ACTOR_TYPES.has(srcEnt.type)) {
        if (d.src.length > 1) continue;
        srcEnt = null;
        sm = undefined;
      }
      let tgtEnt = tm === undefined ? null : v.ments[tm].ent;
      if (srcEnt && srcEnt === tgtEnt) continue;
      // شرطة الاحتلال الإسرائيلية: an actor with no country, with a placed mention right
      // after it (at most one word between, no preposition, no conjunction), is that mention's
      // actor, not its adversary.
      if (
        srcEnt &&
        tgtEnt &&
        sm !== undefined &&
        tm !== undefined &&
        srcEnt.actor.country === null &&
        tgtEnt.actor.country !== null &&
        v.ments[tm].first > v.ments[sm].last &&
        v.ments[tm].first - v.ments[sm].last <= 2 &&
        v.prepOf(tm) === '' &&
        !v.conjoined(tm) &&
        sameClause(v, v.ments[sm].last, v.ments[tm].first) &&
        (v.ments[tm].first === v.ments[sm].last + 1 || v.mAt[v.ments[sm].last + 1] < 0)
      ) {
        if (d.src.length > 1 || d.tgt.length > 1) continue;
        sm = tm;
        srcEnt = tgtEnt;
        tgtEnt = null;
      }
      // قصفت القوات X مواقع … التركية: a nisba of the source's own country describes the place or
      // the weapon, not a second party.
      if (
        srcEnt &&
        tgtEnt &&
        tm !== undefined &&
        v.isNisba(tm) &&
        srcEnt.actor.country !== null &&
        srcEnt.actor.country === tgtEnt.actor.country
      ) {
        tgtEnt = null;
      }
      let modality = d.reportedBy ? 'reported' : modalityOf(v, d.tr, d.anchor, a, b, srcEnt, memo);
      let code = d.tr.code!;
      if (modality === 'conditional' && (d.tr.future || v.trig[d.anchor]?.future)) {
        const th = threatCode(code);
        if (th) code = th;
      }
      if (d.reportedBy && modality !== 'reported') modality = 'reported';
      const used = new Set<Entity>();
      if (srcEnt) used.add(srcEnt);
      if (tgtEnt) used.add(tgtEnt);
      const [location] = locationOf(v, d.tr.t, a, b, used);
      const root = code.slice(0, 2);
      if (!srcEnt && !tgtEnt && why(d.tr.t, 'no-arguments')) continue;
      const c = onto.codes.get(code)!;
      // A statement, demand, meeting or aid always has an actor: with none found (a pronoun, a
      // name NER missed) the event would carry a wrong triple, so it is left out. Only agentless
      // passives and violence told by the article itself keep an unknown source (rockets fired at
      // X, X killed); violence reported by someone else with no named actor is left out too.
      if (
        !srcEnt &&
        !d.tr.passive &&
        (c.quadClass !== 4 || modality === 'reported') &&
        why(d.tr.t, 'no-source')
      )
        continue;
      // A verbal noun told as fact with no actor, whose other party is a place, an object or a
      // phrase with a preposition (تحرير عدن, استهداف سفينة قطرية, المعارك … للحكومة): the sentence
      // says neither who acted nor who was acted upon. Named victims (مقتل جندي أمريكي) are kept,
      // and so is a verb with no subject (أطلقت صواريخ على X, unvocalised: read as passive).
      if (
        !srcEnt &&
        !d.tr.verb &&
        modality === 'asserted' &&
        !namedVictim(v, tm) &&
        why(d.tr.t, 'agentless-noun')
      )
        continue;
      let conf =
        0.35 + (srcEnt ? 0.25 : 0) + (tgtEnt ? 0.2 : 0) + (d.tr.verb ? 0.1 : 0.05) + (d.tr.viaCtx ? 0.05 : 0);
      // A source inferred through another clause (a shared subject, a pronoun, a relative's
      // antecedent) is less certain than a subject beside its verb.
      if (srcEnt && INDIRECT.test(d.how)) conf -= 0.1;
      // A subject carried from the previous sentence is not named in the event's own sentence: the
      // annotation guidelines leave such a source unnamed, so it ranks below the 0.6 a filter keeps.
      if (srcEnt && d.how.endsWith('carry')) conf -= 0.15;
      // An actor that linking could not place (no country, no code) makes a triple of little use.
      if (srcEnt && srcEnt.actor.country === null && srcEnt.actor.code === null) conf -= 0.15;
      if (tgtEnt && tgtEnt.actor.country === null && tgtEnt.actor.code === null) conf -= 0.05;
      conf *= MODALITY_WEIGHT[modality as Modality];
      const t = d.tr.t;
      const quantity = c.quadClass === 2 || c.quadClass === 4 ? quantityOf(v, t, a, b) : null;
      out.push({
        id: '',
        cameo: code,
        root,
        quadClass: c.quadClass,
        goldstein: c.goldstein,
        plover: c.plover,
        source: argOf(v, sm),
        target: argOf(v, tgtEnt ? tm : undefined),
        location,
        time: timeOf(v, t, s.start, s.end),
        trigger: { start: tk.start[t], end: tk.end[t], text: v.doc.text.slice(tk.start[t], tk.end[t]) },
        sentence: si,
        modality: modality as Modality,
        confidence: Math.round(Math.min(0.95, Math.max(0.05, conf)) * 100) / 100,
        ...(quantity ? { quantity } : {}),
      });
    }
  }
}

const argKey = (v: EventArg): string => v.code ?? v.entity ?? '-';

/** The same event told twice (headline and lead): keep the most confident telling, the body's
 * on a tie. */
function dedupe(events: Event[], titleEnd: number): Event[] {
  const best = new Map<string, number>();
  for (const [i, e] of events.entries()) {
    const key = `${e.cameo.slice(0, 3)}|${argKey(e.source).slice(0, 3)}|${argKey(e.target).slice(0, 3)}|${e.modality}`;
    const j = best.get(key);
    if (
      j === undefined ||
      events[j].confidence < e.confidence ||
      (events[j].confidence === e.confidence && events[j].trigger.start < titleEnd)
    )
      best.set(key, i);
  }
  const keep = [...best.values()].sort((x, y) => x - y);
  return keep.map((i, k) => ({ ...events[i], id: `V${k + 1}` }));
}
