// Time-expression finder: a left-to-right pass over the token view. At each token it tries a small
// grammar of anchored patterns (preposition? position? core apposition*), each step looking at one
// token; the longest parse wins and the scan resumes after it. Nothing backtracks over the text.
//
// Span convention (documented in docs/EVALUATION.md): the span covers a governing time
// preposition (في، خلال، منذ، قبل، بعد، حتى، بحلول، …), a position word (أوائل، منتصف، نهاية …),
// "في وقت سابق من" and appositions ("اليوم (الاثنين)", "… الموافق 21 يوليو 2015"); a leading
// conjunction و/ف is left out; an attached ل/ب stays in ("لعام 2015").

import { TokenKind, type TimeMod } from '../doc/types.js';
import { parseCardinal } from '../numbers/find.js';
import type { TokView } from '../numbers/view.js';
import type { NumberWords } from '../numbers/words.js';
import type { MonthName, PartOfDay, TimeLexicon, Unit } from './lexicon.js';

/** What an expression says, before resolution against the document date. */
export interface Parts {
  /** Gregorian year/month/day as written. */
  gy?: number;
  gm?: number;
  gd?: number;
  /** Second year of a range. */
  gy2?: number;
  /** Hijri year/month/day as written. */
  hy?: number;
  hm?: number;
  hd?: number;
  hy2?: number;
  /** Direction of a month named without a year: -1 الماضي, 0 الجاري, +1 المقبل. */
  monthDir?: number;
  /** Year relative to the document year (ديسمبر من العام الماضي → -1). */
  yearRel?: number;
  /** A period relative to the document date (الأسبوع الماضي → week, -1). */
  rel?: { unit: Unit; offset: number };
  /** Day offset of a deictic (أمس → -1). */
  days?: number;
  weekday?: number;
  weekdayDir?: number;
  /** Counted offset (منذ ثلاثة أيام → day × -3). */
  count?: { unit: Unit; n: number };
  /** Plural recent period (الأيام الأخيرة → day, -1). */
  recent?: { unit: Unit; dir: number };
  /** Anchored on an event, not the document date (الأسابيع التي سبقت …). */
  anchored?: number;
  part?: PartOfDay;
  hour?: number;
  minute?: number;
  /** START/MID/END from a position word. */
  pos?: TimeMod;
  /** Mod from the governing preposition (منذ → AFTER …). */
  prepMod?: TimeMod | null;
  approx?: boolean;
  /** Vague count (بضعة أيام، أيام قليلة): resolved one unit coarser. */
  vague?: boolean;
  /** Days added after resolving a date (ثاني أيام عيد الفطر → +1). */
  dayOffset?: number;
  /** Century as written (القرن العشرين → 20), or relative to the document's (القرن الماضي → -1). */
  century?: number;
  centuryRel?: number;
  /** A future cue (سوف، a س-prefixed verb) before a bare weekday or month. */
  future?: boolean;
}

export interface FoundTime {
  start: number;
  end: number;
  parts: Parts;
}

interface Core {
  end: number;
  parts: Parts;
  kind:
    | 'date'
    | 'month'
    | 'year'
    | 'range'
    | 'rel'
    | 'recent'
    | 'count'
    | 'weekday'
    | 'deictic'
    | 'clock'
    | 'part'
    | 'century';
}

interface Ctx {
  /** A time preposition or position word precedes: bare years and ambiguous months are allowed. */
  governed: boolean;
  /** Counted-offset direction of the preposition (منذ/قبل → -1, بعد → +1), or null. */
  count: number | null;
  /** A position word or "في وقت سابق من" precedes: a bare period noun (العام) means the current one. */
  bareOk: boolean;
}

const NO_CTX: Ctx = { governed: false, count: null, bareOk: false };

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

export class TimeFinder {
  private first = -1;
  private firstForm = '';
  private marker: 'h' | 'g' | null = null;
  private readonly starters: Set<string>;

  constructor(
    private readonly v: TokView,
    private readonly lex: TimeLexicon,
    private readonly words: NumberWords,
  ) {
    this.starters = starterSet(lex, words);
  }

  /** Token i's form for matching (the chosen clitic-stripped form for an expression's first token). */
  private t(i: number): string {
    if (i >= this.v.count) return '';
    return i === this.first ? this.firstForm : this.v.n[i];
  }

  private isPunct(i: number, ch: string): boolean {
    return i < this.v.count && this.v.tokens.kind[i] === TokenKind.Punct && this.v.n[i] === ch;
  }

  /** The integer value of a plain digits token, or -1. */
  private int(i: number): number {
    if (i >= this.v.count || this.v.tokens.kind[i] !== TokenKind.Number) return -1;
    const s = this.v.n[i];
    return isDigits(s) && s.length <= 4 ? Number.parseInt(s, 10) : -1;
  }

  findAll(): FoundTime[] {
    const out: FoundTime[] = [];
    const v = this.v;
    let i = 0;
    while (i < v.count) {
      const k = v.tokens.kind[i];
      if (k !== TokenKind.ArabicWord && k !== TokenKind.Number && k !== TokenKind.Date) {
        i++;
        continue;
      }
      const r = this.expressionAt(i);
      if (r === null) {
        i++;
        continue;
      }
      out.push(r.found);
      i = r.end;
    }
    return out;
  }

