// The CLI's one argument helper (src/cli/args.ts): every subcommand reads integers, dates, CAMEO
// roots and choices through it, so a bad value gets the same message whichever command it is.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { command, CommandArgs, UsageError, withStore } from '../src/cli/args.js';
import { runExport } from '../src/cli/export.js';
import { runExtract } from '../src/cli/extract.js';
import { runIngest } from '../src/cli/ingest.js';
import { runReprocess } from '../src/cli/reprocess.js';
import { runSearch } from '../src/cli/search.js';

const opts = { strings: ['n', 'day', 'root', 'format'], flags: ['yes'] };

test('typed readers accept good values and name the option and the value when rejecting', () => {
  const a = new CommandArgs(['--n', '12', '--day', '2024-02-29', '--root', '7', '--yes'], opts, 'usage: x');
  assert.equal(a.int('n', 0), 12);
  assert.equal(a.int('missing', 5), 5);
  assert.equal(a.date('day'), '2024-02-29');
  assert.equal(a.root('root'), '07');
  assert.equal(a.flag('yes'), true);
  assert.equal(a.flag('other'), false);
  assert.equal(a.oneOf('format', ['a', 'b'] as const, 'b'), 'b');
  assert.equal(a.help, false);
  const bad = (argv: string[], read: (x: CommandArgs) => unknown, msg: RegExp) =>
    assert.throws(
      () => read(new CommandArgs(argv, opts, 'usage: x')),
      (e: unknown) => e instanceof UsageError && msg.test(e.message),
    );
  bad(['--n=-3'], (x) => x.int('n', 0), /^--n: expected an integer ≥ 0, got "-3"$/);
  bad(['--n', '2.5'], (x) => x.int('n', 0), /^--n: expected an integer ≥ 0, got "2.5"$/);
  bad(['--n', '1e3'], (x) => x.int('n', 0), /^--n: expected an integer ≥ 0, got "1e3"$/);
  bad(['--n', '99'], (x) => x.int('n', 0, 1, 64), /^--n: expected an integer 1–64, got "99"$/);
  bad(['--day', '2023-02-29'], (x) => x.date('day'), /^--day: expected YYYY-MM-DD, got "2023-02-29"$/);
  bad(['--root', '21'], (x) => x.root('root'), /^--root: expected a CAMEO root code 01–20, got "21"$/);
  bad(
    ['--format', 'xml'],
    (x) => x.oneOf('format', ['a', 'b'] as const, 'a'),
    /expected one of a, b, got "xml"/,
  );
  bad(['extra'], (x) => x.noPositionals(), /^unexpected argument "extra"\n\nusage: x$/);
  assert.throws(() => new CommandArgs(['--nope'], opts, 'usage: x'), /Unknown option '--nope'[^]*usage: x/);
  assert.equal(new CommandArgs(['-h'], opts, 'usage: x').help, true);
});

test('command: --help prints the usage and exits 0 without running the body', async () => {
  const out = sink();
  let ran = 0;
  const run = command('usage: marsad x [--n N]', { strings: ['n'] }, async (args) => {
    ran = args.int('n', 1);
    return 5;
  });
  assert.equal(await run(['--help'], out.w, out.w), 0);
  assert.equal(out.text(), 'usage: marsad x [--n N]\n');
  assert.equal(ran, 0);
  assert.equal(await run(['--n', '3'], out.w, out.w), 5);
  assert.equal(ran, 3);
});

const sink = () => {
  let text = '';
  const w = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { w, text: () => text };
};

