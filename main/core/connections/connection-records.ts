import { z } from 'zod';
import { connectionSchema } from '../../../shared/schemas/connections';
import type { KeyValueStore } from '../settings/key-value-store';

/** A connection as persisted in the settings file: never a secret, only the auth *method* and its plain fields. */
export const storedConnectionSchema = connectionSchema
  .pick({ id: true, label: true, provider: true, baseUrl: true, auth: true, settings: true, createdAt: true })
  .extend({ demo: z.boolean().default(false) });
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

export interface ConnectionRecords {
  all(): StoredConnection[];
  find(id: string): StoredConnection | undefined;
  save(connection: StoredConnection): void;
  remove(id: string): void;
}

export function createConnectionRecords(store: KeyValueStore): ConnectionRecords {
  function all(): StoredConnection[] {
    const raw = store.get('connections');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item) => {
      const parsed = storedConnectionSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }
  function find(id: string): StoredConnection | undefined {
    return all().find((c) => c.id === id);
  }
  function save(connection: StoredConnection): void {
    const list = all();
    const index = list.findIndex((c) => c.id === connection.id);
    if (index >= 0) list[index] = connection;
    else list.push(connection);
    store.set('connections', list);
  }
  function remove(id: string): void {
    store.set('connections', all().filter((c) => c.id !== id));
  }
  return { all, find, save, remove };
}
