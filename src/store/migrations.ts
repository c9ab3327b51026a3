// Numbered schema migrations for both back-ends, recorded in schema_migrations. Append only:
// never edit a migration that has shipped; add the next number.
import type { Db } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

// Column layouts shared by both dialects; only types and the text index differ.
const layers = (pk: string, int: string, real: string, blob: string) => `
CREATE TABLE documents (
  seq ${pk},
  id TEXT NOT NULL UNIQUE,
  title TEXT, date TEXT, source TEXT, url TEXT,
  title_in_text ${int} NOT NULL,
  pipeline_version TEXT NOT NULL,
  cluster_id TEXT NOT NULL,
  n_terms ${int} NOT NULL,
  n_entities ${int} NOT NULL, n_quotes ${int} NOT NULL, n_events ${int} NOT NULL,
  signature ${blob},
  text TEXT NOT NULL,
  layers TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_cluster ON documents(cluster_id);
CREATE INDEX documents_version ON documents(pipeline_version);
CREATE TABLE occurrences (
  where_ TEXT NOT NULL, doc_id TEXT NOT NULL,
  source TEXT, url TEXT, date TEXT, ingested_at TEXT NOT NULL,
  PRIMARY KEY (where_, doc_id)
);
CREATE INDEX occurrences_doc ON occurrences(doc_id);
CREATE TABLE lsh (band ${int} NOT NULL, bucket ${int} NOT NULL, doc ${int} NOT NULL, PRIMARY KEY (band, bucket, doc));
CREATE TABLE entities (
  doc ${int} NOT NULL, eid TEXT NOT NULL, type TEXT NOT NULL,
  name_ar TEXT NOT NULL, name_norm TEXT NOT NULL, name_en TEXT,
  actor_key TEXT NOT NULL, actor_id TEXT, actor_code TEXT, country TEXT, sector TEXT,
  lat ${real}, lon ${real}, n_mentions ${int} NOT NULL,
  PRIMARY KEY (doc, eid)
);
CREATE INDEX entities_actor ON entities(actor_key);
CREATE INDEX entities_name ON entities(name_norm);
CREATE INDEX entities_code ON entities(actor_code);
CREATE TABLE mentions (doc ${int} NOT NULL, eid TEXT NOT NULL, start_ ${int} NOT NULL, end_ ${int} NOT NULL);
CREATE INDEX mentions_doc ON mentions(doc);
CREATE TABLE quotes (
  doc ${int} NOT NULL, qid TEXT NOT NULL, start_ ${int} NOT NULL, end_ ${int} NOT NULL,
  direct ${int} NOT NULL, speaker_eid TEXT, speaker_key TEXT, text TEXT NOT NULL,
  PRIMARY KEY (doc, qid)
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE TABLE times (
  doc ${int} NOT NULL, tid TEXT NOT NULL, start_ ${int} NOT NULL, end_ ${int} NOT NULL,
  value TEXT, mod TEXT, relative ${int} NOT NULL,
  PRIMARY KEY (doc, tid)
);
CREATE TABLE events (
  gid ${pk},
  doc ${int} NOT NULL, vid TEXT NOT NULL,
  cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class ${int} NOT NULL, goldstein ${real} NOT NULL,
  plover TEXT NOT NULL, modality TEXT NOT NULL, confidence ${real} NOT NULL,
  src_eid TEXT, src_code TEXT, src_key TEXT, tgt_eid TEXT, tgt_code TEXT, tgt_key TEXT,
  location_eid TEXT, time_value TEXT, day TEXT,
  trigger_start ${int} NOT NULL, trigger_end ${int} NOT NULL, trigger_text TEXT NOT NULL,
  sentence ${int} NOT NULL,
  UNIQUE (doc, vid)
);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_src ON events(src_key);
CREATE INDEX events_tgt ON events(tgt_key);
CREATE TABLE failures (
  where_ TEXT PRIMARY KEY, stage TEXT NOT NULL, reason TEXT NOT NULL,
  pipeline_version TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE vocab (stem TEXT PRIMARY KEY, skel TEXT NOT NULL);
CREATE INDEX vocab_skel ON vocab(skel);
`;

