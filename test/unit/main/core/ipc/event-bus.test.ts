import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../../../main/core/ipc/event-bus';

describe('event bus', () => {
  it('delivers named events, and an unsubscribe stops delivery', () => {
    const bus = createEventBus();
    const seen: string[] = [];
    const off = bus.on('settings.changed', (s) => seen.push(s.language));
    bus.emit('settings.changed', { language: 'fr', theme: 'dark', syncIntervalMinutes: 0, keyMaxAgeDays: 90 });
    off();
    bus.emit('settings.changed', { language: 'en', theme: 'dark', syncIntervalMinutes: 0, keyMaxAgeDays: 90 });
    expect(seen).toEqual(['fr']);
  });

  it('keeps delivering when one listener throws', () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.onAny(() => {
      throw new Error('broken');
    });
    bus.onAny((name) => seen.push(name));
    bus.emit('connections.changed', []);
    expect(seen).toEqual(['connections.changed']);
  });
});
