// The pipeline version stored with every document: the package version plus a digest of the
// stage list and of every data and model file. Upgrading a model or a lexicon changes it, and
// `marsad reprocess` re-extracts the documents stored under an older version.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dataDir, modelsDir, packageRoot } from '../resources.js';
import { stages } from '../pipeline.js';

let cached: string | null = null;

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

export function pipelineVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const h = createHash('sha256');
  h.update(stages.map((s) => s.name).join(','));
  const files: string[] = [];
  walk(dataDir, files);
  walk(modelsDir, files);
  for (const f of files) {
    h.update(relative(packageRoot, f));
    h.update(readFileSync(f));
  }
  cached = `${pkg.version}+${h.digest('hex').slice(0, 12)}`;
  return cached;
}
