// The extraction pipeline: an ordered list of stages, each a function from a Doc to the layers it
// adds. Stages never do I/O; each stage's resources are loaded once and shared read-only.

import { actorsStage } from './actors/stage.js';
import { createDoc } from './doc/doc.js';
import type { Doc, DocMeta } from './doc/types.js';
import { eventsStage } from './events/stage.js';
import { nerStage } from './ner/stage.js';
import { quotesStage } from './quotes/stage.js';
import type { Stage } from './stage.js';
import { textStage } from './text/stage.js';
import { timeStage } from './time/stage.js';

export type { Layers, Stage } from './stage.js';

/** The stages in order. Later stages read the layers earlier ones added. */
export const stages: Stage[] = [textStage, nerStage, actorsStage, timeStage, quotesStage, eventsStage];

/** Resources for every stage, loaded once (per process or worker thread). */
export interface Resources {
  byStage: Map<string, unknown>;
}

export function loadResources(): Resources {
  const byStage = new Map<string, unknown>();
  for (const s of stages) byStage.set(s.name, s.load ? s.load() : undefined);
  return { byStage };
}

export interface ExtractInput extends Partial<DocMeta> {
  text: string;
  /** True when the first line of `text` is the headline (plain-text articles). */
  titleInText?: boolean;
}

export function extract(input: ExtractInput, res: Resources): Doc {
  const doc = createDoc(input.text, input);
  doc.titleInText = input.titleInText ?? false;
  for (const stage of stages) Object.assign(doc, stage.run(doc, res.byStage.get(stage.name)));
  if (doc.titleInText && doc.meta.title === null && doc.paragraphs.length > 0) {
    doc.meta.title = doc.text.slice(doc.paragraphs[0].start, doc.paragraphs[0].end);
  }
  return doc;
}
