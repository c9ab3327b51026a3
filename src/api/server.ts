// The HTTP server: the JSON API under /api (typed, validated routes on the Store interface, with
// an OpenAPI document generated from the route schemas) and the web UI's static files at /.
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { packageRoot } from '../resources.js';
import type { ActorSummary, PreparedDoc, PutResult, Store } from '../store/types.js';
import { loadCameoLabels } from './cameo.js';
import { Extractor } from './ingest.js';
import { eventsCsv, eventsJsonl } from './csv.js';
import { ApiError, errorHandler } from './errors.js';
import { inTurns, Turns } from './turns.js';
import {
  ActorKey,
  ActorsQuery,
  DocId,
  DocumentBody,
  ErrorBody,
  EventsQuery,
  EventTimelineQuery,
  ExtractBody,
  GraphQuery,
  SearchQuery,
  TimelineQuery,
} from './schemas.js';

/** Stores one posted document, already extracted and prepared; wired to the store by the CLI. */
export type Ingestor = (doc: PreparedDoc) => Promise<PutResult>;

export interface ServerOptions {
  store: Store;
  /** Bearer token for write routes; null or empty = read-only server. */
  token?: string | null;
  ingest?: Ingestor | null;
  /** Extraction worker threads for POST /api/extract and /api/documents (default 1; 0 = in the server's thread). */
  extractWorkers?: number;
  /** Folder of the built web UI; null = API only. Default: web/dist when it exists. */
  webRoot?: string | null;
  /** Largest body POST /api/extract accepts, in bytes (default 256 KiB). */
  extractLimit?: number;
  /** Largest body POST /api/documents accepts, in bytes (default 1 MiB). */
  documentLimit?: number;
  logger?: boolean;
  /**
   * Seconds a read answer (GET /api/…) is reused for the same URL (default 10; 0 = off). Writes
   * through this server clear it; writes by another process show after at most this long.
   */
  cacheSeconds?: number;
}

/** The Store methods the routes read through (queued in turns). */
const READS = [
  'searchDocuments',
  'getDocument',
  'events',
  'countEvents',
  'eventTimeline',
  'quotes',
  'actors',
  'timeline',
  'graph',
  'clusters',
  'documentCluster',
  'stats',
] as const satisfies readonly (keyof Store)[];

export const defaultWebRoot = join(packageRoot, 'web', 'dist');

const errorResponses = {
  400: { ...ErrorBody, description: 'bad parameter (named in `parameter`)' },
};

