// Small SVG charts with no library: bars per day (optionally stacked by series). Time runs in the
// reading direction of the page (right to left in Arabic) because the SVG mirrors with `dir`.
import { num, useT } from '../i18n.js';

export interface Series {
  key: string;
  label: string;
  cls: string;
}

export interface DayRow {
  day: string;
  values: number[];
}

/**
 * The days that hold the bulk of the counts: stray days far outside (a mis-resolved date years
 * away) would squash the chart, so the first and last 1% of the total are cut when they lie apart.
 */
export function trimOutliers(sorted: DayRow[]): DayRow[] {
  const total = sorted.reduce((n, r) => n + r.values.reduce((a, b) => a + b, 0), 0);
  if (total === 0) return sorted;
  let lo = 0;
  let hi = sorted.length - 1;
  let acc = 0;
  for (let i = 0; i < sorted.length; i++) {
    acc += sorted[i].values.reduce((a, b) => a + b, 0);
    if (acc > total * 0.01) {
      lo = i;
      break;
    }
  }
  acc = 0;
  for (let i = sorted.length - 1; i >= 0; i--) {
    acc += sorted[i].values.reduce((a, b) => a + b, 0);
    if (acc > total * 0.01) {
      hi = i;
      break;
    }
  }
  return lo <= hi ? sorted.slice(lo, hi + 1) : sorted;
}

/** Every day from the first to the last, so gaps show as gaps. */
export function fillDays(rows: DayRow[], width: number): DayRow[] {
  if (rows.length < 2) return rows;
  let sorted = [...rows].sort((a, b) => a.day.localeCompare(b.day));
  const spanOf = (r: DayRow[]) =>
    (Date.parse(`${r[r.length - 1].day}T00:00:00Z`) - Date.parse(`${r[0].day}T00:00:00Z`)) / 86_400_000;
  if (spanOf(sorted) > 400) sorted = trimOutliers(sorted);
  const byDay = new Map(sorted.map((r) => [r.day, r]));
  const first = Date.parse(`${sorted[0].day}T00:00:00Z`);
  const last = Date.parse(`${sorted[sorted.length - 1].day}T00:00:00Z`);
  if (!Number.isFinite(first) || !Number.isFinite(last)) return sorted;
  const span = Math.round((last - first) / 86_400_000);
  if (span > 3 * 366) return sorted;
  const out: DayRow[] = [];
  for (let i = 0; i <= span; i++) {
    const day = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, values: new Array(width).fill(0) });
  }
  return out;
}

export function DayBars({
  rows,
  series,
  height = 170,
}: {
  rows: DayRow[];
  series: Series[];
  height?: number;
}) {
  const { t, lang } = useT();
  const days = fillDays(rows, series.length);
  if (days.length === 0) return <p class="empty">{t('emptyLayer')}</p>;
  const max = Math.max(1, ...days.map((d) => d.values.reduce((a, b) => a + b, 0)));
  const w = 600;
  const pad = 22;
  const bw = (w - 2 * pad) / days.length;
  const scale = (height - 2 * pad) / max;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${w} ${height}`} role="img" class="day-bars" direction="ltr">
        <line x1={pad} x2={w - pad} y1={height - pad} y2={height - pad} class="axis" />
        {days.map((d, i) => {
          let y = height - pad;
          // In RTL the first day sits on the right.
          const x = lang === 'ar' ? w - pad - (i + 1) * bw : pad + i * bw;
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${d.values.map((v, k) => `${series[k].label} ${num(v, lang)}`).join(', ')}`}</title>
              {d.values.map((v, k) => {
                const h = v * scale;
                y -= h;
                return h > 0 ? (
                  <rect
                    key={k}
                    x={x + bw * 0.1}
                    width={Math.max(1, bw * 0.8)}
                    y={y}
                    height={h}
                    class={series[k].cls}
                  />
                ) : null;
              })}
            </g>
          );
        })}
        <text
          x={lang === 'ar' ? w - pad : pad}
          y={height - 3}
          class="tick"
          text-anchor={lang === 'ar' ? 'end' : 'start'}
        >
          {days[0].day}
        </text>
        {days.length > 1 ? (
          <text
            x={lang === 'ar' ? pad : w - pad}
            y={height - 3}
            class="tick"
            text-anchor={lang === 'ar' ? 'start' : 'end'}
          >
            {days[days.length - 1].day}
          </text>
        ) : null}
        <text
          x={lang === 'ar' ? w - pad : pad}
          y={pad - 4}
          class="tick"
          text-anchor={lang === 'ar' ? 'end' : 'start'}
        >
          {num(max, lang)}
        </text>
      </svg>
      {series.length > 1 ? (
        <figcaption class="chart-legend">
          {series.map((s) => (
            <span key={s.key}>
              <i class={`swatch ${s.cls}`} /> {s.label}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
