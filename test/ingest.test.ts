// Ingest end to end through the CLI and the library: every input kind, failures recorded with
// reasons, idempotent re-runs, kill -9 mid-run then re-run (counts exact), and two PostgreSQL
// workers sharing one queue (every document stored exactly once).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ingest } from '../src/ingest/ingest.js';
import { openStore } from '../src/store/open.js';
import { openPostgres } from '../src/store/postgres/index.js';
import { freshPgDatabase, PG_SKIP, syntheticJsonl } from './fixtures/ingest-support.js';

const CORPUS = 'test/fixtures/ingest-corpus';
const dir = mkdtempSync(join(tmpdir(), 'marsad-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });

describe('ingest a folder of every supported kind (SQLite)', () => {
  const db = join(dir, 'corpus.db');

  test('documents, copies and failures are counted and recorded with reasons', async () => {
    const r = cli(['ingest', CORPUS, '--db', db, '--workers', '0', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr); // some inputs failed: exit 1, the rest stored
    const s = JSON.parse(r.stdout);
    assert.equal(s.new, 7);
    assert.equal(s.duplicate, 1);
    assert.equal(s.failed, 6);
    const store = await openStore(db);
    try {
      const reasons = Object.fromEntries(
        (await store.failures()).map((f) => [f.where.replace(`${CORPUS}/`, ''), f.reason]),
      );
      assert.match(reasons['broken.xml'], /malformed feed XML/);
      assert.match(reasons['dump.jsonl:2'], /invalid JSON/);
      assert.match(reasons['dump.jsonl:3'], /not Arabic/);
      assert.match(reasons['dump.jsonl:5'], /field "date"/);
      assert.match(reasons['empty.html'], /no article text/);
      assert.match(reasons['feed.xml#feed-item-2'], /not Arabic/);
      // Windows-1256 decoded; HTML metadata; RSS and Atom items; nested folder.
      const rain = await store.searchDocuments('أمطار', {}, { facets: false });
      assert.equal(rain.total, 1);
      assert.match(rain.results[0].snippet!.text, /الرياض/);
      const page = (await store.searchDocuments('المزارعين', {}, { facets: false })).results[0];
      assert.equal(page.title, 'الحكومة تعلن خطة لدعم المزارعين');
      assert.equal(page.date, '2021-04-12');
      assert.equal(page.url, 'https://news.example/agri/123');
      assert.equal(page.source, 'أخبار المثال');
      const doc = await store.getDocument(page.id);
      assert.ok(!doc!.doc.text.includes('الرئيسية'), 'navigation is not main content');
      assert.ok(!doc!.doc.text.includes('جميع الحقوق'), 'footer is not main content');
      const feed = (await store.searchDocuments('مستشفى', {}, { facets: false })).results[0];
      assert.equal(feed.date, '2021-04-13');
      assert.equal(feed.source, 'نشرة المثال');
      const atom = (await store.searchDocuments('النفط', {}, { facets: false })).results[0];
      assert.equal(atom.url, 'https://atom.example/oil');
      assert.equal((await store.searchDocuments('معرض الكتاب', {}, { facets: false })).total, 1);
    } finally {
      await store.close();
    }
  });

  test('re-running stores nothing twice', () => {
    const r = cli(['ingest', CORPUS, '--db', db, '--workers', '0', '--format', 'json']);
    const s = JSON.parse(r.stdout);
    assert.deepEqual([s.new, s.duplicate, s.present, s.failed], [0, 0, 8, 6]);
  });

  test('search and export commands print JSON and CSV', () => {
    const r = cli(['search', 'الأمطار', '--db', db, '--limit', '5']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.total, 1);
    assert.ok(Array.isArray(out.results) && out.facets);
    const e = cli(['export', 'events', '--db', db, '--format', 'csv']);
    assert.equal(e.status, 0, e.stderr);
    assert.match(
      e.stdout.split('\n')[0],
      /^GlobalEventID,Day,Actor1Code,Actor1Name,Actor1CountryCode,Actor1Type1Code,Actor2Code/,
    );
    const bad = cli(['search', 'x', '--db', db, '--from', '2021-13-01']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--from: expected YYYY-MM-DD/);
  });
});

const N = 160;

/** Spawn ingest, kill -9 it once `killWhen` says so, then re-run to the end; returns the re-run's summary. */
async function crashAndResume(
  db: string,
  input: string,
  count: () => Promise<number>,
): Promise<{ killedAt: number; summary: Record<string, number> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'ingest', input, '--db', db, '--workers', '1'],
    {
      stdio: 'ignore',
    },
  );
  let killedAt = -1;
  const exited = new Promise((r) => child.on('exit', r));
  for (let i = 0; i < 1200 && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const n = await count().catch(() => 0);
    if (n > 0) {
      child.kill('SIGKILL');
      killedAt = n;
      break;
    }
  }
  await exited;
  const r = cli(['ingest', input, '--db', db, '--workers', '1', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return { killedAt, summary: JSON.parse(r.stdout) };
}

test('SQLite: kill -9 mid-run, re-run: nothing lost, nothing twice', async () => {
  const input = join(dir, 'synthetic.jsonl');
  writeFileSync(input, syntheticJsonl(N));
  const db = join(dir, 'crash.db');
  const peek = async () => {
    const { default: Database } = await import('better-sqlite3');
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      d.close();
    }
  };
  const { killedAt, summary } = await crashAndResume(db, input, peek);
  assert.ok(killedAt > 0 && killedAt < N, `killed mid-run (after ${killedAt} documents)`);
  assert.equal(summary.new + summary.present, N);
  assert.ok(summary.present >= killedAt, 'the batches committed before the kill are kept');
  const store = await openStore(db);
  const s = await store.stats();
  await store.close();
  assert.equal(s.documents, N);
  assert.equal(s.duplicates, 0);
  assert.equal(s.failures, 0);
});

describe('PostgreSQL ingest', { skip: PG_SKIP }, () => {
  test('kill -9 mid-run, re-run: nothing lost, nothing twice', async () => {
    const input = join(dir, 'synthetic-pg.jsonl');
    writeFileSync(input, syntheticJsonl(N));
    const pg = await freshPgDatabase();
    try {
      const count = async () => {
        const s = await openPostgres(pg.url);
        try {
          return (await s.stats()).documents;
        } finally {
          await s.close();
        }
      };
      const { killedAt } = await crashAndResume(pg.url, input, count);
      assert.ok(killedAt > 0 && killedAt < N, `killed mid-run (after ${killedAt} documents)`);
      const s = await openPostgres(pg.url);
      try {
        const st = await s.stats();
        assert.equal(st.documents, N);
        assert.equal(st.duplicates, 0);
        assert.deepEqual(await s.queueCounts(), {
          queued: 0,
          running: 0,
          done: Math.ceil(N / 64),
          failed: 0,
        });
      } finally {
        await s.close();
      }
    } finally {
      await pg.drop();
    }
  });

  test('two workers against one database: every document stored exactly once', async () => {
    const input = join(dir, 'synthetic-two.jsonl');
    // Every article twice (two files), so the workers also race on identical texts.
    writeFileSync(input, syntheticJsonl(N));
    const copy = join(dir, 'synthetic-two-copy.jsonl');
    writeFileSync(copy, syntheticJsonl(N));
    const pg = await freshPgDatabase();
    try {
      const q = cli(['ingest', input, copy, '--db', pg.url, '--enqueue-only', '--format', 'json']);
      assert.equal(q.status, 0, q.stderr);
      const run = () =>
        new Promise<Record<string, number>>((resolve, reject) => {
          const c = spawn(process.execPath, [
            '--import',
            'tsx',
            'src/cli/main.ts',
            'ingest',
            '--work',
            '--db',
            pg.url,
            '--workers',
            '1',
            '--format',
            'json',
          ]);
          let out = '';
          let err = '';
          c.stdout.on('data', (d) => (out += d));
          c.stderr.on('data', (d) => (err += d));
          c.on('exit', (code) =>
            code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}: ${err}`)),
          );
        });
      const [a, b] = await Promise.all([run(), run()]);
      assert.equal(a.new + b.new, N);
      assert.equal(a.duplicate + b.duplicate, N);
      assert.ok(a.new + a.duplicate > 0 && b.new + b.duplicate > 0, 'both workers did some of the work');
      const s = await openPostgres(pg.url);
      try {
        const st = await s.stats();
        assert.equal(st.documents, N);
        assert.equal(st.duplicates, N);
        assert.equal((await s.queueCounts()).done, Math.ceil((2 * N) / 64));
        // The search index holds each document once: a word of every article finds N.
        assert.equal((await s.searchDocuments('التقرير', {}, { facets: false })).total, N);
      } finally {
        await s.close();
      }
    } finally {
      await pg.drop();
    }
  });

  test('the library ingests the same folder into PostgreSQL as into SQLite', async () => {
    const pg = await freshPgDatabase();
    try {
      const store = await openStore(pg.url);
      const s = await ingest([CORPUS], store, { workers: 0 });
      await store.close();
      assert.deepEqual([s.new, s.duplicate, s.failed], [7, 1, 6]);
    } finally {
      await pg.drop();
    }
  });
});
