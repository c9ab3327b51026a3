// A pipeline stage: a pure function from a Doc to the layers it adds. Resources (models,
// lexicons) are loaded once by `load` and passed back read-only on every call.
import type { Doc } from './doc/types.js';

export type Layers = Partial<Omit<Doc, 'id' | 'text' | 'meta' | 'titleInText'>>;

export interface Stage<R = unknown> {
  name: string;
  load?: () => R;
  run: (doc: Doc, res: R) => Layers;
}

/** Type-check a stage against its own resources, then erase them for the pipeline's list. */
export function defineStage<R>(stage: Stage<R>): Stage<unknown> {
  return stage as Stage<unknown>;
}
