import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { RecoveryProblem, StartupNotice } from '../../../shared/schemas/recovery';
import type { Core, CoreOptions } from '../create-core';
import { CACHE_FILE_NAME, STATE_FILE_NAME } from '../cache/database';
import { createEventBus } from '../ipc/event-bus';
import type { EventBus } from '../ipc/event-bus';
import { createRouter } from '../ipc/router';
import { createFileLogger } from '../log';
import type { Logger } from '../log';
import { createMemoryStore } from '../settings/key-value-store';
import type { KeyValueStore } from '../settings/key-value-store';
import { createSettingsService } from '../settings/settings-service';
import { openKeychain } from '../vault';
import { describeApp } from './app-info';
import type { OpenedKeychain } from './app-info';
import { openLocalFiles, settingsFilePath } from './local-files';
import type { LocalFiles } from './local-files';
import { moveAside } from './move-aside';
import { recoveryHandlerMap } from './recovery-handlers';
import type { RecoveryActions } from './recovery-handlers';

/** What every start shares, and the files a normal start opened. */
export interface Boot {
  log: Logger;
  events: EventBus;
  opened: OpenedKeychain;
  files: LocalFiles;
}

export type StartFullCore = (options: CoreOptions, boot: Boot) => Promise<Core>;

/**
 * Opens the settings and the databases, then starts the full core, or, when a file that cannot be rebuilt
 * is damaged, a recovery core that answers app.info and recovery.* only. The user's choice there (move the
 * file aside, try again) starts again behind the same router, events and settings, so the window stays.
 */
export async function bootCore(options: CoreOptions, startFull: StartFullCore): Promise<Core> {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const log = options.log ?? createFileLogger(dataDir);
  const events = createEventBus();
  const opened: OpenedKeychain = options.keychain
    ? { keychain: options.keychain, status: options.keychain.backend === 'os' ? 'os' : 'memory' }
    : await openKeychain(options.keychainService ? { service: options.keychainService } : {});
  if (opened.status === 'memory-fallback') log(`keychain unavailable, secrets kept in memory only: ${opened.reason ?? ''}`);
  const settingsSource = options.settingsStore ? { settings: options.settingsStore } : {};

  let current: Core;
  let mode: 'normal' | 'recovery';

  async function start(carried: StartupNotice[]): Promise<void> {
    const local = openLocalFiles({ dataDir, log, backgroundCheckpoints: true, ...settingsSource });
    if (local.ok) {
      current = await startFull(options, { log, events, opened, files: { ...local.files, notices: [...carried, ...local.files.notices] } });
      mode = 'normal';
      return;
    }
    log(`recovery mode: ${local.problem.file} ${local.problem.failure} (${local.problem.path}): ${local.problem.detail}`);
    current = recoveryCore(local.problem, local.store);
    mode = 'recovery';
  }

  function recoveryCore(problem: RecoveryProblem, store: KeyValueStore | null): Core {
    const info = () =>
      describeApp({
        appVersion: options.appVersion,
        runtime: options.runtime,
        electronVersion: options.electronVersion,
        dataDir,
        settingsFile: settingsFilePath({ dataDir, ...settingsSource }),
        databaseFile: join(dataDir, CACHE_FILE_NAME),
        stateFile: join(dataDir, STATE_FILE_NAME),
        opened,
        mode: 'recovery',
        notices: [],
      });
    let busy = false;
    const actions: RecoveryActions = {
      problem: () => problem,
      async resolve(action) {
        if (action === 'quit') {
          options.onQuit?.();
          return { mode, movedTo: null };
        }
        if (action === 'moveAside' && !problem.canMoveAside) {
          throw new AppError('VALIDATION', 'This file cannot be moved aside: Clientdesk cannot reach it. Check its folder and try again.');
        }
        if (busy) throw new AppError('CONFLICT', 'Clientdesk is already starting again.');
        busy = true;
        try {
          const movedTo = action === 'moveAside' ? moveAside(problem.path) : null;
          if (movedTo) log(`recovery: the user moved ${problem.path} aside to ${movedTo}`);
          await start(movedTo ? [{ kind: 'moved-aside', file: problem.file, path: problem.path, movedTo }] : []);
          return { mode, movedTo };
        } finally {
          busy = false;
        }
      },
    };
    const settings = createSettingsService(store ?? createMemoryStore());
    const router = createRouter(recoveryHandlerMap(info, settings.get, actions), {
      log,
      ...(options.isTrustedSender ? { isTrustedSender: options.isTrustedSender } : {}),
    });
    return {
      router,
      events,
      settings,
      get context(): never {
        throw new AppError('INTERNAL', 'Clientdesk is in recovery mode: the core is not running.');
      },
      close: () => Promise.resolve(),
    };
  }

  await start([]);
  return {
    router: { invoke: (channel, input, ctx) => current.router.invoke(channel, input, ctx) },
    events,
    get settings() {
      return current.settings;
    },
    get context() {
      return current.context;
    },
    close: () => current.close(),
  };
}
