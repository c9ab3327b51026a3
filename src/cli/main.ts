#!/usr/bin/env node
// marsad — command-line entry point. Each command lives in its own file; this one dispatches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../resources.js';
import { UsageError } from './args.js';
import { runEval } from './eval.js';
import { runExport } from './export.js';
import { runExtract } from './extract.js';
import { runServe } from './serve.js';
import { runIngest } from './ingest.js';
import { runReprocess } from './reprocess.js';
import { runSearch } from './search.js';

const usage = `usage: marsad <command> [options]

commands:
  extract FILE…|-     extract entities, quotes, times and events; print marsad/1 JSON or a summary
  ingest PATH…        load articles into a store (SQLite file or PostgreSQL)
  search QUERY        search the store
  reprocess           re-extract stored documents after a pipeline/model upgrade
  serve               HTTP API and web UI
  export events       write events as CSV or JSONL
  eval ner|links|times|quotes|events   measure accuracy on ../shared/data

Run 'marsad <command> --help' for a command's options; 'marsad --version' for the version.`;

type Command = (argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>;

const commands: Record<string, Command> = {
  extract: runExtract,
  ingest: runIngest,
  search: runSearch,
  reprocess: runReprocess,
  serve: runServe,
  export: runExport,
  eval: runEval,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    process.stdout.write(`marsad ${pkg.version}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(usage + '\n');
    return name === undefined ? 2 : 0;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`marsad: unknown command ${JSON.stringify(name)}\n\n${usage}\n`);
    return 2;
  }
  try {
    return await cmd(rest, process.stdout, process.stderr);
  } catch (e) {
    if (e instanceof UsageError) {
      // a sub-task's message may already name itself (`marsad eval events: …`)
      const named = e.message.startsWith(`marsad ${name}`);
      process.stderr.write(named ? `${e.message}\n` : `marsad ${name}: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`marsad ${name}: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 3;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`marsad: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 3;
  },
);
