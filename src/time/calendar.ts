// Calendar arithmetic on UTC day numbers, ISO weeks, and Hijri (Umm al-Qura) conversion through
// the platform's Intl support — no tables of our own.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 for a Gregorian date. */
export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(n: number): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

const pad = (v: number, w = 2): string => String(v).padStart(w, '0');

export function isoDate(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** ISO 8601 week of a day number: YYYY-Www. */
export function isoWeek(n: number): string {
  const wd = (weekday(n) + 6) % 7; // Monday = 0
  const thursday = n - wd + 3;
  const ty = fromDayNumber(thursday).y;
  const week = Math.floor((thursday - dayNumber(ty, 1, 1)) / 7) + 1;
  return `${pad(ty, 4)}-W${pad(week)}`;
}

/** Parse YYYY-MM-DD into a day number, or null. */
export function parseIsoDate(s: string | null): number | null {
  if (s === null || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return null;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return dayNumber(y, m, d);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Add months to (y, m): returns the new (y, m). */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const t = y * 12 + (m - 1) + k;
  return { y: Math.floor(t / 12), m: (t % 12) + 1 };
}

let hijriFormat: Intl.DateTimeFormat | null = null;

/** The Umm al-Qura Hijri date of a day number, via Intl. */
export function toHijri(n: number): Ymd {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of hijriFormat.formatToParts(new Date(n * DAY))) {
    if (p.type === 'year') y = Number.parseInt(p.value, 10);
    else if (p.type === 'month') m = Number.parseInt(p.value, 10);
    else if (p.type === 'day') d = Number.parseInt(p.value, 10);
  }
  return { y, m, d };
}

const hijriCache = new Map<number, number | null>();

/**
 * The Gregorian day number of a Hijri (Umm al-Qura) date, or null when it does not exist (e.g.
 * 30 of a 29-day month) or is outside what the platform converts. Starts from the arithmetic
 * estimate (mean month 29.530589 days) and walks to the exact day through `toHijri`.
 */
export function fromHijri(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 30 || y < 1 || y > 2000) return null;
  const key = y * 400 + m * 31 + d;
  const hit = hijriCache.get(key);
  if (hit !== undefined) return hit;
  // 1 Muharram 1 AH ≈ day -492148 (16 July 622, Julian)
  const months = (y - 1) * 12 + (m - 1);
  let n = Math.round(-492_148 + months * 29.530589 + (d - 1));
  let result: number | null = null;
  for (let step = 0; step < 8; step++) {
    const h = toHijri(n);
    const diff = (y - h.y) * 354 + (m - h.m) * 29.5 + (d - h.d);
    if (h.y === y && h.m === m && h.d === d) {
      result = n;
      break;
    }
    if (Math.abs(diff) < 1) break;
    n += Math.round(diff);
  }
  if (result === null) {
    // final local search ±3 days (month lengths differ by one day from the mean)
    for (let k = -3; k <= 3 && result === null; k++) {
      const h = toHijri(n + k);
      if (h.y === y && h.m === m && h.d === d) result = n + k;
    }
  }
  hijriCache.set(key, result);
  return result;
}
