// `marsad eval times`: span precision/recall/F1 (exact and overlap) and value accuracy of the time
// layer against the hand-annotated gold set test/fixtures/time-gold.json (SaudiNewsNet article ids
// + offsets + values; the article texts are read from ../shared at eval time, never copied).

import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { UsageError } from '../cli/args.js';
import type { TimeMod } from '../doc/types.js';
import { packageRoot, sharedDir } from '../resources.js';
import { tokenise } from '../text/tokenise.js';
import { findTimesAndNumbers, loadTimeResources } from './stage.js';

export const GOLD_SCHEMA = 'marsad/time-gold/1';

export interface GoldTime {
  start: number;
  end: number;
  text: string;
  value: string | null;
  mod: TimeMod | null;
}

export interface GoldDoc {
  id: string;
  date: string;
  times: GoldTime[];
}

export interface GoldFile {
  schema: string;
  corpus: string;
  docs: GoldDoc[];
}

export interface SysTime {
  start: number;
  end: number;
  text: string;
  value: string | null;
  mod: TimeMod | null;
}

export interface Scores {
  gold: number;
  system: number;
  exact: { matched: number; p: number; r: number; f1: number };
  overlap: { matched: number; p: number; r: number; f1: number };
  /** On overlap-matched pairs: value equal; value and mod equal. */
  value: { matched: number; correct: number; accuracy: number; withMod: number; accuracyWithMod: number };
}

function prf(
  matched: number,
  gold: number,
  system: number,
): { matched: number; p: number; r: number; f1: number } {
  const p = system === 0 ? 0 : matched / system;
  const r = gold === 0 ? 0 : matched / gold;
  return { matched, p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export interface Pairing {
  gold: GoldTime;
  sys: SysTime | null;
}

/** One-to-one pairing of gold and system spans by largest overlap (greedy, spans are few). */
export function pairSpans(gold: readonly GoldTime[], sys: readonly SysTime[]): Pairing[] {
  const used = new Set<number>();
  return gold.map((g) => {
    let best = -1;
    let bestOv = 0;
    sys.forEach((s, k) => {
      if (used.has(k)) return;
      const ov = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (ov > bestOv) {
        bestOv = ov;
        best = k;
      }
    });
    if (best >= 0) used.add(best);
    return { gold: g, sys: best >= 0 ? sys[best] : null };
  });
}

export function score(docs: { gold: readonly GoldTime[]; sys: readonly SysTime[] }[]): Scores {
  let nGold = 0;
  let nSys = 0;
  let exact = 0;
  let overlap = 0;
  let correct = 0;
  let withMod = 0;
  for (const d of docs) {
    nGold += d.gold.length;
    nSys += d.sys.length;
    for (const g of d.gold) if (d.sys.some((s) => s.start === g.start && s.end === g.end)) exact++;
    for (const p of pairSpans(d.gold, d.sys)) {
      if (p.sys === null) continue;
      overlap++;
      if (p.sys.value === p.gold.value) {
        correct++;
        if (p.sys.mod === p.gold.mod) withMod++;
      }
    }
  }
  return {
    gold: nGold,
    system: nSys,
    exact: prf(exact, nGold, nSys),
    overlap: prf(overlap, nGold, nSys),
    value: {
      matched: overlap,
      correct,
      accuracy: overlap === 0 ? 0 : correct / overlap,
      withMod,
      accuracyWithMod: overlap === 0 ? 0 : withMod / overlap,
    },
  };
}

export function loadGold(path: string): GoldFile {
  let parsed: GoldFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
  } catch (err) {
    throw new UsageError(`gold file ${path}: ${(err as Error).message}`);
  }
  if (parsed.schema !== GOLD_SCHEMA)
    throw new UsageError(
      `gold file ${path}: expected schema "${GOLD_SCHEMA}", found ${JSON.stringify(parsed.schema)}`,
    );
  if (!Array.isArray(parsed.docs)) throw new UsageError(`gold file ${path}: field "docs" must be a list`);
  return parsed;
}

/** Read the records with the given ids from a SaudiNewsNet .jsonl.gz file. */
export async function readArticles(
  path: string,
  ids: Set<string>,
): Promise<Map<string, { text: string; date: string }>> {
  const out = new Map<string, { text: string; date: string }>();
  const rl = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (out.size === ids.size) break;
    const k = line.indexOf('"id": "');
    const id = k >= 0 ? line.slice(k + 7, k + 23) : '';
    if (!ids.has(id)) continue;
    const r = JSON.parse(line) as { id: string; text: string; date: string };
    out.set(r.id, { text: r.text, date: r.date });
  }
  rl.close();
  return out;
}

