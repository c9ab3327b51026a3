// The Store over SQL, shared by both back-ends: everything except the text index (FTS5 on SQLite,
// a postings table on PostgreSQL) is the same SQL on both. Ranking is bm25 with FTS5's constants
// and formula on both, so the two back-ends return the same results in the same order.
import type { MarsadJson } from '../doc/doc.js';
import type { Entity } from '../doc/types.js';
import { bands, NEAR_DUP_THRESHOLD, sigFromBytes, sigToBytes, similarity } from '../ingest/minhash.js';
import { expandTerms, parseQuery } from '../search/query.js';
import { makeSnippet } from '../search/snippet.js';
import { layersJson } from './prepare.js';
import { skeleton } from '../search/stem.js';
import { normaliseWord } from '../text/normalise.js';
import type { Col, Db } from './db.js';
import {
  type ActorFilter,
  type ActorSummary,
  type Cluster,
  type EventActor,
  type EventFilter,
  type EventRecord,
  type Facets,
  FACET_SAMPLE,
  type Failure,
  type Graph,
  type Origin,
  type PreparedDoc,
  type PutResult,
  type QuadPoint,
  type QuoteFilter,
  type QuoteRecord,
  type SearchFilters,
  type SearchOptions,
  type SearchResult,
  type Store,
  type StoredInput,
  type StoreStats,
  type TimelinePoint,
  type WriteBatch,
} from './types.js';

/** A piece of SQL with `?` placeholders and its parameters. */
export interface Sql {
  sql: string;
  params: unknown[];
}

/**
 * Search filter conditions on `doc_meta d`, and the inclusive seq range every document passing
 * them lies in (from a date filter; null: unbounded). The range is implied by the conditions:
 * back-ends use it only to narrow their index scans.
 */
export interface Filter extends Sql {
  seqs: [number, number] | null;
}

/** The key grouping an entity's mentions across documents into one actor. */
export function actorKey(e: Pick<Entity, 'type' | 'name' | 'actor'>): string {
  if (e.actor.id) return e.actor.id;
  if (e.actor.code) return `code:${e.actor.code}`;
  return `name:${e.type}:${normaliseWord(e.name.ar)}`;
}

const now = () => new Date().toISOString();

const ENTITY_COLS: Col[] = [
  ['doc', 'int8'],
  ['eid', 'text'],
  ['type', 'text'],
  ['name_ar', 'text'],
  ['name_norm', 'text'],
  ['name_en', 'text'],
  ['actor_key', 'text'],
  ['actor_id', 'text'],
  ['actor_code', 'text'],
  ['country', 'text'],
  ['sector', 'text'],
  ['lat', 'float8'],
  ['lon', 'float8'],
  ['n_mentions', 'int8'],
];
const MENTION_COLS: Col[] = [
  ['doc', 'int8'],
  ['eid', 'text'],
  ['start_', 'int8'],
  ['end_', 'int8'],
];
const QUOTE_COLS: Col[] = [
  ['doc', 'int8'],
  ['qid', 'text'],
  ['start_', 'int8'],
  ['end_', 'int8'],
  ['direct', 'int8'],
  ['speaker_eid', 'text'],
  ['speaker_key', 'text'],
  ['text', 'text'],
];
const TIME_COLS: Col[] = [
  ['doc', 'int8'],
  ['tid', 'text'],
  ['start_', 'int8'],
  ['end_', 'int8'],
  ['value', 'text'],
  ['mod', 'text'],
  ['relative', 'int8'],
];
const EVENT_COLS: Col[] = [
  ['doc', 'int8'],
  ['vid', 'text'],
  ['cameo', 'text'],
  ['root', 'text'],
  ['quad_class', 'int8'],
  ['goldstein', 'float8'],
  ['plover', 'text'],
  ['modality', 'text'],
  ['confidence', 'float8'],
  ['src_eid', 'text'],
  ['src_code', 'text'],
  ['src_key', 'text'],
  ['tgt_eid', 'text'],
  ['tgt_code', 'text'],
  ['tgt_key', 'text'],
  ['location_eid', 'text'],
  ['time_value', 'text'],
  ['day', 'text'],
  ['trigger_start', 'int8'],
  ['trigger_end', 'int8'],
  ['trigger_text', 'text'],
  ['sentence', 'int8'],
];

const META_COLS: Col[] = [
  ['seq', 'int8'],
  ['id', 'text'],
  ['date', 'text'],
  ['source', 'text'],
  ['n_terms', 'int8'],
];
const LSH_COLS: Col[] = [
  ['band', 'int8'],
  ['bucket', 'int8'],
  ['doc', 'int8'],
];

/** Rows a write batch gathers per table, written once at the end of the batch. */
class Pending {
  readonly tables = new Map<string, { cols: readonly Col[]; rows: unknown[][]; conflict: string }>();
  readonly terms: { seq: number; terms: string[] }[] = [];
  /** Index terms not yet in the vocabulary. */
  readonly stems = new Set<string>();
  /** Per publication day, the smallest and largest seq stored. */
  readonly days = new Map<string, [number, number]>();

  add(table: string, cols: readonly Col[], rows: unknown[][], conflict = ''): void {
    let t = this.tables.get(table);
    if (!t) this.tables.set(table, (t = { cols, rows: [], conflict }));
    for (const r of rows) t.rows.push(r);
  }

  day(date: string, seq: number): void {
    const r = this.days.get(date);
    if (!r) this.days.set(date, [seq, seq]);
    else {
      if (seq < r[0]) r[0] = seq;
      if (seq > r[1]) r[1] = seq;
    }
  }
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** AND-ed SQL conditions and their parameters, each added only when its filter value is given. */
class Where {
  readonly conds: string[] = [];
  readonly params: unknown[] = [];

  /** Add `cond` when `value` is set (not undefined, null or ''); its parameters default to `[value]`. */
  when<V>(value: V | undefined | null, cond: string, params: (v: V) => unknown[] = (v) => [v]): this {
    if (value === undefined || value === null || value === '') return this;
    this.conds.push(cond);
    this.params.push(...params(value));
    return this;
  }

