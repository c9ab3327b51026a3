// npm run train:ner [-- clusters|tagger|dev|all] : trains the NER resources from ../shared/data into models/ner/.
import { join } from 'node:path';
import { dataDir, sharedDir, modelsDir } from '../resources.js';
import { readArticles, readClusters, trainClusters } from './clusters.js';
import { normaliseWord } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';
import { splitSentences } from '../text/sentences.js';
import { writeFileSync } from 'node:fs';
import { chunks, loadTagSets, mapTags, readConll, type Sentence } from './corpus.js';
import { MODEL_FILE, MODEL_SCHEMA, saveModel, type ModelHeader } from './format.js';
import { SubtypeClassifier, trainSubtype, type SpanExample } from './subtype.js';
import {
  featurise,
  glueClitics,
  makeExtractor,
  newsfaneOnly,
  readGazetteerSources,
  readKbGazetteer,
  streamKey,
} from './build.js';
import { Tagger, labelSet, trainPerceptron, type TaggerParams, type TrainExample } from './tagger.js';
import { score } from './scorer.js';
import { FEATURES, type FeatureExtractor } from './features.js';
import { evidence, tagBlock, type NerModel } from './model.js';

const log = (m: string): void => {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);
};

const TYPES = ['PERS', 'LOC', 'ORG', 'MISC'];

function opt(argv: string[], name: string, def: number): number {
  const i = argv.indexOf('--' + name);
  return i >= 0 ? Number(argv[i + 1]) : def;
}

