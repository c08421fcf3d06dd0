/*
 * The browser's part of automatic backups: saving the file with `downloads.download`, removing the
 * old ones Steadfast made, the alarm that brings the background back for the next one, and turning
 * the feature on and off with the optional `downloads` permission. The decisions are in
 * ./auto-backup.ts; every browser API comes in as a parameter (tests/fakes/auto-backup-apis.ts).
 */
import { browser } from 'wxt/browser';
import { createQueueLock, type ConfigLock } from '../commands/lock';
import { trustedNow } from '../time/trusted-clock';
import { autoBackupItem, type AutoBackup, type AutoBackupProblem } from './auto-backup-item';
import { autoBackupFileName, backupDue, filesToRemove, isOwnBackupFile, MIN_GAP, nextBackupAt, withChange, withSaved } from './auto-backup';

export const AUTO_BACKUP_ALARM = 'auto-backup';
/** Optional in the manifest (wxt.config.ts): asked for only when the person turns this on. */
export const DOWNLOADS_PERMISSION = { permissions: ['downloads'] };
/** What a page sends the background after a change it cannot see in storage (a setback logged). */
export const BIG_CHANGE_MESSAGE = { type: 'steadfast:big-change' } as const;

export function isBigChangeMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === BIG_CHANGE_MESSAGE.type;
}

