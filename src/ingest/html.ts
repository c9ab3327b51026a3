// Saved web pages → documents: the main content (Mozilla Readability over a linkedom DOM) and
// title/date/url/source from the page's metadata (og:, article:published_time, JSON-LD NewsArticle).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ExtractInput } from '../pipeline.js';
import { notArabicReason } from '../text/language.js';
import { InputError } from './decode.js';
import { isValidDate } from './readers.js';

// Closing block tags and <br> become line breaks before the DOM flattens them into text.
const BLOCK_END =
  /<\/(?:p|div|h[1-6]|li|blockquote|tr|section|article|header|footer|pre|figcaption)\s*>|<br\s*\/?>/gi;

/** HTML fragment → plain text, one line per block, whitespace collapsed inside lines. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html.replace(BLOCK_END, '\n')}</body></html>`);
  const raw = document.body?.textContent ?? '';
  const lines: string[] = [];
  for (const line of raw.split('\n')) {
    const t = line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim();
    if (t) lines.push(t);
  }
  return lines.join('\n');
}

/** A publication date from an ISO-like or RFC 822 date string, as YYYY-MM-DD. */
export function toDay(s: unknown): string | null {
  if (typeof s !== 'string' || s.trim() === '') return null;
  const head = s.trim().slice(0, 10);
  if (isValidDate(head)) return head;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

interface PageMeta {
  title: string | null;
  date: string | null;
  url: string | null;
  source: string | null;
}

type Json = Record<string, unknown>;
type Dom = ReturnType<typeof parseHTML>['document'];
type ReadabilityDoc = ConstructorParameters<typeof Readability>[0];

function findArticle(node: unknown): Json | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const a = findArticle(n);
      if (a) return a;
    }
    return null;
  }
  if (!node || typeof node !== 'object') return null;
  const o = node as Json;
  const t = o['@type'];
  const types = Array.isArray(t) ? t : [t];
  if (types.some((x) => typeof x === 'string' && /Article$/.test(x))) return o;
  return findArticle(o['@graph']);
}

function pageMeta(document: Dom): PageMeta {
  const meta = (attr: string, name: string): string | null => {
    const el = document.querySelector(`meta[${attr}="${name}"]`);
    const v = el?.getAttribute('content');
    return v && v.trim() ? v.trim() : null;
  };
  let ld: Json | null = null;
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      ld = findArticle(JSON.parse(s.textContent ?? ''));
    } catch {
      // a broken JSON-LD block is ignored; the other metadata still applies
    }
    if (ld) break;
  }
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const publisher =
    ld && typeof ld.publisher === 'object' && ld.publisher ? (ld.publisher as Json).name : null;
  return {
    title:
      meta('property', 'og:title') ??
      str(ld?.headline) ??
      str(document.querySelector('title')?.textContent) ??
      null,
    date:
      toDay(meta('property', 'article:published_time')) ??
      toDay(ld?.datePublished) ??
      toDay(meta('name', 'date')) ??
      toDay(meta('itemprop', 'datePublished')) ??
      toDay(document.querySelector('time[datetime]')?.getAttribute('datetime')),
    url:
      meta('property', 'og:url') ??
      str(ld?.url) ??
      document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
      null,
    source: meta('property', 'og:site_name') ?? str(publisher),
  };
}

/** One HTML page → a document, or an InputError saying why not. */
export function htmlDocument(
  html: string,
  opts: { date?: string | null; url?: string | null } = {},
): ExtractInput {
  if (!/<[a-z!]/i.test(html)) throw new InputError('not HTML (no tags found)');
  const { document } = parseHTML(html);
  const meta = pageMeta(document);
  let text = '';
  try {
    const article = new Readability(document as unknown as ReadabilityDoc, { charThreshold: 100 }).parse();
    if (article?.content) text = htmlToText(article.content);
  } catch {
    // Readability gives up on some malformed pages: fall back to the body text below.
  }
  if (text.length < 40) text = htmlToText(document.body?.innerHTML ?? '');
  if (text.trim().length === 0) throw new InputError('no article text found in the HTML page');
  const notArabic = notArabicReason(text);
  if (notArabic) throw new InputError(notArabic);
  return {
    text,
    title: meta.title,
    date: meta.date ?? opts.date ?? null,
    url: meta.url ?? opts.url ?? null,
    source: meta.source,
    titleInText: false,
  };
}