async function main(argv: string[]): Promise<void> {
  const what = argv[0] ?? 'all';
  const ci = argv.indexOf('--clusters');
  const clustersPath = ci >= 0 ? argv[ci + 1] : join(modelsDir, 'ner', 'clusters.txt.gz');
  if (what === 'clusters' || what === 'all') {
    await trainClusters({
      corpus: join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz'),
      out: clustersPath,
      vocab: 100_000,
      contexts: 600,
      dim: 128,
      levels: [32, 256, 1024],
      fitWords: 30_000,
      iterations: 12,
      topic: opt(argv, 'topic', 512),
      fineExtra: opt(argv, 'fine', 2048),
      window: 6,
      topicSkip: 100,
      topicContexts: 2000,
      log,
    });
  }
  if (what === 'dev' || what === 'cv' || what === 'tagger' || what === 'all') {
    const clusters = readClusters(clustersPath);
    const gaz = readGazetteerSources(sharedDir);
    if (opt(argv, 'kb', 1) === 1) gaz.push(...readKbGazetteer(dataDir));
    let fx = makeExtractor(clusters, gaz);
    const aner = readConll(join(sharedDir, 'data', 'anercorp', 'ANERcorp_train.txt'));
    const o: TrainOptions = {
      epochs: opt(argv, 'epochs', 8),
      bits: opt(argv, 'bits', 17),
      twoPass: opt(argv, 'twopass', 1) === 1,
      jackknife: opt(argv, 'jackknife', 4),
      block: opt(argv, 'block', 20),
      extra: [],
      shared: opt(argv, 'shared', 1) === 1,
      seeds: opt(argv, 'seeds', 3),
    };
    if (opt(argv, 'newsfane', 1) === 1) {
      // NewsFANE text that is in neither ANERcorp split (about a quarter of it), in ANERcorp's conventions
      const tagsets = loadTagSets();
      const test = readConll(join(sharedDir, 'data', 'anercorp', 'ANERcorp_CamelLab_test.txt'));
      const nf = readConll(join(sharedDir, 'data', 'newsfane', 'NewsFANE_train_no_ANERcorp_test.txt'));
      // --nfall 1 (experiment): also NewsFANE's re-annotation of ANERcorp training text, keeping out
      // only what overlaps the held-out part (dev mode) and the test split
      const nfAll = opt(argv, 'nfall', 0) === 1;
      const keepOut = !nfAll ? aner : what === 'dev' ? aner.slice(Math.floor(aner.length * 0.9)) : [];
      const only = newsfaneOnly(nf, [
        streamKey(keepOut.flatMap((s) => s.tokens)),
        streamKey(test.flatMap((s) => s.tokens)),
      ]);
      o.extra = only
        .map(glueClitics)
        .map((s) => ({ tokens: s.tokens, tags: mapTags(s.tags, tagsets.newsfaneAnercorp) }));
      log(`NewsFANE: ${o.extra.length} of ${nf.length} sentences are new text`);
    }
    const labels = labelSet(TYPES);
    if (what === 'dev' || what === 'cv') {
      const folds = what === 'dev' ? 1 : opt(argv, 'folds', 5);
      const gold: string[][] = [];
      const pred: string[][] = [];
      const heldAll: Sentence[] = [];
      for (let f = 0; f < folds; f++) {
        const a = what === 'dev' ? Math.floor(aner.length * 0.9) : Math.floor((aner.length * f) / folds);
        const b = what === 'dev' ? aner.length : Math.floor((aner.length * (f + 1)) / folds);
        const train = aner.slice(0, a).concat(aner.slice(b));
        const held = aner.slice(a, b);
        let model = trainModel(fx, train, labels, o);
        const auto = opt(argv, 'autogaz', 0);
        if (auto > 0) {
          const extra = await autoGazetteer(model, auto);
          fx = makeExtractor(clusters, gaz.concat(extra));
          model = trainModel(fx, train, labels, o);
        }
        if (process.env.NER_SWEEP) {
          for (const b of process.env.NER_SWEEP.split(',').map(Number)) {
            model.pass1.oBias = b;
            if (model.pass2) model.pass2.oBias = b;
            const sc = score(
              held.map((s) => s.tags),
              predict(model, held, o.block),
            );
            log(
              `oBias ${b}: P=${sc.micro.precision.toFixed(4)} R=${sc.micro.recall.toFixed(4)} F1=${sc.micro.f1.toFixed(4)}`,
            );
          }
          model.pass1.oBias = 0;
          if (model.pass2) model.pass2.oBias = 0;
        }
        model.pass1.oBias = opt(argv, 'obias', -20);
        if (model.pass2) model.pass2.oBias = model.pass1.oBias;
        const p = predict(model, held, o.block);
        gold.push(...held.map((s) => s.tags));
        heldAll.push(...held);
        pred.push(...p);
        const sc = score(
          held.map((s) => s.tags),
          p,
        );
        log(`fold ${f + 1}/${folds}: sentences ${a}..${b - 1}: micro F1=${sc.micro.f1.toFixed(4)}`);
      }
      const sc = score(gold, pred);
      if (process.env.NER_DUMP) {
        const lines: string[] = [];
        heldAll.forEach((s, i) => {
          s.tokens.forEach((w, j) => lines.push(`${w} ${gold[i][j]} ${pred[i][j]}`));
          lines.push('');
        });
        writeFileSync(process.env.NER_DUMP, lines.join('\n'));
      }
      for (const t of [...sc.types, sc.micro])
        log(
          `${what} ${t.type.padEnd(6)} P=${t.precision.toFixed(4)} R=${t.recall.toFixed(4)} F1=${t.f1.toFixed(4)} (tp ${t.tp} fp ${t.fp} fn ${t.fn})`,
        );
    } else {
      const started = Date.now();
      let model = trainModel(fx, aner, labels, o);
      const auto = opt(argv, 'autogaz', 0);
      if (auto > 0) {
        const extra = await autoGazetteer(model, auto);
        gaz.push(...extra);
        fx = makeExtractor(clusters, gaz);
        model = trainModel(fx, aner, labels, o);
      }
      log(`tagger trained in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      // place subtypes from NewsFANE
      const tagsets = loadTagSets();
      const nf = readConll(join(sharedDir, 'data', 'newsfane', 'NewsFANE_train_no_ANERcorp_test.txt')).map(
        glueClitics,
      );
      const classes = ['GPE', 'LOC', 'FAC'];
      const spans: SpanExample[] = [];
      for (const s of nf) {
        const tags = mapTags(s.tags, tagsets.newsfane);
        for (const c of chunks(tags)) {
          const cls = classes.indexOf(c.type);
          if (cls >= 0) spans.push({ words: s.tokens, start: c.start, end: c.end, cls });
        }
      }
      const cut = Math.floor(spans.length * 0.9);
      const heldOut = spans.slice(cut);
      const probe = new SubtypeClassifier(trainSubtype(fx, classes, spans.slice(0, cut), 10));
      let right = 0;
      for (const e of heldOut) if (probe.classify(fx, e.words, e.start, e.end) === classes[e.cls]) right++;
      const subtypeAccuracy = right / heldOut.length;
      const majority = heldOut.filter((e) => e.cls === 0).length / heldOut.length;
      log(
        `subtype: ${spans.length} NewsFANE place spans; held-out accuracy ${subtypeAccuracy.toFixed(4)} (all-GPE ${majority.toFixed(4)})`,
      );
      const subtype = trainSubtype(fx, classes, spans, 10);
      const header: ModelHeader = {
        schema: MODEL_SCHEMA,
        created: new Date().toISOString().slice(0, 10),
        labels,
        bucketBits: o.bits,
        features: FEATURES,
        block: o.block,
        passes: model.pass2 ? 2 : 1,
        shared: model.shared,
        oBias: opt(argv, 'obias', -20),
        gazetteer: gaz,
        subtype,
        training: {
          anercorpSentences: aner.length,
          newsfaneExtraSentences: o.extra.length,
          epochs: o.epochs,
          jackknife: o.jackknife,
          seeds: o.seeds,
          oBias: opt(argv, 'obias', -20),
          subtypeSpans: spans.length,
          subtypeHeldOutAccuracy: Math.round(subtypeAccuracy * 10000) / 10000,
        },
      };
      const outIdx = argv.indexOf('--out');
      const outDir = outIdx >= 0 ? argv[outIdx + 1] : join(modelsDir, 'ner');
      const bytes = saveModel(
        outDir,
        header,
        [model.pass1, model.pass2].filter((t): t is Tagger => t !== null).map((t) => t.p),
      );
      log(`wrote ${join(outDir, MODEL_FILE)} (${(bytes / 1e6).toFixed(2)} MB)`);
    }
  }
}

interface TrainOptions {
  epochs: number;
  bits: number;
  twoPass: boolean;
  jackknife: number;
  block: number;
  /** extra training sentences (first pass only sees them; no document context) */
  extra: Sentence[];
  shared: boolean;
  seeds: number;
}

/**
 * Self-training gazetteer: tag `articles` SaudiNewsNet articles with a first model and keep the
 * entity strings it finds often (≥ 3 times) with one dominant class (≥ 80%), as extra gazetteer
 * classes (bits 8 PERS, 16 LOC, 32 ORG, 64 MISC).
 */
async function autoGazetteer(model: NerModel, articles: number): Promise<[string, number][]> {
  const counts = new Map<string, Int32Array>();
  const types = TYPES;
  let docs = 0;
  await readArticles(
    join(sharedDir, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz'),
    (text) => {
      docs++;
      const tokens = tokenise(text);
      const sents = splitSentences(text, tokens);
      const block: string[][] = [];
      let t = 0;
      for (const s of sents) {
        const w: string[] = [];
        while (t < tokens.count && tokens.start[t] < s.end) {
          if (tokens.start[t] >= s.start) w.push(text.slice(tokens.start[t], tokens.end[t]));
          t++;
        }
        if (w.length) block.push(w);
      }
      const tagged = tagBlock(model, block);
      for (let s = 0; s < block.length; s++) {
        const tags = [...tagged[s].labels].map((y) => model.labels[y]);
        for (const c of chunks(tags)) {
          const key = normaliseWord(block[s].slice(c.start, c.end).join(' '));
          let v = counts.get(key);
          if (!v) counts.set(key, (v = new Int32Array(types.length)));
          v[types.indexOf(c.type)]++;
        }
      }
    },
    articles,
  );
  const out: [string, number][] = [];
  for (const [k, v] of counts) {
    let total = 0;
    let best = 0;
    for (let i = 0; i < v.length; i++) {
      total += v[i];
      if (v[i] > v[best]) best = i;
    }
    if (total >= 3 && v[best] >= 0.8 * total) out.push([k, 8 << best]);
  }
  out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  log(`auto gazetteer: ${out.length} entries from ${docs} texts`);
  return out;
}

function blocks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function examples(
  fx: FeatureExtractor,
  sents: Sentence[],
  labels: string[],
  extras: Int32Array[] | null,
): TrainExample[] {
  const identity = Object.fromEntries(TYPES.map((t) => [t, t]));
  return featurise(fx, sents, labels, identity, extras);
}

function trainModel(fx: FeatureExtractor, sents: Sentence[], labels: string[], o: TrainOptions): NerModel {
  const p1 = trainPerceptron(
    labels,
    o.bits,
    examples(fx, sents.concat(o.extra), labels, null),
    o.epochs,
    () => {},
  );
  const model: NerModel = { fx, labels, pass1: new Tagger(p1), pass2: null, shared: false };
  if (!o.twoPass) return model;
  // first-pass predictions on the training data by jackknifing, so the second pass learns how
  // much to trust evidence of the quality it will see at run time
  const preds: Int32Array[] = new Array(sents.length);
  const k = o.jackknife;
  for (let f = 0; f < k; f++) {
    const a = Math.floor((sents.length * f) / k);
    const b = Math.floor((sents.length * (f + 1)) / k);
    const tr = sents.slice(0, a).concat(sents.slice(b), o.extra);
    const pk = trainPerceptron(labels, o.bits, examples(fx, tr, labels, null), o.epochs, () => {});
    const m: NerModel = { fx, labels, pass1: new Tagger(pk), pass2: null, shared: false };
    for (let i = a; i < b; i++) preds[i] = tagBlock(m, [sents[i].tokens])[0].labels;
  }
  const extras: Int32Array[] = [];
  for (let i = 0; i < sents.length; i += o.block) {
    const bl = sents.slice(i, i + o.block);
    extras.push(
      ...evidence(
        fx,
        labels,
        bl.map((s) => s.tokens),
        preds.slice(i, i + o.block),
      ),
    );
  }
  const ex2 = examples(fx, sents, labels, extras);
  if (o.shared) {
    // one tagger for both passes: every sentence once without and once with document evidence
    const both = examples(fx, sents.concat(o.extra), labels, null).concat(ex2);
    // --seeds k: average k perceptrons trained on different shuffles
    const runs: TaggerParams[] = [];
    for (let seed = 1; seed <= o.seeds; seed++)
      runs.push(trainPerceptron(labels, o.bits, both, o.epochs, () => {}, seed));
    for (let r = 1; r < runs.length; r++) {
      for (let i = 0; i < runs[0].weights.length; i++) runs[0].weights[i] += runs[r].weights[i];
      for (let i = 0; i < runs[0].trans.length; i++) runs[0].trans[i] += runs[r].trans[i];
    }
    for (let i = 0; i < runs[0].weights.length; i++) runs[0].weights[i] /= runs.length;
    for (let i = 0; i < runs[0].trans.length; i++) runs[0].trans[i] /= runs.length;
    return { fx, labels, pass1: new Tagger(runs[0]), pass2: null, shared: true };
  }
  if (o.extra.length) {
    // extra sentences get their own jackknife-free evidence: they come without documents, so "no other occurrence"
    const none = o.extra.map((s) => new Int32Array(s.tokens.length).fill(1));
    ex2.push(...examples(fx, o.extra, labels, none));
  }
  const p2 = trainPerceptron(labels, o.bits, ex2, o.epochs, () => {});
  model.pass2 = new Tagger(p2);
  return model;
}

function predict(model: NerModel, sents: Sentence[], block: number): string[][] {
  const out: string[][] = [];
  for (const bl of blocks(sents, block)) {
    const tagged = tagBlock(
      model,
      bl.map((s) => s.tokens),
    );
    for (const t of tagged) out.push([...t.labels].map((y) => model.labels[y]));
  }
  return out;
}

await main(process.argv.slice(2));