// Search joins every match with its document's date/source and sorts by id: on the wide
// `documents` rows (text and layers inline) that is one page read per match. `doc_meta` holds
// only what ranking, filters and facets need, a few MB for 30k documents, always in cache.
// Facets read entities/events through covering indexes (doc first) instead of their rows.
const searchSpeed = (int: string) => `
CREATE TABLE doc_meta (
  seq ${int} PRIMARY KEY, id TEXT NOT NULL, date TEXT, source TEXT, n_terms ${int} NOT NULL
);
INSERT INTO doc_meta (seq, id, date, source, n_terms) SELECT seq, id, date, source, n_terms FROM documents;
CREATE INDEX doc_meta_date ON doc_meta(date, id);
CREATE INDEX doc_meta_source ON doc_meta(source);
CREATE INDEX entities_doc_actor ON entities(doc, actor_key, name_ar);
CREATE INDEX events_doc_root ON events(doc, root);
`;

// Documents arrive roughly in date order (feeds, daily dumps), so the documents of a date range
// sit in a narrow range of seq: a date filter also becomes a seq (rowid/doc) range that the text
// index can seek to, instead of visiting every match and checking its date.
const dayRange = (int: string) => `
CREATE TABLE day_range (date TEXT PRIMARY KEY, min_seq ${int} NOT NULL, max_seq ${int} NOT NULL);
INSERT INTO day_range (date, min_seq, max_seq)
  SELECT date, min(seq), max(seq) FROM doc_meta WHERE date IS NOT NULL GROUP BY date;
`;

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'documents, layers, clusters, failures, search index',
    sqlite:
      layers('INTEGER PRIMARY KEY', 'INTEGER', 'REAL', 'BLOB') +
      `CREATE VIRTUAL TABLE doc_fts USING fts5(terms, content='', contentless_delete=1,
         tokenize='unicode61 remove_diacritics 0');`,
    postgres:
      layers('BIGSERIAL PRIMARY KEY', 'BIGINT', 'DOUBLE PRECISION', 'BYTEA') +
      `CREATE TABLE postings (term TEXT NOT NULL, doc BIGINT NOT NULL, tf INTEGER NOT NULL,
         PRIMARY KEY (term, doc));
       CREATE INDEX postings_doc ON postings(doc);
       CREATE TABLE corpus_stats (one INTEGER PRIMARY KEY CHECK (one = 1),
         n_docs BIGINT NOT NULL, n_terms BIGINT NOT NULL);
       INSERT INTO corpus_stats VALUES (1, 0, 0);
       CREATE TABLE jobs (
         id BIGSERIAL PRIMARY KEY, key TEXT NOT NULL UNIQUE, payload JSONB NOT NULL,
         state TEXT NOT NULL DEFAULT 'queued', attempts INTEGER NOT NULL DEFAULT 0,
         claimed_by TEXT, claimed_at TIMESTAMPTZ, done_at TIMESTAMPTZ, error TEXT);
       CREATE INDEX jobs_state ON jobs(state, id);`,
  },
  {
    version: 2,
    name: 'search speed: slim per-document filter table, covering indexes for facets',
    sqlite: searchSpeed('INTEGER'),
    postgres: searchSpeed('BIGINT'),
  },
  {
    version: 3,
    name: 'search speed: seq range of each publication day (date filters as rowid ranges)',
    sqlite: dayRange('INTEGER'),
    postgres: dayRange('BIGINT'),
  },
];

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;

/** Apply every migration not yet recorded, each in its own transaction. */
export async function migrate(db: Db): Promise<number[]> {
  await db.exec(CREATE_TABLE);
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.tx(async () => {
      // Several processes may open a fresh PostgreSQL database at once: serialise them.
      if (db.kind === 'postgres') await db.all('SELECT pg_advisory_xact_lock(7207001)');
      const rows = await db.all('SELECT version FROM schema_migrations WHERE version = ?', [m.version]);
      if (rows.length > 0) return false;
      await db.exec(db.kind === 'sqlite' ? m.sqlite : m.postgres);
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
