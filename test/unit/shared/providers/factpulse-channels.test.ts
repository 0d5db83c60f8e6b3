import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, channels, events } from '../../../../shared/ipc';
import { factpulseChannels, factpulseEvents } from '../../../../shared/providers/factpulse-channels';

describe('the factpulse.* group of the contract', () => {
  it('declares only factpulse.* names, each in the one contract with the same schemas', () => {
    const names = Object.keys(factpulseChannels) as Array<keyof typeof factpulseChannels>;
    expect(names.length).toBe(25);
    for (const name of names) {
      expect(name).toMatch(/^factpulse\.(keys|pdp|webhook)\.[a-zA-Z]+$/);
      expect(channels[name]).toBe(factpulseChannels[name]);
    }
    expect(Object.keys(factpulseEvents).sort()).toEqual(['factpulse.keys.jobProgress', 'factpulse.pdp.modesProgress']);
    for (const name of Object.keys(factpulseEvents) as Array<keyof typeof factpulseEvents>) expect(events[name]).toBe(factpulseEvents[name]);
  });

  it('leaves no FactPulse feature among the app-wide channels and events', () => {
    const appWide = [...CHANNEL_NAMES, ...EVENT_NAMES].filter((name) => !name.startsWith('factpulse.'));
    expect(appWide.filter((name) => /^(keys|pdp|webhook|job)\./.test(name))).toEqual([]);
    expect(CHANNEL_NAMES.filter((name) => name.startsWith('factpulse.')).sort()).toEqual(Object.keys(factpulseChannels).sort());
  });
});
