// marsad eval ner: entity-level precision/recall/F1 (conlleval exact span + type) per ANERcorp class
// and micro-averaged on the ANERcorp CAMeL Lab test split, plus tagging speed.
import { join } from 'node:path';
import { sharedDir } from '../resources.js';
import { UsageError } from '../cli/args.js';
import { loadTagSets, readConll } from './corpus.js';
import { loadNer, tagSentences, type NerResources } from './mentions.js';
import { score, type Score } from './scorer.js';

export const evalNerUsage = `usage: marsad eval ner [--file PATH] [--model DIR]

Tags the ANERcorp CAMeL Lab test split (default ../shared/data/anercorp/ANERcorp_CamelLab_test.txt)
and prints entity-level precision/recall/F1 per type and micro-averaged (exact span and type, as
conlleval), with contract types mapped back to ANERcorp's (GPE/LOC/FAC → LOC, PER → PERS).`;

export interface NerEvalResult {
  score: Score;
  tokens: number;
  seconds: number;
}

/** Tag a CoNLL file in evidence blocks of the model's block size and score it. */
export function evaluateFile(res: NerResources, path: string): NerEvalResult {
  const sents = readConll(path);
  const back = loadTagSets().anercorpEval;
  const block = res.model.header.block;
  const pred: string[][] = [];
  let tokens = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < sents.length; i += block) {
    const bl = sents.slice(i, i + block).map((s) => s.tokens);
    const found = tagSentences(res, bl);
    for (let s = 0; s < bl.length; s++) {
      const tags = new Array<string>(bl[s].length).fill('O');
      for (const m of found[s]) {
        const cls = back[m.type];
        tags[m.start] = 'B-' + cls;
        for (let k = m.start + 1; k < m.end; k++) tags[k] = 'I-' + cls;
      }
      pred.push(tags);
      tokens += bl[s].length;
    }
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    score: score(
      sents.map((s) => s.tags),
      pred,
    ),
    tokens,
    seconds,
  };
}

export function formatScore(sc: Score): string {
  const rows = [...sc.types, sc.micro].map(
    (t) =>
      `| ${t.type} | ${t.precision.toFixed(4)} | ${t.recall.toFixed(4)} | ${t.f1.toFixed(4)} | ${t.tp + t.fn} |`,
  );
  return ['| type | precision | recall | F1 | gold |', '|---|---:|---:|---:|---:|', ...rows].join('\n');
}

export async function evaluate(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  let file = join(sharedDir, 'data', 'anercorp', 'ANERcorp_CamelLab_test.txt');
  let modelDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--file' && argv[i + 1]) file = argv[++i];
    else if (a === '--model' && argv[i + 1]) modelDir = argv[++i];
    else if (a === '--help' || a === '-h') {
      out.write(evalNerUsage + '\n');
      return 0;
    } else throw new UsageError(`marsad eval ner: unknown option ${JSON.stringify(a)}\n\n${evalNerUsage}`);
  }
  const t0 = Date.now();
  const res = loadNer(modelDir);
  const loadMs = Date.now() - t0;
  const r = evaluateFile(res, file);
  out.write(`NER on ${file}\n`);
  out.write(
    `model loaded in ${loadMs} ms; ${r.tokens} tokens tagged in ${r.seconds.toFixed(2)} s = ${Math.round(r.tokens / r.seconds)} tokens/s\n\n`,
  );
  out.write(formatScore(r.score) + '\n\n');
  out.write(`micro F1=${r.score.micro.f1.toFixed(4)}\n`);
  return 0;
}