  /** The conditions ANDed (`1=1` when there are none: callers test for it). */
  sql(): Sql {
    return { sql: this.conds.length ? this.conds.join(' AND ') : '1=1', params: this.params };
  }
}

/** Two-digit CAMEO root from user input ('7', '07', '072' → '07'). */
function rootOf(s: string): string {
  const d = s.trim();
  return d.length === 1 ? `0${d}` : d.slice(0, 2);
}

export abstract class SqlStore implements Store {
  abstract readonly kind: 'sqlite' | 'postgres';
  private stems: Set<string> | null = null;

  constructor(protected readonly db: Db) {}

  // --- back-end hooks -------------------------------------------------------------------------

  /**
   * The best `k` matches of an unfiltered query in (rounded score, id) order, and the number of
   * matches, when the back-end can rank them without joining documents; null to take the general
   * path (also when the answer would not be exact).
   */
  protected async topMatches(
    _groups: string[][],
    _exclude: string[],
    _k: number,
  ): Promise<{ rows: { seq: number; score: number }[]; total: number } | null> {
    return null;
  }

  /** SQL for the smaller / larger of two values. */
  protected abstract least(a: string, b: string): string;
  protected abstract greatest(a: string, b: string): string;
  /** Index the analysed terms of newly stored documents (one write batch). */
  protected abstract indexTerms(docs: { seq: number; terms: string[] }[]): Promise<void>;
  /**
   * Rows (seq, id, date, score) of documents matching every group and no excluded term and
   * passing `filter` (conditions on `doc_meta d`); score is bm25 negated (ascending is best),
   * rounded to 6 decimals so that both back-ends order alike (ties broken by id).
   */
  protected abstract rankedSql(groups: string[][], exclude: string[], filter: Filter): Sql;
  /** Rows (seq, date, source) of the same documents, unranked (for facets). */
  protected abstract matchedSql(groups: string[][], exclude: string[], filter: Filter): Sql;

  // --- writing --------------------------------------------------------------------------------

  async write(batch: WriteBatch): Promise<PutResult[]> {
    const known = await this.knownStems();
    const added: string[] = [];
    const results = await this.db.tx(async () => {
      const out: PutResult[] = [];
      for (const f of batch.failures ?? []) await this.recordFailure(f, batch.docs[0]?.pipelineVersion);
      const pending = new Pending();
      for (const d of batch.docs) out.push(await this.putOne(d, known, pending));
      await this.flush(pending);
      added.push(...pending.stems);
      for (const o of batch.occurrences ?? []) out.push(await this.addCopy(o.id, o.origin));
      return out;
    });
    for (const s of added) known.add(s);
    return results;
  }

  async putDocument(doc: PreparedDoc): Promise<PutResult> {
    return (await this.write({ docs: [doc] }))[0];
  }

  private async recordFailure(f: Failure, version: string | undefined): Promise<void> {
    await this.db.run(
      `INSERT INTO failures (where_, stage, reason, pipeline_version, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (where_) DO UPDATE SET stage = excluded.stage, reason = excluded.reason,
         pipeline_version = excluded.pipeline_version, at = excluded.at`,
      [f.where, f.stage, f.reason, version ?? '', now()],
    );
  }

  private async knownStems(): Promise<Set<string>> {
    if (!this.stems) {
      const rows = await this.db.all<{ stem: string }>('SELECT stem FROM vocab');
      this.stems = new Set(rows.map((r) => r.stem));
    }
    return this.stems;
  }

  /**
   * Write what a batch's documents gathered: per-document rows of the layers, the search index,
   * new vocabulary and day ranges, one multi-row insert per table (one round trip per table on
   * PostgreSQL instead of one per document and table).
   */
  private async flush(p: Pending): Promise<void> {
    for (const [table, t] of p.tables) await this.db.insertMany(table, t.cols, t.rows, t.conflict);
    if (p.terms.length > 0) await this.indexTerms(p.terms);
    if (p.stems.size > 0)
      await this.db.insertMany(
        'vocab',
        [
          ['stem', 'text'],
          ['skel', 'text'],
        ],
        [...p.stems].map((st) => [st, skeleton(st)]),
        'ON CONFLICT DO NOTHING',
      );
    for (const [date, [lo, hi]] of p.days)
      await this.db.run(
        `INSERT INTO day_range (date, min_seq, max_seq) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE
         SET min_seq = ${this.least('day_range.min_seq', 'excluded.min_seq')},
             max_seq = ${this.greatest('day_range.max_seq', 'excluded.max_seq')}`,
        [date, lo, hi],
      );
  }

  private async putOne(d: PreparedDoc, known: Set<string>, p: Pending): Promise<PutResult> {
    const j = d.json;
    const id = j.doc.id;
    const where = d.origin.where;
    const copy = await this.db.all<{ cluster_id: string }>(
      `SELECT d.cluster_id FROM occurrences o JOIN documents d ON d.id = o.doc_id
       WHERE o.where_ = ? AND o.doc_id = ?`,
      [where, id],
    );
    if (copy.length > 0) return { id, where, status: 'present', cluster: copy[0].cluster_id };
    const exists = await this.db.all('SELECT 1 FROM documents WHERE id = ?', [id]);
    if (exists.length > 0) return this.addCopy(id, d.origin);

    const bandKeys = d.signature ? bands(d.signature) : [];
    const cluster = d.signature ? await this.nearestCluster(d.signature, bandKeys) : null;
    const text = j.doc.text;
    const layers = d.layersJson ?? layersJson(j);
    const ins = await this.db.all<{ seq: number }>(
      `INSERT INTO documents (id, title, date, source, url, title_in_text, pipeline_version, cluster_id,
         n_terms, n_entities, n_quotes, n_events, signature, text, layers, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING RETURNING seq`,
      [
        id,
        j.doc.title,
        j.doc.date,
        j.doc.source,
        j.doc.url,
        d.titleInText ? 1 : 0,
        d.pipelineVersion,
        cluster ?? id,
        d.terms.length,
        j.entities.length,
        j.quotes.length,
        j.events.length,
        d.signature ? sigToBytes(d.signature) : null,
        text,
        layers,
        now(),
      ],
    );
    // Another writer stored the same text between our check and our insert (PostgreSQL).
    if (ins.length === 0) return this.addCopy(id, d.origin);
    const seq = Number(ins[0].seq);
    p.add('doc_meta', META_COLS, [[seq, id, j.doc.date, j.doc.source, d.terms.length]]);
    if (j.doc.date !== null) p.day(j.doc.date, seq);
    this.insertLayers(seq, j, p);
    p.terms.push({ seq, terms: d.terms });
    // LSH rows go in at once: the next document of the same batch may be a near-duplicate of this one.
    if (bandKeys.length > 0)
      await this.db.insertMany(
        'lsh',
        LSH_COLS,
        bandKeys.map((b, i) => [i, b, seq]),
        'ON CONFLICT DO NOTHING',
      );
    for (const t of d.terms) if (!known.has(t)) p.stems.add(t);
    await this.insertOccurrence(id, d.origin);
    return { id, where, status: 'new', cluster: cluster ?? id };
  }

