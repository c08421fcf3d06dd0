import type { SyncArea } from '../../lib/sync/sync-store';
import { itemBytes, SYNC_QUOTA, totalBytes } from '../../lib/sync/quota';

/**
 * An in-memory `storage.sync` that enforces the browser's quotas the way Chrome does: a `set` that
 * would break the total, per-item or item-count quota, or a write beyond the per-minute or
 * per-hour rate, is rejected whole and changes nothing. Time comes from `now` so tests can move it.
 */
export class FakeSyncArea implements SyncArea {
  items: Record<string, unknown> = {};
  writes: number[] = [];
  now = 0;

  async get(): Promise<Record<string, unknown>> {
    return structuredClone(this.items);
  }

  private countWrite(): void {
    const minute = this.writes.filter((at) => at > this.now - 60_000).length;
    const hour = this.writes.filter((at) => at > this.now - 3_600_000).length;
    if (minute >= SYNC_QUOTA.writesPerMinute) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    if (hour >= SYNC_QUOTA.writesPerHour) throw new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.');
    this.writes.push(this.now);
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.countWrite();
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_QUOTA.bytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    const next = { ...this.items, ...structuredClone(items) };
    if (totalBytes(next) > SYNC_QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    if (Object.keys(next).length > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
    this.items = next;
  }

  async remove(keys: string | string[]): Promise<void> {
    this.countWrite();
    for (const key of typeof keys === 'string' ? [keys] : keys) delete this.items[key];
  }

  bytes(): number {
    return totalBytes(this.items);
  }
}
