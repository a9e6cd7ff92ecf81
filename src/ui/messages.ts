/**
 * Every UI string, keyed. English first; a Norwegian catalogue is another object of
 * the same type (`Messages`), picked by `setLocale`.
 */
const en = {
  'app.name': 'Exportdesk',
  'nav.invoices': 'Invoices',
  'nav.timeRecords': 'Time records',
  'nav.claims': 'Claims',
  'nav.customers': 'Customers',
  'nav.projects': 'Projects',
  'nav.users': 'Users',
  'nav.import': 'Import',
  'nav.exportedFiles': 'Exported files',
  'nav.settings': 'Settings',
  'notifications.button': 'Notifications',
  'notifications.none': 'Nothing waiting.',
  'notifications.exportToAccounting': 'Export to accounting',
  'notifications.waiting': '{count} invoices waiting for export',
  'start.title': 'Welcome to Exportdesk',
  'start.body':
    'Keep invoices, time records and expense claims, and turn them into the import files of your accounting, factoring and payroll systems. Everything stays in this browser.',
  'start.loadDemo': 'Load demo company',
  'start.loadDemoSe': 'Load Swedish demo company',
  'start.restore': 'Restore a backup (company file)',
  'start.importHint': 'Or start from your own data on the Import page.',
  'start.loading': 'Loading…',
  'common.search': 'Search',
  'common.from': 'From',
  'common.to': 'To',
  'common.previous': 'Previous',
  'common.next': 'Next',
  'common.page': 'Page {page} of {pages} ({total} rows)',
  'common.noRows': 'No rows.',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.save': 'Save',
  'common.delete': 'Delete',
  'common.download': 'Download',
  'common.loading': 'Loading…',
  'common.error': 'Error',
  'settings.title': 'Settings',
  'settings.company': 'Company',
  'settings.storage': 'Storage',
  'settings.storagePersisted': 'Persistent storage granted: the browser will not clear this data on its own.',
  'settings.storageNotPersisted': 'Persistent storage not granted: the browser may clear this data when space runs low. Keep backups.',
  'settings.storageUsage': '{used} used of about {quota} available.',
  'settings.backup': 'Backup',
  'settings.downloadBackup': 'Download backup (company file)',
  'settings.restoreBackup': 'Restore backup…',
  'settings.restoreConfirm': 'Replace all data in this browser with the company in the file?',
  'settings.demo': 'Demo',
  'settings.demoConfirm': 'Replace all data in this browser with the demo company?',
  'invoices.title': 'Invoices',
  'timeRecords.title': 'Time records',
  'claims.title': 'Claims',
  'customers.title': 'Customers',
  'projects.title': 'Projects',
  'users.title': 'Users',
  'exportedFiles.title': 'Exported files',
  'import.title': 'Import',
  'offline.ready': 'Ready to work offline.',
  'templates.title': 'Export templates',
  'templates.intro': 'Your own export formats: a table of columns (layout) or a Liquid text. Test one before using it in an export.',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const catalogues: Record<string, Messages> = { en };
let current: Messages = en;

export function setLocale(locale: string): void {
  current = catalogues[locale] ?? en;
}

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return current[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