  private async insertOccurrence(id: string, o: Origin): Promise<number> {
    await this.db.run('DELETE FROM failures WHERE where_ = ?', [o.where]);
    return this.db.run(
      `INSERT INTO occurrences (where_, doc_id, source, url, date, ingested_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      [o.where, id, o.source, o.url, o.date, now()],
    );
  }

  private async addCopy(id: string, origin: Origin): Promise<PutResult> {
    const rows = await this.db.all<{ cluster_id: string }>('SELECT cluster_id FROM documents WHERE id = ?', [
      id,
    ]);
    if (rows.length === 0) throw new Error(`store: document ${id} is not stored; cannot record a copy of it`);
    const changed = await this.insertOccurrence(id, origin);
    return {
      id,
      where: origin.where,
      status: changed > 0 ? 'duplicate' : 'present',
      cluster: rows[0].cluster_id,
    };
  }

  /** The story cluster of the most similar stored document above the threshold, if any. */
  private async nearestCluster(sig: Uint32Array, bandKeys: number[]): Promise<string | null> {
    const cond = bandKeys.map(() => '(band = ? AND bucket = ?)').join(' OR ');
    const params: unknown[] = [];
    bandKeys.forEach((b, i) => params.push(i, b));
    const rows = await this.db.all<{ id: string; cluster_id: string; signature: Uint8Array }>(
      `SELECT d.id, d.cluster_id, d.signature FROM documents d
       WHERE d.seq IN (SELECT doc FROM lsh WHERE ${cond}) ORDER BY d.seq LIMIT 200`,
      params,
    );
    let best: string | null = null;
    let bestSim = NEAR_DUP_THRESHOLD;
    for (const r of rows) {
      if (!r.signature) continue;
      const s = similarity(sig, sigFromBytes(r.signature));
      if (s >= bestSim && (best === null || s > bestSim)) {
        best = r.cluster_id;
        bestSim = s;
      }
    }
    return best;
  }

  private insertLayers(seq: number, j: MarsadJson, p: Pending): void {
    const byId = new Map(j.entities.map((e) => [e.id, e]));
    const keyOf = (eid: string | null, code: string | null): string | null => {
      const e = eid ? byId.get(eid) : undefined;
      if (e) return actorKey(e);
      return code ? `code:${code}` : null;
    };
    if (j.entities.length > 0) {
      p.add(
        'entities',
        ENTITY_COLS,
        j.entities.map((e) => [
          seq,
          e.id,
          e.type,
          e.name.ar,
          normaliseWord(e.name.ar),
          e.name.en,
          actorKey(e),
          e.actor.id,
          e.actor.code,
          e.actor.country,
          e.actor.sectors[0] ?? null,
          e.geo?.lat ?? null,
          e.geo?.lon ?? null,
          e.mentions.length,
        ]),
      );
      const mentions: unknown[][] = [];
      for (const e of j.entities) for (const m of e.mentions) mentions.push([seq, e.id, m.start, m.end]);
      if (mentions.length > 0) p.add('mentions', MENTION_COLS, mentions);
    }
    if (j.quotes.length > 0)
      p.add(
        'quotes',
        QUOTE_COLS,
        j.quotes.map((q) => [
          seq,
          q.id,
          q.start,
          q.end,
          q.direct ? 1 : 0,
          q.speaker,
          keyOf(q.speaker, null),
          q.text,
        ]),
      );
    if (j.times.length > 0)
      p.add(
        'times',
        TIME_COLS,
        j.times.map((t) => [seq, t.id, t.start, t.end, t.value, t.mod, t.relative ? 1 : 0]),
      );
    if (j.events.length > 0) {
      const timeValue = new Map(j.times.map((t) => [t.id, t.value]));
      p.add(
        'events',
        EVENT_COLS,
        j.events.map((v) => {
          const tv = v.time ? (timeValue.get(v.time) ?? null) : null;
          const day = tv && FULL_DATE.test(tv) ? tv : j.doc.date;
          return [
            seq,
            v.id,
            v.cameo,
            v.root,
            v.quadClass,
            v.goldstein,
            v.plover,
            v.modality,
            v.confidence,
            v.source.entity,
            v.source.code,
            keyOf(v.source.entity, v.source.code),
            v.target.entity,
            v.target.code,
            keyOf(v.target.entity, v.target.code),
            v.location,
            tv,
            day,
            v.trigger.start,
            v.trigger.end,
            v.trigger.text,
            v.sentence,
          ];
        }),
      );
    }
  }

  async replaceExtraction(docs: PreparedDoc[]): Promise<void> {
    await this.db.tx(async () => {
      const pending = new Pending();
      for (const d of docs) {
        const j = d.json;
        const rows = await this.db.all<{ seq: number }>('SELECT seq FROM documents WHERE id = ?', [j.doc.id]);
        if (rows.length === 0) continue;
        const seq = Number(rows[0].seq);
        for (const t of ['entities', 'mentions', 'quotes', 'times', 'events'])
          await this.db.run(`DELETE FROM ${t} WHERE doc = ?`, [seq]);
        await this.db.run(
          `UPDATE documents SET layers = ?, pipeline_version = ?, n_entities = ?, n_quotes = ?, n_events = ?
           WHERE seq = ?`,
          [
            d.layersJson ?? layersJson(j),
            d.pipelineVersion,
            j.entities.length,
            j.quotes.length,
            j.events.length,
            seq,
          ],
        );
        this.insertLayers(seq, j, pending);
      }
      await this.flush(pending);
    });
  }

  // --- reading --------------------------------------------------------------------------------

  async getDocument(id: string): Promise<MarsadJson | null> {
    const rows = await this.db.all<{ text: string; layers: string }>(
      'SELECT text, layers FROM documents WHERE id = ?',
      [id],
    );
    if (rows.length === 0) return null;
    const j = JSON.parse(rows[0].layers) as MarsadJson;
    j.doc.text = rows[0].text;
    return j;
  }

  async knownCopies(copies: { where: string; id: string }[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < copies.length; i += 200) {
      const part = copies.slice(i, i + 200);
      const rows = await this.db.all<{ where_: string; doc_id: string }>(
        `SELECT where_, doc_id FROM occurrences WHERE where_ IN (${part.map(() => '?').join(',')})`,
        part.map((c) => c.where),
      );
      for (const r of rows) out.add(`${r.where_}\u0000${r.doc_id}`);
    }
    return out;
  }

  async hasDocuments(ids: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 200) {
      const part = ids.slice(i, i + 200);
      const rows = await this.db.all<{ id: string }>(
        `SELECT id FROM documents WHERE id IN (${part.map(() => '?').join(',')})`,
        part,
      );
      for (const r of rows) out.add(r.id);
    }
    return out;
  }

  async failures(limit = 1000): Promise<(Failure & { at: string })[]> {
    return this.db.all(
      `SELECT where_ AS "where", stage, reason, at FROM failures ORDER BY at, where_ LIMIT ?`,
      [limit],
    );
  }

  /** Filter conditions on `doc_meta d`, with the seq range of a date filter. */
  private async searchFilter(filters: SearchFilters): Promise<Filter> {
    const f = this.filterSql(filters);
    if (!filters.from && !filters.to) return { ...f, seqs: null };
    const days = new Where().when(filters.from, 'date >= ?').when(filters.to, 'date <= ?').sql();
    const [row] = await this.db.all<{ lo: number | null; hi: number | null }>(
      `SELECT min(min_seq) AS lo, max(max_seq) AS hi FROM day_range WHERE ${days.sql}`,
      days.params,
    );
    const seqs: [number, number] =
      row?.lo == null || row.hi == null ? [1, 0] : [Number(row.lo), Number(row.hi)];
    return {
      sql: `${f.sql} AND d.seq BETWEEN ? AND ?`,
      params: [...f.params, ...seqs],
      seqs,
    };
  }

  /** Conditions on documents `d` for search filters. */
  private filterSql(f: SearchFilters): Sql {
    return new Where()
      .when(f.from, 'd.date >= ?')
      .when(f.to, 'd.date <= ?')
      .when(
        f.source,
        '(d.source = ? OR EXISTS (SELECT 1 FROM occurrences o WHERE o.doc_id = d.id AND o.source = ?))',
        (v) => [v, v],
      )
      .when(
        f.actor,
        `EXISTS (SELECT 1 FROM entities e WHERE e.doc = d.seq AND
        (e.actor_key = ? OR e.actor_id = ? OR e.actor_code = ? OR e.name_norm = ? OR lower(e.name_en) = ?))`,
        (v) => [v, v, v, normaliseWord(v), v.toLowerCase()],
      )
      .when(f.root, 'EXISTS (SELECT 1 FROM events v WHERE v.doc = d.seq AND v.root = ?)', (v) => [rootOf(v)])
      .when(
        f.place,
        `(EXISTS (SELECT 1 FROM entities e WHERE e.doc = d.seq AND e.type IN ('GPE', 'LOC', 'FAC') AND
        (e.name_norm = ? OR e.actor_key = ? OR e.actor_id = ? OR e.country = ? OR lower(e.name_en) = ?)))`,
        (v) => [normaliseWord(v), v, v, v.toUpperCase(), v.toLowerCase()],
      )
      .sql();
  }

  private lookupVocab = async (stems: string[], skels: string[]) => {
    const cond: string[] = [];
    if (stems.length) cond.push(`stem IN (${stems.map(() => '?').join(',')})`);
    if (skels.length) cond.push(`skel IN (${skels.map(() => '?').join(',')})`);
    if (cond.length === 0) return [];
    return this.db.all<{ stem: string; skel: string }>(
      `SELECT stem, skel FROM vocab WHERE ${cond.join(' OR ')}`,
      [...stems, ...skels],
    );
  };

  async searchDocuments(
    query: string,
    filters: SearchFilters = {},
    options: SearchOptions = {},
  ): Promise<SearchResult> {
    const limit = Math.max(0, Math.min(options.limit ?? 10, 1000));
    const offset = Math.max(0, options.offset ?? 0);
    const parsed = parseQuery(query);
    const [groups, excludeGroups] = await Promise.all([
      expandTerms(parsed.include, this.lookupVocab),
      expandTerms(parsed.exclude, this.lookupVocab),
    ]);
    const exclude = excludeGroups.flat();
    if (groups.length === 0 && parsed.exclude.length > 0)
      return {
        query,
        terms: [],
        total: 0,
        results: [],
        facets: options.facets === false ? undefined : emptyFacets(),
      };
    const f = await this.searchFilter(filters);
    const r = groups.length
      ? this.rankedSql(groups, exclude, f)
      : { sql: `SELECT d.seq, d.id, d.date, 0 AS score FROM doc_meta d WHERE ${f.sql}`, params: f.params };
    const order = groups.length ? 'r.score, r.id' : 'r.date DESC, r.id';
    // One pass over the matches: the top page by (rounded bm25, id) and the exact count of all
    // matches (a window count over the same rows, so the match is not evaluated twice).
    const wantFacets = options.facets !== false;
    const sample = Math.max(0, options.facetSample ?? FACET_SAMPLE);
    const m = groups.length
      ? this.matchedSql(groups, exclude, f)
      : { sql: `SELECT d.seq, d.date, d.source FROM doc_meta d WHERE ${f.sql}`, params: f.params };
    // Words with facets: the page, the total and the facets from one statement (one bm25 pass).
    const combined =
      wantFacets && groups.length > 0 && sample > 0 && offset + limit <= sample
        ? await this.pageAndFacets(r, m, sample, limit, offset)
        : null;
    // Words without any filter: the back-end may rank from its text index alone.
    const top =
      !combined && groups.length > 0 && f.sql === '1=1' && offset + limit <= 2000
        ? await this.topMatches(groups, exclude, offset + limit)
        : null;
    let page: { seq: number; score: number }[];
    let total: number;
    if (combined) {
      page = combined.page;
      total = combined.total;
    } else if (top) {
      page = top.rows.slice(offset);
      total = top.total;
    } else {
      const rows = await this.db.all<{ seq: number; score: number; total: number }>(
        `SELECT r.seq, r.score, count(*) OVER () AS total FROM (${r.sql}) r ORDER BY ${order} LIMIT ? OFFSET ?`,
        [...r.params, limit, offset],
      );
      page = rows;
      total =
        rows.length > 0
          ? Number(rows[0].total)
          : limit > 0 && offset === 0
            ? 0
            : Number(
                (await this.db.all<{ n: number }>(`SELECT count(*) AS n FROM (${r.sql}) r`, r.params))[0].n,
              );
    }
    const snippets = options.snippets !== false;
    const rows = await this.pageRows(
      page.map((p) => Number(p.seq)),
      snippets,
    );
    const all = new Set(groups.flat());
    const results = page.map((p) => {
      const d = rows.get(Number(p.seq))!;
      return {
        id: d.id,
        title: d.title,
        date: d.date,
        source: d.source,
        url: d.url,
        cluster: d.cluster_id,
        score: Math.round(-Number(p.score) * 1e6) / 1e6,
        snippet: snippets ? makeSnippet(d.text, all) : null,
      };
    });
    const out: SearchResult = { query, terms: groups, total, results };
    if (combined) out.facets = combined.facets;
    else if (wantFacets)
      out.facets =
        total === 0
          ? emptyFacets()
          : await this.facets(m, sample > 0 && total > sample ? { r, order, sample } : null);
    return out;
  }

  /**
   * Ranked words with facets in one statement: the best `sample` matches are ranked once (ms);
   * the page is their first rows, actors and roots are counted over them, sources, days and the
   * total over every match (ma, unranked). Needs offset + limit ≤ sample.
   */
  private async pageAndFacets(
    r: Sql,
    m: Sql,
    sample: number,
    limit: number,
    offset: number,
  ): Promise<{ page: { seq: number; score: number }[]; total: number; facets: Facets }> {
    const rows = await this.db.all<{ k: string; key: string; name: string | null; count: number }>(
      `WITH ma AS MATERIALIZED (${m.sql}),
         ms AS MATERIALIZED (SELECT r.seq, r.id, r.score FROM (${r.sql}) r ORDER BY r.score, r.id LIMIT ?)
       ${FACET_AGGREGATES}
       UNION ALL SELECT 't' AS k, NULL AS key, NULL AS name, count(*) AS count FROM ma
       UNION ALL SELECT 'p' AS k, CAST(fp.seq AS TEXT) AS key, fp.id AS name, fp.score AS count FROM (
         SELECT ms.seq, ms.id, ms.score FROM ms ORDER BY ms.score, ms.id LIMIT ? OFFSET ?) fp`,
      [...m.params, ...r.params, sample, limit, offset],
    );
    const facets = facetsOf(rows);
    let total = 0;
    const page: { seq: number; score: number; id: string }[] = [];
    for (const x of rows)
      if (x.k === 't') total = Number(x.count);
      else if (x.k === 'p') page.push({ seq: Number(x.key), score: Number(x.count), id: x.name ?? '' });
    page.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (total > sample) facets.sampled = sample;
    return { page, total, facets };
  }

  /** The stored fields of a result page, by seq (text only when snippets are wanted). */
  private async pageRows(
    seqs: number[],
    withText: boolean,
  ): Promise<
    Map<
      number,
      {
        id: string;
        title: string | null;
        date: string | null;
        source: string | null;
        url: string | null;
        cluster_id: string;
        text: string;
      }
    >
  > {
    const out = new Map();
    if (seqs.length === 0) return out;
    const rows = await this.db.all<{ seq: number }>(
      `SELECT seq, id, title, date, source, url, cluster_id, ${withText ? 'text' : "''"} AS text
       FROM documents WHERE seq IN (${seqs.map(() => '?').join(',')})`,
      seqs,
    );
    for (const row of rows) out.set(Number(row.seq), row);
    return out;
  }

  /**
   * Facets over every match, in one statement: the matches are computed once (a materialised
   * CTE of seq, date, source from doc_meta) and aggregated four ways through covering indexes.
   */
  private async facets(m: Sql, sampled: { r: Sql; order: string; sample: number } | null): Promise<Facets> {
    // ma: every match; ms: the matches actors and roots are counted over (all, or the best-ranked
    // `sample` of them: actor counts join ~6 entity rows per document and dominate the cost).
    // CROSS JOIN keeps SQLite from scanning all events/entities and probing the match set.
    const ms = sampled
      ? `, ms AS MATERIALIZED (SELECT r.seq FROM (${sampled.r.sql}) r ORDER BY ${sampled.order} LIMIT ?)`
      : ', ms AS (SELECT seq FROM ma)';
    const rows = await this.db.all<{ k: string; key: string; name: string | null; count: number }>(
      `WITH ma AS MATERIALIZED (${m.sql})${ms} ${FACET_AGGREGATES}`,
      sampled ? [...m.params, ...sampled.r.params, sampled.sample] : m.params,
    );
    const out = facetsOf(rows);
    if (sampled) out.sampled = sampled.sample;
    return out;
  }

  /**
   * Conditions on `events v` and a per-document table `d` (documents or doc_meta: both have id
   * and source) for an event filter.
   */
  private eventWhere(filter: EventFilter): Sql {
    return (
      new Where()
        .when(filter.from, 'v.day >= ?')
        .when(filter.to, 'v.day <= ?')
        .when(filter.root, 'v.root = ?', (v) => [rootOf(v)])
        .when(filter.cameo, 'v.cameo = ?')
        .when(filter.doc, 'd.id = ?')
        .when(filter.source, 'd.source = ?')
        .when(filter.minConfidence || null, 'v.confidence >= ?')
        // Source or target: by actor key or code, or an entity of that (normalised) name. One
        // indexed lookup per alternative (an OR over the columns scanned every event).
        .when(
          filter.actor,
          `v.gid IN (
        SELECT gid FROM events WHERE src_key = ? UNION SELECT gid FROM events WHERE tgt_key = ?
        UNION SELECT gid FROM events WHERE src_code = ? OR tgt_code = ?
        UNION SELECT x.gid FROM entities e JOIN events x ON x.doc = e.doc AND x.src_eid = e.eid WHERE e.name_norm = ?
        UNION SELECT x.gid FROM entities e JOIN events x ON x.doc = e.doc AND x.tgt_eid = e.eid WHERE e.name_norm = ?)`,
          (v) => [v, v, v, v, normaliseWord(v), normaliseWord(v)],
        )
        .sql()
    );
  }

  async events(filter: EventFilter = {}): Promise<EventRecord[]> {
    return this.eventRecords(filter, true);
  }

  async countEvents(filter: EventFilter = {}): Promise<number> {
    const w = this.eventWhere(filter);
    const rows = await this.db.all<{ n: number }>(
      `SELECT count(*) AS n FROM events v JOIN doc_meta d ON d.seq = v.doc WHERE ${w.sql}`,
      w.params,
    );
    return Number(rows[0].n);
  }

  async eventTimeline(filter: EventFilter = {}): Promise<QuadPoint[]> {
    const w = this.eventWhere(filter);
    const rows = await this.db.all<{ day: string; quad_class: number; n: number }>(
      `SELECT v.day, v.quad_class, count(*) AS n FROM events v JOIN doc_meta d ON d.seq = v.doc
       WHERE v.day IS NOT NULL AND ${w.sql} GROUP BY v.day, v.quad_class`,
      w.params,
    );
    const byDay = new Map<string, QuadPoint>();
    for (const r of rows) {
      const q = Number(r.quad_class);
      if (!(q >= 1 && q <= 4)) continue;
      let p = byDay.get(r.day);
      if (!p) byDay.set(r.day, (p = { day: r.day, quad: [0, 0, 0, 0] }));
      p.quad[q - 1] += Number(r.n);
    }
    return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  }

  /**
   * Story-cluster counts (copies, distinct documents, distinct sources) of these clusters only,
   * through the cluster and occurrence indexes: a page of events costs a few index probes instead
   * of a pass over every document and copy.
   */
  private async clusterCounts(
    ids: string[],
  ): Promise<Map<string, { mentions: number; articles: number; sources: number }>> {
    const out = new Map<string, { mentions: number; articles: number; sources: number }>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.db.all<{
        cluster_id: string;
        mentions: number;
        articles: number;
        sources: number;
      }>(
        `SELECT d.cluster_id, count(*) AS mentions, count(DISTINCT d.seq) AS articles,
           count(DISTINCT coalesce(o.source, d.source)) AS sources
         FROM documents d JOIN occurrences o ON o.doc_id = d.id
         WHERE d.cluster_id IN (${chunk.map(() => '?').join(',')}) GROUP BY d.cluster_id`,
        chunk,
      );
      for (const r of rows)
        out.set(r.cluster_id, {
          mentions: Number(r.mentions),
          articles: Number(r.articles),
          sources: Number(r.sources),
        });
    }
    return out;
  }

  /** Events passing the filter, in gid order; `counts`: with their story clusters' counts. */
  private async eventRecords(filter: EventFilter, counts: boolean): Promise<EventRecord[]> {
    const w = this.eventWhere(filter);
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT v.*, d.id AS doc_id, d.url, d.source AS doc_source, d.cluster_id,
         s.name_ar AS s_name, s.actor_id AS s_id, s.country AS s_country, s.sector AS s_sector,
         t.name_ar AS t_name, t.actor_id AS t_id, t.country AS t_country, t.sector AS t_sector,
         l.name_ar AS l_name, l.country AS l_country, l.lat AS l_lat, l.lon AS l_lon
       FROM events v JOIN documents d ON d.seq = v.doc
       LEFT JOIN entities s ON s.doc = v.doc AND s.eid = v.src_eid
       LEFT JOIN entities t ON t.doc = v.doc AND t.eid = v.tgt_eid
       LEFT JOIN entities l ON l.doc = v.doc AND l.eid = v.location_eid
       WHERE ${w.sql}
       ORDER BY v.gid LIMIT ? OFFSET ?`,
      [...w.params, filter.limit ?? 1000, filter.offset ?? 0],
    );
    const cs = counts
      ? await this.clusterCounts([...new Set(rows.map((r) => r.cluster_id as string))])
      : new Map<string, { mentions: number; articles: number; sources: number }>();
    const actor = (r: Record<string, unknown>, p: 'src' | 'tgt', a: 's' | 't'): EventActor => ({
      entity: (r[`${p}_eid`] as string) ?? null,
      code: (r[`${p}_code`] as string) ?? null,
      name: (r[`${a}_name`] as string) ?? null,
      actorId: (r[`${a}_id`] as string) ?? null,
      country: (r[`${a}_country`] as string) ?? null,
      type: (r[`${a}_sector`] as string) ?? null,
    });
    return rows.map((r) => ({
      globalId: Number(r.gid),
      doc: r.doc_id as string,
      event: r.vid as string,
      day: (r.day as string) ?? null,
      cameo: r.cameo as string,
      root: r.root as string,
      quadClass: Number(r.quad_class),
      goldstein: Number(r.goldstein),
      plover: r.plover as string,
      modality: r.modality as string,
      confidence: Number(r.confidence),
      source: actor(r, 'src', 's'),
      target: actor(r, 'tgt', 't'),
      location: r.location_eid
        ? {
            entity: r.location_eid as string,
            name: (r.l_name as string) ?? '',
            country: (r.l_country as string) ?? null,
            lat: r.l_lat === null || r.l_lat === undefined ? null : Number(r.l_lat),
            lon: r.l_lon === null || r.l_lon === undefined ? null : Number(r.l_lon),
          }
        : null,
      trigger: { start: Number(r.trigger_start), end: Number(r.trigger_end), text: r.trigger_text as string },
      url: (r.url as string) ?? null,
      docSource: (r.doc_source as string) ?? null,
      numMentions: cs.get(r.cluster_id as string)?.mentions ?? 1,
      numSources: cs.get(r.cluster_id as string)?.sources ?? 1,
      numArticles: cs.get(r.cluster_id as string)?.articles ?? 1,
    }));
  }

