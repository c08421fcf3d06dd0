import { storage } from 'wxt/utils/storage';
import type { PendingChange } from './cooling-off';

/** Loosening changes waiting out their cooling-off, in `storage.local`, version 1. */
export const pendingItem = storage.defineItem<PendingChange[]>('local:pending', {
  version: 1,
  fallback: [],
});
