// The one document model: the original text plus standoff layers of spans.
// Every offset is a UTF-16 code-unit offset into `Doc.text`, half-open [start, end).

export interface Span {
  start: number;
  end: number;
}

export interface TextSpan extends Span {
  text: string;
}

export type EntityType = 'PER' | 'ORG' | 'GPE' | 'LOC' | 'FAC' | 'MISC';

export interface Actor {
  id: string | null;
  country: string | null;
  sectors: string[];
  code: string | null;
  /** Optional (marsad/1 extension): true when `country` was not in the mention but taken from the
   * article's main country (an unnamed role actor: الحكومة، قوات الأمن). Absent otherwise. */
  inferred?: boolean;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: { ar: string; en: string | null };
  actor: Actor;
  geo: { lat: number; lon: number } | null;
  mentions: TextSpan[];
}

export type TimeMod = 'START' | 'MID' | 'END' | 'BEFORE' | 'AFTER' | 'APPROX';

export interface TimeExpr extends TextSpan {
  id: string;
  value: string | null;
  mod: TimeMod | null;
  relative: boolean;
  /** Optional (marsad/1 extension): the last year of a year range; `value` holds the first. */
  until?: string;
}

export interface Quote extends TextSpan {
  id: string;
  direct: boolean;
  speaker: string | null;
  speakerText: TextSpan | null;
  cue: TextSpan | null;
}

export type Modality = 'asserted' | 'planned' | 'conditional' | 'negated' | 'reported';

export interface EventArg {
  entity: string | null;
  code: string | null;
}

export interface Event {
  id: string;
  cameo: string;
  root: string;
  quadClass: number;
  goldstein: number;
  plover: string;
  source: EventArg;
  target: EventArg;
  location: string | null;
  time: string | null;
  trigger: TextSpan;
  sentence: number;
  modality: Modality;
  confidence: number;
  /** Optional: a count in the event's clause (casualties, vehicles, troops), from doc.numbers. */
  quantity?: EventQuantity;
}

export interface EventQuantity extends TextSpan {
  value: number | null;
  approx: boolean;
  /** The counted noun (مركبة, قتيلا), when there is one. */
  counted: string | null;
}

export interface DocMeta {
  title: string | null;
  date: string | null;
  source: string | null;
  url: string | null;
}

/** Token kinds; numeric so the token layer can live in typed arrays. */
export const enum TokenKind {
  ArabicWord = 1,
  LatinWord = 2,
  Number = 3,
  Percent = 4,
  Date = 5,
  Url = 6,
  Email = 7,
  Hashtag = 8,
  Mention = 9,
  Punct = 10,
  Symbol = 11,
}

/**
 * Tokens as a struct of arrays: tokenising a day of news must not allocate an object per token.
 * `count` entries of `start`, `end` and `kind` are valid; the arrays may be longer.
 */
export interface TokenLayer {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
}

export interface Paragraph extends Span {
  /** 'title' for the headline, 'body' otherwise. */
  role: 'title' | 'body';
}

export interface Dateline extends TextSpan {
  entity: string | null;
  /** The agency or outlet named in the dateline, if any (e.g. واس, د ب أ). */
  agency: TextSpan | null;
}

/** A named-entity mention found by the tagger, before linking into entities. */
export interface Mention extends Span {
  type: EntityType;
  /** Tagger confidence in [0, 1]. */
  score: number;
}

/** A number in the text (digits or words), with the noun it counts when there is one. */
export interface NumberExpr extends TextSpan {
  value: number | null;
  /** true for vague quantities: عشرات (tens), مئات (hundreds), آلاف (thousands) */
  approx: boolean;
  counted: TextSpan | null;
}

export interface Doc {
  id: string;
  text: string;
  meta: DocMeta;
  language: string;
  /** True when the first line of `text` is the headline (plain-text articles). */
  titleInText: boolean;
  tokens: TokenLayer;
  paragraphs: Paragraph[];
  sentences: Span[];
  dateline: Dateline | null;
  /** NER output: typed spans, input to linking. */
  mentions: Mention[];
  entities: Entity[];
  numbers: NumberExpr[];
  times: TimeExpr[];
  quotes: Quote[];
  events: Event[];
}
