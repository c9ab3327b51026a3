// marsad extract FILE…|- [--date YYYY-MM-DD] [--format json|jsonl|text]
import { toMarsadJson } from '../doc/doc.js';
import { DEFAULT_MAX_BYTES, readPath } from '../ingest/readers.js';
import { extract, loadResources } from '../pipeline.js';
import { command, UsageError } from './args.js';
import { formatText } from './format-text.js';

const extractUsage = `usage: marsad extract FILE…|- [--date YYYY-MM-DD] [--format json|jsonl|text] [--max-bytes N]

Extracts entities, actors, quotes, times and events from Arabic articles and prints marsad/1.
FILE may be .txt (first line = title), .json, .jsonl (optionally .gz) or - for stdin.
  --date       publication date for documents that carry none
  --format     json (default for one document), jsonl (one object per line), text (summary)
  --max-bytes  largest accepted document (default ${DEFAULT_MAX_BYTES})`;

export const runExtract = command(
  extractUsage,
  { strings: ['date', 'format', 'max-bytes'] },
  async (args, out, err) => {
    const positionals = args.positionals;
    if (positionals.length === 0) throw new UsageError(`no input given\n\n${extractUsage}`);
    const date = args.date('date');
    const format = args.oneOf('format', ['json', 'jsonl', 'text'] as const, 'json');
    const maxBytes = args.int('max-bytes', DEFAULT_MAX_BYTES, 1);

    const res = loadResources();
    let failed = 0;
    const jsonDocs: unknown[] = [];
    for (const path of positionals) {
      for await (const item of readPath(path, { date: date ?? null, maxBytes })) {
        if (!item.input) {
          failed++;
          err.write(`marsad extract: ${item.where}: ${item.error}\n`);
          continue;
        }
        let doc;
        try {
          doc = extract(item.input, res);
        } catch (e) {
          failed++;
          err.write(`marsad extract: ${item.where}: extraction failed: ${(e as Error).message}\n`);
          continue;
        }
        if (format === 'text') out.write(formatText(doc, item.where) + '\n\n');
        else if (format === 'jsonl') out.write(JSON.stringify(toMarsadJson(doc)) + '\n');
        else jsonDocs.push(toMarsadJson(doc));
      }
    }
    if (format === 'json') {
      // One document: the marsad/1 object itself; several: an array of them.
      if (jsonDocs.length === 1) out.write(JSON.stringify(jsonDocs[0], null, 2) + '\n');
      else if (jsonDocs.length > 1) out.write(JSON.stringify(jsonDocs, null, 2) + '\n');
    }
    return failed > 0 ? 1 : 0;
  },
);
