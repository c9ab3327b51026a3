// Extraction worker thread: loads its own resources once, then turns batches of inputs into
// PreparedDocs (extraction + search analysis + MinHash) for the single writer.
import { parentPort, workerData } from 'node:worker_threads';
import { loadResources } from '../pipeline.js';
import { extractOne, type WorkItem } from './extract-one.js';

const { pipelineVersion } = workerData as { pipelineVersion: string };
const res = loadResources();

parentPort!.on('message', (msg: { id: number; items: WorkItem[] }) => {
  const results = msg.items.map((it) => extractOne(it, res, pipelineVersion));
  parentPort!.postMessage({ id: msg.id, results });
});
parentPort!.postMessage({ ready: true });
