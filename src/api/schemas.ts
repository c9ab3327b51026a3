// Request schemas for the HTTP API: one TypeBox definition per route gives the validator (ajv, via
// fastify), the TypeScript type of the handler's input and the OpenAPI document.
import { Type, type Static } from '@sinclair/typebox';

const day = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `${description} (YYYY-MM-DD, inclusive)` });
const root = Type.String({ pattern: '^(0[1-9]|1\\d|20)$', description: 'CAMEO event root, 01–20' });
const short = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });
const limit = (max: number, dflt: number) =>
  Type.Integer({ minimum: 1, maximum: max, default: dflt, description: `page size (1–${max})` });
const offset = Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: 'results to skip' });

export const DocId = Type.Object(
  { id: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'document id (sha256 hex of its text)' }) },
  { additionalProperties: false },
);

/** Filters on documents (search, timeline). */
const documentFilter = {
  from: Type.Optional(day('earliest publication date')),
  to: Type.Optional(day('latest publication date')),
  source: Type.Optional(short('news source')),
  actor: Type.Optional(short('actor id, CAMEO-style code or name')),
  root: Type.Optional(root),
  place: Type.Optional(short('place name, id or country code')),
};

export const SearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: 500, default: '', description: 'query words (Arabic-aware matching)' }),
    ...documentFilter,
    limit: limit(100, 20),
    offset,
    facets: Type.Boolean({ default: true, description: 'compute facets over all matches' }),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const ActorsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'name prefix, code or id' })),
    limit: limit(500, 50),
  },
  { additionalProperties: false },
);
export type ActorsQuery = Static<typeof ActorsQuery>;

export const ActorKey = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 200, description: 'actor key, id or code' }) },
  { additionalProperties: false },
);

const eventFilter = {
  from: Type.Optional(day('earliest event day')),
  to: Type.Optional(day('latest event day')),
  root: Type.Optional(root),
  cameo: Type.Optional(Type.String({ pattern: '^\\d{2,4}$', description: 'full CAMEO code (2–4 digits)' })),
  actor: Type.Optional(short('source or target actor: id, code or name')),
  source: Type.Optional(short('news source')),
  doc: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'document id' })),
  minConfidence: Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'only events with at least this confidence (0–1); 0.7 trades recall for precision',
    }),
  ),
};

export const EventsQuery = Type.Object(
  {
    ...eventFilter,
    limit: limit(10_000, 100),
    offset,
    format: Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('jsonl')], {
      default: 'json',
      description: 'json (an object with the page), csv or jsonl (a download)',
    }),
  },
  { additionalProperties: false },
);
export type EventsQuery = Static<typeof EventsQuery>;

export const GraphQuery = Type.Object(
  { ...eventFilter, limit: limit(100_000, 5000) },
  { additionalProperties: false },
);
export type GraphQuery = Static<typeof GraphQuery>;

export const EventTimelineQuery = Type.Object(eventFilter, { additionalProperties: false });
export type EventTimelineQuery = Static<typeof EventTimelineQuery>;

export const TimelineQuery = Type.Object(documentFilter, { additionalProperties: false });
export type TimelineQuery = Static<typeof TimelineQuery>;

const docFields = {
  text: Type.String({ minLength: 1, description: 'the article text (first line = title when titleInText)' }),
  title: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  date: Type.Optional(Type.Union([day('publication date'), Type.Null()])),
  source: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  url: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  titleInText: Type.Optional(Type.Boolean({ description: 'the first line of text is the headline' })),
};

export const ExtractBody = Type.Object(docFields, { additionalProperties: false });
export type ExtractBody = Static<typeof ExtractBody>;

export const DocumentBody = Type.Object(docFields, { additionalProperties: false });
export type DocumentBody = Static<typeof DocumentBody>;

/** Every error the API returns: a message, and the parameter at fault when there is one. */
export const ErrorBody = Type.Object({
  error: Type.String(),
  parameter: Type.Optional(Type.String()),
  statusCode: Type.Integer(),
});
