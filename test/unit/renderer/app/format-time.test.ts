import { describe, expect, it } from 'vitest';
import { timeAgo } from '../../../../renderer/app/format-time';

const now = Date.parse('2026-03-10T12:00:00.000Z');

describe('timeAgo', () => {
  it('says "now" under a minute, then minutes, hours and days, in the UI language', () => {
    expect(timeAgo('2026-03-10T11:59:30.000Z', 'en', now)).toBe('now');
    expect(timeAgo('2026-03-10T11:55:00.000Z', 'en', now)).toBe('5 minutes ago');
    expect(timeAgo('2026-03-10T09:00:00.000Z', 'fr', now)).toBe('il y a 3 heures');
    expect(timeAgo('2026-03-08T12:00:00.000Z', 'en', now)).toBe('2 days ago');
  });

  it('gives the date past a week, and returns unparsable text unchanged', () => {
    expect(timeAgo('2026-02-01T12:00:00.000Z', 'en', now)).toMatch(/2026/);
    expect(timeAgo('not a date', 'en', now)).toBe('not a date');
  });
});
