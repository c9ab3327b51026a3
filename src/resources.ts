// Where the project's data files live, for both `src/` (tsx) and `dist/` (compiled) layouts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const dataDir = join(packageRoot, 'data');
export const modelsDir = join(packageRoot, 'models');

/** Read and parse a JSON data file, checking its declared schema. */
export function loadDataFile<T>(relPath: string, schema: string): T {
  const path = join(dataDir, relPath);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`data file ${path}: ${(err as Error).message}`);
  }
  const got = (parsed as { schema?: unknown }).schema;
  if (got !== schema)
    throw new Error(`data file ${path}: expected schema "${schema}", found ${JSON.stringify(got)}`);
  return parsed as T;
}

/**
 * The third-party data folder (../shared beside the repository; MARSAD_SHARED overrides).
 * Read at train/eval/bench time only; never copied into the repository.
 */
export const sharedDir = process.env.MARSAD_SHARED ?? join(packageRoot, '..', 'shared');
