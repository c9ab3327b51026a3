// `marsad eval events`: trigger detection, CAMEO root/code accuracy and argument accuracy against
// the hand-annotated gold set (test/fixtures/events-gold.json, SaudiNewsNet articles by id).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Doc, Event, EventArg } from '../doc/types.js';
import { UsageError } from '../cli/args.js';
import { extract, loadResources } from '../pipeline.js';
import { loadDataFile, packageRoot, sharedDir } from '../resources.js';

/** The gold event files (test/fixtures/events-gold*.json): ids, UTF-16 offsets, labels. */
export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}
export interface GoldArg extends GoldSpan {
  country: string | null;
}
export interface GoldEvent {
  trigger: GoldSpan;
  alt: GoldSpan[];
  cameo: string;
  source: GoldArg | null;
  target: GoldArg | null;
  modality: string;
}
export interface GoldFile {
  schema: string;
  docs: { id: string; events: GoldEvent[] }[];
}

export const GOLD_PATH = join(packageRoot, 'test/fixtures/events-gold.json');
/** Batch B: annotated before any run on it, measured once after development stopped. */
export const HELDOUT_PATH = join(packageRoot, 'test/fixtures/events-gold-heldout.json');
/** Batch C: annotated with docs/EVENT-GUIDELINES.md before any run on it (held out). */
export const BATCH_C_PATH = join(packageRoot, 'test/fixtures/events-gold-c.json');
export const BATCHES: Record<string, string> = {
  a: GOLD_PATH,
  b: HELDOUT_PATH,
  c: BATCH_C_PATH,
  // batch D: annotated by a second annotator, blind to the system
  d: join(packageRoot, 'test/fixtures/events-gold-d.json'),
  // batch E: annotated by an annotator independent of the event coder, blind to the system
  e: join(packageRoot, 'test/fixtures/events-gold-e.json'),
  // batch F: annotated by an annotator independent of the event coder, blind to the system
  f: join(packageRoot, 'test/fixtures/events-gold-f.json'),
};
export const CORPUS_PATH = join(sharedDir, 'data/saudinewsnet/saudinewsnet.jsonl.gz');

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

function argCorrect(doc: Doc, g: GoldArg | null, s: EventArg): boolean {
  if (!g) return s.entity === null;
  if (s.entity === null) return false;
  const e = doc.entities.find((x) => x.id === s.entity);
  return !!e && e.mentions.some((m) => overlaps(m, g));
}

/** ISO 3166 alpha-3 codes (the actors' country table); regional CAMEO codes (MEA, EUR …) are not
 * states, and the gold gives transnational actors (ISIS, the UN) no country. */
let isoCountries: Set<string> | null = null;
/** A SaudiNewsNet article as the gold batches name it. */
export interface CorpusArticle {
  id: string;
  text: string;
  title: string;
  date: string;
  source: string;
}

/** The SaudiNewsNet articles with these ids (one pass over the compressed corpus). */
export function readArticles(ids: ReadonlySet<string>): Map<string, CorpusArticle> {
  const out = new Map<string, CorpusArticle>();
  for (const line of gunzipSync(readFileSync(CORPUS_PATH)).toString('utf8').split('\n')) {
    if (!line) continue;
    const a = JSON.parse(line) as CorpusArticle;
    if (ids.has(a.id)) out.set(a.id, a);
  }
  return out;
}

export function isState(code: string): boolean {
  if (!isoCountries) {
    try {
      const f = loadDataFile<{ countries: { iso3: string }[] }>(
        'actors/countries.json',
        'marsad.countries/1',
      );
      isoCountries = new Set(f.countries.map((c) => c.iso3));
    } catch {
      isoCountries = new Set();
    }
  }
  return isoCountries.size === 0 || isoCountries.has(code);
}

function countryOf(doc: Doc, s: EventArg): string | null {
  if (s.entity === null) return null;
  const c = doc.entities.find((x) => x.id === s.entity)?.actor.country ?? null;
  return c !== null && isState(c) ? c : null;
}

export interface EventScores {
  docs: number;
  gold: number;
  system: number;
  duplicates: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  rootAccuracy: number;
  codeAccuracy: number;
  sourceAccuracy: number;
  targetAccuracy: number;
  modalityAccuracy: number;
  rootTriples: { precision: number; recall: number; f1: number };
  codeTriples: { precision: number; recall: number; f1: number };
  seconds: number;
}

