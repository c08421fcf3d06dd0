import { storage } from 'wxt/utils/storage';
import type { NotInForce } from './build-rules';

/**
 * What the browser's rules do not hold, written by the background after every repair of the rules
 * (lib/blocking/sync-rules.ts) and read by the popup and the trigger list, which name each trigger
 * that is not in force. Empty when everything holds.
 */
export interface RuleStatus {
  notInForce: NotInForce[];
}

/** `storage.local`, version 1. */
export const ruleStatusItem = storage.defineItem<RuleStatus>('local:ruleStatus', {
  version: 1,
  fallback: { notInForce: [] },
});
