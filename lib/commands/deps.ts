import { trustedNow } from '../time/trusted-clock';
import { withConfigLock, type ConfigLock } from './lock';

/**
 * What a command takes from the world: the time (never the wall clock alone), the lock, new ids.
 * Tests pass their own; pages pass nothing.
 */
export interface CommandDeps {
  now: () => Promise<number>;
  lock: ConfigLock;
  makeId: () => string;
}

export function commandDeps(given: Partial<CommandDeps> = {}): CommandDeps {
  return { now: trustedNow, lock: withConfigLock, makeId: () => crypto.randomUUID(), ...given };
}
