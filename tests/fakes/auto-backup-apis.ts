import type { AutoBackup } from '../../lib/backup/auto-backup-item';
import { createQueueLock } from '../../lib/commands/lock';
import type { AlarmsApi, AutoBackupApis, DownloadsApi, PermissionsApi } from '../../lib/backup/auto-backup-run';

/** A file in the fake Downloads folder, with the download entry the browser keeps for it. */
interface FakeDownload {
  id: number;
  filename: string;
  url: string;
  exists: boolean;
  erased: boolean;
}

/**
 * The browser's downloads as the person's computer would see them: `download` makes a file (a name
 * already taken gets " (1)", as Chrome's `uniquify` does), `removeFile` deletes it and `erase`
 * forgets the entry. Files the person downloaded themselves can be added with `addOwn`.
 */
export class FakeDownloads implements DownloadsApi {
  entries: FakeDownload[] = [];
  private nextId = 1;
  failNext = false;

  async download(options: { url: string; filename: string; saveAs: boolean; conflictAction: 'uniquify' }): Promise<number> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('Download failed');
    }
    if (options.saveAs !== false || options.conflictAction !== 'uniquify') throw new Error('unexpected options');
    return this.add(this.uniquify(`/home/person/Downloads/${options.filename}`), options.url);
  }

  addOwn(path: string): number {
    return this.add(path, 'https://example.org/file');
  }

  private add(filename: string, url: string): number {
    const id = this.nextId++;
    this.entries.push({ id, filename, url, exists: true, erased: false });
    return id;
  }

  private uniquify(path: string): string {
    const taken = (p: string) => this.entries.some((e) => e.exists && e.filename === p);
    if (!taken(path)) return path;
    for (let n = 1; ; n++) {
      const candidate = path.replace(/(\.json)?$/, ` (${n})$1`);
      if (!taken(candidate)) return candidate;
    }
  }

  async search({ id }: { id: number }) {
    return this.entries.filter((e) => e.id === id && !e.erased).map(({ id, filename, exists }) => ({ id, filename, exists }));
  }

  async removeFile(id: number): Promise<void> {
    const entry = this.entries.find((e) => e.id === id && !e.erased);
    if (!entry || !entry.exists) throw new Error('Download file already deleted');
    entry.exists = false;
  }

  async erase({ id }: { id: number }): Promise<number[]> {
    const entry = this.entries.find((e) => e.id === id && !e.erased);
    if (!entry) return [];
    entry.erased = true;
    return [id];
  }

  /** The files on disk, by name. */
  files(): string[] {
    return this.entries.filter((e) => e.exists).map((e) => e.filename);
  }
}

/** The optional permission, with the person's answer to the browser's prompt. */
export class FakePermissions implements PermissionsApi {
  granted = false;
  answer = true;
  requests = 0;
  async contains(): Promise<boolean> {
    return this.granted;
  }
  async request(): Promise<boolean> {
    this.requests++;
    if (this.answer) this.granted = true;
    return this.answer;
  }
  async remove(): Promise<boolean> {
    const was = this.granted;
    this.granted = false;
    return was;
  }
}

/** Alarms held on the wall clock; `due(wall)` says which would have fired. */
export class FakeAlarms implements AlarmsApi {
  alarms = new Map<string, number>();
  async create(name: string, { when }: { when: number }): Promise<void> {
    this.alarms.set(name, when);
  }
  async clear(name: string): Promise<boolean> {
    return this.alarms.delete(name);
  }
  async get(name: string) {
    const when = this.alarms.get(name);
    return when === undefined ? undefined : { scheduledTime: when };
  }
}

export const AUTO_BACKUP_OFF: AutoBackup = { enabled: false, lastSavedAt: null, changedAt: null, saved: [], problem: null };

/** Every API a test needs, on one clock it can move (wall and trusted together). */
export function fakeAutoBackupApis(start: number) {
  const clock = { now: start };
  let state: AutoBackup = structuredClone(AUTO_BACKUP_OFF);
  const downloads = new FakeDownloads();
  const permissions = new FakePermissions();
  const alarms = new FakeAlarms();
  const store = {
    getValue: async () => structuredClone(state),
    setValue: async (value: AutoBackup) => void (state = structuredClone(value)),
  };
  const apis: AutoBackupApis = {
    downloads: () => (permissions.granted ? downloads : undefined),
    permissions,
    alarms,
    now: async () => clock.now,
    wall: () => clock.now,
    backupText: async () => JSON.stringify({ format: 'steadfast-backup', at: clock.now }),
    fileUrl: (text) => ({ url: `data:application/json,${encodeURIComponent(text)}`, release: () => undefined }),
    store,
    lock: createQueueLock(),
  };
  return { apis, clock, downloads, permissions, alarms, store };
}
