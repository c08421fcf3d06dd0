/*
 * The browser's limits on `storage.sync`, the same in Chrome and Firefox (Nov 2026):
 * - Chrome: `chrome.storage.sync` QUOTA_BYTES 102400, QUOTA_BYTES_PER_ITEM 8192, MAX_ITEMS 512,
 *   MAX_WRITE_OPERATIONS_PER_HOUR 1800, MAX_WRITE_OPERATIONS_PER_MINUTE 120
 *   (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync, and the
 *   typings in @wxt-dev/browser).
 * - Firefox: 102400 bytes in all, 8192 an item, 512 items
 *   (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/storage/sync;
 *   mozilla application-services webext_storage SYNC_QUOTA_BYTES_PER_ITEM = 8_192). MDN lists no
 *   write-rate limit; Firefox syncs extension data about every 10 minutes, key by key, and Firefox
 *   for Android does not sync it at all. Chrome's limits are the stricter, so they are the ones kept.
 * An item's size is its key's length plus the length of its value's JSON. Counted here in UTF-8
 * bytes, which is what Chromium measures (a `std::string`) and never less than UTF-16 units.
 */
export const SYNC_QUOTA = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

const encoder = new TextEncoder();
export const utf8Bytes = (text: string): number => encoder.encode(text).length;

/** What one item costs against the quotas. */
export const itemBytes = (key: string, value: unknown): number => utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? '');

export const totalBytes = (items: Readonly<Record<string, unknown>>): number =>
  Object.entries(items).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
