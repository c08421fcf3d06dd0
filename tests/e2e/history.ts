import type { Page } from 'playwright-core';

/**
 * Every event in Steadfast's IndexedDB history, read where it runs (one of Steadfast's pages, or
 * its service worker): self-contained, for `evaluate`. A history not yet created reads as empty,
 * and is not created (an empty one at version 1 would pass Steadfast's own upgrade by).
 */
export async function readHistoryEvents(): Promise<HistoryEvent[]> {
  if (!(await indexedDB.databases()).some((db) => db.name === 'steadfast-history')) return [];
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('steadfast-history');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('events').objectStore('events').getAll();
      request.onsuccess = () => {
        db.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  });
}

export type HistoryEvent = { id: string; type: string; at: number; [key: string]: unknown };

/** Every event in Steadfast's IndexedDB history, read from inside one of its pages. */
export function historyEvents(page: Page): Promise<HistoryEvent[]> {
  return page.evaluate(readHistoryEvents);
}

/** `YYYY-MM-DD` for `days` from today in the time zone where it runs: self-contained, for `evaluate`. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `YYYY-MM-DD` for `offset` days from today in the browser's own time zone. */
export function browserDay(page: Page, offset = 0): Promise<string> {
  return page.evaluate(dayFromToday, offset);
}
