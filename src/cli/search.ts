// marsad search QUERY [--db …] [--format json|text] [--from --to --source --actor --root --place] [--limit N]
import { isValidDate } from '../ingest/readers.js';
import { DEFAULT_DB, openStore } from '../store/open.js';
import type { SearchFilters, SearchResult } from '../store/types.js';
import { oneOf, parse, UsageError } from './args.js';

export const searchUsage = `usage: marsad search QUERY [--db PATH|postgres://…] [--format json|text] [--limit N] [--offset N]
                     [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--source S] [--actor A] [--root NN] [--place P]
                     [--no-facets]

Arabic-aware full-text search: words are normalised and light-stemmed (الصواريخ finds صاروخ,
أمريكا finds الأميركية); all words must match; -word excludes. Ranked by bm25. An empty QUERY ('')
with filters lists the matching documents, newest first.
  --format   json (default: {"results":[…],"total":N,"facets":…}) or text`;

function formatText(r: SearchResult): string {
  const lines = [`${r.total} result${r.total === 1 ? '' : 's'}`];
  for (const h of r.results) {
    lines.push('');
    lines.push(`${h.title ?? '(untitled)'}  [${h.date ?? '?'} · ${h.source ?? '?'} · ${h.score}]`);
    lines.push(`  ${h.id}`);
    if (h.snippet) {
      let s = '';
      let at = h.snippet.start;
      for (const m of h.snippet.highlights) {
        s += h.snippet.text.slice(at - h.snippet.start, m.start - h.snippet.start);
        s += `[${h.snippet.text.slice(m.start - h.snippet.start, m.end - h.snippet.start)}]`;
        at = m.end;
      }
      s += h.snippet.text.slice(at - h.snippet.start);
      lines.push(`  ${s.replace(/\n/g, ' ')}`);
    }
  }
  if (r.facets) {
    const f = r.facets;
    lines.push('');
    if (f.sources.length)
      lines.push(`sources: ${f.sources.map((x) => `${x.source} (${x.count})`).join(', ')}`);
    if (f.actors.length) lines.push(`actors: ${f.actors.map((x) => `${x.name} (${x.count})`).join(', ')}`);
    if (f.roots.length) lines.push(`event roots: ${f.roots.map((x) => `${x.root} (${x.count})`).join(', ')}`);
    if (f.days.length) lines.push(`days: ${f.days.map((x) => `${x.day} (${x.count})`).join(', ')}`);
  }
  return lines.join('\n');
}

export async function runSearch(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const { values, positionals, help } = parse(
    argv,
    {
      db: { type: 'string' },
      format: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      source: { type: 'string' },
      actor: { type: 'string' },
      root: { type: 'string' },
      place: { type: 'string' },
      'no-facets': { type: 'boolean' },
    },
    searchUsage,
  );
  if (help) {
    out.write(searchUsage + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`no query given\n\n${searchUsage}`);
  const format = oneOf('format', values.format, ['json', 'text'] as const, 'json');
  const filters: SearchFilters = {};
  for (const k of ['from', 'to'] as const) {
    const v = values[k] as string | undefined;
    if (v === undefined) continue;
    if (!isValidDate(v)) throw new UsageError(`--${k}: expected YYYY-MM-DD, got ${JSON.stringify(v)}`);
    filters[k] = v;
  }
  for (const k of ['source', 'actor', 'place'] as const)
    if (values[k] !== undefined) filters[k] = values[k] as string;
  if (values.root !== undefined) {
    const r = values.root as string;
    if (!/^\d{1,2}$/.test(r) || Number(r) < 1 || Number(r) > 20)
      throw new UsageError(`--root: expected a CAMEO root code 01–20, got ${JSON.stringify(r)}`);
    filters.root = r.padStart(2, '0');
  }
  const num = (k: string, d: number) => {
    const v = values[k];
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${k}: expected a non-negative integer`);
    return n;
  };
  const limit = num('limit', 10);
  const offset = num('offset', 0);
  let store;
  try {
    store = await openStore((values.db as string | undefined) ?? DEFAULT_DB);
  } catch (e) {
    err.write(`marsad search: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const r = await store.searchDocuments(positionals.join(' '), filters, {
      limit,
      offset,
      facets: !values['no-facets'],
    });
    out.write(format === 'json' ? JSON.stringify(r) + '\n' : formatText(r) + '\n');
  } finally {
    await store.close();
  }
  return 0;
}