const prf = (tp: number, sys: number, gold: number): { precision: number; recall: number; f1: number } => {
  const precision = sys ? tp / sys : 0;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Score system events against gold for one document; adds into `acc`. */
function scoreDoc(
  doc: Doc,
  gold: GoldEvent[],
  acc: Record<string, number>,
  misses: string[] | null,
  id: string,
): void {
  const sys = doc.events;
  const pairs: [number, number, number][] = [];
  for (const [gi, g] of gold.entries()) {
    const spans = [g.trigger, ...g.alt];
    for (const [si, s] of sys.entries()) {
      if (!spans.some((sp) => overlaps(sp, s.trigger))) continue;
      const score =
        1 +
        (s.root === g.cameo.slice(0, 2) ? 2 : 0) +
        (argCorrect(doc, g.source, s.source) ? 1 : 0) +
        (argCorrect(doc, g.target, s.target) ? 1 : 0);
      pairs.push([score, gi, si]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const gUsed = new Set<number>();
  const sUsed = new Set<number>();
  for (const [, gi, si] of pairs) {
    if (gUsed.has(gi) || sUsed.has(si)) continue;
    gUsed.add(gi);
    sUsed.add(si);
    const g = gold[gi];
    const s = sys[si];
    acc.matched++;
    if (s.root === g.cameo.slice(0, 2)) acc.root++;
    if (s.cameo === g.cameo) acc.code++;
    if (argCorrect(doc, g.source, s.source)) acc.source++;
    if (argCorrect(doc, g.target, s.target)) acc.target++;
    if (s.modality === g.modality) acc.modality++;
  }
  // A second telling of a gold event already matched (its alternative trigger) is a duplicate:
  // counted apart, neither right nor wrong.
  let dup = 0;
  for (const [si, s] of sys.entries()) {
    if (sUsed.has(si)) continue;
    if (gold.some((g, gi) => gUsed.has(gi) && [g.trigger, ...g.alt].some((sp) => overlaps(sp, s.trigger)))) {
      sUsed.add(si);
      dup++;
    }
  }
  acc.duplicates += dup;
  acc.gold += gold.length;
  acc.system += sys.length - dup;
  // (source country, root, target country) triples, as sets per document.
  for (const level of ['root', 'code'] as const) {
    const key = (a: string | null, c: string, b: string | null): string =>
      `${a ?? '-'}|${level === 'root' ? c.slice(0, 2) : c}|${b ?? '-'}`;
    const gs = new Set(gold.map((g) => key(g.source?.country ?? null, g.cameo, g.target?.country ?? null)));
    const ss = new Set(
      sys.map((s: Event) => key(countryOf(doc, s.source), s.cameo, countryOf(doc, s.target))),
    );
    let tp = 0;
    for (const k of ss) if (gs.has(k)) tp++;
    acc[`${level}TripleTp`] += tp;
    acc[`${level}TripleSys`] += ss.size;
    acc[`${level}TripleGold`] += gs.size;
  }
  if (misses) {
    for (const [gi, g] of gold.entries())
      if (!gUsed.has(gi)) misses.push(`${id} MISS ${g.cameo} ${g.trigger.text} @${g.trigger.start}`);
    for (const [si, s] of sys.entries())
      if (!sUsed.has(si)) misses.push(`${id} EXTRA ${s.cameo} ${s.trigger.text} @${s.trigger.start}`);
  }
}

const usage =
  (): string => `usage: marsad eval events [--batch ${Object.keys(BATCHES).join('|')} | --heldout] [--min-confidence X] [--verbose] [--json]

Event coding on hand-annotated SaudiNewsNet articles (docs/EVENT-GUIDELINES.md): trigger P/R/F1,
root and code accuracy on matched events, source/target state accuracy, and P/R/F1 of (source
state, CAMEO root, target state) and (source, code, target) triples.
  --batch B           one gold batch (default: batch a); each batch's origin is in docs/EVALUATION.md
  --heldout           the first held-out batch (= --batch b)
  --min-confidence X  score only events with confidence ≥ X (0–1)
  --verbose           list misses and extra events
  --json              machine-readable output`;

export async function evaluate(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  let goldPath = argv.includes('--heldout') ? HELDOUT_PATH : GOLD_PATH;
  let minConfidence = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--min-confidence') {
      const x = Number(argv[++i]);
      if (!(x >= 0 && x <= 1))
        throw new UsageError(
          `marsad eval events: --min-confidence expects a number from 0 to 1, found ${JSON.stringify(argv[i] ?? '')}`,
        );
      minConfidence = x;
    } else if (a === '--batch') {
      const b = (argv[++i] ?? '').toLowerCase();
      if (!(b in BATCHES))
        throw new UsageError(
          `marsad eval events: --batch expects one of ${Object.keys(BATCHES).join(', ')}, found ${JSON.stringify(argv[i] ?? '')}`,
        );
      goldPath = BATCHES[b];
    } else if (a === '--help' || a === '-h') {
      out.write(usage() + '\n');
      return 0;
    } else if (!['--json', '--verbose', '--heldout'].includes(a))
      throw new UsageError(`marsad eval events: unknown option ${JSON.stringify(a)}\n\n${usage()}`);
  }
  if (!existsSync(CORPUS_PATH)) {
    out.write(`marsad eval events: needs ${CORPUS_PATH} (SaudiNewsNet); set MARSAD_SHARED to its folder\n`);
    return 2;
  }
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  if (gold.schema !== 'marsad/events-gold@1')
    throw new UsageError(
      `${goldPath}: expected schema "marsad/events-gold@1", found ${JSON.stringify(gold.schema)}`,
    );
  const articles = readArticles(new Set(gold.docs.map((d) => d.id)));
  const res = loadResources();
  const acc: Record<string, number> = {
    matched: 0,
    duplicates: 0,
    gold: 0,
    system: 0,
    root: 0,
    code: 0,
    source: 0,
    target: 0,
    modality: 0,
    rootTripleTp: 0,
    rootTripleSys: 0,
    rootTripleGold: 0,
    codeTripleTp: 0,
    codeTripleSys: 0,
    codeTripleGold: 0,
  };
  const misses: string[] | null = verbose ? [] : null;
  const t0 = performance.now();
  for (const d of gold.docs) {
    const a = articles.get(d.id);
    if (!a) throw new Error(`${goldPath}: article ${d.id} is not in ${CORPUS_PATH}`);
    const doc = extract({ text: a.text, title: a.title, date: a.date, source: a.source }, res);
    // Only the events a user filtering by confidence would see.
    if (minConfidence > 0) doc.events = doc.events.filter((e) => e.confidence >= minConfidence);
    scoreDoc(doc, d.events, acc, misses, d.id);
  }
  const seconds = (performance.now() - t0) / 1000;
  const trig = prf(acc.matched, acc.system, acc.gold);
  const m = acc.matched || 1;
  const scores: EventScores = {
    docs: gold.docs.length,
    gold: acc.gold,
    system: acc.system,
    duplicates: acc.duplicates,
    matched: acc.matched,
    ...trig,
    rootAccuracy: acc.root / m,
    codeAccuracy: acc.code / m,
    sourceAccuracy: acc.source / m,
    targetAccuracy: acc.target / m,
    modalityAccuracy: acc.modality / m,
    rootTriples: prf(acc.rootTripleTp, acc.rootTripleSys, acc.rootTripleGold),
    codeTriples: prf(acc.codeTripleTp, acc.codeTripleSys, acc.codeTripleGold),
    seconds,
  };
  if (json) {
    out.write(JSON.stringify(scores, null, 2) + '\n');
    return 0;
  }
  const f = (x: number): string => x.toFixed(3);
  out.write(
    [
      `events: ${scores.docs} SaudiNewsNet articles, ${scores.gold} gold events, ${scores.system} system events (+${scores.duplicates} duplicate tellings of matched gold events, not scored)`,
      `trigger detection   P ${f(trig.precision)}  R ${f(trig.recall)}  F1 ${f(trig.f1)}  (${acc.matched} matched)`,
      `on matched events   root ${f(scores.rootAccuracy)}  full code ${f(scores.codeAccuracy)}  source ${f(scores.sourceAccuracy)}  target ${f(scores.targetAccuracy)}  modality ${f(scores.modalityAccuracy)}`,
      `(src country, root, tgt country) triples  P ${f(scores.rootTriples.precision)}  R ${f(scores.rootTriples.recall)}  F1 ${f(scores.rootTriples.f1)}`,
      `(src country, code, tgt country) triples  P ${f(scores.codeTriples.precision)}  R ${f(scores.codeTriples.recall)}  F1 ${f(scores.codeTriples.f1)}`,
      ...(misses ?? []),
      '',
    ].join('\n'),
  );
  return 0;
}
