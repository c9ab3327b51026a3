// Actor: who they are (names, country, sector), mentions over time, top partners, the events they
// are source or target of, and their quotes.
import { getJson, href, useApi, type ActorResponse } from '../api.js';
import { DayBars } from '../components/charts.js';
import { EventRecordsTable } from '../components/EventTables.js';
import { num, useT } from '../i18n.js';
import { actorName } from '../names.js';

export function ActorPage({ id }: { id: string }) {
  const { t, lang } = useT();
  const res = useApi(id, () => getJson<ActorResponse>(`actors/${encodeURIComponent(id)}`));
  if (res.state === 'loading') return <p class="loading">{t('loading')}</p>;
  if (res.state === 'error')
    return (
      <p class="error" role="alert">
        {t('error')}: {res.error}
      </p>
    );
  const { actor, timeline, partners, events, quotes } = res.data;
  return (
    <div class="actor-page">
      <h2 class="actor-name">{actorName(actor, lang)}</h2>
      <dl class="facts">
        <dt>{t('actor')}</dt>
        <dd>
          <span lang="ar">{actor.name}</span>
          {actor.nameEn ? <span lang="en"> / {actor.nameEn}</span> : null}
        </dd>
        <dt>{t('country')}</dt>
        <dd>{actor.country ?? '—'}</dd>
        <dt>{t('sector')}</dt>
        <dd>
          {actor.type} {actor.code ? `· ${actor.code}` : ''}
        </dd>
        <dt>{t('documents')}</dt>
        <dd>{num(actor.documents, lang)}</dd>
        <dt>{t('mentions')}</dt>
        <dd>{num(actor.mentions, lang)}</dd>
      </dl>
      <div class="with-side">
        <section class="main">
          <h3>{t('mentionsOverTime')}</h3>
          <DayBars
            rows={timeline.map((p) => ({ day: p.day, values: [p.documents] }))}
            series={[{ key: 'docs', label: t('documents'), cls: 'bar-docs' }]}
          />
          <h3>{t('asSourceTarget')}</h3>
          <EventRecordsTable events={events} />
        </section>
        <aside class="side">
          <h3>{t('partners')}</h3>
          {partners.length === 0 ? <p class="empty">{t('emptyLayer')}</p> : null}
          <ul>
            {partners.map((p) => (
              <li key={p.key}>
                <a href={href('actor', p.key)}>{p.name}</a> <span class="count">{num(p.events, lang)}</span>
              </li>
            ))}
          </ul>
          <h3>{t('quotes')}</h3>
          {quotes.length === 0 ? <p class="empty">{t('emptyLayer')}</p> : null}
          <ul class="quote-list">
            {quotes.map((q) => (
              <li key={`${q.doc}/${q.id}`}>
                <q lang="ar" dir="rtl">
                  {q.text}
                </q>{' '}
                <a href={href('doc', q.doc)}>{q.title ?? q.doc.slice(0, 12)}</a> {q.date ?? ''}
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}
