// The Store: where ingested documents live, in domain terms. SQLite (embedded, the default) and
// PostgreSQL (scale-out) implement it with the same behaviour and the same test suite; nothing
// outside src/store/ writes SQL.
import type { MarsadJson } from '../doc/doc.js';

/** Where one copy of a document came from (a file, file:line, a feed item, a URL). */
export interface Origin {
  where: string;
  source: string | null;
  url: string | null;
  date: string | null;
}

/**
 * A document ready to store: its marsad/1 JSON plus everything the store indexes, computed off
 * the writer's thread (worker threads) by `prepareDocument`.
 */
export interface PreparedDoc {
  json: MarsadJson;
  titleInText: boolean;
  pipelineVersion: string;
  origin: Origin;
  /** Analysed search terms, in text order (src/search/analyse). */
  terms: string[];
  /** MinHash signature (src/ingest/minhash), null for very short texts. */
  signature: Uint32Array | null;
  /**
   * The stored layers: `json` without the text, serialised (`layersJson`); the extraction
   * worker sets it so that the single writer does not serialise. Must match `json`: whoever
   * changes `json` after setting it drops it. Computed by the store when absent.
   */
  layersJson?: string;
}

export interface Failure {
  where: string;
  /** read (decoding, format), extract (pipeline error) or store */
  stage: string;
  reason: string;
}

export type PutStatus = 'new' | 'duplicate' | 'present';

export interface PutResult {
  id: string;
  where: string;
  /** new: first copy; duplicate: same text already stored, this copy recorded; present: this copy was already ingested */
  status: PutStatus;
  /** Story cluster: the id of the cluster's first document. */
  cluster: string;
}

/** A copy of a document already stored (same text): no extraction needed, only the origin. */
export interface Occurrence {
  id: string;
  origin: Origin;
}

export interface WriteBatch {
  docs: PreparedDoc[];
  occurrences?: Occurrence[];
  failures?: Failure[];
}

export interface SearchFilters {
  /** Inclusive YYYY-MM-DD bounds on the publication date. */
  from?: string;
  to?: string;
  source?: string;
  /** Actor id, CAMEO-style code, or name (Arabic or English). */
  actor?: string;
  /** CAMEO event root (01–20). */
  root?: string;
  /** Place name, id or country code. */
  place?: string;
}

export interface SearchOptions {
  limit?: number;
  offset?: number;
  /** Compute facets (default true). */
  facets?: boolean;
  /**
   * Actor and event-root facets are counted over at most this many best-ranked matches (default
   * FACET_SAMPLE = 1000; 0 = all matches, exact but slow for common words). Sources and days are
   * always counted over all matches.
   */
  facetSample?: number;
  /** Build highlighted snippets (default true). */
  snippets?: boolean;
}

export interface Snippet {
  /** UTF-16 offsets of the snippet in the document text. */
  start: number;
  end: number;
  text: string;
  /** Matched words, as offsets into the document text. */
  highlights: { start: number; end: number }[];
}

export interface SearchHit {
  id: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  cluster: string;
  /** bm25 (higher is better). */
  score: number;
  snippet: Snippet | null;
}

export interface Facets {
  actors: { key: string; name: string; count: number }[];
  roots: { root: string; count: number }[];
  sources: { source: string; count: number }[];
  days: { day: string; count: number }[];
  /**
   * Present when there were more matches than `facetSample`: actors and roots were counted over
   * this many best-ranked matches only (sources and days over all `total`).
   */
  sampled?: number;
}

/** Default `facetSample`. */
export const FACET_SAMPLE = 1000;

export interface SearchResult {
  query: string;
  /** Per query word, the index terms it matched (after normalisation, stemming and variants). */
  terms: string[][];
  /** Exact number of matches (counted in the same pass as the ranking; never an estimate). */
  total: number;
  results: SearchHit[];
  facets?: Facets;
}

export interface EventFilter {
  from?: string;
  to?: string;
  root?: string;
  cameo?: string;
  actor?: string;
  source?: string;
  doc?: string;
  /** Only events whose confidence is at least this (0–1); 0 or absent: all. */
  minConfidence?: number;
  limit?: number;
  offset?: number;
}

export interface EventActor {
  entity: string | null;
  code: string | null;
  name: string | null;
  actorId: string | null;
  country: string | null;
  /** First role code (GOV, MIL, …). */
  type: string | null;
}

