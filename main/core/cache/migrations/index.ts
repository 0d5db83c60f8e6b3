import type Database from 'better-sqlite3';
import { migration0010 } from './0010-clients';
import { migration0020 } from './0020-sync-state';
import { migration0030 } from './0030-outbox';
import { migration0040 } from './0040-audit-log';
import { migration0050 } from './0050-key-journal';
import { migration0060 } from './0060-client-keys';
import { migration0070 } from './0070-fts-by-repository';
import { migration0080 } from './0080-name-key';
import { migration0090 } from './0090-state-moved-out';
import { migration0100 } from './0100-factpulse-facts';
import { migration0110 } from './0110-natural-sort-key';
import { stateMigration0010 } from './state/0010-state-tables';
import { stateMigration0020 } from './state/0020-directory';
import { stateMigration0030 } from './state/0030-client-jobs';

export interface Migration {
  /** Becomes PRAGMA user_version once applied; numbered in steps of 10. */
  version: number;
  name: string;
  up(db: Database.Database): void;
  /**
   * Runs in a transaction of its own, committed before `up`'s: for a step that writes one database file
   * and must be on disk before `up` changes the other. Must be safe to run again (a crash between the two).
   */
  before?(db: Database.Database): void;
}

/**
 * In order. Never edit an applied migration: add the next one.
 * Reserved: 0020 sync-state, 0030 outbox, 0040 audit-log; 0050 key-journal; 0060 client-keys (key age filter);
 * 0070 fts-by-repository (the client writes maintain the FTS index);
 * 0080 name-key (names sort by a stored key without case or accents);
 * 0090 state-moved-out (what cannot be rebuilt leaves the cache for state.sqlite);
 * 0100 factpulse-facts (PDP configured and encryption mode leave `clients` for a FactPulse table);
 * 0110 natural-sort-key (names sort with numbers by value; the name key keeps the prefix search).
 * These are the cache's (`cache.sqlite`, PRAGMA main.user_version); STATE_MIGRATIONS are state.sqlite's.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
];

/** state.sqlite, attached as `state` (PRAGMA state.user_version); every table is created as `state.<name>`. */
export const STATE_MIGRATIONS: readonly Migration[] = [stateMigration0010, stateMigration0020, stateMigration0030];