test('every subcommand rejects a bad value with the same words', async () => {
  const { w } = sink();
  const cases: [(argv: string[], o: Writable, e: Writable) => Promise<number>, string[], RegExp][] = [
    [runSearch, ['x', '--limit', 'ten'], /^--limit: expected an integer ≥ 0, got "ten"$/],
    [runSearch, ['x', '--from', '2024-13-01'], /^--from: expected YYYY-MM-DD, got "2024-13-01"$/],
    [runSearch, ['x', '--root', '0'], /^--root: expected a CAMEO root code 01–20, got "0"$/],
    [runExport, ['events', '--root', '99'], /^--root: expected a CAMEO root code 01–20, got "99"$/],
    [runExport, ['events', '--to', 'May'], /^--to: expected YYYY-MM-DD, got "May"$/],
    [runExport, ['events', '--min-confidence', '2'], /^--min-confidence: expected a number 0–1, got "2"$/],
    [
      runExport,
      ['events', '--min-confidence', 'high'],
      /^--min-confidence: expected a number 0–1, got "high"$/,
    ],
    [runIngest, ['a.txt', '--workers', 'many'], /^--workers: expected an integer ≥ 0, got "many"$/],
    [runIngest, ['a.txt', '--date', '1/5/2024'], /^--date: expected YYYY-MM-DD, got "1\/5\/2024"$/],
    [runExtract, ['a.txt', '--max-bytes', '0'], /^--max-bytes: expected an integer ≥ 1, got "0"$/],
    [runExtract, ['a.txt', '--date', 'x'], /^--date: expected YYYY-MM-DD, got "x"$/],
    [runReprocess, ['--workers=-1'], /^--workers: expected an integer ≥ 0, got "-1"$/],
    [runReprocess, ['now'], /^unexpected argument "now"/],
  ];
  for (const [run, argv, msg] of cases)
    await assert.rejects(
      run(argv, w, w),
      (e: unknown) => e instanceof UsageError && msg.test(e.message),
      `${argv.join(' ')}`,
    );
});

test('withStore: a store that cannot be opened is one line and exit code 1; the store is closed after', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-args-'));
  try {
    const err = sink();
    const code = await withStore(join(dir, 'no', 'such', 'dir', 'x.db'), 'search', err.w, async () => 0);
    assert.equal(code, 1);
    assert.match(err.text(), /^marsad search: cannot open SQLite database .*x\.db: .+\n$/);
    const code1 = await withStore(
      join(dir, 'no', 'such', 'dir', 'x.db'),
      'ingest',
      err.w,
      async () => 0,
      (e) => `known failure (${(e as Error).message.slice(0, 20)})`,
    );
    assert.equal(code1, 1);
    assert.match(err.text(), /\nmarsad ingest: known failure \(cannot open SQLite d\)\n$/);
    let closed = false;
    const code2 = await withStore(join(dir, 'ok.db'), 'search', err.w, async (store) => {
      const orig = store.close.bind(store);
      store.close = async () => {
        closed = true;
        await orig();
      };
      return 7;
    });
    assert.equal(code2, 7);
    assert.equal(closed, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('marsad eval: a bad option is a usage error naming the task and the value, not an internal error', async () => {
  const { runEval } = await import('../src/cli/eval.js');
  const sink = () => new Writable({ write: (_c, _e, cb) => cb() });
  for (const [argv, msg] of [
    [
      ['events', '--batch', 'x'],
      /^marsad eval events: --batch expects one of a, b, c, d(, [a-z])*, found "x"$/,
    ],
    [
      ['events', '--min-confidence', '2'],
      /^marsad eval events: --min-confidence expects a number from 0 to 1/,
    ],
    [['events', '--nope'], /^marsad eval events: unknown option "--nope"/],
    [['nope'], /^unknown task "nope"/],
  ] as const)
    await assert.rejects(
      runEval([...argv], sink(), sink()),
      (e: unknown) => e instanceof UsageError && msg.test(e.message),
      argv.join(' '),
    );
});

test('marsad eval TASK --help prints that task’s usage and exits 0, for every task', async () => {
  const { runEval } = await import('../src/cli/eval.js');
  for (const task of ['ner', 'links', 'times', 'quotes', 'events']) {
    let text = '';
    const out = new Writable({
      write: (c: Buffer, _e, cb) => {
        text += c.toString();
        cb();
      },
    });
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    assert.equal(await runEval([task, '--help'], out, sink), 0, task);
    assert.match(text, new RegExp(`^usage: marsad eval ${task}\\b`), task);
  }
});
