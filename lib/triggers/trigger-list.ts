import { storage } from 'wxt/utils/storage';
import type { Trigger } from './trigger';

/** The person's trigger list in `storage.local`, version 1. The background mirrors it into rules. */
export const triggerListItem = storage.defineItem<Trigger[]>('local:triggers', {
  version: 1,
  fallback: [],
});
