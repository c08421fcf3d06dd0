// The history the Progress benchmarks write into a fresh profile (bench/progress/run.mjs, profile.mjs).

/**
 * Ten years of history and a streak start written straight into the extension's stores, in the
 * stored shapes (only the last `days` of it for the one-month profile). Only the events store is written (as version 1 had it): whichever version the
 * page left, the summaries are then out of step and the next open makes them from the events.
 */
export async function seedTenYears(page, days = 3650) {
  return page.evaluate(async (days) => {
    const db = await new Promise((ok, fail) => {
      const open = indexedDB.open('steadfast-history');
      open.onupgradeneeded = () => {
        // A new database: make version 1's store, as an install before the summaries had it.
        const events = open.result.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('by-time', 'at');
        events.createIndex('by-type', 'type');
        events.createIndex('by-type-time', ['type', 'at']);
      };
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const day = 86_400_000;
    const now = Date.now();
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zones = [tz, tz, tz, 'Europe/London', 'America/New_York', 'Pacific/Auckland'];
    const events = [];
    for (let i = 0; i < 3650; i += 1) {
      events.push({
        id: `c${i}`,
        type: 'checkin',
        at: now - i * day - 3_600_000 * (i % 12),
        tz,
        mood: 1 + (i % 5),
        craving: i % 11,
        halt: { hungry: i % 2 === 0, angry: false, lonely: i % 3 === 0, tired: i % 4 === 0 },
      });
    }
    for (let i = 0; i < 20_000; i += 1) {
      const at = now - Math.floor((i / 20_000) * 3650 * day) - 3_600_000 * (i % 24);
      const outcome = ['left', 'left', 'closed', 'continued', 'shown'][i % 5];
      events.push({ id: `i${i}`, type: 'intervention', at, tz: zones[i % zones.length], site: `site${i % 40}.example`, outcome });
    }
    for (let i = 0; i < 1000; i += 1) {
      events.push({
        id: `u${i}`,
        type: 'urge',
        at: now - Math.floor((i / 1000) * 3650) * day - 7_200_000,
        tz,
        before: 8,
        after: i % 4 ? 3 : undefined,
        minutes: 10,
        // What the urge log adds (backup version 4): what set it off and what was done.
        setOffBy: i % 2 ? ['tired'] : ['site', 'lonely'],
        action: ['delay', 'distract', 'escape'][i % 3],
      });
    }
    for (let i = 1; i <= 36; i += 1) events.push({ id: `s${i}`, type: 'setback', at: now - i * 100 * day, tz, whatHappened: 'A hard week' });
    await new Promise((ok, fail) => {
      const tx = db.transaction('events', 'readwrite');
      for (const event of events) if (days >= 3650 || event.at > now - days * day) tx.objectStore('events').put(event);
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    const count = await new Promise((ok) => {
      const request = db.transaction('events').objectStore('events').count();
      request.onsuccess = () => ok(request.result);
    });
    db.close();
    const start = new Date(now - 3650 * day).toISOString().slice(0, 10);
    await chrome.storage.local.set({ streak: { startedOn: start } });
    return count;
  }, days);
}
