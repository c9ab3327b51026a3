// One document through the pipeline into a PreparedDoc, or the reason it failed. Used by the
// worker threads and by in-process extraction (--workers 0).
import type { ExtractInput, Resources } from '../pipeline.js';
import { extract } from '../pipeline.js';
import { layersJson, prepareDocument } from '../store/prepare.js';
import type { PreparedDoc } from '../store/types.js';

export interface WorkItem {
  where: string;
  input: ExtractInput;
}

export type WorkResult = { prepared: PreparedDoc } | { error: string };

export function extractOne(item: WorkItem, res: Resources, pipelineVersion: string): WorkResult {
  try {
    const doc = extract(item.input, res);
    const prepared = prepareDocument(doc, {
      pipelineVersion,
      origin: {
        where: item.where,
        source: item.input.source ?? null,
        url: item.input.url ?? null,
        date: item.input.date ?? null,
      },
    });
    // Serialised here, in the worker thread, not by the single writer.
    prepared.layersJson = layersJson(prepared.json);
    return { prepared };
  } catch (e) {
    return { error: `extraction failed: ${(e as Error)?.message ?? String(e)}` };
  }
}
