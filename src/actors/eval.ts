// `marsad eval links`: entity-linking accuracy on hand-labelled SaudiNewsNet mentions
// (data/actors/gold-links.json: article id + offsets + labels; the texts are read from
// ../shared/data/saudinewsnet at eval time).
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { UsageError } from '../cli/args.js';
import { createDoc } from '../doc/doc.js';
import type { Doc, EntityType } from '../doc/types.js';
import { loadDataFile, sharedDir } from '../resources.js';
import { textStage } from '../text/stage.js';
import { actorsStage, loadActors } from './stage.js';

export interface GoldMention {
  start: number;
  end: number;
  text: string;
  type: string;
  /**
   * KB id, 'NIL' (not in the KB) or '-' (role phrase: only the code is judged). An id the
   * knowledge base does not contain is scored as NIL (the blind set names identities ahead of it).
   */
  kb: string;
  /** Expected actor code, or '-' when not judged. */
  code: string;
  kind: 'name' | 'role';
}

export interface GoldFile {
  schema: 'marsad.gold-links/1';
  about: string;
  articles: { id: string; date: string; mentions: GoldMention[] }[];
}

export interface LinkScores {
  articles: number;
  mentions: number;
  linkable: { n: number; correct: number; accuracy: number };
  nil: { n: number; correct: number; accuracy: number };
  codes: Record<
    'name' | 'role' | 'all',
    { gold: number; predicted: number; correct: number; precision: number; recall: number }
  >;
  errors: { id: string; text: string; start: number; gold: string; got: string }[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Score the actors stage on gold mentions; `oracle` gives it the gold name spans as tagger mentions. */
export function scoreLinks(gold: GoldFile, texts: Map<string, string>, oracle: boolean): LinkScores {
  const textRes = textStage.load!();
  const res = loadActors();
  const s: LinkScores = {
    articles: 0,
    mentions: 0,
    linkable: { n: 0, correct: 0, accuracy: 0 },
    nil: { n: 0, correct: 0, accuracy: 0 },
    codes: {
      name: { gold: 0, predicted: 0, correct: 0, precision: 0, recall: 0 },
      role: { gold: 0, predicted: 0, correct: 0, precision: 0, recall: 0 },
      all: { gold: 0, predicted: 0, correct: 0, precision: 0, recall: 0 },
    },
    errors: [],
  };
  for (const a of gold.articles) {
    const text = texts.get(a.id);
    if (text === undefined) throw new Error(`gold article ${a.id} is not in SaudiNewsNet`);
    const doc: Doc = createDoc(text, { date: a.date });
    Object.assign(doc, textStage.run(doc, textRes));
    doc.mentions = oracle
      ? a.mentions
          .filter((m) => m.kind === 'name')
          .map((m) => ({ start: m.start, end: m.end, type: m.type as EntityType, score: 1 }))
      : [];
    Object.assign(doc, actorsStage.run(doc, res));
    s.articles++;
    for (const g of a.mentions) {
      if (text.slice(g.start, g.end) !== g.text)
        throw new Error(`gold article ${a.id}: offsets ${g.start}-${g.end} do not match "${g.text}"`);
      s.mentions++;
      // The system entity with the largest overlap with the gold span.
      let best: { id: string | null; code: string | null } | null = null;
      let bestOverlap = 0;
      for (const e of doc.entities)
        for (const m of e.mentions) {
          // Overlap, less a little for every character the system span adds around the gold span.
          const ov =
            Math.min(m.end, g.end) -
            Math.max(m.start, g.start) -
            0.001 * Math.abs(m.end - m.start - (g.end - g.start));
          if (ov > bestOverlap) {
            bestOverlap = ov;
            best = {
              id: e.actor.id !== null && !e.actor.id.startsWith('nil:') ? e.actor.id : null,
              code: e.actor.code,
            };
          }
        }
      const got = best?.id ?? 'NIL';
      // A gold identity the knowledge base does not hold (yet) is expected to be NIL.
      const want = g.kb === 'NIL' || g.kb === '-' || res.kb.actors.has(g.kb) ? g.kb : 'NIL';
      if (g.kind === 'name' && want !== '-') {
        const bucket = want === 'NIL' ? s.nil : s.linkable;
        bucket.n++;
        if (got === want) bucket.correct++;
        else
          s.errors.push({
            id: a.id,
            text: g.text,
            start: g.start,
            gold: `${want} ${g.code}`,
            got: `${got} ${best?.code ?? '-'}`,
          });
      }
      if (g.code !== '-') {
        for (const c of [s.codes[g.kind], s.codes.all]) {
          c.gold++;
          if (best?.code) c.predicted++;
          if (best?.code === g.code) c.correct++;
        }
        if (best?.code !== g.code && (g.kind === 'role' || got === want))
          s.errors.push({
            id: a.id,
            text: g.text,
            start: g.start,
            gold: `${g.kb} ${g.code}`,
            got: `${got} ${best?.code ?? '-'}`,
          });
      }
    }
  }
  s.linkable.accuracy = ratio(s.linkable.correct, s.linkable.n);
  s.nil.accuracy = ratio(s.nil.correct, s.nil.n);
  for (const c of Object.values(s.codes)) {
    c.precision = ratio(c.correct, c.predicted);
    c.recall = ratio(c.correct, c.gold);
  }
  return s;
}

async function readTexts(ids: Set<string>): Promise<Map<string, string>> {
  const path = join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz');
  if (!existsSync(path)) throw new UsageError(`marsad eval links needs ${path} (set MARSAD_SHARED)`);
  const texts = new Map<string, string>();
  const rl = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
  for await (const line of rl) {
    const d = JSON.parse(line) as { id: string; text: string };
    if (ids.has(d.id)) texts.set(d.id, d.text);
  }
  return texts;
}

const pct = (x: number): string => (100 * x).toFixed(1) + '%';

export const usage = `usage: marsad eval links [--heldout | --blind] [--no-oracle] [--json] [--errors]

Actor-linking accuracy on hand-labelled SaudiNewsNet mentions: linkable mentions linked to the right
actor, NIL mentions left unlinked.
  --heldout    the held-out set (default: the development set)
  --blind      the blind batch (labelled before the linker saw it)
  --no-oracle  link the tagger's own mentions instead of the gold spans
  --json       machine-readable output
  --errors     list every wrong link`;

export async function evaluate(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  let oracle = true;
  let json = false;
  let showErrors = false;
  let set = 'gold-links';
  for (const a of argv) {
    if (a === '--no-oracle') oracle = false;
    else if (a === '--heldout') set = 'gold-links-heldout';
    else if (a === '--blind') set = 'gold-links-blind';
    else if (a === '--json') json = true;
    else if (a === '--errors') showErrors = true;
    else if (a === '--help' || a === '-h') {
      out.write(usage + '\n');
      return 0;
    } else throw new UsageError(`marsad eval links: unknown option ${JSON.stringify(a)}\n\n${usage}`);
  }
  const gold = loadDataFile<GoldFile>(`actors/${set}.json`, 'marsad.gold-links/1');
  const texts = await readTexts(new Set(gold.articles.map((a) => a.id)));
  const s = scoreLinks(gold, texts, oracle);
  if (json) {
    out.write(
      JSON.stringify({ oracle, ...s, errors: showErrors ? s.errors : s.errors.length }, null, 2) + '\n',
    );
    return 0;
  }
  const c = s.codes;
  out.write(
    [
      `entity linking on ${s.mentions} gold mentions (${set}) in ${s.articles} SaudiNewsNet articles (${oracle ? 'gold name spans given as tagger mentions' : 'no tagger mentions: KB names and role phrases found in the text only'})`,
      `  linkable names  accuracy ${pct(s.linkable.accuracy)}  (${s.linkable.correct}/${s.linkable.n})`,
      `  NIL names       accuracy ${pct(s.nil.accuracy)}  (${s.nil.correct}/${s.nil.n})`,
      `  actor codes     names  P ${pct(c.name.precision)} R ${pct(c.name.recall)} (${c.name.correct}/${c.name.gold})`,
      `                  roles  P ${pct(c.role.precision)} R ${pct(c.role.recall)} (${c.role.correct}/${c.role.gold})`,
      `                  all    P ${pct(c.all.precision)} R ${pct(c.all.recall)} (${c.all.correct}/${c.all.gold})`,
      '',
    ].join('\n'),
  );
  if (showErrors)
    for (const e of s.errors) out.write(`  ${e.id} @${e.start} ${e.text}: gold ${e.gold}, got ${e.got}\n`);
  return 0;
}
