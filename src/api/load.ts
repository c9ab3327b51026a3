// API load test: N concurrent clients on loopback hammer /api/search and /api/events for a fixed
// time against a store; reports requests, errors, throughput and latency percentiles.
//
//   node --import tsx src/api/load.ts --db STORE [--clients 50] [--seconds 30] [--cache-seconds 10] [--workers 1] [--json]
//
// The server runs as its own process (`marsad serve` from dist/, so run `npm run build` first);
// the clients run here. Both share the machine, so the numbers are a floor, not a ceiling.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, get as httpGet } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageRoot } from '../resources.js';

// Query words of our own choosing: everyday news vocabulary, names and two-word phrases.
const WORDS = [
  'صواريخ',
  'الرياض',
  'وزير الخارجية',
  'النفط',
  'الأمطار',
  'التعليم',
  'اليمن',
  'المستشفى',
  'مجلس الوزراء',
  'الاقتصاد',
  'الأمن',
  'المنتخب',
  'أسعار',
  'جدة',
  'الطلاب',
  'الحج',
];
const ROOTS = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '10',
  '11',
  '12',
  '14',
  '17',
  '18',
  '19',
  '20',
];

export interface LoadReport {
  route: string;
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * GET a URL on a client's own keep-alive connection; resolves to the status once the whole body
 * has arrived.
 */
function getOn(agent: Agent, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * Run `clients` loops for `seconds`, each fetching the next path from `next`. Every client has
 * its own connection, like independent users (one shared fetch pool was measured to open its
 * connections one at a time while the server was busy, so that late connections waited for
 * the whole run).
 */
export async function load(
  base: string,
  route: string,
  next: (i: number) => string,
  clients: number,
  seconds: number,
  maxRequests = Infinity,
): Promise<LoadReport> {
  const lat: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const client = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    while (performance.now() < end && n < maxRequests) {
      const path = next(n++);
      const t0 = performance.now();
      try {
        const status = await getOn(agent, base + path);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status !== 200) errors++;
      } catch (e) {
        statuses[(e as Error).name] = (statuses[(e as Error).name] ?? 0) + 1;
        errors++;
      }
      lat.push(performance.now() - t0);
    }
    agent.destroy();
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const took = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    route,
    clients,
    seconds: r(took),
    requests: lat.length,
    errors,
    statuses,
    rps: r(lat.length / took),
    p50: r(pct(lat, 50)),
    p95: r(pct(lat, 95)),
    p99: r(pct(lat, 99)),
    max: r(lat[lat.length - 1] ?? 0),
  };
}

/** Each distinct path among `next(0…n-1)` once, one request at a time. */
export async function coldPass(
  base: string,
  route: string,
  next: (i: number) => string,
  n: number,
): Promise<LoadReport> {
  const paths = [...new Set(Array.from({ length: n }, (_, i) => next(i)))];
  let i = 0;
  const report = await load(base, route, () => paths[i++], 1, Infinity, paths.length);
  return report;
}

export const searchPath = (i: number) => {
  const q = encodeURIComponent(WORDS[i % WORDS.length]);
  // Every third query also filters by date; every fifth asks for the second page without facets.
  const extra = i % 3 === 0 ? '&from=2015-06-01&to=2015-12-31' : i % 5 === 0 ? '&offset=20&facets=false' : '';
  return `/api/search?q=${q}${extra}`;
};

export const eventsPath = (i: number) => {
  const root = ROOTS[i % ROOTS.length];
  return i % 2 === 0
    ? `/api/events?root=${root}&limit=100`
    : `/api/events?limit=100&offset=${(i * 37) % 2000}`;
};

/** Start `marsad serve` on a free loopback port; resolves to the process and its base URL. */
export function startServer(
  db: string,
  cacheSeconds = 10,
  workers = 1,
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [
      join(packageRoot, 'dist', 'cli', 'main.js'),
      'serve',
      '--db',
      db,
      '--port',
      '0',
      '--cache-seconds',
      String(cacheSeconds),
      '--workers',
      String(workers),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, MARSAD_TOKEN: '' } },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /running at (http:\/\/[^\s/]+)/.exec(out);
      if (m) resolve({ child, base: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`marsad serve exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '30' },
      json: { type: 'boolean' },
      'cache-seconds': { type: 'string', default: '10' },
      workers: { type: 'string', default: '1' },
    },
  });
  if (!values.db) throw new Error('--db: the store to serve (a SQLite file or postgres:// URL)');
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const { child, base } = await startServer(
    values.db,
    Number(values['cache-seconds']),
    Number(values.workers),
  );
  try {
    const stats = (await (await fetch(`${base}/api/stats`)).json()) as { documents: number; events: number };
    // Cold pass: every distinct URL of the mix once, one at a time (page cache, JIT, term
    // caches), reported on its own; then the concurrent runs measure the steady state.
    const cold = [
      await coldPass(base, '/api/search (cold, sequential)', searchPath, 240),
      await coldPass(base, '/api/events (cold, sequential)', eventsPath, 64),
    ];
    const reports = [
      ...cold,
      await load(base, '/api/search', searchPath, clients, seconds),
      await load(base, '/api/events', eventsPath, clients, seconds),
    ];
    if (values.json)
      process.stdout.write(
        JSON.stringify(
          { ...stats, db: values.db, cacheSeconds: Number(values['cache-seconds']), reports },
          null,
          2,
        ) + '\n',
      );
    else {
      process.stdout.write(`store ${values.db}: ${stats.documents} documents, ${stats.events} events\n`);
      process.stdout.write(
        '| route | clients | s | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |\n',
      );
      process.stdout.write('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n');
      for (const r of reports)
        process.stdout.write(
          `| ${r.route} | ${r.clients} | ${r.seconds} | ${r.requests} | ${r.errors} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} |\n`,
        );
    }
  } finally {
    child.kill('SIGTERM');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: Error) => {
    process.stderr.write(`api load: ${e.message}\n`);
    process.exitCode = 2;
  });
}
