// A map of event locations that works offline: land outlines from the world-atlas package
// (TopoJSON, bundled into the build), decoded here and drawn in an equirectangular projection,
// framed on the Arab world and widened to take in every located event.
import { useMemo } from 'preact/hooks';
import land from 'world-atlas/land-110m.json';
import type { EventRecord } from '../api.js';
import { href } from '../api.js';
import { num, useT } from '../i18n.js';

interface Topology {
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: string; geometries?: Geometry[] } & Geometry>;
}

interface Geometry {
  type: string;
  arcs?: number[][] | number[][][];
  geometries?: Geometry[];
}

/** Decode quantised, delta-encoded arcs into longitude/latitude points. */
export function decodeArcs(topo: Topology): [number, number][][] {
  const [sx, sy] = topo.transform?.scale ?? [1, 1];
  const [tx, ty] = topo.transform?.translate ?? [0, 0];
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (topo.transform) {
        x += dx;
        y += dy;
        return [x * sx + tx, y * sy + ty] as [number, number];
      }
      return [dx, dy] as [number, number];
    });
  });
}

function ring(arcIdx: number[], arcs: [number, number][][]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of arcIdx) {
    const arc = i >= 0 ? arcs[i] : [...arcs[~i]].reverse();
    for (let k = out.length ? 1 : 0; k < arc.length; k++) out.push(arc[k]);
  }
  return out;
}

function polygons(g: Geometry): number[][][] {
  if (g.type === 'GeometryCollection') return (g.geometries ?? []).flatMap(polygons);
  if (g.type === 'Polygon') return [g.arcs as number[][]];
  if (g.type === 'MultiPolygon') return g.arcs as number[][][];
  return [];
}

const W = 720;
const H = 360;
const x = (lon: number) => ((lon + 180) / 360) * W;
const y = (lat: number) => ((90 - lat) / 180) * H;

function landPath(): string {
  const topo = land as unknown as Topology;
  const arcs = decodeArcs(topo);
  let d = '';
  for (const obj of Object.values(topo.objects))
    for (const poly of polygons(obj))
      for (const r of poly) {
        const pts = ring(r, arcs);
        d +=
          pts.map(([lon, lat], i) => `${i ? 'L' : 'M'}${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('') +
          'Z';
      }
  return d;
}

let cachedPath: string | null = null;

export function WorldMap({ events }: { events: EventRecord[] }) {
  const { t, lang } = useT();
  const d = useMemo(() => (cachedPath ??= landPath()), []);
  const places = new Map<string, { name: string; lat: number; lon: number; count: number; doc: string }>();
  for (const e of events) {
    const l = e.location;
    if (!l || l.lat === null || l.lon === null) continue;
    const key = `${l.lat.toFixed(2)},${l.lon.toFixed(2)}`;
    const p = places.get(key) ?? { name: l.name, lat: l.lat, lon: l.lon, count: 0, doc: e.doc };
    p.count++;
    places.set(key, p);
  }
  // Frame: the Arab world, widened to every located event.
  let [w0, e0, n0, s0] = [-20, 65, 45, 5];
  for (const p of places.values()) {
    w0 = Math.min(w0, p.lon - 5);
    e0 = Math.max(e0, p.lon + 5);
    n0 = Math.max(n0, p.lat + 5);
    s0 = Math.min(s0, p.lat - 5);
  }
  const vb = `${x(w0)} ${y(n0)} ${x(e0) - x(w0)} ${y(s0) - y(n0)}`;
  const max = Math.max(1, ...[...places.values()].map((p) => p.count));
  const k = (x(e0) - x(w0)) / W;
  return (
    <figure class="map">
      <svg viewBox={vb} role="img" aria-label={t('map')} direction="ltr">
        <rect x={x(w0)} y={y(n0)} width={x(e0) - x(w0)} height={y(s0) - y(n0)} class="sea" />
        <path d={d} class="land" fill-rule="evenodd" stroke-width={0.4 * k} />
        {[...places.values()].map((p) => (
          <a key={`${p.lat},${p.lon}`} href={href('doc', p.doc)}>
            <circle cx={x(p.lon)} cy={y(p.lat)} r={(2 + (4 * p.count) / max) * k} class="place-dot">
              <title>{`${p.name}: ${num(p.count, lang)}`}</title>
            </circle>
          </a>
        ))}
      </svg>
      {places.size === 0 ? <figcaption class="empty">{t('noLocations')}</figcaption> : null}
    </figure>
  );
}
