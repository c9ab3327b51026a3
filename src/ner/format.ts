// The shipped model file (models/ner/tagger.bin.gz): gzip of
//   [u32 LE header length][header JSON (utf-8)][pass 1 weights][pass 2 weights]
// where each weight block is the sparse, int16-quantised emission table followed by the
// float32 transition table:
//   u32 nonzero count · u32 transition count · f32 scale · varint index deltas · i16 values · f32 transitions
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readClusters } from './clusters.js';
import { FEATURES, FeatureExtractor } from './features.js';
import type { NerModel } from './model.js';
import { Tagger, type TaggerParams } from './tagger.js';
import type { SubtypeParams } from './subtype.js';

export const MODEL_SCHEMA = 'marsad/ner-model@1';
export const MODEL_FILE = 'tagger.bin.gz';
export const CLUSTERS_FILE = 'clusters.txt.gz';

export interface ModelHeader {
  schema: string;
  created: string;
  labels: string[];
  bucketBits: number;
  features: number;
  /** sentences per evidence block when tagging a corpus without document boundaries */
  block: number;
  passes: number;
  /** one tagger for both passes (document features re-scored in pass 2) */
  shared: boolean;
  /** added to the O label's score when decoding (chosen on the dev split; negative favours recall) */
  oBias: number;
  /** normalised gazetteer phrases with class bits (1 PER, 2 LOC, 4 ORG) */
  gazetteer: [string, number][];
  /** LOC span → GPE / LOC / FAC classifier */
  subtype: SubtypeParams | null;
  training: Record<string, unknown>;
}

export interface LoadedModel extends NerModel {
  header: ModelHeader;
}

function writeBlock(p: TaggerParams, parts: Buffer[]): void {
  const w = p.weights;
  let max = 0;
  let nnz = 0;
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]);
    if (a > max) max = a;
  }
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) {
    q[i] = Math.round(w[i] / scale);
    if (q[i] !== 0) nnz++;
  }
  const head = Buffer.alloc(12);
  head.writeUInt32LE(nnz, 0);
  head.writeUInt32LE(p.trans.length, 4);
  head.writeFloatLE(scale, 8);
  const idx = Buffer.alloc(nnz * 5);
  let o = 0;
  let prev = -1;
  const vals = new Int16Array(nnz);
  let k = 0;
  for (let i = 0; i < q.length; i++) {
    if (q[i] === 0) continue;
    let d = i - prev - 1;
    prev = i;
    while (d >= 0x80) {
      idx[o++] = (d & 0x7f) | 0x80;
      d >>>= 7;
    }
    idx[o++] = d;
    vals[k++] = q[i];
  }
  parts.push(
    head,
    idx.subarray(0, o),
    Buffer.from(vals.buffer),
    Buffer.from(new Float32Array(p.trans).buffer),
  );
}

/** Varint-coded index deltas starting at `o` into absolute indices; returns the end offset. */
function decodeIndices(u8: Uint8Array, o: number, index: Int32Array): number {
  let pos = -1;
  const nnz = index.length;
  for (let k = 0; k < nnz; k++) {
    let b = u8[o++];
    let d = b & 0x7f;
    let shift = 7;
    while (b & 0x80) {
      b = u8[o++];
      d |= (b & 0x7f) << shift;
      shift += 7;
    }
    pos += d + 1;
    index[k] = pos;
  }
  return o;
}

function readBlock(buf: Buffer, at: number, labels: string[], bucketBits: number): [TaggerParams, number] {
  const nnz = buf.readUInt32LE(at);
  const ntrans = buf.readUInt32LE(at + 4);
  const scale = buf.readFloatLE(at + 8);
  let o = at + 12;
  const size = (1 << bucketBits) * labels.length;
  const weights = new Int16Array(size);
  const index = new Int32Array(nnz);
  o = decodeIndices(new Uint8Array(buf.buffer, buf.byteOffset, buf.length), o, index);
  const vals = new Int16Array(new Uint8Array(buf.subarray(o, o + 2 * nnz)).buffer);
  if (nnz > 0 && index[nnz - 1] >= size) throw new Error('weight index out of range');
  for (let k = 0; k < nnz; k++) weights[index[k]] = vals[k];
  o += 2 * nnz;
  const trans = new Float32Array(ntrans);
  for (let k = 0; k < ntrans; k++) trans[k] = buf.readFloatLE(o + 4 * k);
  o += 4 * ntrans;
  return [{ labels, bucketBits, weights, trans, scale }, o];
}

export function saveModel(dir: string, header: ModelHeader, passes: TaggerParams[]): number {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  const parts: Buffer[] = [len, json];
  for (const p of passes) writeBlock(p, parts);
  const gz = gzipSync(Buffer.concat(parts), { level: 9 });
  writeFileSync(join(dir, MODEL_FILE), gz);
  return gz.length;
}

/** Build the feature extractor a model was trained with (clusters + its gazetteer). */
export function extractorFor(gazetteer: [string, number][], clustersPath: string): FeatureExtractor {
  const clusters = readClusters(clustersPath);
  const tmp = new FeatureExtractor(clusters, { phrases: new Map(), maxLen: 1 });
  return new FeatureExtractor(
    clusters,
    FeatureExtractor.buildGazetteer(gazetteer, (w) => tmp.stem(w)),
  );
}

export function loadModel(dir: string): LoadedModel {
  const path = join(dir, MODEL_FILE);
  let buf: Buffer;
  try {
    buf = gunzipSync(readFileSync(path));
  } catch (e) {
    throw new Error(`NER model ${path}: ${(e as Error).message} (run npm run train:ner)`);
  }
  const hlen = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + hlen).toString('utf8')) as ModelHeader;
  if (header.schema !== MODEL_SCHEMA)
    throw new Error(
      `NER model ${path}: expected schema "${MODEL_SCHEMA}", found ${JSON.stringify(header.schema)}`,
    );
  if (header.features !== FEATURES)
    throw new Error(
      `NER model ${path}: trained with ${header.features} features per token, this code extracts ${FEATURES}; retrain it`,
    );
  let at = 4 + hlen;
  const taggers: Tagger[] = [];
  for (let p = 0; p < header.passes; p++) {
    const [params, next] = readBlock(buf, at, header.labels, header.bucketBits);
    const t = new Tagger(params);
    t.oBias = header.oBias ?? 0;
    taggers.push(t);
    at = next;
  }
  const fx = extractorFor(header.gazetteer, join(dir, CLUSTERS_FILE));
  // one tagger for both passes: cache per-word template scores against its weights
  if (header.shared === true && taggers[0].p.weights instanceof Int16Array)
    fx.freeze(taggers[0].p.weights, taggers[0].L, header.bucketBits);
  return {
    header,
    fx,
    labels: header.labels,
    pass1: taggers[0],
    pass2: taggers[1] ?? null,
    shared: header.shared === true,
  };
}
