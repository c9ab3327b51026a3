// marsad serve: the HTTP API and the web UI from one process, on loopback unless told otherwise.
import { spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ingestSamples, storeIngestor } from '../api/ingest.js';
import { buildServer, defaultWebRoot, listen } from '../api/server.js';
import { DEFAULT_DB, openStore } from '../store/open.js';
import { command, UsageError } from './args.js';

const usage = `usage: marsad serve [--db PATH|postgres://…] [--host 127.0.0.1] [--port 8080] [--workers N] [--samples] [--open]

  --db PATH       the store: a SQLite file (default ${DEFAULT_DB}, or $MARSAD_DB) or a postgres:// URL
  --host HOST     address to bind (default 127.0.0.1; anything else exposes the server to the network)
  --port N        port (default 8080; 0 = any free port)
  --samples       first load the project's sample articles (samples/articles) into the store
  --open          open the UI in a browser when one is available
  --log           log every request (JSON lines on stdout)
  --cache-seconds N  reuse a read answer for the same URL for N seconds (default 10; 0 = off)
  --workers N     server processes sharing the port (default 1); reads run in parallel

Writing (POST /api/documents) needs the environment variable MARSAD_TOKEN; without it the server
is read-only. The UI is served from web/dist (built by npm run build).`;

function browserCommand(): string | null {
  if (process.platform === 'darwin') return 'open';
  if (process.platform === 'win32') return null;
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    if (existsSync(join(dir, 'xdg-open'))) return 'xdg-open';
  return null;
}

export const runServe = command(
  usage,
  { strings: ['db', 'host', 'port', 'cache-seconds', 'workers'], flags: ['samples', 'open', 'log'] },
  async (args, out, err) => {
    args.noPositionals();
    const port = args.int('port', 8080, 0, 65535, args.string('port') ?? process.env.PORT);
    const host = args.string('host') ?? '127.0.0.1';
    const db = args.db(process.env.MARSAD_DB ?? DEFAULT_DB);
    const cacheSeconds = args.int('cache-seconds', 10);
    const workers = args.int('workers', 1, 1, 64);
    const values = { samples: args.flag('samples'), open: args.flag('open'), log: args.flag('log') };
    if (workers > 1 && cluster.isPrimary)
      return runPrimary(workers, { db, samples: !!values.samples, open: !!values.open }, out, err);
    const inCluster = cluster.isWorker;

    const store = await openStore(db);
    if (values.samples && !inCluster) {
      const results = await ingestSamples(store);
      const fresh = results.filter((r) => r.status === 'new').length;
      err.write(`marsad serve: ${results.length} sample articles in ${db} (${fresh} new)\n`);
    }
    const token = process.env.MARSAD_TOKEN || null;
    const app = await buildServer({
      store,
      token,
      ingest: storeIngestor(store),
      logger: !!values.log,
      cacheSeconds,
    });
    let url: string;
    try {
      url = await listen(app, { host, port });
    } catch (e) {
      await store.close();
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new UsageError(`port ${port} on ${host} is in use; try --port 0 or another port`);
      throw e;
    }
    if (inCluster) {
      process.send?.({ url });
      await stopped();
      await app.close();
      await store.close();
      process.disconnect?.();
      return 0;
    }
    if (!existsSync(defaultWebRoot))
      err.write(`marsad serve: web UI not built (run npm run build); API only\n`);
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1')
      err.write(`marsad serve: listening on ${host}: reachable from the network\n`);
    err.write(
      `marsad serve: ${token ? 'writes enabled (MARSAD_TOKEN set)' : 'read-only (MARSAD_TOKEN unset)'}\n`,
    );
    out.write(`Marsad is running at ${url}/  (API: ${url}/api, OpenAPI: ${url}/api/openapi.json)\n`);

    if (values.open) {
      const cmd = browserCommand();
      if (cmd) {
        const child = spawn(cmd, [`${url}/`], { stdio: 'ignore', detached: true });
        child.on('error', () => undefined);
        child.unref();
      } else err.write(`marsad serve: no browser available here; open ${url}/ yourself\n`);
    }

    await stopped();
    await app.close();
    await store.close();
    return 0;
  },
);

function stopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * Several server processes on one port (node:cluster): the store is read by each, so a slow query
 * holds only its own process. The primary loads the samples, starts the workers, prints the URL
 * once and restarts a worker that dies.
 */
async function runPrimary(
  n: number,
  opts: { db: string; samples: boolean; open: boolean },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  if (opts.samples) {
    const store = await openStore(opts.db);
    try {
      const results = await ingestSamples(store);
      const fresh = results.filter((r) => r.status === 'new').length;
      err.write(`marsad serve: ${results.length} sample articles in ${opts.db} (${fresh} new)\n`);
    } finally {
      await store.close();
    }
  }
  err.write(
    `marsad serve: ${process.env.MARSAD_TOKEN ? 'writes enabled (MARSAD_TOKEN set)' : 'read-only (MARSAD_TOKEN unset)'}\n`,
  );
  let stopping = false;
  let announced = false;
  const fork = () => {
    const w = cluster.fork();
    w.on('message', (m: { url?: string }) => {
      if (!m.url || announced) return;
      announced = true;
      out.write(`Marsad is running at ${m.url}/  (${n} server processes; API: ${m.url}/api)\n`);
      if (opts.open) {
        const cmd = browserCommand();
        if (cmd)
          spawn(cmd, [`${m.url}/`], { stdio: 'ignore', detached: true })
            .on('error', () => undefined)
            .unref();
      }
    });
    w.on('exit', (code) => {
      if (stopping) return;
      err.write(`marsad serve: a server process exited (${code}); starting another\n`);
      fork();
    });
  };
  for (let i = 0; i < n; i++) fork();
  await stopped();
  stopping = true;
  const all = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  await Promise.all(
    all.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.isDead()) return resolve();
          w.once('exit', () => resolve());
          w.kill('SIGTERM');
        }),
    ),
  );
  return 0;
}