  async actors(filter: ActorFilter = {}): Promise<ActorSummary[]> {
    const params: unknown[] = [];
    let where = '';
    if (filter.query) {
      where = `WHERE e.name_norm LIKE ? OR e.actor_code = ? OR e.actor_id = ? OR lower(e.name_en) LIKE ?`;
      const q = filter.query;
      params.push(
        `${normaliseWord(q).replace(/[%_]/g, '')}%`,
        q,
        q,
        `${q.toLowerCase().replace(/[%_]/g, '')}%`,
      );
    }
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT e.actor_key AS key, max(e.actor_id) AS id, max(e.actor_code) AS code, max(e.country) AS country,
         max(e.type) AS type, max(e.name_ar) AS name, max(e.name_en) AS name_en,
         count(DISTINCT e.doc) AS documents, sum(e.n_mentions) AS mentions
       FROM entities e ${where} GROUP BY e.actor_key ORDER BY documents DESC, key LIMIT ?`,
      [...params, filter.limit ?? 100],
    );
    return rows.map((r) => ({
      key: r.key as string,
      id: (r.id as string) ?? null,
      code: (r.code as string) ?? null,
      country: (r.country as string) ?? null,
      type: r.type as string,
      name: r.name as string,
      nameEn: (r.name_en as string) ?? null,
      documents: Number(r.documents),
      mentions: Number(r.mentions),
    }));
  }

  async timeline(filter: SearchFilters = {}): Promise<TimelinePoint[]> {
    const f = this.filterSql(filter);
    const rows = await this.db.all<{ day: string; documents: number; events: number }>(
      `SELECT d.date AS day, count(*) AS documents, sum(d.n_events) AS events FROM documents d
       WHERE d.date IS NOT NULL AND ${f.sql} GROUP BY d.date ORDER BY d.date`,
      f.params,
    );
    return rows.map((r) => ({ day: r.day, documents: Number(r.documents), events: Number(r.events) }));
  }

  async graph(filter: EventFilter = {}): Promise<Graph> {
    const events = await this.eventRecords({ ...filter, limit: filter.limit ?? 100000 }, false);
    const nodes = new Map<string, Graph['nodes'][number]>();
    const edges = new Map<string, { e: Graph['edges'][number]; roots: Set<string>; sum: number }>();
    const node = (a: EventActor): string | null => {
      const key = a.actorId ?? (a.code ? `code:${a.code}` : a.name ? `name:${normaliseWord(a.name)}` : null);
      if (!key) return null;
      let n = nodes.get(key);
      if (!n) nodes.set(key, (n = { key, name: a.name ?? a.code ?? key, code: a.code, events: 0 }));
      n.events++;
      return key;
    };
    for (const v of events) {
      const s = node(v.source);
      const t = node(v.target);
      if (!s || !t) continue;
      const k = `${s}\u0000${t}`;
      let e = edges.get(k);
      if (!e)
        edges.set(
          k,
          (e = { e: { source: s, target: t, events: 0, goldstein: 0, roots: [] }, roots: new Set(), sum: 0 }),
        );
      e.e.events++;
      e.sum += v.goldstein;
      e.roots.add(v.root);
    }
    return {
      nodes: [...nodes.values()].sort((a, b) => b.events - a.events || (a.key < b.key ? -1 : 1)),
      edges: [...edges.values()].map(({ e, roots, sum }) => ({
        ...e,
        goldstein: Math.round((sum / e.events) * 100) / 100,
        roots: [...roots].sort(),
      })),
    };
  }

  async clusters(options: { minSize?: number; limit?: number } = {}): Promise<Cluster[]> {
    const heads = await this.db.all<{ cluster_id: string; size: number }>(
      `SELECT cluster_id, count(*) AS size FROM documents GROUP BY cluster_id HAVING count(*) >= ?
       ORDER BY size DESC, cluster_id LIMIT ?`,
      [options.minSize ?? 2, options.limit ?? 100],
    );
    const out: Cluster[] = [];
    for (const h of heads) out.push(await this.cluster(h.cluster_id));
    return out;
  }

  async documentCluster(id: string): Promise<Cluster | null> {
    const rows = await this.db.all<{ cluster_id: string }>('SELECT cluster_id FROM documents WHERE id = ?', [
      id,
    ]);
    return rows.length === 0 ? null : this.cluster(rows[0].cluster_id);
  }

  /** One story cluster: its documents in storage order and the distinct sources of their copies. */
  private async cluster(clusterId: string): Promise<Cluster> {
    const docs = await this.db.all<{
      id: string;
      title: string | null;
      date: string | null;
      source: string | null;
    }>('SELECT id, title, date, source FROM documents WHERE cluster_id = ? ORDER BY seq', [clusterId]);
    const srcs = await this.db.all<{ source: string }>(
      `SELECT DISTINCT coalesce(o.source, d.source) AS source FROM documents d JOIN occurrences o ON o.doc_id = d.id
       WHERE d.cluster_id = ? AND coalesce(o.source, d.source) IS NOT NULL ORDER BY source`,
      [clusterId],
    );
    return { id: clusterId, size: docs.length, sources: srcs.map((x) => x.source), documents: docs };
  }

  async quotes(filter: QuoteFilter = {}): Promise<QuoteRecord[]> {
    const w = new Where().when(filter.speaker, 'q.speaker_key = ?').when(filter.doc, 'd.id = ?').sql();
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT d.id AS doc_id, d.title, d.date, d.source, q.qid, q.text, q.direct, q.start_, q.end_,
         q.speaker_eid, q.speaker_key, e.name_ar
       FROM quotes q JOIN documents d ON d.seq = q.doc
       LEFT JOIN entities e ON e.doc = q.doc AND e.eid = q.speaker_eid
       WHERE ${w.sql}
       ORDER BY q.doc DESC, q.start_, q.qid LIMIT ? OFFSET ?`,
      [...w.params, filter.limit ?? 100, filter.offset ?? 0],
    );
    return rows.map((r) => ({
      doc: r.doc_id as string,
      title: (r.title as string) ?? null,
      date: (r.date as string) ?? null,
      source: (r.source as string) ?? null,
      quote: r.qid as string,
      text: r.text as string,
      direct: Number(r.direct) === 1,
      start: Number(r.start_),
      end: Number(r.end_),
      speaker: {
        entity: (r.speaker_eid as string) ?? null,
        key: (r.speaker_key as string) ?? null,
        name: (r.name_ar as string) ?? null,
      },
    }));
  }