  /** Try an expression at token i with each reading of its first token; the longest wins. */
  private expressionAt(i: number): { found: FoundTime; end: number } | null {
    const v = this.v;
    // Up to three readings of the first token, tried without building a list per token: as written,
    // without a conjunction (وفي → في), and without an attached ل/ب before a year or period word
    // (لعام، للعام، بالعام، لشهر، لهذا).
    let best: { found: FoundTime; end: number } | null = null;
    if (this.starters.has(v.n[i]) || v.tokens.kind[i] !== TokenKind.ArabicWord)
      best = this.tryForm(i, v.n[i], v.tokens.start[i], best);
    if (v.c[i] !== v.n[i] && this.starters.has(v.c[i])) best = this.tryForm(i, v.c[i], v.cStart[i], best);
    const base = v.c[i];
    if (base.length > 3 && (base.charCodeAt(0) === 0x0644 || base.charCodeAt(0) === 0x0628)) {
      const rest = base[0] === 'ل' && base[1] === 'ل' ? 'ا' + base.slice(1) : base.slice(1);
      if (
        this.lex.yearWords.has(rest) ||
        this.lex.periods.has(rest) ||
        this.lex.monthWords.has(rest) ||
        this.lex.this.has(rest)
      )
        best = this.tryForm(i, rest, v.cStart[i], best);
    }
    this.first = -1;
    return best;
  }

  private tryForm(
    i: number,
    form: string,
    start: number,
    best: { found: FoundTime; end: number } | null,
  ): { found: FoundTime; end: number } | null {
    this.first = i;
    this.firstForm = form;
    const r = this.expression(i);
    if (r !== null && (best === null || r.end > best.end))
      return { found: { start, end: this.v.tokens.end[r.end - 1], parts: r.parts }, end: r.end };
    return best;
  }

  private expression(i: number): { end: number; parts: Parts } | null {
    const lex = this.lex;
    let j = i;
    let prepMod: TimeMod | null | undefined;
    let count: number | null = null;
    let governed = false;
    let bareOk = false;
    let rangeOnly = false;
    const prep = lex.prepositions.match(this.v, j, this.t(j));
    if (prep !== null) {
      prepMod = prep.value.mod;
      count = prep.value.count;
      governed = true;
      j = prep.end;
    } else if (this.t(j) === 'بين' || this.t(j) === 'من') {
      rangeOnly = true;
      governed = true;
      j++;
    }
    let approx = false;
    if (lex.approx.has(this.t(j))) {
      approx = true;
      j++;
    }
    // "في وقت سابق من هذا الشهر", "في وقت لاحق اليوم"
    let earlier = false;
    const el = lex.earlierLater.match(this.v, j, this.t(j));
    if (el !== null) {
      earlier = true;
      j = el.end;
      if (this.t(j) === 'من') j++;
      bareOk = true;
      governed = true;
    }
    let pos: TimeMod | undefined;
    let core: Core | null = null;
    if (!earlier && lex.deictics.match(this.v, j, this.t(j)) === null) {
      const p = lex.positions.match(this.v, j, this.t(j));
      if (p !== null) {
        let k = p.end;
        if (this.v.n[k] === 'من') k++;
        const withPos = this.core(k, { governed: true, count, bareOk: true });
        const bare = this.recent(j); // "آخر أسبوعين": a count, not a position
        if (bare !== null && (withPos === null || bare.end >= withPos.end)) core = bare;
        else if (withPos !== null) {
          core = withPos;
          pos = p.value;
        }
        if (core === null) return null;
      }
    }
    core ??= this.core(j, { governed, count, bareOk });
    if (core === null) return null;
    if (rangeOnly && core.kind !== 'range') return null;
    if (earlier && core.kind !== 'rel' && core.kind !== 'deictic') return null;
    let end = core.end;
    const parts: Parts = { ...core.parts };
    if (core.kind !== 'count') parts.prepMod = prepMod ?? null;
    if (pos !== undefined) parts.pos = pos;
    if (approx) parts.approx = true;
    // appositions: "(الاثنين)", "الموافق 21 يوليو", "الخميس 23 يوليو", "مساء أمس الأحد"
    for (let guard = 0; guard < 3; guard++) {
      const ap = this.apposition(end, core.kind);
      if (ap === null) break;
      for (const [key, val] of Object.entries(ap.parts) as [keyof Parts, never][]) {
        if (parts[key] === undefined) parts[key] = val;
      }
      end = ap.end;
    }
    return { end, parts };
  }