const csp = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function sha(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Compare a presented token with the configured one in constant time. */
function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(sha(presented), sha(expected));
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  // Store reads one at a time, one per event-loop turn (src/api/turns.ts).
  const store = inTurns(opts.store, new Turns(), READS);
  const token = opts.token ? opts.token : null;
  const extractLimit = opts.extractLimit ?? 256 * 1024;
  const documentLimit = opts.documentLimit ?? 1024 * 1024;
  const webRoot =
    opts.webRoot === undefined ? (existsSync(defaultWebRoot) ? defaultWebRoot : null) : opts.webRoot;

  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: 64 * 1024,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false },
    },
    routerOptions: { maxParamLength: 200 },
  });
  app.setErrorHandler(errorHandler);
  // JSON only: a text/plain body is refused (415) rather than failing validation.
  app.removeContentTypeParser('text/plain');

  const cache = new AnswerCache(opts.cacheSeconds ?? 10, 1000);
  const cacheable = (req: FastifyRequest) =>
    cache.enabled &&
    req.method === 'GET' &&
    req.url.startsWith('/api/') &&
    !req.url.startsWith('/api/openapi');

  app.addHook('onRequest', async (req, reply) => {
    if (!cacheable(req)) return;
    const hit = cache.get(req.url);
    if (!hit) return;
    for (const [k, v] of Object.entries(hit.headers)) reply.header(k, v);
    reply.header('X-Cache', 'HIT');
    return reply.send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Content-Security-Policy', csp);
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    if (
      cacheable(req) &&
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      !reply.hasHeader('X-Cache')
    ) {
      const headers: Record<string, string> = {};
      for (const k of ['content-type', 'content-disposition']) {
        const v = reply.getHeader(k);
        if (typeof v === 'string') headers[k] = v;
      }
      cache.set(req.url, { body: payload, headers });
      reply.header('X-Cache', 'MISS');
    }
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Marsad API',
        version: '1',
        description:
          'Arabic news as structured, verifiable knowledge: search, documents (marsad/1), actors, CAMEO events, ' +
          'timeline, actor graph and live extraction. Every span carries UTF-16 offsets into doc.text.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'MARSAD_TOKEN' } },
      },
    },
  });

  const extractor = new Extractor(opts.extractWorkers ?? 1);
  app.addHook('onClose', async () => extractor.close());

  await app.register(
    async (api) => {
      api.get(
        '/search',
        {
          schema: {
            summary: 'Full-text search with filters, facets and highlighted snippets',
            tags: ['search'],
            querystring: SearchQuery,
            response: errorResponses,
          },
        },
        async (req) => {
          const q = req.query as SearchQuery;
          return store.searchDocuments(
            q.q,
            { from: q.from, to: q.to, source: q.source, actor: q.actor, root: q.root, place: q.place },
            { limit: q.limit, offset: q.offset, facets: q.facets, snippets: true },
          );
        },
      );

      api.get(
        '/documents/:id',
        {
          schema: {
            summary: 'One document: its marsad/1 JSON and its story cluster',
            tags: ['documents'],
            params: DocId,
            response: errorResponses,
          },
        },
        async (req) => {
          const { id } = req.params as { id: string };
          const document = await store.getDocument(id);
          if (!document) throw new ApiError(404, `no document with id ${id}`, 'id');
          // Only a story told by more than one document is shown as a cluster.
          const cluster = await store.documentCluster(id);
          return { document, meta: { cluster: cluster && cluster.size > 1 ? cluster : null } };
        },
      );

      api.get(
        '/actors',
        {
          schema: {
            summary: 'Actors by number of documents, optionally filtered by name prefix, code or id',
            tags: ['actors'],
            querystring: ActorsQuery,
            response: errorResponses,
          },
        },
        async (req) => {
          const q = req.query as ActorsQuery;
          return { actors: await store.actors({ query: q.q || undefined, limit: q.limit }) };
        },
      );

      api.get(
        '/actors/:id',
        {
          schema: {
            summary: 'One actor: who they are, mentions over time, top partners, events and quotes',
            tags: ['actors'],
            params: ActorKey,
            response: errorResponses,
          },
        },
        async (req) => {
          const { id } = req.params as { id: string };
          const actor = await findActor(store, id);
          if (!actor) throw new ApiError(404, `no actor ${JSON.stringify(id)}`, 'id');
          const key = actor.key;
          const [events, graph, timeline] = await Promise.all([
            store.events({ actor: key, limit: 200 }),
            store.graph({ actor: key, limit: 5000 }),
            store.timeline({ actor: key }),
          ]);
          const partners = new Map<string, { key: string; name: string; events: number }>();
          const names = new Map(graph.nodes.map((n) => [n.key, n.name]));
          for (const e of graph.edges) {
            const other = e.source === key ? e.target : e.target === key ? e.source : null;
            if (other === null || other === key) continue;
            const p = partners.get(other) ?? { key: other, name: names.get(other) ?? other, events: 0 };
            p.events += e.events;
            partners.set(other, p);
          }
          const quotes: ActorQuote[] = (await store.quotes({ speaker: key, limit: 50 })).map((q) => ({
            doc: q.doc,
            title: q.title,
            date: q.date,
            id: q.quote,
            text: q.text,
            direct: q.direct,
            start: q.start,
            end: q.end,
          }));
          return {
            actor,
            timeline,
            partners: [...partners.values()].sort((a, b) => b.events - a.events).slice(0, 20),
            events,
            quotes,
          };
        },
      );

      api.get(
        '/events',
        {
          schema: {
            summary: 'CAMEO events with filters and pagination; format=csv or jsonl downloads them',
            tags: ['events'],
            querystring: EventsQuery,
            response: errorResponses,
          },
        },
        async (req, reply) => {
          const { format, ...filter } = req.query as EventsQuery;
          const events = await store.events(filter);
          if (format === 'csv') {
            void reply
              .type('text/csv; charset=utf-8')
              .header('Content-Disposition', 'attachment; filename="marsad-events.csv"');
            return '\ufeff' + eventsCsv(events);
          }
          if (format === 'jsonl') {
            void reply
              .type('application/x-ndjson; charset=utf-8')
              .header('Content-Disposition', 'attachment; filename="marsad-events.jsonl"');
            return eventsJsonl(events);
          }
          return {
            offset: filter.offset,
            limit: filter.limit,
            total: await store.countEvents(filter),
            events,
          };
        },
      );

      api.get(
        '/events/timeline',
        {
          schema: {
            summary: 'Events per day and quad class (1 verbal cooperation … 4 material conflict)',
            tags: ['events'],
            querystring: EventTimelineQuery,
            response: errorResponses,
          },
        },
        async (req) => ({ timeline: await store.eventTimeline(req.query as EventTimelineQuery) }),
      );

      api.get(
        '/timeline',
        {
          schema: {
            summary: 'Documents and events per day',
            tags: ['events'],
            querystring: TimelineQuery,
            response: errorResponses,
          },
        },
        async (req) => ({ timeline: await store.timeline(req.query as TimelineQuery) }),
      );

      api.get(
        '/graph',
        {
          schema: {
            summary: 'Actor network: who acts on whom, weighted by events',
            tags: ['events'],
            querystring: GraphQuery,
            response: errorResponses,
          },
        },
        async (req) => store.graph(req.query as GraphQuery),
      );

      api.get(
        '/stats',
        { schema: { summary: 'Counts of what the store holds', tags: ['store'] } },
        async () => ({
          store: store.kind,
          readOnly: token === null || !opts.ingest,
          ...(await store.stats()),
        }),
      );

      api.get(
        '/cameo',
        {
          schema: {
            summary: 'CAMEO codes with Arabic and English labels and quad classes',
            tags: ['events'],
          },
        },
        async () => loadCameoLabels(),
      );

      api.post(
        '/extract',
        {
          bodyLimit: extractLimit,
          schema: {
            summary: `Extract one text (at most ${extractLimit} bytes) and return marsad/1; nothing is stored`,
            tags: ['extract'],
            body: ExtractBody,
            response: errorResponses,
          },
        },
        async (req) => (await extractor.prepare(req.body as ExtractBody)).json,
      );

      api.post(
        '/documents',
        {
          bodyLimit: documentLimit,
          onRequest: async (req: FastifyRequest) => {
            if (token === null || !opts.ingest)
              throw new ApiError(
                403,
                'this server is read-only: start it with MARSAD_TOKEN set to accept POST /api/documents',
              );
            const auth = req.headers.authorization ?? '';
            const m = /^Bearer ([^\s]+)$/.exec(auth);
            if (!m || !tokenMatches(m[1], token))
              throw new ApiError(401, 'missing or wrong bearer token (Authorization: Bearer $MARSAD_TOKEN)');
          },
          schema: {
            summary: 'Ingest one document (needs Authorization: Bearer $MARSAD_TOKEN)',
            tags: ['documents'],
            security: [{ bearer: [] }],
            body: DocumentBody,
            response: errorResponses,
          },
        },
        async (req, reply) => {
          const result = await opts.ingest!(await extractor.prepare(req.body as DocumentBody));
          cache.clear();
          void (reply as FastifyReply).code(result.status === 'new' ? 201 : 200);
          return result;
        },
      );

      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: ['index.html'] });
  }

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0];
    if (webRoot && req.method === 'GET' && !path.startsWith('/api/') && !path.includes('.')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send({ statusCode: 404, error: `no route ${req.method} ${path}` });
  });

  return app;
}

