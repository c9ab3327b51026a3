// Resolve what a time expression says (Parts) against the document date into a TIMEX3-like value:
// an ISO 8601 prefix (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-MM-DDThh:mm) or, for year
// ranges, the first year with `until` the last (2015-2017 → 2015 until 2017). Relative expressions with no document date
// get value null (never guessed). The rules are documented in docs/EVALUATION.md ("Times").

import type { TimeMod } from '../doc/types.js';
import {
  addMonths,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  fromHijri,
  isoDate,
  isoMonth,
  isoWeek,
  parseIsoDate,
  toHijri,
  weekday,
} from './calendar.js';
import type { Parts } from './find.js';

export interface Resolved {
  value: string | null;
  mod: TimeMod | null;
  relative: boolean;
  /** Last year of a year range (value holds the first): 2015-2017 → value 2015, until 2017. */
  until?: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Gregorian year containing most of Hijri year hy (the one holding 1 Rajab). */
function hijriYearToGregorian(hy: number): number | null {
  const n = fromHijri(hy, 7, 1);
  return n === null ? null : fromDayNumber(n).y;
}

function gregorian(p: Parts, doc: number | null): { value: string | null; relative: boolean } {
  const gm = p.gm;
  if (gm === undefined) return { value: p.gy === undefined ? null : String(p.gy), relative: false };
  let y = p.gy;
  let relative = false;
  if (y === undefined) {
    relative = true;
    if (doc === null) return { value: null, relative };
    const t = fromDayNumber(doc);
    if (p.yearRel !== undefined) y = t.y + p.yearRel;
    else if (p.monthDir === -1) {
      const before =
        p.gd !== undefined ? dayNumber(t.y, gm, Math.min(p.gd, daysInMonth(t.y, gm))) < doc : gm < t.m;
      y = before ? t.y : t.y - 1;
    } else if (p.monthDir === 1) {
      const after =
        p.gd !== undefined ? dayNumber(t.y, gm, Math.min(p.gd, daysInMonth(t.y, gm))) > doc : gm > t.m;
      y = after ? t.y : t.y + 1;
    } else if (p.future === true && p.monthDir === undefined) {
      // a future cue: this month or a later one this year, else next year
      const notPast =
        p.gd !== undefined ? dayNumber(t.y, gm, Math.min(p.gd, daysInMonth(t.y, gm))) >= doc : gm >= t.m;
      y = notPast ? t.y : t.y + 1;
    } else y = t.y;
  }
  if (p.gd === undefined) return { value: isoMonth(y, gm), relative };
  if (p.gd > daysInMonth(y, gm)) return { value: null, relative };
  return { value: isoDate(dayNumber(y, gm, p.gd)), relative };
}

function hijri(p: Parts, doc: number | null): { value: string | null; relative: boolean; approx: boolean } {
  const hm = p.hm;
  if (hm === undefined) {
    const y = p.hy === undefined ? null : hijriYearToGregorian(p.hy);
    return { value: y === null ? null : String(y), relative: false, approx: true };
  }
  let hy = p.hy;
  let relative = false;
  // a whole month with a position word: its start, middle or end day stands for it
  const day = p.hd ?? (p.pos === 'START' ? 5 : p.pos === 'END' ? 25 : 15);
  if (hy === undefined) {
    relative = true;
    if (doc === null) return { value: null, relative, approx: false };
    const h = toHijri(doc);
    let best: number | null = null;
    let bestScore = Infinity;
    for (const cand of [h.y - 1, h.y, h.y + 1]) {
      const n = fromHijri(cand, hm, p.hd ?? 1);
      if (n === null) continue;
      const mid = p.hd === undefined ? n + day - 1 : n;
      let score = Math.abs(mid - doc);
      if (p.monthDir === -1 && n >= doc) score = Infinity;
      if (p.monthDir === 1 && n <= doc) score = Infinity;
      if (score < bestScore) {
        bestScore = score;
        best = cand;
      }
    }
    if (best === null) return { value: null, relative, approx: false };
    hy = best;
  }
  const n = fromHijri(hy, hm, day);
  if (n === null) return { value: null, relative, approx: false };
  if (p.hd !== undefined) return { value: isoDate(n), relative, approx: false };
  const g = fromDayNumber(n);
  return { value: isoMonth(g.y, g.m), relative, approx: true };
}

function nearestWeekday(around: number, wd: number): number {
  let best = around;
  for (let k = -3; k <= 3; k++) if (weekday(around + k) === wd) best = around + k;
  return best;
}

interface Base {
  value: string | null;
  until?: string;
  relative: boolean;
  approx?: boolean;
  mod?: TimeMod;
}

function resolveBase(p: Parts, doc: number | null): Base {
  if (p.gy2 !== undefined && p.gy !== undefined)
    return { value: String(p.gy), until: String(p.gy2), relative: false };
  if (p.hy2 !== undefined && p.hy !== undefined) {
    const a = fromHijri(p.hy, 1, 1);
    const b = fromHijri(p.hy2, 12, 29);
    if (a === null || b === null) return { value: null, relative: false };
    return { value: String(fromDayNumber(a).y), until: String(fromDayNumber(b).y), relative: false };
  }
  if (p.century !== undefined) return { value: String(p.century - 1).padStart(2, '0'), relative: false };
  if (p.centuryRel !== undefined) {
    if (doc === null) return { value: null, relative: true };
    const c = Math.floor(fromDayNumber(doc).y / 100) + p.centuryRel;
    return { value: String(c).padStart(2, '0'), relative: true };
  }
  if (p.gm !== undefined || p.gy !== undefined) return gregorian(p, doc);
  if (p.hm !== undefined || p.hy !== undefined) return hijri(p, doc);
  if (p.anchored !== undefined)
    return { value: null, relative: true, mod: p.anchored < 0 ? 'BEFORE' : 'AFTER' };
  // everything below is relative to the document date
  if (doc === null) return { value: null, relative: true };
  const t = fromDayNumber(doc);
  if (p.count !== undefined) {
    const { unit, n } = p.count;
    if (p.vague === true) {
      // "قبل بضعة أيام", "منذ أيام قليلة": the unit above the one counted
      if (unit === 'day' || unit === 'hour') return { value: isoWeek(doc + n), relative: true, approx: true };
      if (unit === 'week') {
        const d = fromDayNumber(doc + 7 * n);
        return { value: isoMonth(d.y, d.m), relative: true, approx: true };
      }
      if (unit === 'month') return { value: String(addMonths(t.y, t.m, n).y), relative: true, approx: true };
    }
    switch (unit) {
      case 'hour':
        return { value: isoDate(doc + Math.trunc(n / 24)), relative: true };
      case 'day':
        return { value: isoDate(doc + n), relative: true };
      case 'week':
        return { value: isoWeek(doc + 7 * n), relative: true };
      case 'month': {
        const m = addMonths(t.y, t.m, n);
        return { value: isoMonth(m.y, m.m), relative: true };
      }
      case 'year':
        return { value: String(t.y + n), relative: true };
      case 'decade':
        return { value: String(t.y + 10 * n), relative: true, approx: true };
    }
  }
  if (p.recent !== undefined) {
    switch (p.recent.unit) {
      case 'hour':
        return { value: isoDate(doc), relative: true, approx: true };
      case 'day':
        return { value: isoWeek(doc), relative: true, approx: true };
      case 'week':
        return { value: isoMonth(t.y, t.m), relative: true, approx: true };
      case 'month':
        return { value: String(t.y), relative: true, approx: true };
      default:
        return { value: null, relative: true, approx: true };
    }
  }
  if (p.rel !== undefined) {
    const { unit, offset } = p.rel;
    if (unit === 'week') return { value: isoWeek(doc + 7 * offset), relative: true };
    if (unit === 'month') {
      const m = addMonths(t.y, t.m, offset);
      return { value: isoMonth(m.y, m.m), relative: true };
    }
    if (unit === 'year') return { value: String(t.y + offset), relative: true };
    if (unit === 'day') return { value: isoDate(doc + offset), relative: true };
    return { value: null, relative: true };
  }
  if (p.days !== undefined) {
    const at = doc + p.days;
    return { value: isoDate(p.weekday !== undefined ? nearestWeekday(at, p.weekday) : at), relative: true };
  }
  if (p.weekday !== undefined) {
    const wd = weekday(doc);
    if (p.future === true) return { value: isoDate(doc + ((p.weekday - wd + 7) % 7)), relative: true };
    let back = (wd - p.weekday + 7) % 7; // 0..6 days back: on or before the document date
    if (p.weekdayDir === -1 && back === 0) back = 7;
    if (p.weekdayDir === 1) return { value: isoDate(doc + ((p.weekday - wd + 7) % 7 || 7)), relative: true };
    return { value: isoDate(doc - back), relative: true };
  }
  if (p.hour !== undefined) return { value: isoDate(doc), relative: true };
  return { value: null, relative: true };
}

export function resolve(p: Parts, docDay: number | null): Resolved {
  const base = resolveBase(p, docDay);
  let value = base.value;
  if (value !== null && p.dayOffset !== undefined && value.length === 10) {
    const n = parseIsoDate(value);
    if (n !== null) value = isoDate(n + p.dayOffset);
  }
  if (value !== null && p.hour !== undefined && value.length === 10)
    value = `${value}T${pad2(p.hour)}:${pad2(p.minute ?? 0)}`;
  const mod: TimeMod | null =
    p.pos ?? base.mod ?? (p.approx === true || base.approx === true ? 'APPROX' : (p.prepMod ?? null));
  return base.until === undefined
    ? { value, mod, relative: base.relative }
    : { value, mod, relative: base.relative, until: base.until };
}
