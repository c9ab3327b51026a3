// Events explorer: filters, a paged table, CSV/JSONL downloads of the filtered events, the
// quad-class timeline, the actor network and the map of event locations.
import { getJson, queryString, useApi, type EventRecord, type Graph, type QuadPoint } from '../api.js';
import { DayBars } from '../components/charts.js';
import { useFilterForm } from '../filter-form.js';
import { EventRecordsTable } from '../components/EventTables.js';
import { NetworkGraph } from '../components/NetworkGraph.js';
import { WorldMap } from '../components/WorldMap.js';
import { num, useT } from '../i18n.js';
import { RootSelect } from '../components/RootSelect.js';

const keys = ['from', 'to', 'root', 'actor', 'source', 'minConfidence'] as const;
// Confidence cut-offs offered: higher keeps fewer events that are more often right (see
// docs/EVALUATION.md, Events).
const CONFIDENCE_STEPS = ['0.6', '0.7', '0.8'];
const PAGE = 50;

export function EventsPage({
  params,
  go,
}: {
  params: URLSearchParams;
  go: (p: Record<string, string>) => void;
}) {
  const { t, lang } = useT();
  const { current: filter, key, form, set, submit } = useFilterForm(params, keys, go);
  const offset = Number(params.get('offset') ?? 0);
  const page = useApi(`${key}@${offset}`, () =>
    getJson<{ events: EventRecord[]; total: number }>('events', { ...filter, limit: PAGE, offset }),
  );
  const quad = useApi(key, () => getJson<{ timeline: QuadPoint[] }>('events/timeline', filter));
  const all = useApi(key, () => getJson<{ events: EventRecord[] }>('events', { ...filter, limit: 2000 }));
  const graph = useApi(key, () => getJson<Graph>('graph', filter));
  return (
    <div class="events-page">
      <form class="search-form" onSubmit={submit}>
        <div class="filters">
          <label>
            {t('from')} <input type="date" name="from" value={form.from ?? ''} onInput={set('from')} />
          </label>
          <label>
            {t('to')} <input type="date" name="to" value={form.to ?? ''} onInput={set('to')} />
          </label>
          <RootSelect value={form.root ?? ''} onChange={set('root')} />
          <label>
            {t('actor')} <input name="actor" value={form.actor ?? ''} onInput={set('actor')} />
          </label>
          <label>
            {t('source')} <input name="source" value={form.source ?? ''} onInput={set('source')} />
          </label>
          <label>
            {t('minConfidence')}{' '}
            <select name="minConfidence" value={form.minConfidence ?? ''} onChange={set('minConfidence')}>
              <option value="">{t('any')}</option>
              {CONFIDENCE_STEPS.map((c) => (
                <option key={c} value={c}>
                  ≥ {num(Number(c), lang)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('go')}</button>
        </div>
      </form>
      <p class="downloads">
        {t('download')}:{' '}
        <a
          class="download-csv"
          href={`api/events${queryString({ ...filter, limit: 10000, format: 'csv' })}`}
          download
        >
          CSV
        </a>{' '}
        ·{' '}
        <a
          class="download-jsonl"
          href={`api/events${queryString({ ...filter, limit: 10000, format: 'jsonl' })}`}
          download
        >
          JSONL
        </a>
      </p>
      <div class="grid2">
        <section>
          <h3>{t('quadTimeline')}</h3>
          {quad.state === 'ok' ? (
            <DayBars
              rows={quad.data.timeline.map((p) => ({ day: p.day, values: p.quad }))}
              series={[1, 2, 3, 4].map((q) => ({
                key: `q${q}`,
                label: t(`q${q}` as 'q1'),
                cls: `bar-q${q}`,
              }))}
            />
          ) : (
            <p class="loading">{t('loading')}</p>
          )}
          <h3>{t('map')}</h3>
          {all.state === 'ok' ? <WorldMap events={all.data.events} /> : <p class="loading">{t('loading')}</p>}
        </section>
        <section>
          <h3>{t('network')}</h3>
          {graph.state === 'ok' ? <NetworkGraph graph={graph.data} /> : null}
          {graph.state === 'error' ? <p class="error">{graph.error}</p> : null}
        </section>
      </div>
      <h3>{t('events')}</h3>
      {page.state === 'error' ? (
        <p class="error" role="alert">
          {t('error')}: {page.error}
        </p>
      ) : null}
      {page.state === 'ok' ? (
        <>
          <EventRecordsTable events={page.data.events} />
          <div class="pager">
            {offset > 0 ? (
              <button
                type="button"
                onClick={() => go({ ...filter, offset: String(Math.max(0, offset - PAGE)) })}
              >
                {t('previous')}
              </button>
            ) : null}
            <span>
              {num(offset + 1, lang)}…{num(offset + page.data.events.length, lang)} /{' '}
              {num(page.data.total, lang)}
            </span>
            {offset + page.data.events.length < page.data.total ? (
              <button type="button" onClick={() => go({ ...filter, offset: String(offset + PAGE) })}>
                {t('next')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
