// The HTTP API against a real server on an ephemeral loopback port and a temporary store (SQLite, and
// PostgreSQL when MARSAD_TEST_PG is set)
// holding the sample articles: answers, validation errors naming the parameter, auth on writes,
// size limits, OpenAPI, injection attempts, no stack traces, static UI files and security headers.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ingestSamples, storeIngestor } from '../src/api/ingest.js';
import { buildServer, listen } from '../src/api/server.js';
import type { MarsadJson } from '../src/doc/doc.js';
import { normaliseWord } from '../src/text/normalise.js';
import { openStore } from '../src/store/open.js';
import { actorKey } from '../src/store/sql-store.js';
import type { SearchResult, Store } from '../src/store/types.js';
import { freshPgDatabase, PG_SKIP } from './fixtures/ingest-support.js';

const TOKEN = 'test-token-7f3a';
let dir: string;
let store: Store;
let app: FastifyInstance;
let base: string;
let sampleIds: string[];

async function get(
  path: string,
  init?: RequestInit,
): Promise<{ status: number; body: unknown; res: Response }> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) body = JSON.parse(text);
  return { status: res.status, body, res };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  get(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

function assertBadParam(r: { status: number; body: unknown }, parameter: string) {
  assert.equal(r.status, 400, JSON.stringify(r.body));
  const b = r.body as { error: string; parameter?: string };
  assert.equal(b.parameter, parameter, JSON.stringify(b));
  assert.ok(b.error.includes(parameter), `the message names ${parameter}: ${b.error}`);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-api-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

// The routes that read and write the store run on both backends (PostgreSQL when MARSAD_TEST_PG is
// set, as in CI): their SQL differs, their answers must not.
const backends: { name: string; skip: string | false; open: () => Promise<Store> }[] = [
  { name: 'sqlite', skip: false, open: () => openStore(join(dir, 'api.db')) },
  {
    name: 'postgres',
    skip: PG_SKIP,
    open: async () => {
      const db = await freshPgDatabase();
      dropPg = db.drop;
      return openStore(db.url);
    },
  },
];
let dropPg: (() => Promise<void>) | undefined;

for (const b of backends) {
  describe(`API on ${b.name}`, { skip: b.skip }, () => {
    before(async () => {
      store = await b.open();
      sampleIds = (await ingestSamples(store)).map((r) => r.id);
      app = await buildServer({ store, token: TOKEN, ingest: storeIngestor(store), webRoot: null });
      base = await listen(app, { port: 0 });
    });

    after(async () => {
      await app?.close();
      await store?.close();
      await dropPg?.();
      dropPg = undefined;
    });

    describe('read routes', () => {
      test('the server binds to loopback by default', () => {
        const addr = app.server.address();
        assert.ok(addr && typeof addr === 'object');
        assert.equal(addr.address, '127.0.0.1');
        assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
      });

      test('search finds the sample about Riyadh, with snippet highlights on the matched word', async () => {
        const r = await get(`/api/search?q=${encodeURIComponent('الرياض')}`);
        assert.equal(r.status, 200);
        const s = r.body as SearchResult;
        assert.equal(s.total, 1);
        const hit = s.results[0];
        assert.match(hit.title ?? '', /الرياض/);
        assert.ok(hit.snippet && hit.snippet.highlights.length > 0);
        const doc = (await get(`/api/documents/${hit.id}`)).body as { document: MarsadJson };
        for (const h of hit.snippet.highlights)
          assert.match(normaliseWord(doc.document.doc.text.slice(h.start, h.end)), /رياض/);
        assert.ok(s.facets && s.facets.days.length === 1);
      });

      test('search without words lists every document; filters narrow it', async () => {
        const all = (await get('/api/search')).body as SearchResult;
        assert.equal(all.total, 3);
        const day = (await get('/api/search?from=2024-03-02&to=2024-03-02')).body as SearchResult;
        assert.equal(day.total, 1);
        assert.equal(day.results[0].date, '2024-03-02');
        const none = (await get('/api/search?source=elsewhere')).body as SearchResult;
        assert.equal(none.total, 0);
      });

      test('a document comes back as marsad/1 with its metadata; offsets point into its text', async () => {
        const r = await get(`/api/documents/${sampleIds[0]}`);
        assert.equal(r.status, 200);
        const { document, meta } = r.body as { document: MarsadJson; meta: { cluster: unknown } };
        assert.equal(document.schema, 'marsad/1');
        assert.equal(document.doc.id, sampleIds[0]);
        assert.equal(createHash('sha256').update(document.doc.text, 'utf8').digest('hex'), sampleIds[0]);
        for (const q of document.quotes) assert.equal(document.doc.text.slice(q.start, q.end), q.text);
        assert.ok('cluster' in meta);
      });

      test('unknown and malformed document ids', async () => {
        const missing = await get(`/api/documents/${'0'.repeat(64)}`);
        assert.equal(missing.status, 404);
        assert.equal((missing.body as { parameter: string }).parameter, 'id');
        assertBadParam(await get('/api/documents/not-an-id'), 'id');
      });

      test('events as JSON, CSV and JSONL; timeline, graph, actors, stats, cameo', async () => {
        const json = await get('/api/events?limit=5');
        assert.equal(json.status, 200);
        assert.ok(Array.isArray((json.body as { events: unknown[] }).events));
        const csv = await get('/api/events?format=csv');
        assert.equal(csv.status, 200);
        assert.match(csv.res.headers.get('content-type') ?? '', /text\/csv/);
        assert.match(
          csv.res.headers.get('content-disposition') ?? '',
          /attachment; filename="marsad-events\.csv"/,
        );
        assert.match(csv.body as string, /^global_id,doc,event,day,cameo,root,quad_class/);
        const raw = new Uint8Array(await (await fetch(`${base}/api/events?format=csv`)).arrayBuffer());
        assert.deepEqual([...raw.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM so spreadsheets read UTF-8');
        const rows = (csv.body as string).trim().split('\r\n');
        const events = (await get('/api/events?limit=10000')).body as { events: unknown[] };
        assert.equal(rows.length, 1 + events.events.length);
        const jsonl = await get('/api/events?format=jsonl');
        assert.equal(jsonl.status, 200);
        assert.match(jsonl.res.headers.get('content-type') ?? '', /ndjson/);
        const tl = (await get('/api/timeline')).body as { timeline: { day: string; documents: number }[] };
        assert.deepEqual(
          tl.timeline.map((p) => [p.day, p.documents]),
          [
            ['2024-03-01', 1],
            ['2024-03-02', 1],
            ['2024-03-03', 1],
          ],
        );
        const graph = (await get('/api/graph')).body as { nodes: unknown[]; edges: unknown[] };
        assert.ok(Array.isArray(graph.nodes) && Array.isArray(graph.edges));
        assert.ok(Array.isArray(((await get('/api/actors')).body as { actors: unknown[] }).actors));
        const stats = (await get('/api/stats')).body as {
          documents: number;
          store: string;
          readOnly: boolean;
        };
        assert.equal(stats.documents >= 3, true);
        assert.equal(stats.store, b.name);
        assert.equal(stats.readOnly, false);
        const cameo = (await get('/api/cameo')).body as { codes: unknown[] };
        assert.ok(Array.isArray(cameo.codes));
      });

      test('events total, quad-class timeline, actor quotes and the document cluster come from the store', async () => {
        const all = (await get('/api/events?limit=10000')).body as {
          total: number;
          events: { day: string | null; quadClass: number; root: string }[];
        };
        assert.equal(all.total, all.events.length);
        const page = (await get('/api/events?limit=1&offset=0')).body as { total: number; events: unknown[] };
        assert.equal(page.total, all.total);
        assert.ok(page.events.length <= 1);
        const expected = new Map<string, number[]>();
        for (const e of all.events) {
          if (!e.day) continue;
          const row = expected.get(e.day) ?? [0, 0, 0, 0];
          row[e.quadClass - 1]++;
          expected.set(e.day, row);
        }
        const quad = (await get('/api/events/timeline')).body as {
          timeline: { day: string; quad: number[] }[];
        };
        assert.deepEqual(
          quad.timeline.map((p) => [p.day, p.quad]),
          [...expected].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
        );
        assertBadParam(await get('/api/events/timeline?root=99'), 'root');
        if (all.events.length > 0) {
          const root = all.events[0].root;
          const one = (await get(`/api/events?root=${root}&limit=1`)).body as { total: number };
          assert.equal(one.total, all.events.filter((e) => e.root === root).length);
        }
        // Every quote with a speaker is listed on its speaker's actor page.
        let checked = 0;
        for (const id of sampleIds) {
          const { document, meta } = (await get(`/api/documents/${id}`)).body as {
            document: MarsadJson;
            meta: { cluster: { size: number; documents: { id: string }[] } | null };
          };
          if (meta.cluster) {
            assert.ok(meta.cluster.size > 1);
            assert.ok(meta.cluster.documents.some((d) => d.id === id));
          }
          for (const q of document.quotes) {
            const speaker = document.entities.find((e) => e.id === q.speaker);
            if (!speaker) continue;
            const r = await get(`/api/actors/${encodeURIComponent(actorKey(speaker))}`);
            assert.equal(r.status, 200);
            const quotes = (r.body as { quotes: { doc: string; id: string; start: number; end: number }[] })
              .quotes;
            assert.ok(
              quotes.some((x) => x.doc === id && x.id === q.id && x.start === q.start && x.end === q.end),
              `quote ${q.id} of ${id} on ${actorKey(speaker)}'s page`,
            );
            checked++;
          }
        }
        assert.ok(checked > 0, 'the samples have attributed quotes');
      });

      test('read answers are reused for the same URL for a few seconds', async () => {
        const a = await get('/api/timeline?from=2024-03-02');
        const b = await get('/api/timeline?from=2024-03-02');
        assert.equal(a.res.headers.get('x-cache'), 'MISS');
        assert.equal(b.res.headers.get('x-cache'), 'HIT');
        assert.deepEqual(b.body, a.body);
        assert.match(b.res.headers.get('content-type') ?? '', /application\/json/);
        assert.equal(b.res.headers.get('x-content-type-options'), 'nosniff');
      });

      test('an unknown actor is a 404 naming the parameter', async () => {
        const r = await get('/api/actors/nobody-at-all');
        assert.equal(r.status, 404);
        assert.equal((r.body as { parameter: string }).parameter, 'id');
      });
    });

    describe('POST /api/documents (writes need the token)', () => {
      const doc = {
        text: 'عينة اختبار: إطلاق صواريخ تجريبية في صحراء النقب\nأعلن الجيش أنه أطلق صواريخ تجريبية صباح اليوم.',
        titleInText: true,
        date: '2024-04-10',
        source: 'test',
      };

      test('no Authorization header → 401', async () => {
        const r = await post('/api/documents', doc);
        assert.equal(r.status, 401);
        assert.match(r.res.headers.get('www-authenticate') ?? 'Bearer', /Bearer/);
      });

      test('a wrong token → 401, and nothing is stored', async () => {
        const r = await post('/api/documents', doc, { authorization: 'Bearer wrong' });
        assert.equal(r.status, 401);
        const s = (await get(`/api/search?q=${encodeURIComponent('صواريخ')}`)).body as SearchResult;
        assert.equal(s.total, 0);
      });

      test('the right token stores the document (201), then it is found; posting it again is 200', async () => {
        const r = await post('/api/documents', doc, { authorization: `Bearer ${TOKEN}` });
        assert.equal(r.status, 201, JSON.stringify(r.body));
        const put = r.body as { id: string; status: string };
        assert.equal(put.status, 'new');
        const s = (await get(`/api/search?q=${encodeURIComponent('صواريخ')}`)).body as SearchResult;
        assert.equal(s.total, 1);
        assert.equal(s.results[0].id, put.id);
        const again = await post('/api/documents', doc, { authorization: `Bearer ${TOKEN}` });
        assert.equal(again.status, 200);
        assert.notEqual((again.body as { status: string }).status, 'new');
      });

      test('without MARSAD_TOKEN the server is read-only: 403 with a clear message', async () => {
        const ro = await buildServer({ store, token: null, ingest: storeIngestor(store), webRoot: null });
        const url = await listen(ro, { port: 0 });
        try {
          const res = await fetch(`${url}/api/documents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify(doc),
          });
          assert.equal(res.status, 403);
          const b = (await res.json()) as { error: string };
          assert.match(b.error, /read-only/);
          assert.match(b.error, /MARSAD_TOKEN/);
          const stats = (await (await fetch(`${url}/api/stats`)).json()) as { readOnly: boolean };
          assert.equal(stats.readOnly, true);
        } finally {
          await ro.close();
        }
      });
    });

    describe('security', () => {
      const payloads = [
        `'; DROP TABLE documents; --`,
        `" OR 1=1 --`,
        `الرياض" OR "`,
        `*`,
        `NEAR(a b)`,
        `a AND OR NOT`,
        `)(`,
        `%_%`,
        `\\`,
        `{col}: x`,
        `^رياض`,
        `-`,
        `"`,
        `الرياض'`,
      ];
      const params: [string, string][] = [
        ['search', 'q'],
        ['search', 'source'],
        ['search', 'actor'],
        ['search', 'place'],
        ['events', 'actor'],
        ['events', 'source'],
        ['actors', 'q'],
        ['timeline', 'actor'],
        ['timeline', 'source'],
        ['timeline', 'place'],
        ['graph', 'actor'],
      ];

      test('SQL/FTS injection attempts in every text parameter give normal results or 400, never 500', async () => {
        for (const [route, p] of params)
          for (const v of payloads) {
            const r = await get(`/api/${route}?${p}=${encodeURIComponent(v)}`);
            assert.ok(
              r.status === 200 || r.status === 400,
              `${route}?${p}=${v} → ${r.status} ${JSON.stringify(r.body)}`,
            );
          }
        const actor = await get(`/api/actors/${encodeURIComponent(payloads[0])}`);
        assert.ok(actor.status === 404 || actor.status === 400);
        const stats = (await get('/api/stats')).body as { documents: number };
        assert.ok(stats.documents >= 3, 'the tables are intact');
        const all = (await get('/api/search')).body as SearchResult;
        assert.ok(all.total >= 3);
      });

      test('a failing store gives a 500 with a generic message, never a stack trace', async () => {
        const broken = new Proxy(store, {
          get(target, prop, recv) {
            if (prop === 'searchDocuments' || prop === 'stats')
              return async () => {
                throw new Error('SQLITE_CORRUPT: secret internals at /srv/marsad.db');
              };
            return Reflect.get(target, prop, recv);
          },
        });
        const b = await buildServer({ store: broken, webRoot: null });
        const url = await listen(b, { port: 0 });
        try {
          for (const path of ['/api/search?q=x', '/api/stats']) {
            const res = await fetch(url + path);
            assert.equal(res.status, 500);
            const text = await res.text();
            assert.doesNotMatch(text, /SQLITE|secret|\/srv|\n\s+at /);
            assert.match(JSON.parse(text).error, /internal error/);
          }
        } finally {
          await b.close();
        }
      });

      test('security headers on API answers', async () => {
        const r = await get('/api/stats');
        assert.equal(r.res.headers.get('x-content-type-options'), 'nosniff');
        assert.match(r.res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
        assert.equal(r.res.headers.get('cache-control'), 'no-store');
      });
    });

    if (b.name === 'sqlite') {
      describe('request validation names the bad parameter', () => {
        const cases: [string, string][] = [
          ['/api/search?limit=0', 'limit'],
          ['/api/search?limit=101', 'limit'],
          ['/api/search?limit=ten', 'limit'],
          ['/api/search?offset=-1', 'offset'],
          ['/api/search?from=2024-3-1', 'from'],
          ['/api/search?to=yesterday', 'to'],
          ['/api/search?root=21', 'root'],
          ['/api/search?facets=maybe', 'facets'],
          ['/api/search?sort=date', 'sort'],
          ['/api/search?q=a&q=b', 'q'],
          ['/api/events?format=xml', 'format'],
          ['/api/events?cameo=abc', 'cameo'],
          ['/api/events?doc=xyz', 'doc'],
          ['/api/events?limit=100000', 'limit'],
          ['/api/events?minConfidence=2', 'minConfidence'],
          ['/api/events?minConfidence=high', 'minConfidence'],
          ['/api/graph?root=00', 'root'],
          ['/api/timeline?place=', 'place'],
          ['/api/actors?limit=0', 'limit'],
        ];
        for (const [path, parameter] of cases)
          test(`${path} → 400 naming ${parameter}`, async () => assertBadParam(await get(path), parameter));

        test('unknown routes answer 404 in JSON', async () => {
          const r = await get('/api/nothing-here');
          assert.equal(r.status, 404);
          assert.match((r.body as { error: string }).error, /no route GET \/api\/nothing-here/);
        });
      });

      describe('POST /api/extract', () => {
        test('text in, marsad/1 out, nothing stored', async () => {
          const text = 'عنوان تجريبي\nقال وزير الخارجية المصري إن "الحوار هو الطريق الوحيد".';
          const before = ((await get('/api/stats')).body as { documents: number }).documents;
          const r = await post('/api/extract', { text, titleInText: true, date: '2024-05-01' });
          assert.equal(r.status, 200);
          const j = r.body as MarsadJson;
          assert.equal(j.schema, 'marsad/1');
          assert.equal(j.doc.text, text);
          assert.equal(j.doc.title, 'عنوان تجريبي');
          assert.equal(j.doc.date, '2024-05-01');
          for (const q of j.quotes) assert.equal(text.slice(q.start, q.end), q.text);
          assert.equal(((await get('/api/stats')).body as { documents: number }).documents, before);
        });

        test('bad bodies are 400 naming the field', async () => {
          assertBadParam(await post('/api/extract', { title: 'x' }), 'text');
          assertBadParam(await post('/api/extract', { text: '' }), 'text');
          assertBadParam(await post('/api/extract', { text: 'نص', date: '1 May' }), 'date');
          assertBadParam(await post('/api/extract', { text: 'نص', colour: 'red' }), 'colour');
          const broken = await post('/api/extract', '{"text": ');
          assert.equal(broken.status, 400);
          const wrongType = await get('/api/extract', {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: 'x',
          });
          assert.equal(wrongType.status, 415);
        });

        test('bodies beyond the size limit are refused with 413 and a JSON message', async () => {
          const r = await post('/api/extract', { text: 'ا'.repeat(200_000) });
          assert.equal(r.status, 413);
          assert.match(
            (r.body as { error: string }).error,
            /too large: this route accepts at most 262144 bytes/,
          );
        });
      });

      describe('OpenAPI and static files', () => {
        test('/api/openapi.json lists every route with its parameters', async () => {
          const r = await get('/api/openapi.json');
          assert.equal(r.status, 200);
          const spec = r.body as {
            openapi: string;
            paths: Record<
              string,
              Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>
            >;
          };
          assert.match(spec.openapi, /^3\./);
          for (const [path, method] of [
            ['/api/search', 'get'],
            ['/api/documents/{id}', 'get'],
            ['/api/actors', 'get'],
            ['/api/actors/{id}', 'get'],
            ['/api/events', 'get'],
            ['/api/events/timeline', 'get'],
            ['/api/timeline', 'get'],
            ['/api/graph', 'get'],
            ['/api/stats', 'get'],
            ['/api/extract', 'post'],
            ['/api/documents', 'post'],
          ])
            assert.ok(spec.paths[path]?.[method], `${method.toUpperCase()} ${path} documented`);
          const search = spec.paths['/api/search'].get.parameters!.map((p) => p.name);
          for (const p of ['q', 'from', 'to', 'source', 'actor', 'root', 'place', 'limit', 'offset'])
            assert.ok(search.includes(p), p);
          assert.ok(spec.paths['/api/extract'].post.requestBody);
          assert.equal(spec.paths['/api/openapi.json'], undefined);
        });

        test('the UI is served from its folder, with index.html for app paths', async () => {
          const web = join(dir, 'web');
          rmSync(web, { recursive: true, force: true });
          await import('node:fs').then((fs) => fs.mkdirSync(join(web, 'assets'), { recursive: true }));
          writeFileSync(
            join(web, 'index.html'),
            '<!doctype html><html lang="ar" dir="rtl"><title>مرصد</title></html>',
          );
          writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
          const s = await buildServer({ store, webRoot: web });
          const url = await listen(s, { port: 0 });
          try {
            const index = await fetch(`${url}/`);
            assert.equal(index.status, 200);
            assert.match(await index.text(), /dir="rtl"/);
            assert.match(index.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
            const js = await fetch(`${url}/assets/app.js`);
            assert.equal(js.status, 200);
            assert.match(js.headers.get('content-type') ?? '', /javascript/);
            const app = await fetch(`${url}/search`);
            assert.equal(app.status, 200);
            assert.match(await app.text(), /مرصد/);
            assert.equal((await fetch(`${url}/assets/missing.js`)).status, 404);
            const traversal = await fetch(`${url}/..%2f..%2fpackage.json`);
            assert.notEqual(traversal.status, 200);
            assert.equal((await fetch(`${url}/api/nope`)).status, 404);
          } finally {
            await s.close();
          }
        });
      });
    }
  });
}

describe('marsad serve (CLI)', () => {
  test('binds to 127.0.0.1, says it is read-only without MARSAD_TOKEN, and stops on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const db = join(dir, 'cli.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', db, '--port', '0'],
      { cwd: join(import.meta.dirname, '..'), env: { ...process.env, MARSAD_TOKEN: '' } },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!/running at/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      assert.ok(m, `printed a loopback URL: ${out} ${err}`);
      assert.match(err, /read-only \(MARSAD_TOKEN unset\)/);
      const stats = (await (await fetch(`${m[1]}/api/stats`)).json()) as {
        readOnly: boolean;
        documents: number;
      };
      assert.equal(stats.readOnly, true);
      assert.equal(stats.documents, 0);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });

  test('--workers 2 serves from two processes on one port and stops them all on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'serve',
        '--db',
        join(dir, 'cli2.db'),
        '--port',
        '0',
        '--workers',
        '2',
      ],
      { cwd: join(import.meta.dirname, '..'), env: { ...process.env, MARSAD_TOKEN: '' } },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 30_000;
      while (!/running at/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const m = /running at (http:\/\/127\.0\.0\.1:\d+)\/ +\(2 server processes/.exec(out);
      assert.ok(m, out);
      for (let i = 0; i < 4; i++) assert.equal((await fetch(`${m[1]}/api/stats`)).status, 200);
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0);
  });

  test('bad options exit 2 with the reason', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], {
        cwd: join(import.meta.dirname, '..'),
        encoding: 'utf8',
      });
    const port = run('--port', '70000');
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--port: expected an integer 0–65535, got "70000"/);
    const workers = run('--workers', '0');
    assert.equal(workers.status, 2);
    assert.match(workers.stderr, /--workers: expected an integer 1–64, got "0"/);
    const extra = run('now');
    assert.equal(extra.status, 2);
    assert.match(extra.stderr, /unexpected argument "now"/);
  });
});
