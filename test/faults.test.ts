// Fault injection on ingest, through the CLI as a user runs it:
//  - kill -9 at random points (rounds of several kills, each resuming the last, then a run to the
//    end), checking after every kill that nothing is stored twice or lost, and at the end that the
//    store equals an uninterrupted reference run;
//  - a full disk (a small tmpfs; needs root, skipped otherwise): a one-line error, then after
//    freeing space a re-run completes with exactly the right documents;
//  - PostgreSQL restarted mid-ingest (a private server started with scripts/pg/start.sh; needs
//    MARSAD_TEST_PG and the PostgreSQL binaries, skipped otherwise): the run completes or stops
//    with a one-line error, and a re-run ends with exactly the right documents.
// Verification goes through the store's own API (stats, staleDocuments as a listing, search).
// MARSAD_FAULT_SEED fixes the random kill points.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openStore } from '../src/store/open.js';
import type { StoreStats } from '../src/store/types.js';
import { Rng } from './fixtures/fuzz-lib.js';
import { PG_SKIP, syntheticJsonl } from './fixtures/ingest-support.js';

const dir = mkdtempSync(join(tmpdir(), 'marsad-faults-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const seed = Number(process.env.MARSAD_FAULT_SEED ?? Date.now() % 1e6);
const rng = new Rng(seed);
console.log(`# fault seed ${seed} (MARSAD_FAULT_SEED=${seed} repeats these kill points)`);

// ---- the corpus: a JSONL dump, a folder of .txt articles and some identical copies -------------

const OPENINGS = [
  'افتتح محافظ المدينة صباح اليوم',
  'ناقش مجلس إدارة الغرفة التجارية',
  'أعلنت إدارة التعليم في المنطقة',
  'زار وفد من وزارة الزراعة',
  'استقبلت بلدية المحافظة',
];
const MIDDLES = [
  'مشروعا جديدا لتوسعة الطرق الداخلية وتحسين الإنارة في الأحياء الشمالية',
  'خطة لدعم صغار المزارعين بالبذور والأسمدة قبل بداية الموسم',
  'برنامجا تدريبيا للمعلمين الجدد يستمر ثلاثة أسابيع',
  'معرضا للصناعات اليدوية يشارك فيه عشرات الحرفيين من القرى المجاورة',
  'حملة لتنظيف الشواطئ بمشاركة المتطوعين وطلاب الجامعات',
];
const ENDINGS = [
  'وقال المسؤول إن العمل سينتهي قبل نهاية العام.',
  'وأكد المشاركون أهمية استمرار هذه المبادرات.',
  'ومن المتوقع أن يستفيد منه آلاف السكان.',
  'وأشار التقرير إلى أن التكلفة بلغت مليوني ريال.',
];

function txtArticle(i: number): string {
  const title = `${OPENINGS[i % OPENINGS.length].split(' ').slice(0, 3).join(' ')} ${i + 1}`;
  const body = `${OPENINGS[i % OPENINGS.length]} ${MIDDLES[(i * 3) % MIDDLES.length]}، ${
    ENDINGS[i % ENDINGS.length]
  } وهذا التقرير رقم ${i + 1} من سلسلة الأخبار المحلية.`;
  return `${title}\n${body}\n`;
}

const JSONL_DOCS = 120;
const TXT_DOCS = 30;
const COPIES = 6;
const DISTINCT = JSONL_DOCS + TXT_DOCS;

function writeCorpus(root: string): string {
  const c = join(root, 'corpus');
  mkdirSync(join(c, 'txt'), { recursive: true });
  writeFileSync(join(c, 'dump.jsonl'), syntheticJsonl(JSONL_DOCS));
  for (let i = 0; i < TXT_DOCS; i++)
    writeFileSync(join(c, 'txt', `${String(i).padStart(3, '0')}.txt`), txtArticle(i));
  // Identical copies under other names: stored once, recorded as duplicates.
  for (let i = 0; i < COPIES; i++) writeFileSync(join(c, 'txt', `copy-${i}.txt`), txtArticle(i * 4));
  return c;
}

// ---- running the CLI ---------------------------------------------------------------------------

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Run `marsad ARGS`. `kill`, when given, resolves when the run should be killed (SIGKILL); it is
 * told whether the run is still going.
 */
function cli(args: string[], kill?: (running: () => boolean) => Promise<void>): Promise<Run> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args]);
    let stdout = '';
    let stderr = '';
    let exited = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    kill?.(() => !exited).then(() => {
      if (!exited) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Documents committed so far (a read-only peek beside the running writer; -1 before the schema). */
async function committed(db: string): Promise<number> {
  if (!existsSync(db)) return -1;
  const { default: Database } = await import('better-sqlite3');
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return -1;
  }
}

/**
 * Kill points. Mostly mid-run: once a batch has committed (the document count rose), kill 0–1.5 s
 * later, while the next batch is extracted or written. Sometimes anywhere in the first `spanMs`
 * (start-up, opening the store, migrations).
 */
function killPoint(
  db: string,
  spanMs: number,
): { kind: string; wait: (running: () => boolean) => Promise<void> } {
  if (rng.chance(0.3)) {
    const delay = Math.round(rng.next() * spanMs);
    return { kind: `after ${delay} ms`, wait: () => sleep(delay) };
  }
  const extra = Math.round(rng.next() * 1500);
  return {
    kind: `${extra} ms after a batch committed`,
    wait: async (running) => {
      const n0 = await committed(db);
      while (running() && (await committed(db)) <= Math.max(n0, 0)) await sleep(20);
      await sleep(extra);
    },
  };
}

const ingestArgs = (corpus: string, db: string, workers: number) => [
  'ingest',
  corpus,
  '--db',
  db,
  '--workers',
  String(workers),
  '--format',
  'json',
];

// ---- verification through the store's API -----------------------------------------------------

interface Snapshot {
  ids: string[];
  stats: StoreStats;
  searchTotal: number;
}

async function snapshot(db: string): Promise<Snapshot> {
  const store = await openStore(db);
  try {
    // Every stored document, in storage order (no document is at this pipeline version).
    const ids: string[] = [];
    for (let after: string | undefined; ;) {
      const page = await store.staleDocuments('no-such-version', 500, after);
      if (page.length === 0) break;
      ids.push(...page.map((d) => d.id));
      after = page[page.length - 1].id;
    }
    const stats = await store.stats();
    // Every article has the word التقرير: the search index must hold each document once.
    const searchTotal = (await store.searchDocuments('التقرير', {}, { facets: false, snippets: false }))
      .total;
    return { ids, stats, searchTotal };
  } finally {
    await store.close();
  }
}

/** Partial state after a crash: no document twice, none foreign, none lost since `previous`. */
function checkPartial(s: Snapshot, reference: Snapshot, previous: Set<string>, where: string): void {
  const ids = new Set(s.ids);
  assert.equal(ids.size, s.ids.length, `${where}: a document stored twice`);
  const ref = new Set(reference.ids);
  for (const id of ids) assert.ok(ref.has(id), `${where}: unexpected document ${id}`);
  for (const id of previous) assert.ok(ids.has(id), `${where}: document ${id} lost`);
  assert.equal(s.stats.documents, ids.size, `${where}: stats.documents disagrees with the listing`);
  assert.equal(s.searchTotal, ids.size, `${where}: search index out of step with documents`);
}

/** Complete state: exactly the reference's documents, copies and extraction counts. */
function checkComplete(s: Snapshot, reference: Snapshot, where: string): void {
  assert.deepEqual([...s.ids].sort(), [...reference.ids].sort(), `${where}: documents differ`);
  const pick = (x: StoreStats) => ({
    documents: x.documents,
    duplicates: x.duplicates,
    failures: x.failures,
    entities: x.entities,
    quotes: x.quotes,
    events: x.events,
    actors: x.actors,
  });
  assert.deepEqual(pick(s.stats), pick(reference.stats), `${where}: store counts differ`);
  assert.equal(s.searchTotal, DISTINCT, `${where}: search total`);
}

const oneLine = (stderr: string) => stderr.trim().split('\n').filter(Boolean);

let corpus = '';
let reference: Snapshot;
let referenceMs = 0;
/** A run with nothing left to do: start-up, store opening and reading. */
let startupMs = 0;

before(async () => {
  corpus = writeCorpus(dir);
  const db = join(dir, 'reference.db');
  const r = await cli(ingestArgs(corpus, db, 1));
  assert.equal(r.code, 0, r.stderr);
  referenceMs = r.ms;
  reference = await snapshot(db);
  startupMs = (await cli(ingestArgs(corpus, db, 1))).ms;
  assert.equal(reference.stats.documents, DISTINCT);
  assert.equal(reference.stats.duplicates, COPIES);
  assert.equal(reference.stats.failures, 0);
  console.log(
    `# reference ingest: ${DISTINCT} documents + ${COPIES} copies in ${(referenceMs / 1000).toFixed(1)} s ` +
      `(a run with nothing to do: ${(startupMs / 1000).toFixed(1)} s)`,
  );
});

describe('kill -9 during ingest (SQLite)', () => {
  const KILLS = 20;
  test(`${KILLS} kills at random points, each followed by a re-run: nothing lost, nothing twice`, async () => {
    let killed = 0;
    let midWrite = 0;
    let finished = 0;
    let verified = 0;
    let stores = 0;
    let db = '';
    let stored = new Set<string>();
    for (let attempt = 0; killed < KILLS && attempt < 3 * KILLS; attempt++) {
      if (db === '' || stored.size === DISTINCT) {
        db = join(dir, `kill-${stores++}.db`); // a fresh store once one is complete
        stored = new Set();
      }
      const workers = attempt % 2; // 0: extraction in the main thread, 1: in a worker thread
      const point = killPoint(db, startupMs + 0.5 * (referenceMs - startupMs));
      const r = await cli(ingestArgs(corpus, db, workers), point.wait);
      const where = `attempt ${attempt} (${point.kind})`;
      if (r.signal === 'SIGKILL') killed++;
      else {
        assert.equal(r.code, 0, `${where}: ${r.stderr}`);
        finished++;
      }
      if (!existsSync(db)) continue; // killed before the store was created
      const s = await snapshot(db);
      if (r.signal === 'SIGKILL') {
        checkPartial(s, reference, stored, where);
        if (s.ids.length > 0 && s.ids.length < DISTINCT) midWrite++;
        verified += s.ids.length;
      } else {
        checkComplete(s, reference, where);
        verified += DISTINCT;
      }
      stored = new Set(s.ids);
    }
    // Finish the last store and check it.
    const r = await cli(ingestArgs(corpus, db, 1));
    assert.equal(r.code, 0, r.stderr);
    checkComplete(await snapshot(db), reference, 'last re-run');
    finished++;
    verified += DISTINCT;
    console.log(
      `# kill -9: ${killed} crashes survived (${midWrite} left a partly written store), ` +
        `${finished} re-runs to the end, each exact; ${stores} stores; ${verified} documents verified`,
    );
    assert.equal(killed, KILLS, `only ${killed} runs were killed while running`);
  });
});

// ---- a full disk ---------------------------------------------------------------------------------

function tmpfsSkip(): string | false {
  if (process.platform !== 'linux') return 'disk-full simulation needs Linux tmpfs';
  if (process.getuid?.() !== 0) return 'disk-full simulation mounts a small tmpfs: needs root';
  const probe = join(tmpdir(), `marsad-tmpfs-probe-${process.pid}`);
  mkdirSync(probe, { recursive: true });
  const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
  if (m.status !== 0) {
    rmSync(probe, { recursive: true, force: true });
    return `cannot mount tmpfs (${m.stderr?.toString().trim() || 'mount failed'})`;
  }
  spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return false;
}

describe('disk full (a small tmpfs)', { skip: tmpfsSkip() }, () => {
  const mnt = join(dir, 'small-disk');
  const mount = (bytes: number) => {
    const r = existsSync(join(mnt, '.mounted'))
      ? spawnSync('mount', ['-o', `remount,size=${bytes}`, mnt])
      : (mkdirSync(mnt, { recursive: true }),
        spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', mnt]));
    assert.equal(r.status, 0, r.stderr?.toString());
    writeFileSync(join(mnt, '.mounted'), '');
  };
  after(() => {
    spawnSync('umount', [mnt]);
  });
  const refBytes = () =>
    readdirSync(dir)
      .filter((f) => f.startsWith('reference.db'))
      .reduce((n, f) => n + statSync(join(dir, f)).size, 0);

  test('no room for the schema: one-line error, nothing half-created blocks the re-run', async () => {
    mount(48 * 1024);
    const db = join(mnt, 'tiny.db');
    const r = await cli(ingestArgs(corpus, db, 0));
    assert.notEqual(r.code, 0);
    const lines = oneLine(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^marsad ingest: .*(full|space)/i);
    mount(8 * refBytes() + (4 << 20));
    const again = await cli(ingestArgs(corpus, db, 0));
    assert.equal(again.code, 0, again.stderr);
    checkComplete(await snapshot(db), reference, 'after freeing space');
    rmSync(db, { force: true });
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
  });

  test('disk full mid-ingest: one-line error; after freeing space a re-run is exact', async () => {
    // Room for the schema and part of the documents.
    const size = Math.max(256 * 1024, Math.floor(refBytes() * 0.7));
    mount(size);
    const db = join(mnt, 'full.db');
    const r = await cli(ingestArgs(corpus, db, 0));
    assert.equal(r.code, 1, `expected a failure on a ${size}-byte disk: ${r.stdout} ${r.stderr}`);
    const lines = oneLine(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^marsad ingest: .*: disk full \(.*\); .*re-run/);
    mount(8 * refBytes() + (4 << 20)); // free space
    const partial = await snapshot(db);
    checkPartial(partial, reference, new Set(), 'after disk full');
    const again = await cli(ingestArgs(corpus, db, 0));
    assert.equal(again.code, 0, again.stderr);
    checkComplete(await snapshot(db), reference, 'after freeing space');
    console.log(
      `# disk full: a ${Math.round(size / 1024)} KB disk held ${partial.ids.length} of ${DISTINCT} documents ` +
        `when the run stopped (one-line error); after freeing space the re-run stored the rest: ${DISTINCT} verified`,
    );
  });
});

// ---- PostgreSQL restarted mid-ingest -----------------------------------------------------------

function pgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(a) - Number(b));
    for (const v of versions.reverse())
      if (existsSync(join(base, v, 'bin', 'pg_ctl'))) return join(base, v, 'bin');
  }
  const w = spawnSync('sh', ['-c', 'command -v pg_ctl']);
  return w.status === 0 ? join(w.stdout.toString().trim(), '..') : null;
}

