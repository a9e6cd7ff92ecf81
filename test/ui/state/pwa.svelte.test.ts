import { describe, expect, it, vi } from 'vitest';
import {
  FIRST_USE_KEY,
  LAST_BACKUP_KEY,
  Pwa,
  backupReminderDue,
  type PwaEnvironment,
} from '../../../src/ui/state/pwa.svelte.ts';

const NOW = new Date('2026-12-06T08:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000).toISOString();

describe('backupReminderDue', () => {
  it('reminds only without persistent storage and with the newest copy over 30 days old', () => {
    const base = { persisted: false, lastBackupAt: null, firstUseAt: null, now: NOW };
    expect(backupReminderDue({ ...base, lastBackupAt: daysAgo(31) })).toBe(true);
    expect(backupReminderDue({ ...base, lastBackupAt: daysAgo(29) })).toBe(false);
    expect(backupReminderDue({ ...base, persisted: true, lastBackupAt: daysAgo(90) })).toBe(false);
    // Unknown persistence (the browser would not say): no reminder.
    expect(backupReminderDue({ ...base, persisted: null, lastBackupAt: daysAgo(90) })).toBe(false);
    // Never backed up: counted from the first use in this browser, not at once.
    expect(backupReminderDue({ ...base, firstUseAt: daysAgo(2) })).toBe(false);
    expect(backupReminderDue({ ...base, firstUseAt: daysAgo(40) })).toBe(true);
    // A recent backup wins over an old first use.
    expect(backupReminderDue({ ...base, firstUseAt: daysAgo(400), lastBackupAt: daysAgo(1) })).toBe(false);
    expect(backupReminderDue({ ...base, lastBackupAt: 'garbage' })).toBe(false);
  });
});

/** A fake browser: its window events can be fired, its storage is a Map, its service worker a stub. */
function fakeEnvironment(options: { onLine?: boolean; persisted?: boolean; waiting?: boolean } = {}) {
  const listeners = new Map<string, ((event: Event) => void)[]>();
  const fire = (type: string, event: Event = new Event(type)) => listeners.get(type)?.forEach((l) => l(event));
  const items = new Map<string, string>();
  const waiting = { postMessage: vi.fn(), state: 'installed' } as unknown as ServiceWorker;
  const containerListeners = new Map<string, () => void>();
  const container = {
    controller: {},
    getRegistration: async () => ({
      waiting: options.waiting ? waiting : null,
      addEventListener: () => undefined,
    }),
    addEventListener: (type: string, listener: () => void) => containerListeners.set(type, listener),
  } as unknown as ServiceWorkerContainer;
  const reload = vi.fn();
  const env: PwaEnvironment = {
    window: {
      addEventListener: (type: string, listener: (event: Event) => void) =>
        listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    } as PwaEnvironment['window'],
    navigator: {
      onLine: options.onLine ?? true,
      serviceWorker: container,
      storage: { persisted: async () => options.persisted ?? false } as StorageManager,
    },
    storage: { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) },
    reload,
    now: () => NOW,
  };
  return { env, fire, items, waiting, reload, controllerChange: () => containerListeners.get('controllerchange')?.() };
}

describe('Pwa', () => {
  it('follows the browser going offline and online', () => {
    const { env, fire } = fakeEnvironment({ onLine: false });
    const pwa = new Pwa(env);
    expect(pwa.online).toBe(false);
    fire('online');
    expect(pwa.online).toBe(true);
    fire('offline');
    expect(pwa.online).toBe(false);
  });

  it('keeps the install prompt for the button, and uses it once', async () => {
    const { env, fire } = fakeEnvironment();
    const pwa = new Pwa(env);
    expect(pwa.installAvailable).toBe(false);
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: vi.fn(async () => undefined),
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    fire('beforeinstallprompt', event);
    expect(event.defaultPrevented).toBe(true);
    expect(pwa.installAvailable).toBe(true);
    await pwa.install();
    expect(event.prompt).toHaveBeenCalledOnce();
    expect(pwa.installAvailable).toBe(false);
  });

  it('a waiting version shows the banner and reloads only when asked, after it took over', async () => {
    const { env, waiting, reload, controllerChange } = fakeEnvironment({ waiting: true });
    const pwa = new Pwa(env);
    await vi.waitFor(() => expect(pwa.updateWaiting).toBe(true));
    expect(reload).not.toHaveBeenCalled();
    pwa.applyUpdate();
    expect(waiting.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' });
    expect(reload).not.toHaveBeenCalled();
    controllerChange();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('records the first use, reminds after 30 days without a backup, and a backup ends the reminder', async () => {
    const { env, items } = fakeEnvironment({ persisted: false });
    items.set(FIRST_USE_KEY, daysAgo(45));
    const pwa = new Pwa(env);
    await pwa.checkBackup();
    expect(pwa.backupDue).toBe(true);
    pwa.backedUp();
    expect(items.get(LAST_BACKUP_KEY)).toBe(NOW.toISOString());
    await pwa.checkBackup();
    expect(pwa.backupDue).toBe(false);

    const fresh = fakeEnvironment({ persisted: false });
    new Pwa(fresh.env);
    expect(fresh.items.get(FIRST_USE_KEY)).toBe(NOW.toISOString());
  });
});
