// The extraction pipeline: an ordered list of stages, each a function from a Doc to the layers it
// adds. Stages never do I/O; Resources (models, lexicons) are loaded once and shared read-only.

import { createDoc } from './doc/doc.js';
import type { Doc, DocMeta } from './doc/types.js';
import { loadAgencies, type AgencyIndex } from './text/agencies.js';
import { splitSentences } from './text/sentences.js';
import { findDateline, findParagraphs } from './text/structure.js';
import { tokenise } from './text/tokenise.js';

export interface Resources {
  agencies: AgencyIndex;
}

export function loadResources(): Resources {
  return { agencies: loadAgencies() };
}

export interface ExtractInput extends Partial<DocMeta> {
  text: string;
  /** True when the first line of `text` is the headline (plain-text articles). */
  titleInText?: boolean;
}

export type Layers = Partial<Omit<Doc, 'id' | 'text'>>;
export interface Stage {
  name: string;
  run: (doc: Doc, res: Resources) => Layers;
}

export const stages: Stage[] = [
  { name: 'tokens', run: (doc) => ({ tokens: tokenise(doc.text) }) },
  { name: 'sentences', run: (doc) => ({ sentences: splitSentences(doc.text, doc.tokens) }) },
  {
    name: 'dateline',
    run: (doc, res) => ({ dateline: findDateline(doc.text, doc.tokens, doc.paragraphs, res.agencies) }),
  },
];

export function extract(input: ExtractInput, res: Resources): Doc {
  const doc = createDoc(input.text, input);
  doc.paragraphs = findParagraphs(doc.text, input.titleInText ?? false);
  if (input.titleInText && doc.meta.title === null && doc.paragraphs.length > 0) {
    const t = doc.paragraphs[0];
    doc.meta.title = doc.text.slice(t.start, t.end);
  }
  for (const stage of stages) Object.assign(doc, stage.run(doc, res));
  return doc;
}