const PG_BIN = pgBin();
const pgSkip: string | false =
  PG_SKIP || (PG_BIN ? false : 'PostgreSQL restart test needs the PostgreSQL binaries (pg_ctl)');

describe('PostgreSQL restarted mid-ingest', { skip: pgSkip }, () => {
  // A private server (its own port and data directory), so restarting it disturbs no other test.
  const port = String(54400 + (process.pid % 500));
  // Outside the test's private (0700) folder: the server runs as the postgres user.
  const pgDir = join(tmpdir(), `marsad-faults-pg-${process.pid}`);
  const env = { ...process.env, MARSAD_PG_PORT: port, MARSAD_PG_DIR: pgDir, MARSAD_PG_DB: 'marsad_faults' };
  let url = '';
  // stdio ignored: the server started by pg_ctl would otherwise hold spawnSync's pipes open.
  const asPg = (args: string[]) =>
    process.getuid?.() === 0
      ? spawnSync('runuser', ['-u', 'postgres', '--', ...args], { stdio: 'ignore' })
      : spawnSync(args[0], args.slice(1), { stdio: 'ignore' });
  const restart = () =>
    asPg([
      join(PG_BIN!, 'pg_ctl'),
      '-D',
      pgDir,
      '-l',
      join(pgDir, 'server.log'),
      '-m',
      rng.chance(0.5) ? 'fast' : 'immediate',
      '-w',
      'restart',
      '-o',
      `-h 127.0.0.1 -p ${port} -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    ]);

  before(() => {
    const r = spawnSync('scripts/pg/start.sh', [], { env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    url = r.stdout.trim();
  });
  after(() => {
    spawnSync('scripts/pg/stop.sh', [], { env });
  });

  const TRIALS = 3;
  test(`${TRIALS} restarts at random points: completes or stops clearly; a re-run is exact`, async () => {
    let stopped = 0;
    let completed = 0;
    for (let i = 0; i < TRIALS; i++) {
      const name = `marsad_restart_${i}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(url);
      u.pathname = `/${name}`;
      const db = u.toString();
      const running = cli(ingestArgs(corpus, db, 0));
      await new Promise((r) => setTimeout(r, Math.round((0.3 + 0.6 * rng.next()) * referenceMs)));
      const rs = restart();
      assert.equal(rs.status, 0, `pg_ctl restart failed (see ${pgDir}/server.log)`);
      const r = await running;
      if (r.code === 0) completed++;
      else {
        stopped++;
        assert.equal(r.code, 1, r.stderr);
        const lines = oneLine(r.stderr);
        assert.equal(lines.length, 1, r.stderr);
        // On a loaded machine the restart can land before the CLI has even connected: that is the
        // connect error, also one clear line.
        assert.match(
          lines[0],
          /^marsad ingest: (the PostgreSQL database: lost the connection|cannot connect to PostgreSQL )/,
        );
      }
      const again = await cli(ingestArgs(corpus, db, 0));
      assert.equal(again.code, 0, again.stderr);
      checkComplete(await snapshot(db), reference, `restart ${i}`);
      const store = await openStore(db);
      try {
        const q = await (store as import('../src/store/postgres/index.js').PostgresStore).queueCounts();
        assert.deepEqual([q.queued, q.running, q.failed], [0, 0, 0], `restart ${i}: jobs left`);
      } finally {
        await store.close();
      }
    }
    console.log(
      `# PostgreSQL restarts: ${TRIALS} trials (${stopped} runs stopped with a one-line error, ${completed} completed), ` +
        `${TRIALS} re-runs exact, ${TRIALS * DISTINCT} documents verified`,
    );
  });
});
