import { expect } from 'vitest';
import type { Page } from 'playwright-core';

type Bridge = { clientdesk: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; value: unknown; error?: unknown }> } };

/** Calls a channel through the page's own bridge (as the renderer does) and expects it to succeed. */
export async function invokeIn<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const envelope = await page.evaluate(([c, i]) => (window as unknown as Bridge).clientdesk.invoke(c, i ?? undefined), [channel, input] as const);
  expect(envelope.ok, JSON.stringify(envelope.error)).toBe(true);
  return envelope.value as T;
}

/** Waits until the cache holds at least one client of the connection (the demo's first sync has committed a page). */
export async function waitForCachedClients(page: Page, connectionId: string): Promise<void> {
  await page.waitForFunction(
    async (id) => {
      const answer = await (window as unknown as Bridge).clientdesk.invoke('clients.window', { connectionIds: [id], limit: 1 });
      return answer.ok && (answer.value as { rows: unknown[] }).rows.length > 0;
    },
    connectionId,
    { polling: 200, timeout: 30_000 },
  );
}
