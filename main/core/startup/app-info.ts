import type { AppInfo } from '../../../shared/schemas/settings';
import type { StartupNotice } from '../../../shared/schemas/recovery';
import { ERROR_MESSAGES } from '../../../shared/errors';
import type { Keychain } from '../vault';

export interface OpenedKeychain {
  keychain: Keychain;
  status: AppInfo['keychain']['status'];
  reason?: string | undefined;
}

export interface AppInfoParts {
  appVersion?: string | undefined;
  runtime?: AppInfo['runtime'] | undefined;
  electronVersion?: string | null | undefined;
  dataDir: string;
  settingsFile: string;
  databaseFile: string;
  stateFile: string;
  opened: OpenedKeychain;
  mode: AppInfo['mode'];
  notices: StartupNotice[];
}

export function describeApp(parts: AppInfoParts): AppInfo {
  const { opened } = parts;
  return {
    name: 'Clientdesk',
    version: parts.appVersion ?? '0.0.0',
    runtime: parts.runtime ?? 'node',
    nodeVersion: process.versions.node,
    electronVersion: parts.electronVersion ?? null,
    platform: process.platform,
    dataDir: parts.dataDir,
    settingsFile: parts.settingsFile,
    databaseFile: parts.databaseFile,
    stateFile: parts.stateFile,
    mode: parts.mode,
    notices: parts.notices,
    keychain: {
      backend: opened.keychain.backend,
      status: opened.status,
      message: opened.status === 'memory-fallback' ? ERROR_MESSAGES.KEYCHAIN_UNAVAILABLE.en : null,
    },
  };
}
