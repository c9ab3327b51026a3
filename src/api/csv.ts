// Events as CSV (RFC 4180, one row per event, GDELT-like flat columns) and JSONL, for downloads.
import type { EventRecord } from '../store/types.js';

type Cell = string | number | null;

const columns: [string, (e: EventRecord) => Cell][] = [
  ['global_id', (e) => e.globalId],
  ['doc', (e) => e.doc],
  ['event', (e) => e.event],
  ['day', (e) => e.day],
  ['cameo', (e) => e.cameo],
  ['root', (e) => e.root],
  ['quad_class', (e) => e.quadClass],
  ['goldstein', (e) => e.goldstein],
  ['plover', (e) => e.plover],
  ['modality', (e) => e.modality],
  ['confidence', (e) => e.confidence],
  ['source_code', (e) => e.source.code],
  ['source_name', (e) => e.source.name],
  ['source_actor', (e) => e.source.actorId],
  ['source_country', (e) => e.source.country],
  ['source_type', (e) => e.source.type],
  ['target_code', (e) => e.target.code],
  ['target_name', (e) => e.target.name],
  ['target_actor', (e) => e.target.actorId],
  ['target_country', (e) => e.target.country],
  ['target_type', (e) => e.target.type],
  ['location', (e) => e.location?.name ?? null],
  ['location_country', (e) => e.location?.country ?? null],
  ['lat', (e) => e.location?.lat ?? null],
  ['lon', (e) => e.location?.lon ?? null],
  ['trigger', (e) => e.trigger.text],
  ['trigger_start', (e) => e.trigger.start],
  ['trigger_end', (e) => e.trigger.end],
  ['num_mentions', (e) => e.numMentions],
  ['num_sources', (e) => e.numSources],
  ['news_source', (e) => e.docSource],
  ['url', (e) => e.url],
];

const needsQuotes = /[",\r\n]/;

/** One CSV cell. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading '. */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v;
  const c = s.charCodeAt(0);
  if (c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d) s = "'" + s;
  return needsQuotes.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
}

const csvHeader = columns.map((c) => c[0]).join(',') + '\r\n';

export function eventsCsv(events: EventRecord[]): string {
  let out = csvHeader;
  for (const e of events) out += columns.map(([, get]) => csvCell(get(e))).join(',') + '\r\n';
  return out;
}

export function eventsJsonl(events: EventRecord[]): string {
  let out = '';
  for (const e of events) out += JSON.stringify(e) + '\n';
  return out;
}
