// Creating a Doc and serialising it to the marsad/1 output contract.
import { createHash } from 'node:crypto';
import type { Doc, DocMeta, Entity, Event, Quote, Span, TextSpan, TimeExpr } from './types.js';

export const SCHEMA = 'marsad/1';

export function docId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function createDoc(text: string, meta: Partial<DocMeta> = {}): Doc {
  return {
    id: docId(text),
    text,
    meta: {
      title: meta.title ?? null,
      date: meta.date ?? null,
      source: meta.source ?? null,
      url: meta.url ?? null,
    },
    language: 'ar',
    titleInText: false,
    tokens: { count: 0, start: new Int32Array(0), end: new Int32Array(0), kind: new Uint8Array(0) },
    paragraphs: [],
    sentences: [],
    dateline: null,
    mentions: [],
    entities: [],
    numbers: [],
    times: [],
    quotes: [],
    events: [],
  };
}

export interface MarsadJson {
  schema: typeof SCHEMA;
  doc: {
    id: string;
    title: string | null;
    text: string;
    date: string | null;
    source: string | null;
    url: string | null;
    language: string;
    dateline: { start: number; end: number; text: string; entity: string | null } | null;
  };
  sentences: Span[];
  entities: Entity[];
  times: TimeExpr[];
  quotes: Quote[];
  events: Event[];
}

/** The marsad/1 JSON object for a document (see shared/design/output-schema.md). */
export function toMarsadJson(doc: Doc): MarsadJson {
  const d = doc.dateline;
  return {
    schema: SCHEMA,
    doc: {
      id: doc.id,
      title: doc.meta.title,
      text: doc.text,
      date: doc.meta.date,
      source: doc.meta.source,
      url: doc.meta.url,
      language: doc.language,
      dateline: d ? { start: d.start, end: d.end, text: d.text, entity: d.entity } : null,
    },
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: doc.entities,
    times: doc.times,
    quotes: doc.quotes,
    events: doc.events,
  };
}

/** Every span in a marsad/1 object that carries text, with a path for error messages. */
export function* textSpans(json: MarsadJson): Generator<[string, TextSpan]> {
  if (json.doc.dateline) yield ['doc.dateline', json.doc.dateline];
  for (const e of json.entities)
    for (const [i, m] of e.mentions.entries()) yield [`entities.${e.id}.mentions.${i}`, m];
  for (const t of json.times) yield [`times.${t.id}`, t];
  for (const q of json.quotes) {
    yield [`quotes.${q.id}`, q];
    if (q.speakerText) yield [`quotes.${q.id}.speakerText`, q.speakerText];
    if (q.cue) yield [`quotes.${q.id}.cue`, q.cue];
  }
  for (const v of json.events) yield [`events.${v.id}.trigger`, v.trigger];
}