  private apposition(i: number, prevKind: Core['kind']): Core | null {
    if (i >= this.v.count) return null;
    if (this.isPunct(i, '(')) {
      const c = this.core(i + 1, NO_CTX);
      if (c !== null && this.isPunct(c.end, ')')) return { ...c, end: c.end + 1 };
      return null;
    }
    const eq = this.lex.equals.match(this.v, i, this.v.n[i]);
    if (eq !== null) {
      const c = this.core(eq.end, NO_CTX);
      return c !== null ? c : null;
    }
    let j = i;
    if (this.isPunct(j, ',') && (prevKind === 'weekday' || prevKind === 'deictic')) j++;
    const c = this.core(j, NO_CTX);
    if (c === null) return null;
    const combinable =
      c.kind === 'weekday' ||
      c.kind === 'date' ||
      c.kind === 'clock' ||
      c.kind === 'part' ||
      (c.kind === 'deictic' && (prevKind === 'clock' || prevKind === 'weekday')) ||
      ((c.kind === 'year' || c.kind === 'range') && (prevKind === 'rel' || prevKind === 'date'));
    if (!combinable) return null;
    if (c.kind === prevKind && c.kind !== 'date') return null;
    return c;
  }

  /** The longest core at token i. */
  private core(i: number, ctx: Ctx): Core | null {
    if (i >= this.v.count) return null;
    let best: Core | null = null;
    const kind = this.v.tokens.kind[i];
    if (kind === TokenKind.Date) best = longer(best, this.dateToken(i));
    if (this.lex.dayWords.has(this.t(i)) && this.v.tokens.kind[i + 1] === TokenKind.Date) {
      const d = this.dateToken(i + 1); // يوم 30-12-2020
      best = longer(best, d);
    }
    if (kind === TokenKind.Number) {
      best = longer(best, this.spacedDate(i));
      best = longer(best, this.dayMonth(i, ctx));
      best = longer(best, this.year(i, ctx));
      best = longer(best, this.clock(i));
      if (ctx.count !== null) best = longer(best, this.count(i, ctx));
      return best;
    }
    if (kind !== TokenKind.ArabicWord) return best;
    best = longer(best, this.clock(i));
    best = longer(best, this.dayMonth(i, ctx));
    best = longer(best, this.monthYear(i, ctx));
    best = longer(best, this.year(i, ctx));
    best = longer(best, this.relPeriod(i, ctx));
    best = longer(best, this.recent(i));
    if (ctx.count !== null) best = longer(best, this.count(i, ctx));
    best = longer(best, this.partOfDay(i));
    best = longer(best, this.weekdayCore(i));
    best = longer(best, this.deictic(i));
    best = longer(best, this.holiday(i));
    best = longer(best, this.century(i));
    return best;
  }

  // --- cores -------------------------------------------------------------------------------

  /** 2020/12/30, 30-12-2020, 30/12/2020, 1436/10/5 هـ */
  private dateToken(i: number): Core | null {
    const s = this.v.n[i];
    const sep = s.includes('/') ? '/' : s.includes('-') ? '-' : '.';
    return this.datePieces(s.split(sep), i + 1);
  }

  /** 7 / 11 / 1436 هـ written with spaces: five tokens. */
  private spacedDate(i: number): Core | null {
    const sep = this.v.n[i + 1];
    if (sep !== '/' && sep !== '-' && sep !== '.') return null;
    if (!this.isPunct(i + 1, sep) || !this.isPunct(i + 3, sep)) return null;
    if (this.int(i) < 0 || this.int(i + 2) < 0 || this.int(i + 4) < 0) return null;
    return this.datePieces([this.v.n[i], this.v.n[i + 2], this.v.n[i + 4]], i + 5);
  }

  private datePieces(p: string[], after: number): Core | null {
    if (p.length !== 3 || !p.every(isDigits)) return null;
    let y: number;
    let m: number;
    let d: number;
    if (p[0].length === 4) [y, m, d] = [Number(p[0]), Number(p[1]), Number(p[2])];
    else if (p[2].length === 4) [d, m, y] = [Number(p[0]), Number(p[1]), Number(p[2])];
    else return null;
    if (m < 1 || m > 12 || d < 1 || d > 31) return null;
    let end = after;
    const hm = this.lex.hijriMarkers.match(this.v, end, this.t(end));
    const gm = this.lex.gregorianMarkers.match(this.v, end, this.t(end));
    const hijri = hm !== null || (y >= 1300 && y <= 1500);
    if (hm !== null) end = hm.end;
    else if (gm !== null) end = gm.end;
    if (hijri) return { end, kind: 'date', parts: { hy: y, hm: m, hd: d } };
    if (y < 1000 || y > 2200) return null;
    return { end, kind: 'date', parts: { gy: y, gm: m, gd: d } };
  }

  /** A day of the month in digits or ordinal words: returns [day, end]. */
  private dayNumber(i: number, century = false): [number, number] | null {
    const n = this.int(i);
    if (n >= 1 && n <= 31 && this.v.n[i].length <= 2) return [n, i + 1];
    const w = this.words;
    const t = this.t(i);
    const tens = w.ordinalTens.get(t);
    if (tens !== undefined && !t.startsWith('و')) return [tens, i + 1];
    const o = w.ordMasc.get(t);
    if (o === undefined) return null;
    if (
      !century &&
      i > 0 &&
      (this.lex.periods.has(this.v.n[i - 1]) || this.lex.centuryWords.has(this.v.n[i - 1]))
    )
      return null;
    if (i + 1 < this.v.count) {
      const nx = this.v.n[i + 1];
      if (w.ordinalTeen.has(nx)) return o.value + 10 <= 19 ? [o.value + 10, i + 2] : null;
      const tn = w.ordinalTens.get(nx);
      if (tn !== undefined && nx.startsWith('و')) return tn + o.value <= 31 ? [tn + o.value, i + 2] : null;
    }
    return o.compoundOnly ? null : [o.value, i + 1];
  }

