// `marsad eval quotes`: quote spans and speakers against our hand-annotated SaudiNewsNet gold set
// (test/fixtures/quotes-gold.json: article ids + offsets; the articles are read from ../shared).
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parse, UsageError } from '../cli/args.js';
import { createDoc } from '../doc/doc.js';
import type { Doc, Quote } from '../doc/types.js';
import { extract, loadResources, stages } from '../pipeline.js';
import { packageRoot, sharedDir } from '../resources.js';
import { normaliseWord } from '../text/normalise.js';

const usage = `usage: marsad eval quotes [--gold FILE] [--batch A|B|all] [--text-only] [--errors]

Quote span P/R/F1 (exact and overlap >= 50%) and speaker accuracy on matched quotes, direct and
indirect separately, on hand-annotated SaudiNewsNet articles.
  --gold FILE    gold file (default test/fixtures/quotes-gold.json)
  --batch B      only one annotation batch (A: development, B: fresh)
  --text-only    run only the text and quotes stages (no NER / linking)
  --errors       list misses and false alarms`;

export interface GoldQuote {
  start: number;
  end: number;
  direct: boolean;
  speaker: { start: number; end: number; text: string } | null;
}
export interface GoldArticle {
  id: string;
  batch: string;
  length: number;
  /** names one speaker goes by in the article; any of them counts as that speaker */
  referents?: string[][];
  quotes: GoldQuote[];
}
export interface GoldFile {
  schema: 'marsad.quotes-gold/1';
  corpus: string;
  articles: GoldArticle[];
}

export function loadGold(path: string): GoldFile {
  let g: GoldFile;
  try {
    g = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
  } catch (e) {
    throw new UsageError(`gold file ${path}: ${(e as Error).message}`);
  }
  if (g.schema !== 'marsad.quotes-gold/1')
    throw new UsageError(
      `gold file ${path}: expected schema "marsad.quotes-gold/1", found ${JSON.stringify(g.schema)}`,
    );
  if (!Array.isArray(g.articles)) throw new UsageError(`gold file ${path}: "articles" must be a list`);
  return g;
}

async function readArticles(path: string, ids: Set<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const rl = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    // cheap id check before parsing the whole line
    const m = /"id":\s*"([^"]+)"/.exec(line.slice(0, 200));
    if (!m || !ids.has(m[1])) continue;
    const d = JSON.parse(line) as { id: string; text: string };
    out.set(d.id, d.text);
    if (out.size === ids.size) {
      rl.close();
      break;
    }
  }
  return out;
}

export interface Score {
  gold: number;
  pred: number;
  exact: number;
  overlap: number;
  speakerOk: number;
  speakerExact: number;
}

const overlapOk = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  Math.min(a.end, b.end) - Math.max(a.start, b.start) >= 0.5 * Math.max(a.end - a.start, b.end - b.start);

/**
 * A predicted speaker is right when its span overlaps the gold one, or its text contains or is
 * contained in one of the names the gold speaker goes by in the article (a pronoun cue may
 * resolve to another mention of the same speaker).
 */
function speakerOk(g: GoldQuote, p: Quote, referents: string[][]): [boolean, boolean] {
  if (g.speaker === null || p.speakerText === null)
    return [g.speaker === p.speakerText, g.speaker === p.speakerText];
  const s = p.speakerText;
  const exact = s.start === g.speaker.start && s.end === g.speaker.end;
  const overlaps = Math.min(s.end, g.speaker.end) > Math.max(s.start, g.speaker.start);
  const a = normaliseWord(s.text);
  const b = normaliseWord(g.speaker.text);
  const names = [b];
  for (const group of referents)
    if (group.some((x) => normaliseWord(x) === b)) names.push(...group.map(normaliseWord));
  const named = names.some((x) => a === x || a.includes(x) || (a.length >= 3 && x.includes(a)));
  return [exact || overlaps || named, exact];
}

