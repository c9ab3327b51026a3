// The actor network (who acts on whom, weighted by events) as SVG, laid out by a small
// force-directed simulation run once per graph: repulsion between all nodes, springs on edges.
import { useMemo } from 'preact/hooks';
import type { Graph } from '../api.js';
import { href } from '../api.js';
import { num, useT } from '../i18n.js';

interface P {
  key: string;
  name: string;
  code: string | null;
  events: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
}

const W = 600;
const H = 420;

export function layout(graph: Graph, maxNodes = 30): { nodes: P[]; edges: Graph['edges'] } {
  const top = [...graph.nodes].sort((a, b) => b.events - a.events).slice(0, maxNodes);
  const keep = new Set(top.map((n) => n.key));
  const edges = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target) && e.source !== e.target);
  const nodes: P[] = top.map((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, top.length);
    return {
      key: n.key,
      name: n.name,
      code: n.code,
      events: n.events,
      x: W / 2 + 150 * Math.cos(a),
      y: H / 2 + 120 * Math.sin(a),
      vx: 0,
      vy: 0,
    };
  });
  const at = new Map(nodes.map((n, i) => [n.key, i]));
  for (let step = 0; step < 300; step++) {
    const cool = 1 - step / 300;
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i];
        const b = nodes[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 0.01) {
          dx = 0.1 * (i - j);
          dy = 0.1;
          d2 = dx * dx + dy * dy;
        }
        const f = 6000 / d2;
        const d = Math.sqrt(d2);
        a.vx += (f * dx) / d;
        a.vy += (f * dy) / d;
        b.vx -= (f * dx) / d;
        b.vy -= (f * dy) / d;
      }
    for (const e of edges) {
      const a = nodes[at.get(e.source)!];
      const b = nodes[at.get(e.target)!];
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const d = Math.max(1, Math.sqrt(dx * dx + dy * dy));
      const f = 0.02 * (d - 90);
      a.vx += (f * dx) / d;
      a.vy += (f * dy) / d;
      b.vx -= (f * dx) / d;
      b.vy -= (f * dy) / d;
    }
    for (const n of nodes) {
      n.vx += (W / 2 - n.x) * 0.01;
      n.vy += (H / 2 - n.y) * 0.01;
      const sp = Math.min(20 * cool + 1, Math.sqrt(n.vx * n.vx + n.vy * n.vy));
      const len = Math.sqrt(n.vx * n.vx + n.vy * n.vy) || 1;
      n.x = Math.min(W - 30, Math.max(30, n.x + (n.vx / len) * sp));
      n.y = Math.min(H - 20, Math.max(20, n.y + (n.vy / len) * sp));
      n.vx *= 0.5;
      n.vy *= 0.5;
    }
  }
  return { nodes, edges };
}

export function NetworkGraph({ graph }: { graph: Graph }) {
  const { t, lang } = useT();
  const { nodes, edges } = useMemo(() => layout(graph), [graph]);
  if (nodes.length === 0) return <p class="empty">{t('emptyLayer')}</p>;
  const at = new Map(nodes.map((n) => [n.key, n]));
  const maxW = Math.max(1, ...edges.map((e) => e.events));
  const maxN = Math.max(1, ...nodes.map((n) => n.events));
  const radius = (events: number) => 5 + (10 * events) / maxN;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [x0, x1] = [Math.min(...xs) - 80, Math.max(...xs) + 80];
  const [y0, y1] = [Math.min(...ys) - 40, Math.max(...ys) + 30];
  return (
    <svg
      viewBox={`${x0} ${y0} ${x1 - x0} ${y1 - y0}`}
      class="network"
      role="img"
      aria-label={t('network')}
      direction="ltr"
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" class="arrowhead" />
        </marker>
      </defs>
      {edges.map((e) => {
        const a = at.get(e.source)!;
        const b = at.get(e.target)!;
        // Stop the line at the target's circle so the arrowhead shows.
        const len = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
        const cut = Math.min(len / 2, radius(b.events) + 2);
        return (
          <line
            key={`${e.source}>${e.target}`}
            x1={a.x}
            y1={a.y}
            x2={b.x - ((b.x - a.x) * cut) / len}
            y2={b.y - ((b.y - a.y) * cut) / len}
            class={e.goldstein < 0 ? 'edge conflict' : 'edge coop'}
            stroke-width={1 + (4 * e.events) / maxW}
            marker-end="url(#arrow)"
          >
            <title>{`${a.name} → ${b.name}: ${num(e.events, lang)} (${e.roots.join(', ')})`}</title>
          </line>
        );
      })}
      {nodes.map((n) => (
        <a key={n.key} href={href('actor', n.key)}>
          <circle cx={n.x} cy={n.y} r={radius(n.events)} class="node" />
          <text x={n.x} y={n.y - 3 - radius(n.events)} text-anchor="middle" class="node-label">
            {lang === 'en' && n.code ? n.code : n.name}
          </text>
        </a>
      ))}
    </svg>
  );
}