  /** [يوم] [weekday] day [من] [شهر] month [year part] */
  private dayMonth(i: number, ctx: Ctx): Core | null {
    let j = i;
    const parts: Parts = {};
    if (this.lex.dayWords.has(this.t(j))) j++;
    const wd = this.lex.weekdays.get(j === i ? this.t(j) : this.v.n[j]);
    if (wd !== undefined) {
      parts.weekday = wd;
      j++;
      if (this.isPunct(j, ',')) j++;
    }
    const dn = this.dayNumber(j);
    if (dn === null) return null;
    j = dn[1];
    if (this.v.n[j] === 'من') j++;
    if (this.lex.monthWords.has(this.v.n[j])) j++;
    const mo = this.monthAt(j, this.v.n[j]);
    if (mo === null) return null;
    j = mo.end;
    const hijri = mo.value.calendar === 'hijri';
    if (hijri) {
      parts.hm = mo.value.month;
      parts.hd = dn[0];
    } else {
      parts.gm = mo.value.month;
      parts.gd = dn[0];
    }
    j = this.yearPart(j, parts, hijri);
    void ctx;
    return { end: j, kind: 'date', parts };
  }

  /**
   * After a month name: a year (2015, عام 2015, 2015م, 1436هـ), a direction (الماضي، المقبل،
   * الجاري) or "من العام الماضي". Fills `parts` and returns the new end.
   */
  private yearPart(j: number, parts: Parts, hijri: boolean): number {
    const lex = this.lex;
    const mk = hijri ? lex.hijriMarkers : lex.gregorianMarkers;
    const m0 = mk.match(this.v, j, this.v.n[j]);
    if (m0 !== null && this.int(m0.end) < 0) j = m0.end; // "يوليو م" never; "رمضان هـ" rare — skip marker only
    let k = j;
    if (this.isPunct(k, ',')) k++;
    if (this.v.n[k] === 'من') k++;
    if (lex.yearWords.has(this.v.n[k])) k++;
    const y = this.int(k);
    if (y >= 1000 && y <= 2200) {
      let e = k + 1;
      const hm = lex.hijriMarkers.match(this.v, e, this.v.n[e]);
      const gm = lex.gregorianMarkers.match(this.v, e, this.v.n[e]);
      if (hm !== null) e = hm.end;
      else if (gm !== null) e = gm.end;
      if (hijri) parts.hy = y;
      else parts.gy = y;
      return e;
    }
    // "من العام الماضي", "من هذا العام"
    k = j;
    if (this.v.n[k] === 'من') {
      k++;
      if (lex.this.has(this.v.n[k])) k++;
      if (lex.periods.get(this.v.n[k]) === 'year') {
        const adj = lex.relAdj.get(this.v.n[k + 1]);
        if (adj !== undefined) {
          parts.yearRel = adj;
          return k + 2;
        }
        if (lex.this.has(this.v.n[k - 1])) {
          parts.yearRel = 0;
          return k + 1;
        }
      }
      return j;
    }
    const adj = lex.relAdj.get(this.v.n[j]);
    if (adj !== undefined) {
      parts.monthDir = adj;
      return j + 1;
    }
    return j;
  }

  /** [شهر] month [year part]; ambiguous names need context. */
  private monthYear(i: number, ctx: Ctx): Core | null {
    let j = i;
    let monthWord = false;
    if (this.lex.monthWords.has(this.t(j))) {
      monthWord = true;
      j++;
    }
    const mo = this.monthAt(j, j === i ? this.t(j) : this.v.n[j]);
    if (mo === null) return null;
    const hijri = mo.value.calendar === 'hijri';
    const parts: Parts = hijri ? { hm: mo.value.month } : { gm: mo.value.month };
    const end = this.yearPart(mo.end, parts, hijri);
    if (mo.value.ambiguous && !monthWord && end === mo.end && !ctx.governed && !mo.aliased) return null;
    if (
      parts.gy === undefined &&
      parts.hy === undefined &&
      parts.yearRel === undefined &&
      parts.monthDir === undefined
    )
      if (this.futureBefore(i)) parts.future = true;
    return { end, kind: 'month', parts };
  }

  /**
   * A month name, with the same month in another naming system right after it: "مارس/آذار",
   * "آب (أغسطس)", "يونيو حزيران".
   */
  private monthAt(j: number, first: string): { end: number; value: MonthName; aliased: boolean } | null {
    const mo = this.lex.months.match(this.v, j, first);
    if (mo === null) return null;
    let e = this.sameMonth(mo.end, mo.value);
    if (e > 0) return { end: e, value: mo.value, aliased: true };
    if (this.isPunct(mo.end, '/') || this.isPunct(mo.end, '-')) {
      e = this.sameMonth(mo.end + 1, mo.value);
      if (e > 0) return { end: e, value: mo.value, aliased: true };
    }
    if (this.isPunct(mo.end, '(')) {
      e = this.sameMonth(mo.end + 1, mo.value);
      if (e > 0 && this.isPunct(e, ')')) return { end: e + 1, value: mo.value, aliased: true };
    }
    return { end: mo.end, value: mo.value, aliased: false };
  }

