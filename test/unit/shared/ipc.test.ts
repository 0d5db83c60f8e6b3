import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, channels, isChannel, isEventName } from '../../../shared/ipc';
import { ERROR_CODES, ERROR_MESSAGES } from '../../../shared/errors';

describe('IPC contract', () => {
  it('names channels domain.verb (a provider extension: provider.domain.verb), each with an input and an output schema', () => {
    for (const name of CHANNEL_NAMES) {
      expect(name).toMatch(/^(factpulse\.)?[a-z]+\.[a-zA-Z]+$/);
      expect(typeof channels[name].input.safeParse).toBe('function');
      expect(typeof channels[name].output.safeParse).toBe('function');
    }
  });

  it('recognises only its own channel and event names', () => {
    expect(isChannel('settings.get')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isEventName(EVENT_NAMES[0])).toBe(true);
    expect(isEventName('constructor')).toBe(false);
  });

  it('has a French and an English message for every error code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES[code].en.length).toBeGreaterThan(3);
      expect(ERROR_MESSAGES[code].fr.length).toBeGreaterThan(3);
    }
  });
});
