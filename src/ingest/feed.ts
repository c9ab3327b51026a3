// RSS 2.0 and Atom feeds → documents, one per item/entry (fast-xml-parser).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { notArabicReason } from '../text/language.js';
import { InputError } from './decode.js';
import { htmlToText, toDay } from './html.js';
import type { ReadItem } from './readers.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
});

/** True when the text looks like an RSS/Atom/RDF document. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000);
  return /<(?:rss|feed|rdf:RDF)[\s>]/.test(head);
}

type Node = Record<string, unknown>;
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && '#text' in (v as Node)) return text((v as Node)['#text']);
  return null;
}

function atomLink(v: unknown): string | null {
  for (const l of list(v)) {
    if (typeof l === 'string') return l;
    const o = l as Node;
    if (!o['@_rel'] || o['@_rel'] === 'alternate') return (o['@_href'] as string) ?? null;
  }
  return null;
}

/** Parse a feed; each item becomes a document or a failure naming the item. */
export function readFeed(where: string, xml: string, opts: { date?: string | null } = {}): ReadItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InputError(`malformed feed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const root = parser.parse(xml) as Node;
  const out: ReadItem[] = [];
  let entries: {
    title: string | null;
    link: string | null;
    id: string | null;
    date: unknown;
    body: string | null;
  }[];
  let source: string | null;
  if (root.rss || root['rdf:RDF']) {
    const ch = ((root.rss as Node)?.channel ?? (root['rdf:RDF'] as Node)?.channel ?? {}) as Node;
    source = text(ch.title);
    const items = list(ch.item ?? (root['rdf:RDF'] as Node)?.item);
    entries = items.map((x) => {
      const it = x as Node;
      return {
        title: text(it.title),
        link: text(it.link),
        id: text(it.guid),
        date: text(it.pubDate) ?? text(it['dc:date']),
        body: text(it['content:encoded']) ?? text(it.description),
      };
    });
  } else if (root.feed) {
    const feed = root.feed as Node;
    source = text(feed.title);
    entries = list(feed.entry).map((x) => {
      const e = x as Node;
      return {
        title: text(e.title),
        link: atomLink(e.link),
        id: text(e.id),
        date: text(e.published) ?? text(e.updated),
        body: text(e.content) ?? text(e.summary),
      };
    });
  } else {
    throw new InputError('XML but not an RSS 2.0 or Atom feed (no <rss> or <feed> root)');
  }
  entries.forEach((e, i) => {
    const itemWhere = `${where}#${e.id ?? e.link ?? i + 1}`;
    try {
      const body = e.body ? htmlToText(e.body) : '';
      if (body.trim() === '') throw new InputError('feed item has no content or description');
      const reason = notArabicReason(body);
      if (reason) throw new InputError(reason);
      out.push({
        where: itemWhere,
        input: {
          text: body,
          title: e.title ? htmlToText(e.title) : null,
          date: toDay(e.date) ?? opts.date ?? null,
          url: e.link,
          source,
          titleInText: false,
        },
      });
    } catch (err) {
      out.push({ where: itemWhere, error: err instanceof InputError ? err.message : String(err) });
    }
  });
  return out;
}
