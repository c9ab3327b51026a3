// Every input `marsad ingest` accepts → a stream of documents or failures: files of any supported
// kind, folders (recursively, in sorted order), saved HTML pages, RSS/Atom feeds (files or URLs),
// JSON/JSONL dumps (plain or gzipped; see ./readers) and stdin.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBytes, InputError } from './decode.js';
import { readFeed, looksLikeFeed } from './feed.js';
import { htmlDocument } from './html.js';
import { DEFAULT_MAX_BYTES, readPath, type ReadItem, type ReadOptions } from './readers.js';

const HTML = ['.html', '.htm', '.xhtml'];
const FEED = ['.xml', '.rss', '.atom'];
const OTHER = ['.txt', '.json', '.jsonl', '.jsonl.gz', '.ndjson'];

const hasExt = (p: string, exts: string[]) => exts.some((e) => p.toLowerCase().endsWith(e));

/** Files a folder contributes: the supported kinds only, hidden files skipped. */
export function supported(path: string): boolean {
  return hasExt(path, HTML) || hasExt(path, FEED) || hasExt(path, OTHER);
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && supported(p)) yield p;
  }
}

function fail(where: string, err: unknown): ReadItem {
  if (err instanceof InputError) return { where, error: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return { where, error: 'no such file or folder' };
  if (e?.code === 'EACCES') return { where, error: 'permission denied' };
  return { where, error: e?.message ?? String(err) };
}

/** A page or feed already decoded to text. */
function* markup(where: string, text: string, opts: ReadOptions, url: string | null): Generator<ReadItem> {
  if (looksLikeFeed(text)) {
    yield* readFeed(where, text, opts);
    return;
  }
  yield { where, input: htmlDocument(text, { date: opts.date ?? null, url }) };
}

async function* readUrl(url: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: 'follow' });
    if (!res.ok) throw new InputError(`HTTP ${res.status} ${res.statusText}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > (opts.maxBytes ?? DEFAULT_MAX_BYTES)) throw new InputError('response too large');
    const { text } = decodeBytes(bytes);
    yield* markup(url, text, opts, url);
  } catch (err) {
    yield fail(
      url,
      err instanceof InputError || !(err instanceof Error)
        ? err
        : new InputError(`fetch failed: ${err.message}`),
    );
  }
}

async function* readMarkupFile(path: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  try {
    const st = await stat(path);
    const max = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    if (st.size > max) throw new InputError(`file too large (${st.size} bytes, limit ${max})`);
    const { text } = decodeBytes(await readFile(path));
    if (hasExt(path, FEED) && !looksLikeFeed(text))
      throw new InputError('XML but not an RSS 2.0 or Atom feed (no <rss> or <feed> root)');
    yield* markup(path, text, opts, null);
  } catch (err) {
    yield fail(path, err);
  }
}

/** Read any mix of paths, folders and URLs. */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for (const p of paths) {
    if (/^https?:\/\//i.test(p)) {
      yield* readUrl(p, opts);
      continue;
    }
    if (p !== '-') {
      let isDir = false;
      try {
        isDir = (await stat(p)).isDirectory();
      } catch (err) {
        yield fail(p, err);
        continue;
      }
      if (isDir) {
        for await (const f of walk(p)) yield* readOne(f, opts);
        continue;
      }
    }
    yield* readOne(p, opts);
  }
}

async function* readOne(path: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  if (hasExt(path, HTML) || hasExt(path, FEED)) yield* readMarkupFile(path, opts);
  else yield* readPath(path, opts);
}
