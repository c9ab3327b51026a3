// Shared CLI plumbing: usage errors (exit 2), argument parsing without a framework, typed option
// readers with one wording of every error, and opening the store a command works on.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isValidDate } from '../ingest/readers.js';
import { DEFAULT_DB, openStore } from '../store/open.js';
import type { Store } from '../store/types.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Values = Record<string, string | boolean | string[] | undefined>;

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
): { values: Values; positionals: string[]; help: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    const v = values as Values;
    return { values: v, positionals, help: !!v.help };
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n\n${usage}`);
  }
}

export function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
}

/** A command's options: those taking a value, and flags. */
export interface Options {
  strings?: readonly string[];
  flags?: readonly string[];
}

/** A subcommand: arguments in, exit code out (0 ok, 1 failed, 2 usage). */
export type Command = (
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
) => Promise<number>;

/** A subcommand from its usage text, its options and its body; --help prints the usage. */
export function command(
  usage: string,
  options: Options,
  body: (args: CommandArgs, out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>,
): Command {
  return async (argv, out, err) => {
    const args = new CommandArgs(argv, options, usage);
    if (args.help) {
      out.write(usage + '\n');
      return 0;
    }
    return body(args, out, err);
  };
}

/** A command's parsed arguments, read through typed getters that reject bad values alike. */
export class CommandArgs {
  readonly values: Values;
  readonly positionals: string[];
  /** --help / -h was given: print `usage` and exit 0. */
  readonly help: boolean;

  constructor(
    argv: string[],
    options: Options,
    readonly usage: string,
  ) {
    const config: NonNullable<ParseArgsConfig['options']> = {};
    for (const name of options.strings ?? []) config[name] = { type: 'string' };
    for (const name of options.flags ?? []) config[name] = { type: 'boolean' };
    ({ values: this.values, positionals: this.positionals, help: this.help } = parse(argv, config, usage));
  }

  string(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** An integer option within [min, max]; `fallback` when absent. */
  int(
    name: string,
    fallback: number,
    min = 0,
    max = Number.MAX_SAFE_INTEGER,
    given = this.string(name),
  ): number {
    if (given === undefined) return fallback;
    const n = Number(given);
    if (!/^\d+$/.test(given.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `${min}–${max}`;
      throw new UsageError(`--${name}: expected an integer ${range}, got ${JSON.stringify(given)}`);
    }
    return n;
  }

  /** A number option within [min, max]; undefined when absent. */
  number(name: string, min: number, max: number): number | undefined {
    const given = this.string(name);
    if (given === undefined) return undefined;
    const n = Number(given);
    if (given.trim() === '' || !Number.isFinite(n) || n < min || n > max)
      throw new UsageError(`--${name}: expected a number ${min}–${max}, got ${JSON.stringify(given)}`);
    return n;
  }

  /** A YYYY-MM-DD option. */
  date(name: string): string | undefined {
    const v = this.string(name);
    if (v !== undefined && !isValidDate(v))
      throw new UsageError(`--${name}: expected YYYY-MM-DD, got ${JSON.stringify(v)}`);
    return v;
  }

  /** A CAMEO root option, 1–20, returned as two digits. */
  root(name: string): string | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!/^\d{1,2}$/.test(v) || Number(v) < 1 || Number(v) > 20)
      throw new UsageError(`--${name}: expected a CAMEO root code 01–20, got ${JSON.stringify(v)}`);
    return v.padStart(2, '0');
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    return oneOf(name, this.values[name], allowed, fallback);
  }

  /** The store to open: --db, else `fallback` (default ./marsad.db). */
  db(fallback: string = DEFAULT_DB): string {
    return this.string('db') ?? fallback;
  }

  /** Refuse positional arguments. */
  noPositionals(): void {
    if (this.positionals.length > 0)
      throw new UsageError(`unexpected argument ${JSON.stringify(this.positionals[0])}\n\n${this.usage}`);
  }
}

/**
 * Open the store, run `fn` on it and close it. A store that cannot be opened (or migrated) is one
 * line on `err` (`marsad COMMAND: …`, worded by `describe` when it knows the failure) and exit
 * code 1.
 */
export async function withStore(
  db: string,
  command: string,
  err: NodeJS.WritableStream,
  fn: (store: Store) => Promise<number>,
  describe: (e: unknown) => string | null = () => null,
): Promise<number> {
  let store: Store;
  try {
    store = await openStore(db);
  } catch (e) {
    err.write(`marsad ${command}: ${describe(e) ?? (e as Error).message.split('\n')[0]}\n`);
    return 1;
  }
  try {
    return await fn(store);
  } finally {
    // After a store failure closing may fail too (a full disk, a dead connection).
    await store.close().catch(() => undefined);
  }
}