export interface DownloadsApi {
  download(options: { url: string; filename: string; saveAs: boolean; conflictAction: 'uniquify' }): Promise<number>;
  search(query: { id: number }): Promise<{ id: number; filename: string; exists?: boolean }[]>;
  removeFile(id: number): Promise<void>;
  erase(query: { id: number }): Promise<number[]>;
}
export interface PermissionsApi {
  contains(permissions: typeof DOWNLOADS_PERMISSION): Promise<boolean>;
  request(permissions: typeof DOWNLOADS_PERMISSION): Promise<boolean>;
  remove(permissions: typeof DOWNLOADS_PERMISSION): Promise<boolean>;
}
export interface AlarmsApi {
  create(name: string, info: { when: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<{ scheduledTime: number } | undefined>;
}
interface StateStore {
  getValue(): Promise<AutoBackup>;
  setValue(value: AutoBackup): Promise<void>;
}

/** A URL the browser can download the file from, and how to let it go afterwards. */
export interface FileUrl {
  url: string;
  release(): void;
}

export interface AutoBackupApis {
  /** Read when needed: the browser adds `downloads` only once the permission is granted. */
  downloads: () => DownloadsApi | undefined;
  permissions: PermissionsApi;
  alarms: AlarmsApi;
  /** The trusted time (lib/time/), for every decision. */
  now: () => Promise<number>;
  /** The wall clock, which alarms are held on. */
  wall: () => number;
  /** The usual backup file's text (./export.ts). */
  backupText: () => Promise<string>;
  fileUrl: (text: string) => FileUrl;
  store: StateStore;
  lock: ConfigLock;
}

/** The namespace as the browser has it now (`chrome` in Chromium, `browser` in Firefox). */
function liveDownloads(): DownloadsApi | undefined {
  const g = globalThis as { browser?: { downloads?: DownloadsApi }; chrome?: { downloads?: DownloadsApi } };
  return g.browser?.downloads ?? g.chrome?.downloads;
}

/**
 * Chrome's service worker has no `URL.createObjectURL`, so the file goes as a data: URL there
 * (Chrome allows URLs up to 2 MB: backups beyond about 1.5 MB fail and say so). Firefox's
 * background page has it, and its `downloads.download` takes a blob: URL the extension made
 * itself (only blob: URLs of web pages are refused there).
 */
export function fileUrl(text: string, create: ((blob: Blob) => string) | null = URL.createObjectURL ? URL.createObjectURL.bind(URL) : null): FileUrl {
  if (create) {
    const url = create(new Blob([text], { type: 'application/json' }));
    // The browser has its own copy once the download starts; a minute later the URL can go.
    return { url, release: () => setTimeout(() => URL.revokeObjectURL(url), 60_000) };
  }
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { url: `data:application/json;base64,${btoa(binary)}`, release: () => undefined };
}

/** One lock for this item, across pages and the worker where Web Locks exist. */
const queue = createQueueLock();
export const autoBackupLock: ConfigLock = (work) => {
  const locks = (globalThis as { navigator?: { locks?: { request<T>(name: string, cb: () => Promise<T>): Promise<T> } } }).navigator?.locks;
  return locks ? locks.request('steadfast:auto-backup', work) : queue(work);
};

export function browserApis(backupText: () => Promise<string>): AutoBackupApis {
  return {
    downloads: liveDownloads,
    permissions: browser.permissions as unknown as PermissionsApi,
    alarms: browser.alarms as unknown as AlarmsApi,
    now: () => trustedNow(),
    wall: () => Date.now(),
    backupText,
    fileUrl: (text) => fileUrl(text),
    store: autoBackupItem,
    lock: autoBackupLock,
  };
}

export type TickOutcome = 'off' | 'not-due' | 'saved' | AutoBackupProblem;

/**
 * Saves a backup if one is due (or `force`, when the person has just turned this on), removes the
 * old files Steadfast made beyond the last few, and sets the alarm for the next one. Run at every
 * start of the background, on the alarm, and after big changes.
 */
export function autoBackupTick(apis: AutoBackupApis, { force = false } = {}): Promise<TickOutcome> {
  return apis.lock(async () => {
    let state = await apis.store.getValue();
    if (!state.enabled) {
      await apis.alarms.clear(AUTO_BACKUP_ALARM);
      return 'off';
    }
    const now = await apis.now();
    if (!force && !backupDue(state, now)) {
      await schedule(apis, state, now);
      return 'not-due';
    }
    const downloads = apis.downloads();
    if (!downloads || !(await apis.permissions.contains(DOWNLOADS_PERMISSION))) {
      // Withdrawn in the browser's own settings: said on "My recovery"; turning it on asks again.
      await apis.store.setValue({ ...state, problem: 'no-permission' });
      await apis.alarms.clear(AUTO_BACKUP_ALARM);
      return 'no-permission';
    }
    const file = apis.fileUrl(await apis.backupText());
    try {
      const id = await downloads.download({ url: file.url, filename: autoBackupFileName(now), saveAs: false, conflictAction: 'uniquify' });
      state = withSaved(state, { id, at: now });
    } catch (error) {
      console.error('steadfast: automatic backup', error);
      await apis.store.setValue({ ...state, problem: 'failed' });
      // Tried again in an hour, not in a loop.
      await apis.alarms.create(AUTO_BACKUP_ALARM, { when: apis.wall() + MIN_GAP });
      return 'failed';
    } finally {
      file.release();
    }
    state = { ...state, saved: await removeOld(downloads, state.saved) };
    await apis.store.setValue(state);
    await schedule(apis, state, now);
    return 'saved';
  });
}

/** Removes the files beyond the last few, and only ones the browser still names as Steadfast's backups. */
async function removeOld(downloads: DownloadsApi, saved: AutoBackup['saved']): Promise<AutoBackup['saved']> {
  const old = filesToRemove(saved);
  for (const { id } of old) {
    const [item] = await downloads.search({ id }).catch(() => []);
    // Gone from the browser's list, or no longer ours (renamed, moved): forgotten, never touched.
    if (!item || !isOwnBackupFile(item.filename)) continue;
    if (item.exists !== false) await downloads.removeFile(id).catch(() => undefined);
    await downloads.erase({ id }).catch(() => []);
  }
  const gone = new Set(old.map((s) => s.id));
  return saved.filter((s) => !gone.has(s.id));
}

/** Sets the alarm for the next backup (the alarm is on the wall clock, the decision on the trusted one). */
async function schedule(apis: AutoBackupApis, state: AutoBackup, now: number): Promise<void> {
  const next = nextBackupAt(state);
  if (next === undefined) {
    await apis.alarms.clear(AUTO_BACKUP_ALARM);
    return;
  }
  const when = apis.wall() + Math.max(0, next - now);
  const current = await apis.alarms.get(AUTO_BACKUP_ALARM);
  // Not rewritten on every look: only when the time moved.
  if (!current || Math.abs(current.scheduledTime - when) > 60_000) await apis.alarms.create(AUTO_BACKUP_ALARM, { when });
}

/** A big change (triggers, plan, a setback): a backup follows once things settle, at most one an hour. */
export function noteBigChange(apis: AutoBackupApis): Promise<void> {
  return apis.lock(async () => {
    const state = await apis.store.getValue();
    const now = await apis.now();
    const next = withChange(state, now);
    if (next === state) return;
    await apis.store.setValue(next);
    await schedule(apis, next, now);
  });
}

export type ToggleResult = { ok: true } | { ok: false; refused: true };

/**
 * Turns automatic backups on: asks the browser for `downloads` first (call this straight from the
 * person's click: the browser asks only during one). Refused, nothing changes. The background
 * saves the first file at once.
 */
export async function turnOnAutoBackup(
  permissions: Pick<PermissionsApi, 'request'> = browser.permissions as unknown as PermissionsApi,
  store: StateStore = autoBackupItem,
  lock: ConfigLock = autoBackupLock,
): Promise<ToggleResult> {
  const granted = await permissions.request(DOWNLOADS_PERMISSION).catch(() => false);
  if (!granted) return { ok: false, refused: true };
  await lock(async () => store.setValue({ ...(await store.getValue()), enabled: true, problem: null }));
  return { ok: true };
}

/** Turns them off: no file is removed from disk, and the permission goes back to the browser. */
export async function turnOffAutoBackup(
  permissions: Pick<PermissionsApi, 'remove'> = browser.permissions as unknown as PermissionsApi,
  store: StateStore = autoBackupItem,
  lock: ConfigLock = autoBackupLock,
): Promise<void> {
  await lock(async () => store.setValue({ ...(await store.getValue()), enabled: false, changedAt: null, problem: null }));
  await permissions.remove(DOWNLOADS_PERMISSION).catch(() => false);
}