/** The actor a URL names: exact key, id or code first, then the store's best match for the query. */
async function findActor(store: Store, id: string): Promise<ActorSummary | null> {
  // Keys look like `kb-id`, `code:IRQGOV` or `name:PER:normalised name`: search by their last part.
  const query = id.startsWith('code:')
    ? id.slice(5)
    : id.startsWith('name:')
      ? id.slice(id.indexOf(':', 5) + 1)
      : id;
  const found = await store.actors({ query, limit: 50 });
  return (
    found.find((a) => a.key === id) ??
    found.find((a) => a.id === id || a.code === id) ??
    found.find((a) => a.name === id || a.nameEn === id) ??
    null
  );
}

export interface ActorQuote {
  doc: string;
  title: string | null;
  date: string | null;
  id: string;
  text: string;
  direct: boolean;
  start: number;
  end: number;
}

export interface ListenOptions {
  host?: string;
  port?: number;
}

/** Start listening; loopback unless told otherwise. Resolves to the base URL. */
export async function listen(app: FastifyInstance, opts: ListenOptions = {}): Promise<string> {
  const host = opts.host ?? '127.0.0.1';
  await app.listen({ host, port: opts.port ?? 8080 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** Recent read answers by URL, for a few seconds; oldest dropped first beyond `max` entries. */
class AnswerCache {
  private readonly entries = new Map<string, { at: number; body: string; headers: Record<string, string> }>();
  constructor(
    private readonly seconds: number,
    private readonly max: number,
  ) {}

  get enabled(): boolean {
    return this.seconds > 0;
  }

  get(url: string): { body: string; headers: Record<string, string> } | null {
    const e = this.entries.get(url);
    if (!e) return null;
    if (Date.now() - e.at > this.seconds * 1000) {
      this.entries.delete(url);
      return null;
    }
    return e;
  }

  set(url: string, value: { body: string; headers: Record<string, string> }): void {
    this.entries.delete(url);
    this.entries.set(url, { at: Date.now(), ...value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