  async stats(): Promise<StoreStats> {
    const one = async (sql: string) => Number((await this.db.all<{ n: number }>(sql))[0].n);
    const documents = await one('SELECT count(*) AS n FROM documents');
    const copies = await one('SELECT count(*) AS n FROM occurrences');
    const versions = await this.db.all<{ version: string; documents: number }>(
      'SELECT pipeline_version AS version, count(*) AS documents FROM documents GROUP BY pipeline_version ORDER BY version',
    );
    return {
      documents,
      duplicates: copies - documents,
      clusters: await one('SELECT count(DISTINCT cluster_id) AS n FROM documents'),
      multiDocClusters: await one(
        'SELECT count(*) AS n FROM (SELECT cluster_id FROM documents GROUP BY cluster_id HAVING count(*) > 1) c',
      ),
      failures: await one('SELECT count(*) AS n FROM failures'),
      entities: await one('SELECT count(*) AS n FROM entities'),
      actors: await one('SELECT count(DISTINCT actor_key) AS n FROM entities'),
      quotes: await one('SELECT count(*) AS n FROM quotes'),
      events: await one('SELECT count(*) AS n FROM events'),
      versions: versions.map((v) => ({ version: v.version, documents: Number(v.documents) })),
    };
  }

  async staleDocuments(version: string, limit: number, after?: string): Promise<StoredInput[]> {
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT id, text, title, date, source, url, title_in_text FROM documents
       WHERE pipeline_version <> ? AND seq > coalesce((SELECT seq FROM documents WHERE id = ?), 0)
       ORDER BY seq LIMIT ?`,
      [version, after ?? '', limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      text: r.text as string,
      title: (r.title as string) ?? null,
      date: (r.date as string) ?? null,
      source: (r.source as string) ?? null,
      url: (r.url as string) ?? null,
      titleInText: Number(r.title_in_text) === 1,
    }));
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

/**
 * The four facet aggregates over `ma` (every match: seq, date, source) and `ms` (the matches
 * actors and roots are counted over), as rows (k, key, name, count). CROSS JOIN keeps SQLite
 * from scanning all events/entities and probing the match set.
 */
const FACET_AGGREGATES = `
  SELECT 'a' AS k, key, name, count FROM (
    SELECT e.actor_key AS key, max(e.name_ar) AS name, count(DISTINCT e.doc) AS count
    FROM ms CROSS JOIN entities e WHERE e.doc = ms.seq GROUP BY e.actor_key ORDER BY count DESC, key LIMIT 10) fa
  UNION ALL SELECT 'r' AS k, key, NULL AS name, count FROM (
    SELECT v.root AS key, count(*) AS count FROM ms CROSS JOIN events v WHERE v.doc = ms.seq
    GROUP BY v.root ORDER BY count DESC, key LIMIT 20) fr
  UNION ALL SELECT 's' AS k, key, NULL AS name, count FROM (
    SELECT ma.source AS key, count(*) AS count FROM ma WHERE ma.source IS NOT NULL
    GROUP BY ma.source ORDER BY count DESC, key LIMIT 20) fs
  UNION ALL SELECT 'd' AS k, key, NULL AS name, count FROM (
    SELECT ma.date AS key, count(*) AS count FROM ma WHERE ma.date IS NOT NULL GROUP BY ma.date) fd`;

/** Facets from FACET_AGGREGATES rows (other kinds of rows are ignored); days in date order. */
function facetsOf(rows: { k: string; key: string; name: string | null; count: number }[]): Facets {
  const out = emptyFacets();
  for (const r of rows) {
    const count = Number(r.count);
    if (r.k === 'a') out.actors.push({ key: r.key, name: r.name ?? '', count });
    else if (r.k === 'r') out.roots.push({ root: r.key, count });
    else if (r.k === 's') out.sources.push({ source: r.key, count });
    else if (r.k === 'd') out.days.push({ day: r.key, count });
  }
  out.days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return out;
}

function emptyFacets(): Facets {
  return { actors: [], roots: [], sources: [], days: [] };
}
