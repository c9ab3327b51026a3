// marsad search QUERY [--db …] [--format json|text] [--from --to --source --actor --root --place] [--limit N]
import type { SearchFilters, SearchResult } from '../store/types.js';
import { command, UsageError, withStore } from './args.js';

const searchUsage = `usage: marsad search QUERY [--db PATH|postgres://…] [--format json|text] [--limit N] [--offset N]
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

export const runSearch = command(
  searchUsage,
  {
    strings: ['db', 'format', 'limit', 'offset', 'from', 'to', 'source', 'actor', 'root', 'place'],
    flags: ['no-facets'],
  },
  async (args, out, err) => {
    if (args.positionals.length === 0) throw new UsageError(`no query given\n\n${searchUsage}`);
    const format = args.oneOf('format', ['json', 'text'] as const, 'json');
    const filters: SearchFilters = {
      from: args.date('from'),
      to: args.date('to'),
      source: args.string('source'),
      actor: args.string('actor'),
      root: args.root('root'),
      place: args.string('place'),
    };
    const limit = args.int('limit', 10);
    const offset = args.int('offset', 0);
    return withStore(args.db(), 'search', err, async (store) => {
      const r = await store.searchDocuments(args.positionals.join(' '), filters, {
        limit,
        offset,
        facets: !args.flag('no-facets'),
      });
      out.write(format === 'json' ? JSON.stringify(r) + '\n' : formatText(r) + '\n');
      return 0;
    });
  },
);
