// The Store suite, run against SQLite and PostgreSQL alike (no mocks). PostgreSQL runs when
// MARSAD_TEST_PG is set (CI always sets it) and is skipped with a message otherwise.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EVENT_COLUMNS, eventRow } from '../src/cli/export.js';
import { openPostgres } from '../src/store/postgres/index.js';
import { openSqlite } from '../src/store/sqlite/index.js';
import { docId, type MarsadJson } from '../src/doc/doc.js';
import { prepareJson } from '../src/store/prepare.js';
import type { Store } from '../src/store/types.js';
import { freshPgDatabase, PG_SKIP, sampleJson, samplePrepared } from './fixtures/ingest-support.js';

const backends: {
  name: string;
  skip: string | false;
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>;
}[] = [
  {
    name: 'sqlite',
    skip: false,
    open: async () => {
      const store = await openSqlite(':memory:');
      return { store, cleanup: () => store.close() };
    },
  },
  {
    name: 'postgres',
    skip: PG_SKIP,
    open: async () => {
      const db = await freshPgDatabase();
      const store = await openPostgres(db.url);
      return {
        store,
        cleanup: async () => {
          await store.close();
          await db.drop();
        },
      };
    },
  },
];

const searchOutputs = new Map<string, unknown>();

for (const b of backends) {
  describe(`store on ${b.name}`, { skip: b.skip }, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const docs = sampleJson();
    before(async () => {
      ({ store, cleanup } = await b.open());
      const results = await store.write({ docs: samplePrepared() });
      assert.deepEqual(
        results.map((r) => r.status),
        ['new', 'new', 'new', 'new'],
      );
    });
    after(async () => cleanup?.());

    test('round-trips a marsad/1 document exactly', async () => {
      for (const j of docs) assert.deepEqual(await store.getDocument(j.doc.id), j);
      assert.equal(await store.getDocument('0'.repeat(64)), null);
    });

    test('re-writing the same copies is a no-op (idempotent)', async () => {
      const before = await store.stats();
      const again = await store.write({ docs: samplePrepared() });
      assert.deepEqual(
        again.map((r) => r.status),
        ['present', 'present', 'present', 'present'],
      );
      assert.deepEqual(await store.stats(), before);
    });

    test('an exact duplicate from another origin is recorded as a copy, not a document', async () => {
      const [, visit] = samplePrepared();
      visit.origin = { where: 'elsewhere.jsonl:7', source: 'صحيفة ثالثة', url: null, date: '2021-03-02' };
      const [r] = await store.write({ docs: [visit] });
      assert.equal(r.status, 'duplicate');
      const s = await store.stats();
      assert.equal(s.documents, 4);
      assert.equal(s.duplicates, 1);
      const known = await store.knownCopies([{ where: 'elsewhere.jsonl:7', id: visit.json.doc.id }]);
      assert.ok(known.has(`elsewhere.jsonl:7\u0000${visit.json.doc.id}`));
    });

    test('the near-duplicate wire story joins the first story cluster', async () => {
      const [strike, visit, strike2] = docs;
      const clusters = await store.clusters();
      assert.equal(clusters.length, 1);
      assert.equal(clusters[0].id, strike.doc.id);
      assert.deepEqual(
        clusters[0].documents.map((d) => d.id),
        [strike.doc.id, strike2.doc.id],
      );
      assert.deepEqual(clusters[0].sources, ['صحيفة النهار', 'وكالة الشرق'].sort());
      const hits = await store.searchDocuments('السعودي', {}, { facets: false });
      assert.equal(hits.results[0].id, visit.doc.id);
      assert.equal(hits.results[0].cluster, visit.doc.id);
    });

    test('failures are recorded once per input with their reason', async () => {
      await store.write({
        docs: [],
        failures: [{ where: 'bad.jsonl:3', stage: 'read', reason: 'invalid JSON' }],
      });
      await store.write({
        docs: [],
        failures: [{ where: 'bad.jsonl:3', stage: 'read', reason: 'invalid JSON (again)' }],
      });
      const f = await store.failures();
      assert.equal(f.length, 1);
      assert.equal(f[0].where, 'bad.jsonl:3');
      assert.equal(f[0].reason, 'invalid JSON (again)');
    });

    test('Arabic variants: الصواريخ finds صواريخ and صاروخ; أمريكا finds الأمريكية and الأميركية', async () => {
      const [strike, , strike2, rocket] = docs.map((d) => d.doc.id);
      const r = await store.searchDocuments('الصواريخ');
      assert.deepEqual(new Set(r.results.map((h) => h.id)), new Set([strike, strike2, rocket]));
      assert.equal(r.total, 3);
      const us = await store.searchDocuments('أمريكا');
      assert.deepEqual(new Set(us.results.map((h) => h.id)), new Set([strike, strike2]));
      // Both words must match.
      const both = await store.searchDocuments('صاروخ بغداد');
      assert.deepEqual(
        both.results.map((h) => h.id),
        [rocket],
      );
      const none = await store.searchDocuments('الصواريخ -الموصل');
      assert.deepEqual(
        none.results.map((h) => h.id),
        [rocket],
      );
      searchOutputs.set(b.name, [
        r,
        us,
        both,
        await store.searchDocuments('القوات العراقية', { to: '2021-03-04' }),
      ]);
    });

    test('snippets highlight the matched words at their offsets in the original text', async () => {
      const r = await store.searchDocuments('الصواريخ', {}, { limit: 10 });
      for (const h of r.results) {
        const text = docs.find((d) => d.doc.id === h.id)!.doc.text;
        assert.ok(h.snippet);
        assert.equal(text.slice(h.snippet.start, h.snippet.end), h.snippet.text);
        assert.ok(h.snippet.highlights.length > 0);
        for (const m of h.snippet.highlights) assert.match(text.slice(m.start, m.end), /صوار|صاروخ/);
      }
    });

    test('filters: date range, source, actor, event root, place', async () => {
      const [strike, visit, strike2, rocket] = docs.map((d) => d.doc.id);
      const ids = async (q: string, f: Parameters<Store['searchDocuments']>[1]) =>
        (await store.searchDocuments(q, f, { facets: false })).results.map((h) => h.id).sort();
      assert.deepEqual(await ids('الصواريخ', { from: '2021-03-02' }), [rocket]);
      assert.deepEqual(await ids('الصواريخ', { to: '2021-03-01' }), [strike, strike2].sort());
      assert.deepEqual(await ids('الصواريخ', { source: 'وكالة الشرق' }), [strike, rocket].sort());
      assert.deepEqual(await ids('', { actor: 'USAMIL' }), [strike, strike2].sort());
      assert.deepEqual(await ids('', { actor: 'وزير الخارجية السعودي' }), [visit]);
      assert.deepEqual(await ids('', { root: '4' }), [visit]);
      assert.deepEqual(await ids('', { place: 'بغداد' }), [visit, rocket].sort());
      assert.deepEqual(await ids('', { place: 'الموصل', from: '2021-03-01', to: '2021-03-01' }), [strike]);
      assert.deepEqual(await ids('الصواريخ', { source: 'لا يوجد' }), []);
      // Dates out of storage order (seq 1 and 3 on 03-01, seq 2 on 03-02): the seq range of a
      // date filter only narrows the scan, the dates decide.
      assert.deepEqual(await ids('', { from: '2021-03-02', to: '2021-03-02' }), [visit]);
      assert.deepEqual(
        await ids('القوات', { from: '2021-03-01', to: '2021-03-01' }),
        [strike, strike2].sort(),
      );
      assert.deepEqual(await ids('الصواريخ', { from: '2030-01-01' }), []);
      assert.deepEqual(await ids('', { to: '2000-01-01' }), []);
    });

    test('facets: top actors, event roots, sources, per-day counts', async () => {
      const r = await store.searchDocuments('الصواريخ');
      assert.deepEqual(r.facets!.days, [
        { day: '2021-03-01', count: 2 },
        { day: '2021-03-05', count: 1 },
      ]);
      assert.deepEqual(r.facets!.sources, [
        { source: 'وكالة الشرق', count: 2 },
        { source: 'صحيفة النهار', count: 1 },
      ]);
      assert.deepEqual(r.facets!.roots, [{ root: '19', count: 1 }]);
      // Ties are ordered by key.
      assert.deepEqual(
        r.facets!.actors.map((a) => [a.key, a.count]),
        [
          ['code:IRQ', 2],
          ['code:USAMIL', 2],
        ],
      );
    });

    test('facet sampling: actors and roots over the best-ranked matches, sources and days over all', async () => {
      const all = await store.searchDocuments('الصواريخ', {}, { facetSample: 0 });
      assert.equal(all.facets!.sampled, undefined);
      const top = await store.searchDocuments('الصواريخ', {}, { facetSample: 1, limit: 1 });
      assert.equal(top.total, 3);
      assert.equal(top.facets!.sampled, 1);
      assert.deepEqual(top.facets!.days, all.facets!.days);
      assert.deepEqual(top.facets!.sources, all.facets!.sources);
      // The actors of the best-ranked document only, each counted once.
      const best = docs.find((d) => d.doc.id === top.results[0].id)!;
      const keys = new Set(
        best.entities
          .map((e) => (e.actor.code ? `code:${e.actor.code}` : e.id))
          .filter((k) => k.startsWith('code:')),
      );
      assert.deepEqual(new Set(top.facets!.actors.map((a) => a.key)), keys);
      for (const a of top.facets!.actors) assert.equal(a.count, 1);
    });

    test('total is exact on every page, also past the last result', async () => {
      const first = await store.searchDocuments('الصواريخ', {}, { limit: 2, facets: false });
      assert.equal(first.total, 3);
      assert.equal(first.results.length, 2);
      const last = await store.searchDocuments('الصواريخ', {}, { limit: 2, offset: 2, facets: false });
      assert.equal(last.total, 3);
      assert.equal(last.results.length, 1);
      const past = await store.searchDocuments('الصواريخ', {}, { limit: 2, offset: 10, facets: false });
      assert.equal(past.total, 3);
      assert.deepEqual(past.results, []);
      const none = await store.searchDocuments('الصواريخ', {}, { limit: 0, facets: false });
      assert.equal(none.total, 3);
      const browse = await store.searchDocuments(
        '',
        { from: '2021-03-01', to: '2021-03-02' },
        { facets: false },
      );
      assert.equal(browse.total, 3);
      assert.deepEqual(
        browse.results.map((h) => h.date),
        ['2021-03-02', '2021-03-01', '2021-03-01'],
      );
    });

    test('events carry GDELT-like fields and export maps them to columns', async () => {
      const ev = await store.events();
      assert.equal(ev.length, 2);
      const strike = ev.find((v) => v.root === '19')!;
      assert.equal(strike.source.code, 'USAMIL');
      assert.equal(strike.source.name, 'القوات الأمريكية');
      assert.equal(strike.source.country, 'USA');
      assert.equal(strike.source.type, 'MIL');
      assert.equal(strike.target.code, 'IRQREB');
      assert.equal(strike.location?.name, 'الموصل');
      assert.equal(strike.location?.lat, 36.34);
      assert.equal(strike.numArticles, 2);
      assert.equal(strike.numMentions, 2);
      assert.equal(strike.numSources, 2);
      const row = eventRow(strike);
      assert.deepEqual(Object.keys(row), [...EVENT_COLUMNS]);
      assert.equal(row.Day, '20210301');
      assert.equal(row.EventRootCode, '19');
      assert.equal(row.QuadClass, 4);
      assert.equal(row.SOURCEURL, 'https://a.example/1');
      const text = docs[0].doc.text;
      assert.equal(text.slice(Number(row.TriggerStart), Number(row.TriggerEnd)), 'أطلقت');
      assert.deepEqual(
        (await store.events({ root: '04' })).map((v) => v.cameo),
        ['042'],
      );
    });

    test('events filter by a minimum confidence, the total too', async () => {
      const all = await store.events();
      const top = Math.max(...all.map((v) => v.confidence));
      const low = Math.min(...all.map((v) => v.confidence));
      assert.equal((await store.events({ minConfidence: low })).length, all.length);
      assert.equal(await store.countEvents({ minConfidence: low }), all.length);
      const above = Math.min(1, top + 0.01);
      assert.deepEqual(await store.events({ minConfidence: above }), []);
      assert.equal(await store.countEvents({ minConfidence: above }), 0);
      const kept = await store.events({ minConfidence: top });
      assert.ok(kept.length >= 1 && kept.every((v) => v.confidence >= top));
    });

    test('actors, timeline, graph and stats', async () => {
      const actors = await store.actors();
      assert.deepEqual(
        actors.map((a) => [a.key, a.documents]),
        [
          ['code:IRQ', 3],
          ['code:USAMIL', 2],
          ['code:SAUGOV', 1],
        ],
      );
      assert.deepEqual(
        (await store.actors({ query: 'بغد' })).map((a) => a.name),
        ['بغداد'],
      );
      assert.deepEqual(await store.timeline(), [
        { day: '2021-03-01', documents: 2, events: 1 },
        { day: '2021-03-02', documents: 1, events: 1 },
        { day: '2021-03-05', documents: 1, events: 0 },
      ]);
      const g = await store.graph();
      assert.equal(g.edges.length, 2);
      assert.ok(
        g.edges.some((e) => e.source === 'code:USAMIL' && e.target === 'code:IRQREB' && e.roots[0] === '19'),
      );
      const s = await store.stats();
      assert.equal(s.documents, 4);
      assert.equal(s.clusters, 3);
      assert.equal(s.multiDocClusters, 1);
      assert.equal(s.events, 2);
      assert.equal(s.entities, 6);
    });

    test('events total, quad-class timeline and per-document cluster', async () => {
      assert.equal(await store.countEvents(), 2);
      assert.equal(await store.countEvents({ root: '19' }), 1);
      assert.equal(await store.countEvents({ actor: 'code:SAUGOV', limit: 1, offset: 5 }), 1);
      assert.equal(await store.countEvents({ source: 'nowhere' }), 0);
      assert.deepEqual(await store.eventTimeline(), [
        { day: '2021-03-01', quad: [0, 0, 0, 1] },
        { day: '2021-03-02', quad: [1, 0, 0, 0] },
      ]);
      assert.deepEqual(await store.eventTimeline({ from: '2021-03-02' }), [
        { day: '2021-03-02', quad: [1, 0, 0, 0] },
      ]);
      assert.deepEqual(await store.eventTimeline({ doc: docs[0].doc.id }), [
        { day: '2021-03-01', quad: [0, 0, 0, 1] },
      ]);
      const [strike, visit, strike2] = docs;
      const c = await store.documentCluster(strike2.doc.id);
      assert.ok(c);
      assert.equal(c.id, strike.doc.id);
      assert.equal(c.size, 2);
      assert.deepEqual(c, (await store.clusters())[0]);
      const alone = await store.documentCluster(visit.doc.id);
      assert.equal(alone?.size, 1);
      assert.deepEqual(
        alone?.documents.map((d) => d.id),
        [visit.doc.id],
      );
      assert.equal(await store.documentCluster('0'.repeat(64)), null);
    });

    test('story-cluster counts of events do not depend on the page', async () => {
      const all = await store.events();
      for (let i = 0; i < all.length; i++) {
        const [one] = await store.events({ limit: 1, offset: i });
        assert.deepEqual(one, all[i]);
      }
      assert.deepEqual(
        all.map((v) => [v.root, v.numArticles, v.numMentions, v.numSources]),
        [
          ['19', 2, 2, 2],
          ['04', 1, 2, 2],
        ],
      );
    });

    test('reprocess: stale documents are listed and their layers replaced', async () => {
      const stale = await store.staleDocuments('test-2', 2);
      assert.equal(stale.length, 2);
      const rest = await store.staleDocuments('test-2', 10, stale[1].id);
      assert.equal(rest.length, 2);
      const updated = samplePrepared('test-2');
      for (const d of updated) d.json.events = [];
      await store.replaceExtraction(updated);
      assert.equal((await store.staleDocuments('test-2', 10)).length, 0);
      assert.equal((await store.stats()).events, 0);
      assert.deepEqual(await store.getDocument(updated[0].json.doc.id), updated[0].json);
    });

    test('quotes by speaker and by document, with offsets into the text', async () => {
      const text = 'قال وزير الخارجية السعودي إن "المحادثات كانت مثمرة" وأضاف أن التعاون مستمر.';
      const qs = text.indexOf('"') + 1;
      const qe = text.indexOf('"', qs);
      const j = {
        schema: 'marsad/1',
        doc: { id: docId(text), text, title: null, date: '2021-03-09', source: 'وكالة الغرب', url: null },
        entities: [
          {
            id: 'E1',
            type: 'PER',
            name: { ar: 'وزير الخارجية السعودي', en: null },
            actor: { id: null, code: 'SAUGOV', country: 'SAU', sectors: ['GOV'] },
            geo: null,
            mentions: [{ start: 4, end: 25, text: text.slice(4, 25) }],
          },
        ],
        quotes: [
          {
            id: 'Q1',
            start: qs,
            end: qe,
            text: text.slice(qs, qe),
            direct: true,
            speaker: 'E1',
            speakerText: null,
            cue: null,
          },
        ],
        times: [],
        events: [],
      } as unknown as MarsadJson;
      await store.write({
        docs: [prepareJson(j, { pipelineVersion: 'test-2', origin: { where: 'quote:1' } })],
      });
      const mine = await store.quotes({ speaker: 'code:SAUGOV' });
      assert.equal(mine.length, 1);
      const q = mine[0];
      assert.equal(q.doc, j.doc.id);
      assert.equal(q.quote, 'Q1');
      assert.equal(q.direct, true);
      assert.equal(text.slice(q.start, q.end), 'المحادثات كانت مثمرة');
      assert.equal(q.text, 'المحادثات كانت مثمرة');
      assert.deepEqual(q.speaker, { entity: 'E1', key: 'code:SAUGOV', name: 'وزير الخارجية السعودي' });
      assert.equal(q.date, '2021-03-09');
      assert.deepEqual(await store.quotes({ doc: j.doc.id }), mine);
      assert.deepEqual(await store.quotes({ speaker: 'code:USAMIL' }), []);
      assert.deepEqual(await store.quotes({ speaker: 'code:SAUGOV', offset: 1 }), []);
    });

    // Last: it adds documents to the shared store.
    test('equal scores are ordered by id on every page, also across a page boundary', async () => {
      // Same length, same term frequencies for the query word: the same bm25 score.
      const texts = [
        'قطف المزارعون الزيتون في حمص',
        'قطف المزارعون الزيتون في حلب',
        'قطف المزارعون الزيتون في درعا',
      ];
      const tied = texts.map((text, i) =>
        prepareJson(
          {
            schema: 'marsad/1',
            doc: { id: docId(text), text, title: null, date: '2021-04-01', source: null, url: null },
            entities: [],
            quotes: [],
            times: [],
            events: [],
          } as unknown as MarsadJson,
          { pipelineVersion: 'test-1', origin: { where: `tied:${i}` } },
        ),
      );
      await store.write({ docs: tied });
      const ids = tied.map((d) => d.json.doc.id).sort();
      const q = 'الزيتون';
      const all = await store.searchDocuments(q, {}, { facets: false, snippets: false });
      assert.equal(all.total, 3);
      assert.deepEqual(
        all.results.map((h) => h.id),
        ids,
      );
      assert.equal(new Set(all.results.map((h) => h.score)).size, 1);
      for (const [limit, offset] of [
        [1, 0],
        [2, 0],
        [1, 1],
        [2, 1],
        [1, 2],
      ]) {
        for (const facets of [false, true]) {
          // facets: the page comes from the same statement as the facets.
          const p = await store.searchDocuments(q, {}, { facets, snippets: false, limit, offset });
          assert.equal(p.total, 3);
          assert.deepEqual(
            p.results.map((h) => h.id),
            ids.slice(offset, offset + limit),
            `limit ${limit} offset ${offset} facets ${facets}`,
          );
          if (facets) assert.deepEqual(p.facets!.days, [{ day: '2021-04-01', count: 3 }]);
        }
      }
    });
  });
}

test('SQLite and PostgreSQL return the same search results in the same order', { skip: PG_SKIP }, () => {
  assert.equal(searchOutputs.size, 2, 'both suites ran');
  assert.deepEqual(searchOutputs.get('postgres'), searchOutputs.get('sqlite'));
});
