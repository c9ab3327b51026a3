// Open a store from a --db value: a file path (SQLite) or a postgres:// URL.
import type { Store } from './types.js';

export const DEFAULT_DB = 'marsad.db';

export function isPostgresUrl(db: string): boolean {
  return db.startsWith('postgres://') || db.startsWith('postgresql://');
}

export async function openStore(db: string = DEFAULT_DB): Promise<Store> {
  if (isPostgresUrl(db)) {
    const { openPostgres } = await import('./postgres/index.js');
    return openPostgres(db);
  }
  const { openSqlite } = await import('./sqlite/index.js');
  return openSqlite(db);
}