/** Score one article's predictions against its gold, for one category (direct or not). */
export function scoreArticle(
  gold: GoldQuote[],
  pred: Quote[],
  direct: boolean,
  referents: string[][],
  errors?: (kind: string, span: { start: number; end: number }, note: string) => void,
): Score {
  const gs = gold.filter((q) => q.direct === direct);
  const ps = pred.filter((q) => q.direct === direct);
  const sc: Score = { gold: gs.length, pred: ps.length, exact: 0, overlap: 0, speakerOk: 0, speakerExact: 0 };
  const used = new Set<number>();
  for (const g of gs) {
    let best = -1;
    let bestOv = 0;
    ps.forEach((p, i) => {
      if (used.has(i) || !overlapOk(g, p)) return;
      const ov = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (ov > bestOv) {
        bestOv = ov;
        best = i;
      }
    });
    if (best < 0) {
      errors?.('miss', g, g.speaker?.text ?? '—');
      continue;
    }
    used.add(best);
    const p = ps[best];
    sc.overlap++;
    if (p.start === g.start && p.end === g.end) sc.exact++;
    const [ok, ex] = speakerOk(g, p, referents);
    if (ok) sc.speakerOk++;
    else errors?.('speaker', g, `gold ${g.speaker?.text ?? '—'} / got ${p.speakerText?.text ?? '—'}`);
    if (ex) sc.speakerExact++;
  }
  ps.forEach((p, i) => {
    if (!used.has(i)) errors?.('false alarm', p, p.speakerText?.text ?? '—');
  });
  return sc;
}

const add = (a: Score, b: Score): void => {
  a.gold += b.gold;
  a.pred += b.pred;
  a.exact += b.exact;
  a.overlap += b.overlap;
  a.speakerOk += b.speakerOk;
  a.speakerExact += b.speakerExact;
};
const zero = (): Score => ({ gold: 0, pred: 0, exact: 0, overlap: 0, speakerOk: 0, speakerExact: 0 });

function prf(tp: number, pred: number, gold: number): string {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(3)}`;
}

export function formatScore(name: string, s: Score): string {
  const acc = (k: number) => (s.overlap ? (k / s.overlap).toFixed(3) : '—');
  return (
    `${name.padEnd(9)} gold ${String(s.gold).padStart(3)} pred ${String(s.pred).padStart(3)} | ` +
    `exact ${prf(s.exact, s.pred, s.gold)} | overlap>=50% ${prf(s.overlap, s.pred, s.gold)} | ` +
    `speaker ${acc(s.speakerOk)} (exact span ${acc(s.speakerExact)}) on ${s.overlap} matched`
  );
}

export async function evaluate(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { values, help } = parse(
    argv,
    {
      gold: { type: 'string' },
      batch: { type: 'string' },
      'text-only': { type: 'boolean' },
      errors: { type: 'boolean' },
    },
    usage,
  );
  if (help) {
    out.write(usage + '\n');
    return 0;
  }
  const goldPath =
    (values.gold as string | undefined) ?? join(packageRoot, 'test', 'fixtures', 'quotes-gold.json');
  const gold = loadGold(goldPath);
  const batch = (values.batch as string | undefined) ?? 'all';
  const corpus = join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz');
  if (!existsSync(corpus)) throw new UsageError(`needs ${corpus} (set MARSAD_SHARED)`);
  const arts = gold.articles.filter((a) => batch === 'all' || a.batch === batch);
  if (arts.length === 0) throw new UsageError(`no gold articles in batch ${JSON.stringify(batch)}`);
  const texts = await readArticles(corpus, new Set(arts.map((a) => a.id)));

  const textOnly = values['text-only'] === true;
  let run: (text: string) => Doc;
  if (textOnly) {
    const only = stages.filter((s) => s.name === 'text' || s.name === 'quotes');
    const res = only.map((s) => (s.load ? s.load() : undefined));
    run = (text) => {
      const doc = createDoc(text);
      only.forEach((s, i) => Object.assign(doc, s.run(doc, res[i])));
      return doc;
    };
  } else {
    const res = loadResources();
    run = (text) => extract({ text }, res);
  }

  const direct = zero();
  const indirect = zero();
  for (const a of arts) {
    const text = texts.get(a.id);
    if (text === undefined) throw new Error(`article ${a.id} not found in ${corpus}`);
    if (text.length !== a.length)
      throw new Error(`article ${a.id}: length ${text.length}, gold says ${a.length}`);
    const doc = run(text);
    const errs = values.errors
      ? (kind: string, s: { start: number; end: number }, note: string) =>
          out.write(`${a.id} ${kind.padEnd(11)} ${text.slice(s.start, s.end).slice(0, 60)} | ${note}\n`)
      : undefined;
    add(direct, scoreArticle(a.quotes, doc.quotes, true, a.referents ?? [], errs));
    add(indirect, scoreArticle(a.quotes, doc.quotes, false, a.referents ?? [], errs));
  }
  const all = zero();
  add(all, direct);
  add(all, indirect);
  out.write(`quotes: ${arts.length} articles, batch ${batch}${textOnly ? ', text-only' : ''}\n`);
  out.write(formatScore('direct', direct) + '\n');
  out.write(formatScore('indirect', indirect) + '\n');
  out.write(formatScore('all', all) + '\n');
  return 0;
}
