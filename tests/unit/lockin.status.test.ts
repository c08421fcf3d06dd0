import { describe, expect, it } from 'vitest';
import { lockInStatus, readLockInFacts, type LockInFacts } from '../../lib/lockin/status';

const facts = (over: Partial<LockInFacts>): LockInFacts => ({ installType: 'normal', privateWindows: false, family: 'chrome', ...over });
const ways = (over: Partial<LockInFacts>) => lockInStatus(facts(over)).waysOut.map(({ way, state }) => `${way}:${state}`);

describe('lockInStatus', () => {
  it.each(['normal', 'development', 'sideload', 'other', undefined])('installType %s is not locked in', (installType) => {
    expect(lockInStatus(facts({ installType })).locked).toBe(false);
  });

  it('installType admin (a policy installed it) is locked in', () => {
    expect(lockInStatus(facts({ installType: 'admin' })).locked).toBe(true);
  });

  it('not locked in, Chromium: every easy way out is open', () => {
    expect(ways({})).toEqual(['turn-off:open', 'private-windows:open', 'guest-windows:open', 'new-profiles:open']);
  });

  it('allowed in private windows: they are no way out', () => {
    expect(ways({ privateWindows: true })).toEqual(['turn-off:open', 'guest-windows:open', 'new-profiles:open']);
  });

  it('Firefox has no guest windows, and its policies hold for every profile', () => {
    expect(ways({ family: 'firefox' })).toEqual(['turn-off:open', 'private-windows:open']);
    expect(ways({ family: 'firefox', privateWindows: true })).toEqual(['turn-off:open']);
  });

  it('locked in: turning off is closed; what it cannot see is never claimed closed', () => {
    expect(ways({ installType: 'admin' })).toEqual(['private-windows:unseen', 'guest-windows:unseen', 'new-profiles:unseen']);
    expect(ways({ installType: 'admin', family: 'firefox', privateWindows: true })).toEqual([]);
  });
});

describe('readLockInFacts', () => {
  it('reads installType and private-window access from the browser', async () => {
    const read = await readLockInFacts('chrome', {
      management: { getSelf: async () => ({ installType: 'admin' }) },
      extension: { isAllowedIncognitoAccess: async () => true },
    });
    expect(read).toEqual({ installType: 'admin', privateWindows: true, family: 'chrome' });
  });

  it('a browser that will not answer is not locked in and not allowed in private windows', async () => {
    const read = await readLockInFacts('firefox', {
      management: { getSelf: () => Promise.reject(new Error('no')) },
      extension: { isAllowedIncognitoAccess: () => Promise.reject(new Error('no')) },
    });
    expect(lockInStatus(read)).toEqual({
      locked: false,
      waysOut: [
        { way: 'turn-off', state: 'open' },
        { way: 'private-windows', state: 'open' },
      ],
    });
  });
});
