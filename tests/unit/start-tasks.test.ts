import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTasks } from '../../lib/background/start-tasks';

describe('the background at start (issue 19): protection at once, the rest after the first pause page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setUp = (waitMs = 1_000) => {
    const ran: string[] = [];
    const measured: string[] = [];
    const tasks = startTasks({ waitMs, measure: (name) => measured.push(name) });
    const task = (name: string) => () => void ran.push(name);
    return { ran, measured, tasks, task };
  };

  it('runs protection at once and holds the rest until the first pause page is shown', async () => {
    const { ran, tasks, task } = setUp();
    tasks.now('second net sweep', task('sweep'));
    tasks.later('protection badge', task('badge'));
    tasks.later('sync', task('sync'));
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['sweep']);
    tasks.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['sweep', 'badge', 'sync']);
  });

  it('never holds anything longer than the wait when no pause page comes', async () => {
    const { ran, tasks, task } = setUp(1_000);
    tasks.later('rules check', task('rules'));
    await vi.advanceTimersByTimeAsync(999);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual(['rules']);
  });

  it('runs later work at once once released, each only once, and notes what each took', async () => {
    const { ran, measured, tasks, task } = setUp();
    tasks.later('welcome', task('welcome'));
    tasks.release();
    tasks.release();
    await vi.advanceTimersByTimeAsync(2_000);
    tasks.later('cooling-off', task('cooling-off'));
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['welcome', 'cooling-off']);
    expect(measured).toEqual(['welcome', 'cooling-off']);
  });

  it('keeps going when a task fails, and says so', async () => {
    const { ran, tasks, task } = setUp();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    tasks.now('allowances', () => Promise.reject(new Error('no alarms')));
    tasks.now('second net sweep', task('sweep'));
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['sweep']);
    expect(logged).toHaveBeenCalledWith('steadfast: allowances', expect.any(Error));
    logged.mockRestore();
  });
});
