// Article: the text with its layers drawn in, and beside it the events table, the entities, the
// quotes with their speakers and the story cluster (the same story from other outlets).
import { getJson, href, useApi, type DocumentResponse, type MarsadJson } from '../api.js';
import { Annotated, Legend } from '../components/Annotated.js';
import { DocEventsTable } from '../components/EventTables.js';
import { useT } from '../i18n.js';
import { entityName } from '../names.js';

export function ArticleView({ json }: { json: MarsadJson }) {
  const { t, lang } = useT();
  const entities = new Map(json.entities.map((e) => [e.id, e]));
  const actorLink = (e: MarsadJson['entities'][number]) =>
    e.actor.id ?? (e.actor.code ? `code:${e.actor.code}` : null);
  return (
    <div class="with-side article">
      <section class="main">
        <Legend />
        <Annotated json={json} />
      </section>
      <aside class="side">
        <h3>{t('eventsTable')}</h3>
        <div class="events-panel">
          <DocEventsTable json={json} />
        </div>
        <h3>{t('entities')}</h3>
        {json.entities.length === 0 ? <p class="empty">{t('emptyLayer')}</p> : null}
        <ul class="entity-list">
          {json.entities.map((e) => {
            const key = actorLink(e);
            const name = entityName(e, lang);
            return (
              <li key={e.id}>
                <span class={`ent ent-${e.type}`}>
                  {key ? <a href={href('actor', key)}>{name}</a> : name}
                </span>{' '}
                <small>
                  {t(e.type as 'PER')} {e.actor.code ? `· ${e.actor.code}` : ''} · {e.mentions.length}
                </small>
              </li>
            );
          })}
        </ul>
        <h3>{t('quotes')}</h3>
        {json.quotes.length === 0 ? <p class="empty">{t('emptyLayer')}</p> : null}
        <ul class="quote-list">
          {json.quotes.map((q) => {
            const s = q.speaker ? entities.get(q.speaker) : undefined;
            return (
              <li key={q.id}>
                <strong>{s ? entityName(s, lang) : (q.speakerText?.text ?? t('unknownSpeaker'))}</strong>
                {': '}
                <q lang="ar" dir="rtl">
                  {q.text}
                </q>
              </li>
            );
          })}
        </ul>
      </aside>
    </div>
  );
}

export function ArticlePage({ id }: { id: string }) {
  const { t } = useT();
  const doc = useApi(id, () => getJson<DocumentResponse>(`documents/${encodeURIComponent(id)}`));
  if (doc.state === 'loading') return <p class="loading">{t('loading')}</p>;
  if (doc.state === 'error')
    return (
      <p class="error" role="alert">
        {t('error')}: {doc.error}
      </p>
    );
  const { document: json, meta } = doc.data;
  const others = meta.cluster?.documents.filter((d) => d.id !== json.doc.id) ?? [];
  return (
    <div class="article-page">
      <h2 class="article-title" lang="ar" dir="rtl">
        {json.doc.title ?? json.doc.id.slice(0, 12)}
      </h2>
      <p class="hit-meta">
        {json.doc.date ?? ''} {json.doc.source ? `· ${json.doc.source}` : ''}{' '}
        {json.doc.url && /^https?:\/\//i.test(json.doc.url) ? (
          <a href={json.doc.url} rel="noreferrer noopener" target="_blank">
            {json.doc.url}
          </a>
        ) : null}
      </p>
      <ArticleView json={json} />
      <section class="cluster">
        <h3>{t('cluster')}</h3>
        {others.length === 0 ? <p class="empty">{t('noCluster')}</p> : null}
        <ul>
          {others.map((d) => (
            <li key={d.id}>
              <a href={href('doc', d.id)}>{d.title ?? d.id.slice(0, 12)}</a> {d.date ?? ''} {d.source ?? ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
