import { describe, expect, it } from 'vitest';
import { createShortcutMatcher, isTypingTarget, SEQUENCE_MS } from '../../../../renderer/app/shortcuts';
import { isEdited } from '../../../../renderer/app/use-unsaved-guard';

const press = (key: string, at = 0, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  timeStamp: at,
});

describe('keyboard shortcuts', () => {
  it('maps single keys, two-key sequences and the palette chord', () => {
    const match = createShortcutMatcher();
    expect(match(press('/'), false)).toBe('search');
    expect(match(press('n'), false)).toBe('new-client');
    expect(match(press('?'), false)).toBe('help');
    expect(match(press('k', 0, { ctrl: true }), false)).toBe('palette');
    expect(match(press('k', 0, { meta: true }), false)).toBe('palette');
    for (const [second, action] of [['c', 'go-clients'], ['d', 'go-dashboard'], ['k', 'go-keys'], ['a', 'go-activity'], ['s', 'go-settings']] as const) {
      expect(match(press('g', 10), false)).toBeNull();
      expect(match(press(second, 20), false)).toBe(action);
    }
  });

  it('never fires while typing, except the palette chord', () => {
    const match = createShortcutMatcher();
    for (const key of ['/', 'n', '?', 'g', 'c']) expect(match(press(key), true)).toBeNull();
    expect(match(press('k', 0, { ctrl: true }), true)).toBe('palette');
  });

  it('forgets the first key of a sequence after a while, after typing, and after another key', () => {
    const match = createShortcutMatcher();
    match(press('g', 0), false);
    expect(match(press('c', SEQUENCE_MS + 1), false)).toBeNull();
    match(press('g', 0), false);
    expect(match(press('c', 5), true)).toBeNull();
    expect(match(press('c', 6), false)).toBeNull();
    match(press('g', 0), false);
    expect(match(press('x', 1), false)).toBeNull();
    expect(match(press('c', 2), false)).toBeNull();
  });

  it('ignores bare modifiers and Alt chords', () => {
    const match = createShortcutMatcher();
    expect(match(press('Shift'), false)).toBeNull();
    expect(match(press('n', 0, { alt: true }), false)).toBeNull();
  });

  it('knows which targets take text', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('isEdited', () => {
  it('compares a form’s values with its initial ones, an absent value being empty', () => {
    expect(isEdited({ name: 'A', active: true }, { name: 'A', active: true })).toBe(false);
    expect(isEdited({ name: 'B' }, { name: 'A' })).toBe(true);
    expect(isEdited({ name: 'A', note: '' }, { name: 'A' })).toBe(false);
    expect(isEdited({ active: false }, { active: true })).toBe(true);
  });
});
