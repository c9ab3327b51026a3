// Readers: files and stdin → documents to extract. Each yielded item is either a document or a
// failure naming where it came from; a bad item never stops the others.

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { ExtractInput } from '../pipeline.js';
import { notArabicReason } from '../text/language.js';
import { checkText, decodeBytes, InputError } from './decode.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ReadItem {
  /** file, file:line, or <stdin> */
  where: string;
  input?: ExtractInput;
  error?: string;
}

export interface ReadOptions {
  maxBytes?: number;
  /** Publication date for documents that carry none (YYYY-MM-DD). */
  date?: string | null;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Check a decoded text and build the document, or throw an InputError. */
function textDocument(text: string, opts: ReadOptions): ExtractInput {
  checkText(text);
  if (text.trim().length === 0) throw new InputError('empty document (only whitespace)');
  const notArabic = notArabicReason(text);
  if (notArabic) throw new InputError(notArabic);
  return { text, titleInText: true, date: opts.date ?? null };
}

const FIELDS = ['text', 'title', 'date', 'url', 'source'] as const;

/** One JSON record (SaudiNewsNet-style fields) → document. */
function jsonDocument(value: unknown, opts: ReadOptions): ExtractInput {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InputError('expected a JSON object with a "text" field');
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new InputError('field "text": expected a string');
  for (const f of FIELDS)
    if (o[f] !== undefined && o[f] !== null && typeof o[f] !== 'string')
      throw new InputError(`field "${f}": expected a string, got ${typeof o[f]}`);
  let date = (o.date as string | undefined) ?? opts.date ?? null;
  if (date !== null) {
    date = date.slice(0, 10);
    if (!isValidDate(date))
      throw new InputError(`field "date": expected YYYY-MM-DD, got ${JSON.stringify(o.date)}`);
  }
  const text = o.text;
  if (text.trim().length === 0) throw new InputError('field "text": empty');
  const notArabic = notArabicReason(text);
  if (notArabic) throw new InputError(`field "text": ${notArabic}`);
  return {
    text,
    title: (o.title as string | undefined) ?? null,
    date,
    url: (o.url as string | undefined) ?? null,
    source: (o.source as string | undefined) ?? null,
    titleInText: false,
  };
}

function failure(where: string, err: unknown): ReadItem {
  if (err instanceof InputError) return { where, error: err.message };
  const e = err as NodeJS.ErrnoException;
  if (e && e.code === 'ENOENT') return { where, error: 'no such file' };
  if (e && e.code === 'EISDIR') return { where, error: 'is a directory (expected a file)' };
  if (e && e.code === 'EACCES') return { where, error: 'permission denied' };
  return { where, error: e?.message ?? String(err) };
}

async function* readJsonLines(path: string, opts: ReadOptions, maxBytes: number): AsyncGenerator<ReadItem> {
  const raw = createReadStream(path);
  const stream = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of lines) {
      lineNo++;
      const where = `${path}:${lineNo}`;
      if (line.trim() === '') continue;
      if (line.length > maxBytes) {
        yield { where, error: `document too large (${mb(line.length)}, limit ${mb(maxBytes)})` };
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        yield { where, error: `invalid JSON (${(err as Error).message})` };
        continue;
      }
      try {
        yield { where, input: jsonDocument(value, opts) };
      } catch (err) {
        yield failure(where, err);
      }
    }
  } catch (err) {
    yield failure(`${path}:${lineNo + 1}`, err);
  }
}

/** Read one path ('-' is stdin) into documents. */
export async function* readPath(path: string, opts: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (path === '-') {
    let bytes: Uint8Array;
    try {
      bytes = await readStdin(maxBytes);
    } catch (err) {
      yield failure('<stdin>', err);
      return;
    }
    yield* readBytes('<stdin>', bytes, opts);
    return;
  }
  const lower = path.toLowerCase();
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (lower.endsWith('.jsonl') || lower.endsWith('.jsonl.gz') || lower.endsWith('.ndjson')) {
      yield* readJsonLines(path, opts, maxBytes);
      return;
    }
    if (st.size > maxBytes)
      throw new InputError(
        `file too large (${mb(st.size)}, limit ${mb(maxBytes)}; use --max-bytes to raise it)`,
      );
    const bytes = await readFile(path);
    if (lower.endsWith('.json')) {
      yield* readJsonFile(path, bytes, opts);
      return;
    }
    yield* readBytes(path, bytes, opts);
  } catch (err) {
    yield failure(path, err);
  }
}

function* readJsonFile(path: string, bytes: Uint8Array, opts: ReadOptions): Generator<ReadItem> {
  let value: unknown;
  try {
    value = JSON.parse(decodeBytes(bytes).text);
  } catch (err) {
    yield failure(
      path,
      err instanceof InputError ? err : new InputError(`invalid JSON (${(err as Error).message})`),
    );
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  for (const [i, v] of items.entries()) {
    const where = Array.isArray(value) ? `${path}[${i}]` : path;
    try {
      yield { where, input: jsonDocument(v, opts) };
    } catch (err) {
      yield failure(where, err);
    }
  }
}

function* readBytes(where: string, bytes: Uint8Array, opts: ReadOptions): Generator<ReadItem> {
  try {
    const { text } = decodeBytes(bytes);
    const first = text.trimStart()[0];
    if (where === '<stdin>' && (first === '{' || first === '[')) {
      // JSON or JSONL on stdin
      const trimmed = text.trim();
      if (first === '[' || !trimmed.includes('\n')) {
        yield* readJsonFile(where, bytes, opts);
      } else {
        for (const [i, line] of trimmed.split('\n').entries()) {
          if (!line.trim()) continue;
          try {
            yield { where: `${where}:${i + 1}`, input: jsonDocument(JSON.parse(line), opts) };
          } catch (err) {
            yield failure(
              `${where}:${i + 1}`,
              err instanceof SyntaxError ? new InputError(`invalid JSON (${err.message})`) : err,
            );
          }
        }
      }
      return;
    }
    yield { where, input: textDocument(text, opts) };
  } catch (err) {
    yield failure(where, err);
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new InputError(`input too large (more than ${mb(maxBytes)})`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