  /** End of the same month (another name for it) at token k, or -1. */
  private sameMonth(k: number, m: MonthName): number {
    if (k >= this.v.count) return -1;
    const m2 = this.lex.months.match(this.v, k, this.v.n[k]);
    return m2 !== null && m2.value.month === m.month && m2.value.calendar === m.calendar ? m2.end : -1;
  }

  /** A future cue in the six tokens before token i: سوف، المقرر، or a verb with the future prefix س. */
  private futureBefore(i: number): boolean {
    for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
      const kind = this.v.tokens.kind[k];
      if (kind === TokenKind.Punct && (this.v.n[k] === '.' || this.v.n[k] === '?')) return false;
      if (kind !== TokenKind.ArabicWord) continue;
      const w = this.v.c[k];
      if (this.lex.futureMarkers.has(w)) return true;
      if (w.length >= 5 && w[0] === 'س' && (w[1] === 'ي' || w[1] === 'ت' || w[1] === 'ن')) {
        if (!this.lex.futureFalsePrefixes.some((p) => w.startsWith(p))) return true;
      }
    }
    return false;
  }

  /** عام 2015, 2015م, 1436 هـ, في 2016, 2015-2017, بين عامي 2015 و2017, عام 79م, موازنة 2015 */
  private year(i: number, ctx: Ctx): Core | null {
    const lex = this.lex;
    let j = i;
    let worded = false;
    if (lex.yearWords.has(this.t(j))) {
      worded = true;
      j++;
    }
    let y = this.int(j);
    if (y < 0) return null;
    const digits = this.v.n[j].length;
    j++;
    this.marker = null;
    j = this.readMarker(j);
    const marker = this.marker as 'h' | 'g' | null;
    if (digits === 2 && worded && marker === 'g')
      y += 1900; // عام 79م
    else if (digits !== 4) return null;
    // range: 2015-2017, 2015 إلى 2017, 2015 و2017, عام 2015 حتى عام 2017, 1435/1436هـ
    let k = j;
    const joiner = this.v.n[k];
    let range: { y2: number; end: number } | null = null;
    if (
      this.isPunct(k, '-') ||
      this.isPunct(k, '/') ||
      joiner === 'و' ||
      joiner === 'الى' ||
      joiner === 'الي' ||
      joiner === 'حتي' ||
      joiner === 'حتى'
    ) {
      k++;
      if (lex.yearWords.has(this.v.n[k])) k++;
      const y2 = this.int(k);
      const slash = this.isPunct(j, '/');
      if (y2 > y && this.v.n[k].length === 4 && y2 - y < 200 && (!slash || y2 === y + 1))
        range = { y2, end: this.readMarker(k + 1) };
    }
    if (!worded && marker === null && !ctx.governed && range === null && !this.bareYear(i, j)) return null;
    const hijri = marker === 'h' || (marker === null && y >= 1300 && y <= 1500);
    if (!hijri && (y < 1000 || y > 2200)) return null;
    if (hijri && (y < 1300 || y > 1600)) return null;
    const parts: Parts = hijri ? { hy: y } : { gy: y };
    if (range !== null) {
      if (hijri) parts.hy2 = range.y2;
      else parts.gy2 = range.y2;
      return { end: range.end, kind: 'range', parts };
    }
    return { end: j, kind: 'year', parts };
  }

  /** A calendar marker (هـ / م) at token k: sets `this.marker`, returns the end (k when none). */
  private readMarker(k: number): number {
    const hm = this.lex.hijriMarkers.match(this.v, k, this.v.n[k]);
    if (hm !== null) {
      this.marker = 'h';
      return hm.end;
    }
    const gm = this.lex.gregorianMarkers.match(this.v, k, this.v.n[k]);
    if (gm !== null && this.int(gm.end) < 0) {
      this.marker = 'g';
      return gm.end;
    }
    return k;
  }

  /** A bare 1900–2099 after a noun and not before one (موازنة 2015، اتفاقية 1997; not 2000 جندي). */
  private bareYear(i: number, end: number): boolean {
    const y = this.int(i);
    if (y < 1900 || y > 2099 || i === 0) return false;
    const pk = this.v.tokens.kind[i - 1];
    if (pk !== TokenKind.ArabicWord || this.lex.bareYearBlockers.has(this.v.c[i - 1])) return false;
    if (this.words.scales.has(this.v.c[i - 1]) || this.words.units.has(this.v.c[i - 1])) return false;
    if (end >= this.v.count) return true;
    const nk = this.v.tokens.kind[end];
    if (nk !== TokenKind.ArabicWord) return nk !== TokenKind.Number && nk !== TokenKind.Percent;
    return this.lex.prepositions.match(this.v, end, this.v.c[end]) !== null || this.v.n[end] === 'و';
  }

  /** [هذا] الأسبوع/الشهر/العام [الماضي|المقبل|الجاري]; هذا الصيف; صيف هذا العام */
  private relPeriod(i: number, ctx: Ctx): Core | null {
    const lex = this.lex;
    let j = i;
    let demonstrative = false;
    if (lex.this.has(this.t(j))) {
      demonstrative = true;
      j++;
    }
    const tok = j === i ? this.t(j) : this.v.n[j];
    if (lex.seasons.has(tok)) {
      // a season stands for its year: هذا الصيف، الصيف المقبل، صيف هذا العام
      const inner = this.relPeriod(j + 1, NO_CTX);
      if (inner !== null && inner.parts.rel?.unit === 'year' && !tok.startsWith('ال')) return inner;
      const adj = lex.relAdj.get(this.v.n[j + 1]);
      if (adj !== undefined && tok.startsWith('ال'))
        return { end: j + 2, kind: 'rel', parts: { rel: { unit: 'year', offset: adj === 0 ? 0 : adj } } };
      if (demonstrative) return { end: j + 1, kind: 'rel', parts: { rel: { unit: 'year', offset: 0 } } };
      return null;
    }
    const unit = lex.periods.get(tok);
    if (unit === undefined) return null;
    if (unit === 'day') return null; // اليوم is a deictic
    if (tok === 'العام' && i > 0 && j === i && lex.generalNouns.has(this.v.c[i - 1])) return null;
    j++;
    const adj = lex.relAdj.get(this.v.n[j]);
    if (adj !== undefined) return { end: j + 1, kind: 'rel', parts: { rel: { unit, offset: adj } } };
    if (demonstrative || ctx.bareOk) return { end: j, kind: 'rel', parts: { rel: { unit, offset: 0 } } };
    return null;
  }

  /**
   * Periods counted back or forward from the document date: الأيام الأخيرة، الأسابيع القليلة
   * الماضية، اليومين المقبلين، الأيام الخمسة الماضية، الخمس سنوات المقبلة، الـ48 ساعة القادمة،
   * آخر أسبوعين; and anchored ones: الأسابيع التي سبقت …
   */
  private recent(i: number): Core | null {
    const lex = this.lex;
    let j = i;
    if (this.t(j) === 'اخر') {
      // "آخر أسبوعين", "آخر ثلاثة أيام": the last N units
      const c = this.count(j + 1, { governed: true, count: -1, bareOk: false });
      if (c === null || c.parts.count === undefined) return null;
      return { end: c.end, kind: 'recent', parts: { recent: { unit: c.parts.count.unit, dir: -1 } } };
    }
    // an optional definite number before the unit: الخمس سنوات، الـ48 ساعة
    const afterNum = this.defNum(j);
    const numbered = afterNum !== j;
    j = afterNum;
    const w = j === i ? this.t(j) : this.v.n[j];
    let unit = lex.recentPlurals.get(w);
    if (unit === undefined) {
      const bare = w.startsWith('ال') ? w.slice(2) : numbered ? w : '';
      const u = lex.units.get(bare);
      if (u !== undefined && (numbered || u.form !== 'singular')) unit = u.unit;
    }
    if (unit === undefined) return null;
    j++;
    if (!numbered) j = this.defNum(j); // الأيام الخمسة الماضية
    if (lex.few.has(this.v.n[j])) j++;
    const adj = lex.relAdj.get(this.v.n[j]);
    if (adj !== undefined && adj !== 0)
      return { end: j + 1, kind: 'recent', parts: { recent: { unit, dir: adj } } };
    const an = lex.anchored.match(this.v, j, this.v.n[j] ?? '');
    if (an !== null)
      return { end: an.end, kind: 'recent', parts: { anchored: an.value, recent: { unit, dir: an.value } } };
    return null;
  }

  /** End of a definite number at token k (الخمس، الـ48), or k. */
  private defNum(k: number): number {
    const w = this.t(k);
    if (w === 'ال' && this.int(k + 1) >= 0) return k + 2;
    if (w.startsWith('ال') && (this.words.units.has(w.slice(2)) || this.words.tens.has(w.slice(2))))
      return k + 1;
    return k;
  }

  /** After منذ/قبل/بعد: ثلاثة أيام، 3 أيام، أسبوعين، شهر، بضعة أيام، أيام قليلة، (نحو) الشهر */
  private count(i: number, ctx: Ctx): Core | null {
    const lex = this.lex;
    const dir = ctx.count ?? -1;
    let end: number;
    let parts: Parts;
    const first = this.t(i);
    const direct =
      lex.units.get(first) ?? (first.startsWith('ال') ? lex.units.get(first.slice(2)) : undefined);
    if (direct !== undefined) {
      if (direct.form === 'plural') {
        // أيام قليلة: a vague few
        if (!lex.vagueCount.has(this.v.n[i + 1] ?? '')) return null;
        end = i + 2;
        parts = { count: { unit: direct.unit, n: 3 * dir }, vague: true, approx: true };
      } else {
        // "قبل نحو الشهر": the definite singular only after an approximation word
        if (
          first.startsWith('ال') &&
          (direct.form !== 'singular' || i === 0 || !lex.approx.has(this.v.n[i - 1]))
        )
          return null;
        const n = direct.form === 'dual' ? 2 : 1;
        end = i + 1;
        parts = { count: { unit: direct.unit, n: n * dir } };
      }
    } else {
      const num = parseCardinal(this.v, this.words, i, first);
      if (num === null || num.end >= this.v.count) return null;
      const u = lex.units.get(this.v.n[num.end]);
      if (u === undefined) return null;
      end = num.end + 1;
      parts = { count: { unit: u.unit, n: num.value * dir } };
      if (num.approx) {
        parts.approx = true;
        parts.vague = true;
      }
    }
    if (this.words.units.get(this.v.n[end] ?? '') === 1) end++; // "يوم واحد"
    // "بعد يوم من الاجتماع", "قبل أسبوع على": counted from an event, not from the document date
    // ("قبل عام من أجل …" is still a count: من أجل is "in order to")
    const nx = this.v.n[end] ?? '';
    if ((nx === 'من' && this.v.n[end + 1] !== 'اجل') || nx === 'مما' || nx === 'على') return null;
    return { end, kind: 'count', parts };
  }

  /** صباح اليوم، مساء أمس، ليلة الاثنين، فجر يوم الخميس */
  private partOfDay(i: number): Core | null {
    const p = this.lex.partsOfDay.match(this.v, i, this.t(i));
    if (p === null) return null;
    let j = p.end;
    if (this.v.n[j] === 'يوم' && this.lex.weekdays.has(this.v.n[j + 1])) j++;
    const d = this.deictic(j);
    const w = d === null ? this.weekdayCore(j) : null;
    const dm = d === null && w === null ? this.dayMonth(j, NO_CTX) : null;
    const c = d ?? w ?? dm;
    if (c === null) return null;
    return { end: c.end, kind: 'part', parts: { ...c.parts, part: p.value } };
  }

  /** [يوم] الاثنين [الماضي|المقبل] */
  private weekdayCore(i: number): Core | null {
    let j = i;
    if (this.lex.dayWords.has(this.t(j))) j++;
    const wd = this.lex.weekdays.get(j === i ? this.t(j) : this.v.n[j]);
    if (wd === undefined) return null;
    if (j === i && i > 0) {
      // صلاة الجمعة، لصلاة الجمعة: the prayer, not the day
      const prev = this.v.c[i - 1];
      const bare = prev.length > 3 && (prev[0] === 'ل' || prev[0] === 'ب') ? prev.slice(1) : prev;
      if (this.lex.weekdayBlockers.has(prev) || this.lex.weekdayBlockers.has(bare)) return null;
    }
    j++;
    const parts: Parts = { weekday: wd };
    const adj = this.lex.relAdj.get(this.v.n[j] ?? '');
    if (adj !== undefined) {
      parts.weekdayDir = adj;
      j++;
    } else if (this.futureBefore(i)) parts.future = true;
    return { end: j, kind: 'weekday', parts };
  }

  /** اليوم، أمس، أمس الأول، غدا، الليلة الماضية */
  private deictic(i: number): Core | null {
    const d = this.lex.deictics.match(this.v, i, this.t(i));
    if (d === null) return null;
    const nx = d.end < this.v.count ? this.v.n[d.end] : '';
    const today = d.end === i + 1 && this.t(i) === 'اليوم';
    // اليوم الوطني، اليوم التالي، اليوم الأول: "the … day", not today (a weekday is fine)
    if (
      today &&
      nx.startsWith('ال') &&
      nx.length > 3 &&
      !this.lex.weekdays.has(nx) &&
      !this.lex.relAdj.has(nx)
    ) {
      if (this.lex.prepositions.match(this.v, d.end, nx) === null && nx !== 'التي' && nx !== 'الذي')
        return null;
    }
    // "ثلاث مرات في اليوم": per day
    if (today && i > 0 && this.v.c[i - 1] === 'في' && !this.lex.weekdays.has(nx)) return null;
    // the newspaper «اليوم»
    if (i > 0 && this.isPunct(i - 1, '"') && this.isPunct(d.end, '"')) return null;
    if (i > 0 && (this.v.n[i - 1] === 'صحيفه' || this.v.n[i - 1] === 'جريده')) return null;
    return { end: d.end, kind: 'deictic', parts: { days: d.value } };
  }

  /** عيد الفطر، ثاني أيام عيد الأضحى، يوم عرفة، اليوم الوطني [1436 هـ] */
  private holiday(i: number): Core | null {
    let j = i;
    let offset = 0;
    const hd = this.lex.holidayDays.match(this.v, j, this.t(j));
    if (hd !== null) {
      offset = hd.value;
      j = hd.end;
    } else if (this.lex.dayWords.has(this.t(j))) j++;
    const h = this.lex.holidays.match(this.v, j, j === i ? this.t(j) : this.v.n[j]);
    if (h === null) return null;
    const hijri = h.value.calendar === 'hijri';
    const parts: Parts = hijri
      ? { hm: h.value.month, hd: h.value.day }
      : { gm: h.value.month, gd: h.value.day };
    if (offset !== 0) parts.dayOffset = offset;
    const end = this.yearPart(h.end, parts, hijri);
    return { end, kind: 'date', parts };
  }

  /** القرن العشرين، القرن التاسع عشر، القرن الماضي */
  private century(i: number): Core | null {
    if (!this.lex.centuryWords.has(this.t(i))) return null;
    const adj = this.lex.relAdj.get(this.v.n[i + 1] ?? '');
    if (adj !== undefined) return { end: i + 2, kind: 'century', parts: { centuryRel: adj } };
    const n = this.dayNumber(i + 1, true);
    if (n === null) return null;
    return { end: n[1], kind: 'century', parts: { century: n[0] } };
  }

  /** الساعة الثامنة مساء، الساعة 8:30 صباحا، 8:30 صباحا, then an optional day */
  private clock(i: number): Core | null {
    const lex = this.lex;
    let j = i;
    let worded = false;
    while (lex.hourNoise.has(j === i ? this.t(j) : this.v.n[j]) && j < i + 2) j++;
    if (lex.hourWords.has(j === i ? this.t(j) : this.v.n[j])) {
      worded = true;
      j++;
    }
    let hour = -1;
    let minute = 0;
    const h = this.int(j);
    if (h >= 0 && h <= 24 && this.v.n[j].length <= 2) {
      hour = h;
      j++;
      if (this.isPunct(j, ':') && this.int(j + 1) >= 0 && this.v.n[j + 1].length === 2) {
        minute = this.int(j + 1);
        if (minute > 59) return null;
        j += 2;
      } else if (!worded) return null;
    } else if (worded) {
      const o = this.words.ordFem.get(this.v.n[j]);
      if (o === undefined) return null;
      hour = o.value;
      j++;
      if (this.words.ordinalTeen.has(this.v.n[j])) {
        hour += 10;
        j++;
      } else if (o.compoundOnly) return null;
      const fr = lex.hourFractions.match(this.v, j, this.v.n[j]);
      if (fr !== null) {
        minute = fr.value;
        j = fr.end;
        if (minute < 0) {
          hour -= 1;
          minute += 60;
        }
      }
    } else return null;
    // "مساء أمس", "من صباح اليوم" after the hour: a part of a day
    let k = j;
    if (this.v.n[k] === 'من') k++;
    const pd = this.partOfDay(k);
    const parts: Parts = { hour, minute };
    if (pd !== null) {
      Object.assign(parts, pd.parts);
      j = pd.end;
    } else {
      const mer = lex.meridiem.match(this.v, j, this.v.n[j]);
      if (mer !== null) {
        if (mer.value === true) parts.part = 'EV';
        else if (mer.value === false) parts.part = 'MO';
        else parts.part = 'AF';
        j = mer.end;
      } else if (!worded) return null;
    }
    if (parts.part !== undefined) parts.hour = to24(hour, parts.part);
    return { end: j, kind: 'clock', parts };
  }
}

