import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../../main/core/create-core';
import type { CoreOptions } from '../../../../../main/core/create-core';
import { NO_CONFIRMER_MESSAGE } from '../../../../../main/core/dialogs/confirmer';
import { APPROVAL_MS, createKeyDisclosure } from '../../../../../main/core/dialogs/key-disclosure';
import { createMemoryClipboard } from '../../../../../main/core/clipboard/secret-clipboard';
import { generateKey } from '../../../../../main/core/providers/factpulse/keys';
import { createMemoryStore } from '../../../../../main/core/settings/key-value-store';
import { createMemoryKeychain } from '../../../../../main/core/vault';
import { scriptedConfirmer } from '../../../../fixtures/dialogs/scripted-dialogs';

async function coreWithKey(options: Partial<CoreOptions> = {}) {
  const core = await createCore({ dataDir: mkdtempSync(join(tmpdir(), 'cd-disclosure-')), keychain: createMemoryKeychain(), settingsStore: createMemoryStore(), resumeDemo: false, log: () => {}, ...options });
  const key = generateKey();
  await core.context.keys.store.set('conn-1', 'client-1', 'current', { key, createdAt: new Date().toISOString() });
  return { core, key };
}
const REVEAL = { connectionId: 'conn-1', clientUid: 'client-1', confirm: true };

describe('the confirmation of a reveal or copy is main’s, not the renderer’s', () => {
  it('plain Node without a confirmer refuses with a clear message, never a silent yes', async () => {
    const clipboard = createMemoryClipboard('untouched');
    const { core, key } = await coreWithKey({ clipboard });
    try {
      const revealed = await core.router.invoke('factpulse.keys.reveal', REVEAL);
      console.info(`plain Node reveal without a confirmer: ${revealed.ok ? 'REVEALED' : `${revealed.error.code} — ${revealed.error.message}`}`);
      expect(revealed).toEqual({ ok: false, error: { code: 'UNSUPPORTED', message: NO_CONFIRMER_MESSAGE } });
      expect(await core.router.invoke('factpulse.keys.copy', REVEAL)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
      expect(await clipboard.readText()).toBe('untouched');
      expect(JSON.stringify(revealed)).not.toContain(key);
    } finally {
      await core.close();
    }
  });

  it('refused when the confirmer says no (audited as refused), allowed when it says yes', async () => {
    const { confirmer, state } = scriptedConfirmer(false);
    const { core, key } = await coreWithKey({ confirmer });
    try {
      expect(await core.router.invoke('factpulse.keys.reveal', REVEAL)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      state.answer = true;
      expect(await core.router.invoke('factpulse.keys.reveal', REVEAL)).toMatchObject({ ok: true, value: { key } });
      expect(state.asked).toHaveLength(2);
      expect(state.asked[0]).toMatchObject({ confirmLabel: 'Reveal', cancelLabel: 'Cancel' });
      const actions = core.context.audit.list({ limit: 10 }).rows.map((e) => `${e.action}:${e.outcome}`);
      expect(actions).toEqual(expect.arrayContaining(['key.reveal:refused', 'key.reveal:ok']));
    } finally {
      await core.close();
    }
  });

  it('a yes covers the same key for one minute, then the user is asked again', async () => {
    const { confirmer, state } = scriptedConfirmer(true);
    let now = 1_000_000;
    const disclosure = createKeyDisclosure(confirmer, () => 'en', () => now);
    const key = { connectionId: 'c', clientUid: 'u', slot: 'current' as const, fingerprint: '0123456789abcdef' };
    await disclosure.approve('reveal', key);
    await disclosure.approve('copy', key);
    await disclosure.approve('copy', { ...key, fingerprint: 'fedcba9876543210' });
    expect(state.asked).toHaveLength(2);
    now += APPROVAL_MS;
    state.answer = false;
    await expect(disclosure.approve('copy', key)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(state.asked).toHaveLength(3);
  });
});
