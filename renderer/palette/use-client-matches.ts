import { useEffect, useState } from 'react';
import type { CachedClient } from '../../shared/schemas/cache';
import { call } from '../app/bridge';

export const PALETTE_CLIENT_LIMIT = 8;
const SETTLE_MS = 60;

/** Clients of every connection whose name or id matches what is typed (from the local cache); stale answers are dropped. */
export function useClientMatches(query: string): { clients: CachedClient[]; searching: boolean } {
  const text = query.trim();
  const [found, setFound] = useState<{ text: string; clients: CachedClient[] }>({ text: '', clients: [] });
  useEffect(() => {
    if (!text) return;
    let current = true;
    const timer = setTimeout(() => {
      call('clients.window', { query: text.slice(0, 200), limit: PALETTE_CLIENT_LIMIT, includeTotal: false })
        .then((window) => current && setFound({ text, clients: window.rows }))
        .catch(() => current && setFound({ text, clients: [] }));
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);
  if (!text) return { clients: [], searching: false };
  return { clients: found.text === text ? found.clients : [], searching: found.text !== text };
}
