// The UI's side of the HTTP API: typed fetch helpers (types shared with the server) and the hash
// router's URL helpers.
import { useEffect, useState } from 'preact/hooks';
import type { MarsadJson } from '../../src/doc/doc.js';
import type {
  ActorSummary,
  Cluster,
  EventRecord,
  Graph,
  QuadPoint,
  SearchResult,
  StoreStats,
  TimelinePoint,
} from '../../src/store/types.js';

export type {
  ActorSummary,
  Cluster,
  EventRecord,
  Graph,
  MarsadJson,
  QuadPoint,
  SearchResult,
  StoreStats,
  TimelinePoint,
};

export interface DocumentResponse {
  document: MarsadJson;
  meta: { cluster: Cluster | null };
}

export interface ActorQuote {
  doc: string;
  title: string | null;
  date: string | null;
  id: string;
  text: string;
  direct: boolean;
}

export interface ActorResponse {
  actor: ActorSummary;
  timeline: TimelinePoint[];
  partners: { key: string; name: string; events: number }[];
  events: EventRecord[];
  quotes: ActorQuote[];
}

export interface CameoLabels {
  quadClasses: Record<string, string>;
  codes: { code: string; en: string; ar: string | null; quadClass: number }[];
}

export type Params = Record<string, string | number | undefined | null>;

export function queryString(params: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

async function readJson<T>(r: Response): Promise<T> {
  const body = (await r.json().catch(() => null)) as unknown;
  if (!r.ok) {
    const e = (body ?? {}) as { error?: string; parameter?: string };
    throw new ApiFailure(r.status, e.error ?? `HTTP ${r.status}`, e.parameter);
  }
  return body as T;
}

export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  return readJson<T>(
    await fetch(`api/${path}${queryString(params)}`, { headers: { accept: 'application/json' } }),
  );
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  return readJson<T>(
    await fetch(`api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: string } | { state: 'ok'; data: T };

/** Fetch on mount and whenever `key` changes; stale answers are dropped. */
export function useApi<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setValue({ state: 'loading' });
    load().then(
      (data) => live && setValue({ state: 'ok', data }),
      (e: unknown) => live && setValue({ state: 'error', error: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return value;
}

/** The current route: '#/search?q=…' → { page: 'search', arg: '', params }. */
export interface Route {
  page: string;
  arg: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
  const [page, ...rest] = path.split('/');
  return { page: page || 'search', arg: decodeURIComponent(rest.join('/')), params };
}

export function href(page: string, arg?: string, params: Params = {}): string {
  return `#/${page}${arg ? '/' + encodeURIComponent(arg) : ''}${queryString(params)}`;
}
