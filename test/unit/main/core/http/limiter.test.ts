import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../../../../main/core/http/limiter';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createLimiter', () => {
  it('runs at most N tasks at once, in arrival order', async () => {
    const limiter = createLimiter(2);
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limiter.run(async () => {
          started.push(i);
          expect(limiter.active).toBeLessThanOrEqual(2);
          await tick(10);
        }),
      ),
    );
    expect(limiter.peak).toBe(2);
    expect(limiter.active).toBe(0);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('frees the slot when a task throws', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
    expect(limiter.active).toBe(0);
  });

  it('a newcomer cannot overtake a waiter when a slot frees up', async () => {
    const limiter = createLimiter(1);
    const order: string[] = [];
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)).then(() => void order.push('first')));
    const waiter = limiter.run(async () => void order.push('waiter'));
    await tick(0);
    release();
    // Queued in the same turn the first task ends: must run after the waiter, never beside it.
    const late = first.then(() => limiter.run(async () => void order.push('late')));
    await Promise.all([first, waiter, late]);
    expect(order).toEqual(['first', 'waiter', 'late']);
    expect(limiter.peak).toBe(1);
  });
});
