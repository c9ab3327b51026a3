// Event tables: actor → action → actor with the CAMEO label in the UI language, time, place and
// modality; one for a document's marsad/1 events, one for the store's event records.
import type { EventRecord, MarsadJson } from '../api.js';
import { href } from '../api.js';
import { hasLabel, useT } from '../i18n.js';
import { cameoLabel, entityName, useCameo } from '../names.js';

function Modality({ value }: { value: string }) {
  const { t } = useT();
  return <span class={`modality m-${value}`}>{hasLabel(value) ? t(value) : value}</span>;
}

function Action({ cameo }: { cameo: string }) {
  const { lang } = useT();
  const index = useCameo();
  const other = lang === 'ar' ? 'en' : 'ar';
  return (
    <span class="action" title={`CAMEO ${cameo} — ${cameoLabel(index, cameo, other)}`}>
      {cameoLabel(index, cameo, lang)} <code>{cameo}</code>
    </span>
  );
}

export function DocEventsTable({ json }: { json: MarsadJson }) {
  const { t, lang } = useT();
  if (json.events.length === 0) return <p class="empty">{t('emptyLayer')}</p>;
  const entities = new Map(json.entities.map((e) => [e.id, e]));
  const times = new Map(json.times.map((x) => [x.id, x]));
  const who = (a: { entity: string | null; code: string | null }) => {
    const e = a.entity ? entities.get(a.entity) : undefined;
    return e ? entityName(e, lang) : (a.code ?? '—');
  };
  return (
    <table class="events-table">
      <thead>
        <tr>
          <th>{t('sourceActor')}</th>
          <th>{t('action')}</th>
          <th>{t('targetActor')}</th>
          <th>{t('time')}</th>
          <th>{t('place')}</th>
          <th>{t('modality')}</th>
        </tr>
      </thead>
      <tbody>
        {json.events.map((v) => {
          const time = v.time ? times.get(v.time) : undefined;
          const place = v.location ? entities.get(v.location) : undefined;
          return (
            <tr key={v.id} data-event={v.id}>
              <td>{who(v.source)}</td>
              <td>
                <Action cameo={v.cameo} /> <span class="trigger-text">«{v.trigger.text}»</span>
              </td>
              <td>{who(v.target)}</td>
              <td>{time ? (time.value ?? time.text) : (json.doc.date ?? '—')}</td>
              <td>{place ? entityName(place, lang) : '—'}</td>
              <td>
                <Modality value={v.modality} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ActorCell({ a }: { a: EventRecord['source'] }) {
  const { lang } = useT();
  const text = lang === 'en' ? (a.code ?? a.name ?? '—') : (a.name ?? a.code ?? '—');
  const key = a.actorId ?? (a.code ? `code:${a.code}` : a.name);
  return key ? <a href={href('actor', key)}>{text}</a> : <span>{text}</span>;
}

export function EventRecordsTable({ events }: { events: EventRecord[] }) {
  const { t } = useT();
  if (events.length === 0) return <p class="empty">{t('emptyLayer')}</p>;
  return (
    <table class="events-table">
      <thead>
        <tr>
          <th>{t('date')}</th>
          <th>{t('sourceActor')}</th>
          <th>{t('action')}</th>
          <th>{t('targetActor')}</th>
          <th>{t('place')}</th>
          <th>{t('modality')}</th>
          <th>{t('article')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.globalId} class={`quad-${e.quadClass}`}>
            <td>{e.day ?? '—'}</td>
            <td>
              <ActorCell a={e.source} />
            </td>
            <td>
              <Action cameo={e.cameo} />
            </td>
            <td>
              <ActorCell a={e.target} />
            </td>
            <td>{e.location?.name ?? '—'}</td>
            <td>
              <Modality value={e.modality} />
            </td>
            <td>
              <a href={href('doc', e.doc)}>«{e.trigger.text}»</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
