import { createHash } from 'node:crypto';

/** The system clipboard as main sees it (Electron's is asynchronous): Electron's in the app, memory in plain Node and tests. */
export interface Clipboard {
  readText(): Promise<string>;
  writeText(text: string): Promise<void>;
}

export function createMemoryClipboard(initial = ''): Clipboard {
  let text = initial;
  return {
    readText: async () => text,
    async writeText(value) {
      text = value;
    },
  };
}

export const CLEAR_AFTER_MS = 30_000;

/**
 * Puts a secret on the clipboard and takes it off again after a delay, and at quit — but only while the
 * clipboard still holds that secret: whatever the user copied since is left alone. Only a hash is kept.
 */
export interface SecretClipboard {
  copy(secret: string): Promise<{ clearAfterMs: number }>;
  /** Clears now if the clipboard still holds the last secret copied (quit, core close). Never throws. */
  clearIfUnchanged(): Promise<void>;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function createSecretClipboard(clipboard: Clipboard, clearAfterMs = CLEAR_AFTER_MS): SecretClipboard {
  let held: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function clearIfUnchanged(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const expected = held;
    if (expected === null) return;
    held = null;
    try {
      if (digest(await clipboard.readText()) === expected) await clipboard.writeText('');
    } catch {
      // Nothing more can be done about a clipboard that cannot be read or written.
    }
  }

  return {
    async copy(secret) {
      await clipboard.writeText(secret);
      held = digest(secret);
      clearTimeout(timer);
      timer = setTimeout(() => void clearIfUnchanged(), clearAfterMs);
      timer.unref?.();
      return { clearAfterMs };
    },
    clearIfUnchanged,
  };
}