const pct = (x: number): string => (100 * x).toFixed(1);

export const usage = `usage: marsad eval times [--gold FILE] [--verbose] [--json]

Time-expression detection and value accuracy (resolved against each article's date) on
hand-annotated SaudiNewsNet articles.
  --gold FILE  gold file (default test/fixtures/time-gold.json; the blind set is
               test/fixtures/time-gold-2.json)
  --verbose    list every expression, gold and system
  --json       machine-readable output`;

export async function evaluate(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  let goldPath = join(packageRoot, 'test', 'fixtures', 'time-gold.json');
  let verbose = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--gold') {
      const v = argv[++i];
      if (v === undefined) throw new UsageError('--gold needs a path');
      goldPath = v;
    } else if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') {
      out.write(usage + '\n');
      return 0;
    } else throw new UsageError(`marsad eval times: unknown option ${JSON.stringify(a)}\n\n${usage}`);
  }
  const gold = loadGold(goldPath);
  const corpus = join(sharedDir, 'data', gold.corpus);
  if (!existsSync(corpus)) throw new UsageError(`marsad eval times: needs ${corpus} (set MARSAD_SHARED)`);
  const articles = await readArticles(corpus, new Set(gold.docs.map((d) => d.id)));
  // only the tokens and the time stage are needed: the measurement does not depend on other stages
  const res = loadTimeResources();
  const docs: { gold: GoldTime[]; sys: SysTime[] }[] = [];
  const lines: string[] = [];
  for (const g of gold.docs) {
    const a = articles.get(g.id);
    if (a === undefined)
      throw new UsageError(`gold file ${goldPath}: article ${g.id} not found in ${corpus}`);
    for (const t of g.times)
      if (a.text.slice(t.start, t.end) !== t.text)
        throw new UsageError(
          `gold file ${goldPath}: article ${g.id} span ${t.start}-${t.end} is not ${JSON.stringify(t.text)}`,
        );
    const meta = { title: null, date: g.date, source: null, url: null };
    const found = findTimesAndNumbers({ text: a.text, tokens: tokenise(a.text), meta }, res);
    const sys = found.times.map((t) => ({
      start: t.start,
      end: t.end,
      text: t.text,
      // gold writes a year range as first/last; the layer gives value + until
      value: t.until !== undefined && t.value !== null ? `${t.value}/${t.until}` : t.value,
      mod: t.mod,
    }));
    docs.push({ gold: g.times, sys });
    if (verbose) {
      const pairs = pairSpans(g.times, sys);
      const hit = new Set(pairs.map((p) => p.sys));
      for (const p of pairs) {
        if (p.sys === null)
          lines.push(`${g.id}  MISS  ${p.gold.text}  [${p.gold.value} ${p.gold.mod ?? ''}]`);
        else if (p.sys.value !== p.gold.value || p.sys.mod !== p.gold.mod)
          lines.push(
            `${g.id}  VALUE ${p.gold.text} [${p.gold.value} ${p.gold.mod ?? ''}]  ≠  ${p.sys.text} [${p.sys.value} ${p.sys.mod ?? ''}]`,
          );
      }
      for (const s of sys)
        if (!hit.has(s)) lines.push(`${g.id}  EXTRA ${s.text}  [${s.value} ${s.mod ?? ''}]`);
    }
  }
  const s = score(docs);
  if (json) {
    out.write(JSON.stringify(s, null, 2) + '\n');
    return 0;
  }
  out.write(`times: ${gold.docs.length} articles, ${s.gold} gold expressions, ${s.system} found\n`);
  out.write(`  exact spans    P ${pct(s.exact.p)}  R ${pct(s.exact.r)}  F1 ${pct(s.exact.f1)}\n`);
  out.write(`  overlap spans  P ${pct(s.overlap.p)}  R ${pct(s.overlap.r)}  F1 ${pct(s.overlap.f1)}\n`);
  out.write(
    `  value accuracy on matched spans ${pct(s.value.accuracy)} (${s.value.correct}/${s.value.matched}); value+mod ${pct(s.value.accuracyWithMod)}\n`,
  );
  for (const l of lines) out.write(l + '\n');
  return 0;
}
