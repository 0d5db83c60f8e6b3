import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryClipboard, createSecretClipboard } from '../../../../../main/core/clipboard/secret-clipboard';

const SECRET = 'q0nM4bS1o4b8k3Zl9yTqA3d2xVbq1cE0vWm7r5uJt6g=';

describe('secret clipboard (fake timers)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('clears the secret 30 s after the copy, not before', async () => {
    const clipboard = createMemoryClipboard('before');
    const secrets = createSecretClipboard(clipboard);
    expect(await secrets.copy(SECRET)).toEqual({ clearAfterMs: 30_000 });
    expect(await clipboard.readText()).toBe(SECRET);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(await clipboard.readText()).toBe(SECRET);
    await vi.advanceTimersByTimeAsync(1);
    console.info(`clipboard 30 s after copying a key (unchanged since): ${JSON.stringify(await clipboard.readText())}`);
    expect(await clipboard.readText()).toBe('');
  });

  it('leaves alone what the user copied since', async () => {
    const clipboard = createMemoryClipboard();
    const secrets = createSecretClipboard(clipboard);
    await secrets.copy(SECRET);
    await clipboard.writeText('an address the user copied later');
    await vi.advanceTimersByTimeAsync(30_000);
    console.info(`clipboard 30 s after copying a key (user copied something else since): ${JSON.stringify(await clipboard.readText())}`);
    expect(await clipboard.readText()).toBe('an address the user copied later');
  });

  it('a second copy restarts the delay and only the latest secret is cleared', async () => {
    const clipboard = createMemoryClipboard();
    const secrets = createSecretClipboard(clipboard);
    await secrets.copy(SECRET);
    await vi.advanceTimersByTimeAsync(20_000);
    await secrets.copy('another-secret');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await clipboard.readText()).toBe('another-secret');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await clipboard.readText()).toBe('');
  });

  it('clears at quit if unchanged, and does nothing when there is nothing of ours on it', async () => {
    const clipboard = createMemoryClipboard();
    const secrets = createSecretClipboard(clipboard);
    await secrets.copy(SECRET);
    await secrets.clearIfUnchanged();
    expect(await clipboard.readText()).toBe('');
    await clipboard.writeText('mine');
    await secrets.clearIfUnchanged();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await clipboard.readText()).toBe('mine');
  });
});
