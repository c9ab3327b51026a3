// Search: a query with filters (dates, source, actor, event root, place), facets that refine the
// filters, results with highlighted snippets, and the matches' volume per day.
import type { ComponentChildren } from 'preact';
import { getJson, href, useApi, type SearchResult, type TimelinePoint } from '../api.js';
import { DayBars } from '../components/charts.js';
import { useFilterForm } from '../filter-form.js';
import { num, useT } from '../i18n.js';
import { RootSelect } from '../components/RootSelect.js';
import { cameoLabel, useCameo } from '../names.js';

export const filterKeys = ['from', 'to', 'source', 'actor', 'root', 'place'] as const;
const searchKeys = ['q', ...filterKeys, 'offset'];

function Snippet({ hit }: { hit: SearchResult['results'][number] }) {
  const s = hit.snippet;
  if (!s) return null;
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const h of [...s.highlights].sort((a, b) => a.start - b.start)) {
    const a = Math.max(at, h.start - s.start);
    const b = Math.min(s.text.length, h.end - s.start);
    if (b <= a) continue;
    parts.push(s.text.slice(at, a), <mark key={a}>{s.text.slice(a, b)}</mark>);
    at = b;
  }
  parts.push(s.text.slice(at));
  return (
    <p class="snippet" dir="rtl" lang="ar">
      {s.start > 0 ? '… ' : ''}
      {parts}
      {' …'}
    </p>
  );
}

export function SearchPage({
  params,
  go,
}: {
  params: URLSearchParams;
  go: (p: Record<string, string>) => void;
}) {
  const { t, lang } = useT();
  const cameo = useCameo();
  const { current, key, form, setForm, set, submit } = useFilterForm(params, searchKeys, go);
  // Without words or filters the page browses the newest documents: facets over the whole store
  // are costly, so the volume chart comes from the timeline instead and facets wait for a query.
  const browsing = Object.keys(current).every((k) => k === 'offset');
  const result = useApi(key, () =>
    getJson<SearchResult>('search', { ...current, limit: 20, facets: browsing ? 'false' : undefined }),
  );
  const timeline = useApi(browsing ? 'timeline' : '', () =>
    browsing ? getJson<{ timeline: TimelinePoint[] }>('timeline') : Promise.resolve({ timeline: [] }),
  );
  const days = browsing
    ? timeline.state === 'ok'
      ? timeline.data.timeline.map((d) => ({ day: d.day, values: [d.documents] }))
      : []
    : (result.state === 'ok' ? (result.data.facets?.days ?? []) : []).map((d) => ({
        day: d.day,
        values: [d.count],
      }));
  const refine = (k: string, v: string) => {
    const next = { ...current, [k]: v };
    delete next.offset;
    setForm(next);
    go(next);
  };
  const offset = Number(current.offset ?? 0);
  return (
    <div class="search-page">
      <form class="search-form" onSubmit={submit} role="search">
        <input
          type="search"
          name="q"
          class="q"
          value={form.q ?? ''}
          onInput={set('q')}
          placeholder={t('query')}
          aria-label={t('query')}
          lang="ar"
          dir="rtl"
        />
        <button type="submit">{t('go')}</button>
        <div class="filters">
          <label>
            {t('from')} <input type="date" name="from" value={form.from ?? ''} onInput={set('from')} />
          </label>
          <label>
            {t('to')} <input type="date" name="to" value={form.to ?? ''} onInput={set('to')} />
          </label>
          <label>
            {t('source')} <input name="source" value={form.source ?? ''} onInput={set('source')} />
          </label>
          <label>
            {t('actor')} <input name="actor" value={form.actor ?? ''} onInput={set('actor')} />
          </label>
          <RootSelect value={form.root ?? ''} onChange={set('root')} />
          <label>
            {t('place')} <input name="place" value={form.place ?? ''} onInput={set('place')} />
          </label>
          <button
            type="button"
            class="link"
            onClick={() => {
              setForm({});
              go({});
            }}
          >
            {t('clear')}
          </button>
        </div>
      </form>
      {result.state === 'loading' ? <p class="loading">{t('loading')}</p> : null}
      {result.state === 'error' ? (
        <p class="error" role="alert">
          {t('error')}: {result.error}
        </p>
      ) : null}
      {result.state === 'ok' ? (
        <div class="with-side">
          <section class="results" aria-label={t('results')}>
            <h2>
              {t('results')}: <span class="total">{num(result.data.total, lang)}</span> {t('resultsCount')}
            </h2>
            {result.data.results.length === 0 ? <p class="empty">{t('noResults')}</p> : null}
            <ol class="hits">
              {result.data.results.map((h) => (
                <li key={h.id} class="hit">
                  <a class="hit-title" href={href('doc', h.id)} lang="ar" dir="rtl">
                    {h.title ?? h.id.slice(0, 12)}
                  </a>
                  <div class="hit-meta">
                    {h.date ?? ''} {h.source ? `· ${h.source}` : ''}
                  </div>
                  <Snippet hit={h} />
                </li>
              ))}
            </ol>
            <div class="pager">
              {offset > 0 ? (
                <button
                  type="button"
                  onClick={() => go({ ...current, offset: String(Math.max(0, offset - 20)) })}
                >
                  {t('previous')}
                </button>
              ) : null}
              {offset + 20 < result.data.total ? (
                <button type="button" onClick={() => go({ ...current, offset: String(offset + 20) })}>
                  {t('next')}
                </button>
              ) : null}
            </div>
          </section>
          <aside class="side" aria-label={t('facets')}>
            <h3>{t('perDay')}</h3>
            <DayBars rows={days} series={[{ key: 'docs', label: t('documents'), cls: 'bar-docs' }]} />
            {browsing ? <p class="empty">{t('facetsNeedQuery')}</p> : null}
            {browsing ? null : (
              <>
                <Facet
                  title={t('actors')}
                  items={(result.data.facets?.actors ?? []).map((a) => ({
                    key: a.key,
                    label: a.name,
                    count: a.count,
                  }))}
                  onPick={(v) => refine('actor', v)}
                />
                <Facet
                  title={t('roots')}
                  items={(result.data.facets?.roots ?? []).map((r) => ({
                    key: r.root,
                    label: `${r.root} ${cameoLabel(cameo, r.root, lang)}`,
                    count: r.count,
                  }))}
                  onPick={(v) => refine('root', v)}
                />
                <Facet
                  title={t('sources')}
                  items={(result.data.facets?.sources ?? []).map((s) => ({
                    key: s.source,
                    label: s.source,
                    count: s.count,
                  }))}
                  onPick={(v) => refine('source', v)}
                />
              </>
            )}
          </aside>
        </div>
      ) : null}
    </div>
  );
}

function Facet(props: {
  title: string;
  items: { key: string; label: string; count: number }[];
  onPick: (k: string) => void;
}) {
  const { t, lang } = useT();
  return (
    <section class="facet">
      <h3>{props.title}</h3>
      {props.items.length === 0 ? <p class="empty">{t('emptyLayer')}</p> : null}
      <ul>
        {props.items.map((i) => (
          <li key={i.key}>
            <button type="button" class="link" onClick={() => props.onPick(i.key)}>
              {i.label}
            </button>{' '}
            <span class="count">{num(i.count, lang)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
