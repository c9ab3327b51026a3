// An article's text with its standoff layers drawn in: entity mentions coloured by type, quotes
// underlined with their speaker after them, event triggers boxed, time expressions dotted.
// Overlapping spans are handled by cutting the text at every span boundary.
import type { ComponentChildren } from 'preact';
import type { MarsadJson } from '../api.js';
import { label, useT, type Lang } from '../i18n.js';
import { entityName } from '../names.js';

interface Mark {
  start: number;
  end: number;
  cls: string;
  title: string;
  id: string;
}

function marks(json: MarsadJson, lang: Lang): Mark[] {
  const out: Mark[] = [];
  for (const e of json.entities)
    for (const m of e.mentions)
      out.push({
        start: m.start,
        end: m.end,
        cls: `ent ent-${e.type}`,
        title: `${label(e.type as 'PER', lang)}: ${entityName(e, lang)}${e.actor.code ? ` (${e.actor.code})` : ''}`,
        id: e.id,
      });
  for (const q of json.quotes)
    out.push({
      start: q.start,
      end: q.end,
      cls: q.direct ? 'quote' : 'quote indirect',
      title: label('quote', lang),
      id: q.id,
    });
  for (const v of json.events)
    out.push({
      start: v.trigger.start,
      end: v.trigger.end,
      cls: 'trigger',
      title: `${label('trigger', lang)}: CAMEO ${v.cameo}`,
      id: v.id,
    });
  for (const t of json.times)
    out.push({
      start: t.start,
      end: t.end,
      cls: 'time',
      title: `${label('TIME', lang)}: ${t.value ?? '?'}`,
      id: t.id,
    });
  return out.filter((m) => m.end > m.start);
}

export function Annotated({ json }: { json: MarsadJson }) {
  const { lang } = useT();
  const text = json.doc.text;
  const all = marks(json, lang);
  const entities = new Map(json.entities.map((e) => [e.id, e]));
  // After each quote: who said it.
  const attributions = new Map<number, ComponentChildren[]>();
  for (const q of json.quotes) {
    const speaker = q.speaker ? entities.get(q.speaker) : undefined;
    const who = speaker ? entityName(speaker, lang) : (q.speakerText?.text ?? label('unknownSpeaker', lang));
    const list = attributions.get(q.end) ?? [];
    list.push(
      <sup class="attribution" data-quote={q.id} key={`a${q.id}`}>
        — {who}
      </sup>,
    );
    attributions.set(q.end, list);
  }
  const cuts = new Set<number>([0, text.length]);
  for (const m of all) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: ComponentChildren[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const on = all.filter((m) => m.start <= a && m.end >= b);
    const piece = text.slice(a, b);
    if (on.length === 0) parts.push(piece);
    else
      parts.push(
        <span
          key={a}
          class={on.map((m) => m.cls).join(' ')}
          title={on.map((m) => m.title).join(' · ')}
          data-ids={on.map((m) => m.id).join(' ')}
        >
          {piece}
        </span>,
      );
    const after = attributions.get(b);
    if (after) parts.push(...after);
  }
  return (
    <div class="article-text" dir="rtl" lang="ar">
      {parts}
    </div>
  );
}

export function Legend() {
  const { t } = useT();
  return (
    <div class="legend" aria-label={t('legend')}>
      {(['PER', 'ORG', 'GPE', 'LOC', 'FAC', 'MISC'] as const).map((k) => (
        <span key={k} class={`ent ent-${k}`}>
          {t(k)}
        </span>
      ))}
      <span class="quote">{t('quote')}</span>
      <span class="trigger">{t('trigger')}</span>
      <span class="time">{t('TIME')}</span>
    </div>
  );
}
