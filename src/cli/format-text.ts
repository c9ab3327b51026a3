// The human summary printed by `marsad extract --format text`.
import type { Doc } from '../doc/types.js';

export function formatText(doc: Doc, where: string): string {
  const lines: string[] = [];
  const t = (s: { start: number; end: number }) => doc.text.slice(s.start, s.end);
  lines.push(`== ${where}`);
  lines.push(`title:     ${doc.meta.title ?? '—'}`);
  lines.push(`date:      ${doc.meta.date ?? '—'}${doc.meta.source ? `   source: ${doc.meta.source}` : ''}`);
  if (doc.dateline)
    lines.push(
      `dateline:  ${doc.dateline.text}${doc.dateline.agency ? ` (${doc.dateline.agency.text})` : ''}`,
    );
  lines.push(
    `counts:    ${doc.paragraphs.length} paragraphs, ${doc.sentences.length} sentences, ${doc.tokens.count} tokens, ` +
      `${doc.entities.length} entities, ${doc.times.length} times, ${doc.quotes.length} quotes, ${doc.events.length} events`,
  );
  if (doc.entities.length) {
    lines.push('entities:');
    for (const e of doc.entities) {
      const code = e.actor.code ? ` [${e.actor.code}]` : '';
      const en = e.name.en ? ` (${e.name.en})` : '';
      lines.push(`  ${e.id} ${e.type.padEnd(4)} ${e.name.ar}${en}${code} ×${e.mentions.length}`);
    }
  }
  if (doc.times.length) {
    lines.push('times:');
    for (const x of doc.times)
      lines.push(`  ${x.id} ${x.text} → ${x.value ?? '?'}${x.mod ? ` ${x.mod}` : ''}`);
  }
  if (doc.quotes.length) {
    lines.push('quotes:');
    for (const q of doc.quotes) {
      const who = q.speakerText ? q.speakerText.text : '?';
      const body = q.text.length > 80 ? `${q.text.slice(0, 77)}…` : q.text;
      lines.push(`  ${q.id} ${who}: ${q.direct ? '“' : ''}${body}${q.direct ? '”' : ''}`);
    }
  }
  if (doc.events.length) {
    lines.push('events:');
    for (const v of doc.events) {
      lines.push(
        `  ${v.id} ${v.cameo} ${v.plover.padEnd(10)} ${v.source.code ?? '—'} → ${v.target.code ?? '—'}  «${v.trigger.text}» ${v.modality}`,
      );
    }
  }
  lines.push('sentences:');
  doc.sentences.forEach((s, i) => lines.push(`  [${i}] ${t(s)}`));
  return lines.join('\n');
}
