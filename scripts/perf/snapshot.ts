// Output snapshot for behaviour-preserving performance work: runs every stage on the first N
// SaudiNewsNet articles and writes, per article, a hash of each stage's layers and of the marsad/1
// JSON. Compare two snapshots to prove an optimisation changed nothing.
//   node --import tsx scripts/perf/snapshot.ts write <out.tsv> [N=1000]
//   node --import tsx scripts/perf/snapshot.ts compare <a.tsv> <b.tsv>
//   node --import tsx scripts/perf/snapshot.ts time [N=1000]   (articles per CPU-second)
//   node --import tsx scripts/perf/snapshot.ts stages [N=1000] (CPU ms per article of each stage)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '../../bench/corpus.js';
import { createDoc, toMarsadJson } from '../../src/doc/doc.js';
import { extract, loadResources, stages } from '../../src/pipeline.js';

const sha = (s: string) => createHash('sha1').update(s).digest('hex').slice(0, 16);

/** JSON that also spells typed arrays (token layers) as plain arrays. */
const stable = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) => (ArrayBuffer.isView(x) ? Array.from(x as Uint32Array) : x));

function corpus(n: number) {
  const docs = loadCorpus(n);
  if (!docs) {
    process.stderr.write('snapshot: needs ../shared/data/saudinewsnet/saudinewsnet.jsonl.gz\n');
    process.exit(2);
  }
  return docs;
}

function write(out: string, n: number): void {
  const res = loadResources();
  const lines = [['id', ...stages.map((s) => s.name), 'marsad'].join('\t')];
  for (const d of corpus(n)) {
    const doc = createDoc(d.text, { title: d.title, date: d.date });
    doc.titleInText = false;
    const hashes: string[] = [];
    for (const s of stages) {
      const layers = s.run(doc, res.byStage.get(s.name));
      hashes.push(sha(stable(layers)));
      Object.assign(doc, layers);
    }
    lines.push([d.id, ...hashes, sha(JSON.stringify(toMarsadJson(doc)))].join('\t'));
  }
  writeFileSync(out, lines.join('\n') + '\n');
  process.stdout.write(`snapshot: ${lines.length - 1} articles -> ${out}\n`);
}

function compare(a: string, b: string): void {
  const read = (f: string) => readFileSync(f, 'utf8').trimEnd().split('\n');
  const [la, lb] = [read(a), read(b)];
  const head = la[0].split('\t');
  const diffs = new Map<string, number>();
  let first = '';
  for (let i = 1; i < Math.max(la.length, lb.length); i++) {
    const [x, y] = [(la[i] ?? '').split('\t'), (lb[i] ?? '').split('\t')];
    for (let j = 0; j < head.length; j++)
      if (x[j] !== y[j]) {
        diffs.set(head[j], (diffs.get(head[j]) ?? 0) + 1);
        if (!first) first = `${x[0]} (${head[j]})`;
      }
  }
  if (diffs.size === 0) process.stdout.write(`identical: ${la.length - 1} articles\n`);
  else {
    process.stdout.write(
      `DIFFERENT: ${[...diffs].map(([k, v]) => `${k} ${v}`).join(', ')}; first ${first}\n`,
    );
    process.exitCode = 1;
  }
}

function time(n: number): void {
  const res = loadResources();
  const docs = corpus(n);
  const input = (d: (typeof docs)[number]) => ({
    text: d.text,
    title: d.title,
    date: d.date,
    titleInText: false,
  });
  for (const d of docs.slice(0, 100)) extract(input(d), res);
  const c0 = process.cpuUsage();
  for (const d of docs) extract(input(d), res);
  const c = process.cpuUsage(c0);
  const sec = (c.user + c.system) / 1e6;
  process.stdout.write(
    `${docs.length} articles in ${sec.toFixed(2)} CPU s: ${(docs.length / sec).toFixed(1)} articles per CPU-second\n`,
  );
}

/** CPU ms per article of each stage (process.cpuUsage around every stage call). */
function perStage(n: number): void {
  const res = loadResources();
  const docs = corpus(n);
  const ms = new Map<string, number>();
  for (let pass = 0; pass < 2; pass++) {
    for (const d of pass === 0 ? docs.slice(0, 100) : docs) {
      const doc = createDoc(d.text, { title: d.title, date: d.date });
      doc.titleInText = false;
      for (const s of stages) {
        const c0 = process.cpuUsage();
        Object.assign(doc, s.run(doc, res.byStage.get(s.name)));
        const c = process.cpuUsage(c0);
        if (pass === 1) ms.set(s.name, (ms.get(s.name) ?? 0) + (c.user + c.system) / 1000);
      }
    }
  }
  for (const [name, v] of ms) process.stdout.write(`${name}\t${(v / docs.length).toFixed(3)} ms/article\n`);
}

const [cmd, a, b] = process.argv.slice(2);
if (cmd === 'write' && a) write(a, Number(b ?? 1000));
else if (cmd === 'compare' && a && b) compare(a, b);
else if (cmd === 'time') time(Number(a ?? 1000));
else if (cmd === 'stages') perStage(Number(a ?? 1000));
else {
  process.stderr.write('usage: snapshot.ts write <out> [N] | compare <a> <b> | time [N] | stages [N]\n');
  process.exitCode = 2;
}