function longer(best: Core | null, c: Core | null): Core | null {
  return c !== null && (best === null || c.end > best.end) ? c : best;
}

const starterCache = new WeakMap<TimeLexicon, Set<string>>();

/**
 * Every word that can open a time expression (first words of the lexicon's phrases, period and unit
 * words with and without ال, ordinals): tokens outside it are skipped without trying the grammar.
 */
function starterSet(lex: TimeLexicon, words: NumberWords): Set<string> {
  const hit = starterCache.get(lex);
  if (hit !== undefined) return hit;
  const s = new Set<string>(['بين', 'من', 'اخر', 'ال']);
  const add = (it: Iterable<string>): void => {
    for (const w of it) s.add(w);
  };
  for (const t of [
    lex.months,
    lex.deictics,
    lex.partsOfDay,
    lex.anchored,
    lex.positions,
    lex.prepositions,
    lex.earlierLater,
    lex.holidays,
    lex.holidayDays,
    lex.hijriMarkers,
  ])
    add(t.firsts());
  add(lex.monthWords);
  add(lex.weekdays.keys());
  add(lex.dayWords);
  add(lex.periods.keys());
  add(lex.recentPlurals.keys());
  add(lex.yearWords);
  add(lex.this);
  add(lex.approx);
  add(lex.hourWords);
  add(lex.hourNoise);
  add(lex.centuryWords);
  add(lex.seasons);
  for (const u of lex.units.keys()) {
    s.add(u);
    s.add('ال' + u);
  }
  for (const u of [...words.units.keys(), ...words.tens.keys()]) s.add('ال' + u);
  add(words.ordMasc.keys());
  add(words.ordinalTens.keys());
  starterCache.set(lex, s);
  return s;
}

function to24(hour: number, part: PartOfDay): number {
  if (part === 'MO') return hour === 12 ? 0 : hour;
  if (part === 'AF') return hour < 12 && hour <= 6 ? hour + 12 : hour;
  if (part === 'EV') return hour < 12 ? hour + 12 : hour;
  // night: 9–11 pm or past midnight (1–4)
  return hour >= 6 && hour < 12 ? hour + 12 : hour === 12 ? 0 : hour;
}
