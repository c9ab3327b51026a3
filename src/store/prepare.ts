// Doc → PreparedDoc: everything the store needs, computed where the extraction ran (a worker
// thread), so the single writer only writes.
import { toMarsadJson, type MarsadJson } from '../doc/doc.js';
import type { Doc, TokenLayer } from '../doc/types.js';
import { signature } from '../ingest/minhash.js';
import { analyse } from '../search/analyse.js';
import type { Origin, PreparedDoc } from './types.js';

/** The layers as stored: the marsad/1 JSON with an empty text (the text has its own column). */
export function layersJson(json: MarsadJson): string {
  return JSON.stringify({ ...json, doc: { ...json.doc, text: '' } });
}

export function prepareJson(
  json: MarsadJson,
  opts: {
    titleInText?: boolean;
    pipelineVersion: string;
    origin?: Partial<Origin>;
    /** The text's tokens when already computed (the pipeline's), so it is not tokenised again. */
    tokens?: TokenLayer;
  },
): PreparedDoc {
  const text = json.doc.text;
  const { terms } = analyse(text, opts.tokens);
  // A title that is not part of the text is searchable too (it comes first, like a headline).
  const title = opts.titleInText || !json.doc.title ? [] : analyse(json.doc.title).terms;
  const all = title.length ? [...title, ...terms] : terms;
  return {
    json,
    titleInText: opts.titleInText ?? false,
    pipelineVersion: opts.pipelineVersion,
    origin: {
      where: opts.origin?.where ?? `doc:${json.doc.id}`,
      source: opts.origin?.source ?? json.doc.source,
      url: opts.origin?.url ?? json.doc.url,
      date: opts.origin?.date ?? json.doc.date,
    },
    terms: all,
    signature: signature(terms),
  };
}

export function prepareDocument(
  doc: Doc,
  opts: { pipelineVersion: string; origin?: Partial<Origin> },
): PreparedDoc {
  return prepareJson(toMarsadJson(doc), {
    ...opts,
    titleInText: doc.titleInText,
    tokens: doc.tokens.count > 0 || doc.text.length === 0 ? doc.tokens : undefined,
  });
}