export interface EventRecord {
  /** Store-wide event number. */
  globalId: number;
  doc: string;
  event: string;
  day: string | null;
  cameo: string;
  root: string;
  quadClass: number;
  goldstein: number;
  plover: string;
  modality: string;
  confidence: number;
  source: EventActor;
  target: EventActor;
  location: {
    entity: string;
    name: string;
    country: string | null;
    lat: number | null;
    lon: number | null;
  } | null;
  trigger: { start: number; end: number; text: string };
  url: string | null;
  docSource: string | null;
  /** Documents in the event's story cluster, and distinct sources among their copies. */
  numMentions: number;
  numSources: number;
  /** Distinct documents in the story cluster. */
  numArticles: number;
}

/** Events per day and quad class (1 verbal cooperation … 4 material conflict). */
export interface QuadPoint {
  day: string;
  /** Counts for quad classes 1, 2, 3 and 4. */
  quad: [number, number, number, number];
}

export interface QuoteFilter {
  /** Actor key of the speaker (as in ActorSummary.key). */
  speaker?: string;
  /** Document id. */
  doc?: string;
  limit?: number;
  offset?: number;
}

export interface QuoteRecord {
  doc: string;
  title: string | null;
  date: string | null;
  source: string | null;
  /** Quote id within its document. */
  quote: string;
  text: string;
  direct: boolean;
  /** UTF-16 offsets of the quote in the document text. */
  start: number;
  end: number;
  speaker: { entity: string | null; key: string | null; name: string | null };
}

export interface ActorFilter {
  /** Name prefix, code or id. */
  query?: string;
  limit?: number;
}

export interface ActorSummary {
  key: string;
  id: string | null;
  code: string | null;
  country: string | null;
  type: string;
  name: string;
  nameEn: string | null;
  documents: number;
  mentions: number;
}

export interface TimelinePoint {
  day: string;
  documents: number;
  events: number;
}

export interface Graph {
  nodes: { key: string; name: string; code: string | null; events: number }[];
  edges: { source: string; target: string; events: number; goldstein: number; roots: string[] }[];
}

export interface StoreStats {
  documents: number;
  /** Copies beyond the first of identical texts. */
  duplicates: number;
  clusters: number;
  /** Story clusters with more than one document. */
  multiDocClusters: number;
  failures: number;
  entities: number;
  actors: number;
  quotes: number;
  events: number;
  /** Documents per pipeline version. */
  versions: { version: string; documents: number }[];
}

export interface Cluster {
  id: string;
  size: number;
  sources: string[];
  documents: { id: string; title: string | null; date: string | null; source: string | null }[];
}

/** What reprocessing needs to re-extract a stored document. */
export interface StoredInput {
  id: string;
  text: string;
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
  titleInText: boolean;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Write documents, duplicate copies and failures in one transaction. */
  write(batch: WriteBatch): Promise<PutResult[]>;
  putDocument(doc: PreparedDoc): Promise<PutResult>;
  getDocument(id: string): Promise<MarsadJson | null>;
  /** Which of these (where, id) copies are already stored, as `${where}\u0000${id}`. */
  knownCopies(copies: { where: string; id: string }[]): Promise<Set<string>>;
  /** Which of these document ids are stored. */
  hasDocuments(ids: string[]): Promise<Set<string>>;
  failures(limit?: number): Promise<(Failure & { at: string })[]>;
  searchDocuments(query: string, filters?: SearchFilters, options?: SearchOptions): Promise<SearchResult>;
  events(filter?: EventFilter): Promise<EventRecord[]>;
  /** How many events pass the filter (limit and offset ignored). */
  countEvents(filter?: EventFilter): Promise<number>;
  /** Events per day and quad class, for the events passing the filter, in day order. */
  eventTimeline(filter?: EventFilter): Promise<QuadPoint[]>;
  /** Quotes, newest stored first; by speaker and/or document. */
  quotes(filter?: QuoteFilter): Promise<QuoteRecord[]>;
  actors(filter?: ActorFilter): Promise<ActorSummary[]>;
  timeline(filter?: SearchFilters): Promise<TimelinePoint[]>;
  graph(filter?: EventFilter): Promise<Graph>;
  clusters(options?: { minSize?: number; limit?: number }): Promise<Cluster[]>;
  /** The story cluster a stored document belongs to (size 1 when alone); null when not stored. */
  documentCluster(id: string): Promise<Cluster | null>;
  stats(): Promise<StoreStats>;
  /** Documents extracted by another pipeline version, in storage order after `after`. */
  staleDocuments(version: string, limit: number, after?: string): Promise<StoredInput[]>;
  /** Replace the extraction layers of stored documents (same text, new pipeline version). */
  replaceExtraction(docs: PreparedDoc[]): Promise<void>;
  close(): Promise<void>;
}
