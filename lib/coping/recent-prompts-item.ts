import { storage } from 'wxt/utils/storage';

/** Ids of the prompts the pause page showed last, most recent first, so the next visit differs. */
export const recentPromptsItem = storage.defineItem<string[]>('local:recentPrompts', {
  version: 1,
  fallback: [],
});
