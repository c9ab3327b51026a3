// marsad export events [--db …] [--format csv|jsonl] [--from D] [--to D] [--root NN] [--min-confidence X] [--out FILE]
//
// GDELT-like event table. Mapping from the store (marsad/1 events) to the columns:
//   GlobalEventID        store-wide event number (events.gid; stable until the document is reprocessed)
//   Day                  YYYYMMDD: the event's resolved time when it is a full date, else the document date
//   Actor1Code           source actor code (event.source.code; CAMEO-style country + role, e.g. IRNMIL)
//   Actor1Name           source entity's Arabic name (entities[].name.ar)
//   Actor1CountryCode    source entity's actor.country (ISO 3166-1 alpha-3)
//   Actor1Type1Code      source entity's first role code (actor.sectors[0]: GOV, MIL, …)
//   Actor2*              the same for the target
//   IsRootEvent          1 (every stored event is reported in its own document)
//   EventCode            full CAMEO code (event.cameo); EventBaseCode its first three digits
//   EventRootCode        CAMEO root (event.root)
//   QuadClass            1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict
//   GoldsteinScale       event.goldstein
//   NumMentions          copies (exact duplicates included) of the documents in the event's story cluster
//   NumSources           distinct sources among those copies
//   NumArticles          documents in the story cluster (near-duplicates count once each)
//   ActionGeo_FullName   name of the event's location entity; ActionGeo_CountryCode its country
//   ActionGeo_Lat/Long   its coordinates (entities[].geo) when known
//   SOURCEURL            the document's URL
// and ours: MarsadDocID (sha256 of the text), MarsadEventID (V1…), TriggerStart/TriggerEnd (UTF-16
// offsets into the document text), TriggerText, PLOVER, Modality, Confidence.
import { createWriteStream } from 'node:fs';
import type { EventFilter, EventRecord } from '../store/types.js';
import { command, UsageError, withStore } from './args.js';

const exportUsage = `usage: marsad export events [--db PATH|postgres://…] [--format csv|jsonl] [--out FILE]
                            [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--root NN] [--min-confidence X]

Writes the stored events as a GDELT-like table (columns documented in src/cli/export.ts).
--min-confidence X keeps events whose confidence is at least X (0–1): fewer, more often right
(docs/EVALUATION.md, Events, measures the trade).`;

export const EVENT_COLUMNS = [
  'GlobalEventID',
  'Day',
  'Actor1Code',
  'Actor1Name',
  'Actor1CountryCode',
  'Actor1Type1Code',
  'Actor2Code',
  'Actor2Name',
  'Actor2CountryCode',
  'Actor2Type1Code',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'ActionGeo_FullName',
  'ActionGeo_CountryCode',
  'ActionGeo_Lat',
  'ActionGeo_Long',
  'SOURCEURL',
  'MarsadDocID',
  'MarsadEventID',
  'TriggerStart',
  'TriggerEnd',
  'TriggerText',
  'PLOVER',
  'Modality',
  'Confidence',
] as const;

type Row = Record<(typeof EVENT_COLUMNS)[number], string | number | null>;

export function eventRow(v: EventRecord): Row {
  return {
    GlobalEventID: v.globalId,
    Day: v.day ? v.day.replace(/-/g, '') : null,
    Actor1Code: v.source.code,
    Actor1Name: v.source.name,
    Actor1CountryCode: v.source.country,
    Actor1Type1Code: v.source.type,
    Actor2Code: v.target.code,
    Actor2Name: v.target.name,
    Actor2CountryCode: v.target.country,
    Actor2Type1Code: v.target.type,
    IsRootEvent: 1,
    EventCode: v.cameo,
    EventBaseCode: v.cameo.slice(0, 3),
    EventRootCode: v.root,
    QuadClass: v.quadClass,
    GoldsteinScale: v.goldstein,
    NumMentions: v.numMentions,
    NumSources: v.numSources,
    NumArticles: v.numArticles,
    ActionGeo_FullName: v.location?.name ?? null,
    ActionGeo_CountryCode: v.location?.country ?? null,
    ActionGeo_Lat: v.location?.lat ?? null,
    ActionGeo_Long: v.location?.lon ?? null,
    SOURCEURL: v.url,
    MarsadDocID: v.doc,
    MarsadEventID: v.event,
    TriggerStart: v.trigger.start,
    TriggerEnd: v.trigger.end,
    TriggerText: v.trigger.text,
    PLOVER: v.plover,
    Modality: v.modality,
    Confidence: v.confidence,
  };
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const runExport = command(
  exportUsage,
  { strings: ['db', 'format', 'out', 'from', 'to', 'root', 'min-confidence'] },
  async (args, out, err) => {
    if (args.positionals[0] !== 'events' || args.positionals.length !== 1)
      throw new UsageError(`expected 'events'\n\n${exportUsage}`);
    const format = args.oneOf('format', ['csv', 'jsonl'] as const, 'csv');
    const filter: EventFilter = {
      from: args.date('from'),
      to: args.date('to'),
      root: args.root('root'),
      minConfidence: args.number('min-confidence', 0, 1),
    };
    const file = args.string('out');
    return withStore(args.db(), 'export', err, async (store) => {
      const sink = file ? createWriteStream(file) : out;
      try {
        if (format === 'csv') sink.write(EVENT_COLUMNS.join(',') + '\n');
        const page = 5000;
        for (let offset = 0; ; offset += page) {
          const events = await store.events({ ...filter, limit: page, offset });
          for (const v of events) {
            const row = eventRow(v);
            sink.write(
              format === 'csv'
                ? EVENT_COLUMNS.map((c) => csvCell(row[c])).join(',') + '\n'
                : JSON.stringify(row) + '\n',
            );
          }
          if (events.length < page) break;
        }
      } finally {
        if (sink !== out) await new Promise<void>((r) => (sink as NodeJS.WritableStream).end(r));
      }
      return 0;
    });
  },
);
