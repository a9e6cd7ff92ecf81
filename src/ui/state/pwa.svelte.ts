/**
 * The app as an installed, offline web app (issue 18, item 6):
 * - Install: Chromium's `beforeinstallprompt` is kept and offered as a button in Settings (other
 *   browsers have no such event; the button is then absent).
 * - Update: a new service worker waits (vite.config.ts no longer skips waiting) until the user
 *   chooses "Reload to update"; it never reloads by itself, so edits in an open form are not lost.
 * - Offline: the header says so while the browser is offline (everything keeps working).
 * - Backup reminder: when persistent storage was not granted and the last backup (or, before any,
 *   the first use in this browser) is more than 30 days old; the times are kept in localStorage.
 */

export const BACKUP_REMINDER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
export const LAST_BACKUP_KEY = 'exportdesk.lastBackupAt';
export const FIRST_USE_KEY = 'exportdesk.firstUseAt';

/** Whether to remind of a backup: storage may be evicted, and the newest safe copy is old. */
export function backupReminderDue(input: {
  persisted: boolean | null;
  lastBackupAt: string | null;
  firstUseAt: string | null;
  now: Date;
}): boolean {
  if (input.persisted !== false) return false;
  const since = input.lastBackupAt ?? input.firstUseAt;
  if (since === null) return false;
  const time = Date.parse(since);
  return Number.isFinite(time) && input.now.getTime() - time > BACKUP_REMINDER_DAYS * DAY_MS;
}

/** Chromium's install prompt event (not in the DOM typings). */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** What the state reads from the browser, so tests can give their own. */
export interface PwaEnvironment {
  window: Pick<Window, 'addEventListener'>;
  navigator: { onLine: boolean; serviceWorker?: ServiceWorkerContainer; storage?: StorageManager };
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  reload: () => void;
  now: () => Date;
}

export class Pwa {
  online = $state(true);
  /** A new version's service worker is installed and waiting for "Reload to update". */
  updateWaiting = $state(false);
  installAvailable = $state(false);
  backupDue = $state(false);
  #waiting: ServiceWorker | null = null;
  #install: InstallPromptEvent | null = null;
  readonly #env: PwaEnvironment;

  constructor(env: PwaEnvironment) {
    this.#env = env;
    this.online = env.navigator.onLine;
    env.window.addEventListener('online', () => (this.online = true));
    env.window.addEventListener('offline', () => (this.online = false));
    env.window.addEventListener('beforeinstallprompt', (event) => {
      // Keep the browser's own mini-infobar away; Settings offers the install instead.
      event.preventDefault();
      this.#install = event as InstallPromptEvent;
      this.installAvailable = true;
    });
    env.window.addEventListener('appinstalled', () => {
      this.#install = null;
      this.installAvailable = false;
    });
    if (env.storage.getItem(FIRST_USE_KEY) === null) env.storage.setItem(FIRST_USE_KEY, env.now().toISOString());
    void this.#watchServiceWorker();
  }

  /** Shows the install prompt; the button goes away either way (the event can be used once). */
  async install(): Promise<void> {
    const event = this.#install;
    if (!event) return;
    this.#install = null;
    this.installAvailable = false;
    await event.prompt();
    await event.userChoice;
  }

  /** Activates the waiting version; the page reloads once it controls the page. */
  applyUpdate(): void {
    const waiting = this.#waiting;
    const container = this.#env.navigator.serviceWorker;
    if (!waiting || !container) return;
    container.addEventListener('controllerchange', () => this.#env.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  }

  /** Called after a backup was downloaded. */
  backedUp(): void {
    this.#env.storage.setItem(LAST_BACKUP_KEY, this.#env.now().toISOString());
    this.backupDue = false;
  }

  async checkBackup(): Promise<void> {
    const storage = this.#env.navigator.storage;
    const persisted = storage?.persisted ? await storage.persisted() : null;
    this.backupDue = backupReminderDue({
      persisted,
      lastBackupAt: this.#env.storage.getItem(LAST_BACKUP_KEY),
      firstUseAt: this.#env.storage.getItem(FIRST_USE_KEY),
      now: this.#env.now(),
    });
  }

  async #watchServiceWorker(): Promise<void> {
    const container = this.#env.navigator.serviceWorker;
    const registration = await container?.getRegistration();
    if (!container || !registration) return;
    const found = (worker: ServiceWorker | null) => {
      // The first install has no controller yet: that is not an update.
      if (!worker || !container.controller) return;
      this.#waiting = worker;
      this.updateWaiting = true;
    };
    if (registration.waiting) found(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') found(registration.waiting ?? installing);
      });
    });
  }
}

function browserPwa(): Pwa {
  return new Pwa({
    window,
    navigator,
    storage: localStorage,
    reload: () => window.location.reload(),
    now: () => new Date(),
  });
}

let instance: Pwa | null = null;

/** The page's one Pwa, made on first use (it listens from then on: the app shell asks at start). */
export function appPwa(): Pwa {
  return (instance ??= browserPwa());
}
