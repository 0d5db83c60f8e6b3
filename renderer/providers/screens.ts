import type { ComponentType } from 'react';
import { BackupFirstPrompt } from './factpulse/keys/BackupFirstPrompt';
import { KeyAgeField } from './factpulse/keys/KeyAgeField';

/**
 * What providers' extensions add to the app beyond the Clients screens, one line each: screens (their own
 * chunk, loaded when first shown; the navigation shows them only to connections with the capability) and
 * prompts the app frame keeps mounted, and fields of the Settings screen. Kept apart from index.ts so the first screen's chunk stays small.
 */
export const EXTENSION_SCREENS = {
  keys: () => import('./factpulse/keys/KeysScreen').then((m) => ({ default: m.KeysScreen })),
};

export const EXTENSION_PROMPTS: readonly ComponentType[] = [BackupFirstPrompt];

export const EXTENSION_SETTINGS: readonly ComponentType[] = [KeyAgeField];
