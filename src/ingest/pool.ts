// A pool of extraction worker threads. `run(items)` splits a batch across the workers and
// resolves to the results in input order. With 0 workers, extraction runs in this thread.
import { Worker } from 'node:worker_threads';
import { loadResources, type Resources } from '../pipeline.js';
import { extractOne, type WorkItem, type WorkResult } from './extract-one.js';

interface Pending {
  resolve: (r: WorkResult[]) => void;
  reject: (e: Error) => void;
}

export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private local: Resources | null = null;
  private failed: Error | null = null;

  constructor(
    readonly size: number,
    private readonly pipelineVersion: string,
  ) {
    // Under tsx the sources are .ts; compiled, .js beside this file.
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const url = new URL(`./worker${ext}`, import.meta.url);
    for (let i = 0; i < size; i++) {
      // Worker threads do not inherit tsx's loader hooks: register them first when running sources.
      const w =
        ext === '.ts'
          ? new Worker(
              `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`,
              { eval: true, workerData: { pipelineVersion } },
            )
          : new Worker(url, { workerData: { pipelineVersion } });
      w.on('message', (m: { id?: number; results?: WorkResult[] }) => {
        if (m.id === undefined) return;
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        p?.resolve(m.results ?? []);
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`extraction worker exited with code ${code}`));
      });
      this.workers.push(w);
    }
  }

  private fail(e: Error): void {
    this.failed = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  async run(items: WorkItem[]): Promise<WorkResult[]> {
    if (items.length === 0) return [];
    if (this.failed) throw this.failed;
    if (this.size === 0) {
      this.local ??= loadResources();
      return items.map((it) => extractOne(it, this.local!, this.pipelineVersion));
    }
    const per = Math.ceil(items.length / this.size);
    const parts: Promise<WorkResult[]>[] = [];
    for (let i = 0; i < this.size && i * per < items.length; i++) {
      const id = this.nextId++;
      const chunk = items.slice(i * per, (i + 1) * per);
      parts.push(
        new Promise<WorkResult[]>((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
          this.workers[i].postMessage({ id, items: chunk });
        }),
      );
    }
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
