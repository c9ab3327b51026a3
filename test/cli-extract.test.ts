import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..');
const sample = join(root, 'samples', 'articles', '01-baghdad-aid.txt');
const sample2 = join(root, 'samples', 'articles', '02-riyadh-talks.txt');

function marsad(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));

test('extract one file → one marsad/1 object; --date sets doc.date', () => {
  const r = marsad(['extract', sample, '--date', '2021-02-14']);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.equal(json.schema, 'marsad/1');
  assert.equal(json.doc.date, '2021-02-14');
  assert.match(json.doc.title, /^عينة:/);
  assert.equal(json.doc.dateline.text, 'بغداد');
  assert.ok(json.sentences.length >= 4);
});

test('several files as jsonl; stdin with -; text summary', () => {
  const r = marsad(['extract', sample, sample2, '--format', 'jsonl']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.equal(JSON.parse(lines[1]).doc.dateline.agency, undefined); // contract: no extra dateline fields
  assert.equal(JSON.parse(lines[1]).doc.dateline.text, 'الرياض');

  const s = marsad(['extract', '-', '--format', 'json'], 'خبر من الإدخال\nالقاهرة – بدأ المؤتمر اليوم.');
  assert.equal(s.code, 0, s.err);
  assert.equal(JSON.parse(s.out).doc.title, 'خبر من الإدخال');

  const t = marsad(['extract', sample, '--format', 'text']);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /title: +عينة:/);
  assert.match(t.out, /dateline: +بغداد/);
});

test('bad inputs: each named on one stderr line, the rest still processed, exit 1', () => {
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const binary = join(dir, 'image.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 9]));
  const english = join(dir, 'english.txt');
  writeFileSync(english, 'This is an English news article about markets.\nStocks rose today.');
  const huge = join(dir, 'huge.txt');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'ب'));
  const jsonl = join(dir, 'docs.jsonl');
  writeFileSync(
    jsonl,
    [
      JSON.stringify({ title: 'أول', text: 'جدة – افتتح المحافظ المعرض.', date: '2015-07-21' }),
      '{"title": "مكسور", "text": ',
      JSON.stringify({ title: 'بلا نص' }),
      JSON.stringify({ text: 'الدوحة – عقد الاجتماع الثالث.', date: '21/07/2015' }),
      JSON.stringify({ text: 'تونس – انطلقت الدورة الجديدة.' }),
    ].join('\n') + '\n',
  );
  const missing = join(dir, 'missing.txt');
  const r = marsad(['extract', empty, binary, sample, english, huge, jsonl, missing, '--format', 'jsonl']);
  assert.equal(r.code, 1);
  const errs = r.err.trim().split('\n');
  const expectErr = (where: string, what: RegExp) =>
    assert.ok(
      errs.some((l) => l.includes(where) && what.test(l)),
      `no error line for ${where} matching ${what}:\n${r.err}`,
    );
  expectErr(empty, /empty/);
  expectErr(binary, /binary/);
  expectErr(english, /not Arabic/);
  expectErr(huge, /too large.*50\.0 MB/);
  expectErr(`${jsonl}:2`, /invalid JSON/);
  expectErr(`${jsonl}:3`, /field "text"/);
  expectErr(`${jsonl}:4`, /field "date"/);
  expectErr(missing, /no such file/);
  assert.equal(errs.length, 8, r.err);
  assert.ok(!/\n\s+at /.test(r.err), 'no stack traces for user errors');
  const docs = r.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    docs.map((d) => d.doc.dateline?.text),
    ['بغداد', 'جدة', 'تونس'],
  );
  assert.equal(docs[1].doc.date, '2015-07-21');
});

test('usage errors exit 2 with a message; --version and --help work', () => {
  const bad = marsad(['extract', sample, '--format', 'xml']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format: expected one of json, jsonl, text/);
  assert.equal(marsad(['extract']).code, 2);
  assert.equal(marsad(['extract', sample, '--date', '2020-13-45']).code, 2);
  assert.equal(marsad(['frobnicate']).code, 2);
  const v = marsad(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.out, /^marsad \d+\.\d+\.\d+/);
  const h = marsad(['extract', '--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /usage: marsad extract/);
});
