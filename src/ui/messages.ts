/**
 * Every UI string of src/ui in English, keyed by area (`invoices.*`, `import.*`, `templates.*`, ...;
 * `common.*` for words used in several places). This is the source of keys: the Norwegian
 * bokmål and Swedish catalogues (src/ui/i18n/nb.ts, sv.ts) translate every key, and the type
 * `Messages` makes a missing key a compile error there. Components call `t(key, params)`; dynamic
 * parts are `{name}` placeholders, never string concatenation. A sentence that wraps markup (a
 * link, <strong>, <code>, an input) is one message with a placeholder where the markup goes, cut
 * into its parts by `tParts`. A text that depends on a number is a plural message
 * (`{ one, other }`, see `PluralMessage`), never "record(s)".
 *
 * src/core holds no user text: it reports codes with parameters, worded here (`issue.*` for export
 * issues, `problem.*` for value problems, `exportRun.step.*` for progress, `exportStatus.*`,
 * `dataType.*`). Still English and outside the catalogues: the labels and help of format
 * settings and the field documentation of template data types (src/core/formats, templates).
 *
 * Adding a key: write it here in English; the nb and sv catalogues fail the typecheck until they
 * have it. Adding a language: a new file in src/ui/i18n/ typed `Messages`, its code in `LOCALES`
 * and `INTL_LOCALE`, and its loader in src/ui/i18n/locale.svelte.ts. The app re-renders when the
 * language changes (`{#key}` in app.svelte), so `t` stays a plain function.
 */
const en = {
  'app.name': 'Exportdesk',
  'nav.label': 'main',
  'nav.invoices': 'Invoices',
  'nav.timeRecords': 'Time records',
  'nav.claims': 'Claims',
  'nav.customers': 'Customers',
  'nav.projects': 'Projects',
  'nav.users': 'Users',
  'nav.import': 'Import',
  'nav.exportedFiles': 'Exported files',
  'nav.saft': 'SAF-T',
  'nav.settings': 'Settings',
  'nav.overview': 'Overview',
  'notifications.button': 'Notifications',
  'notifications.none': 'Nothing waiting.',
  'notifications.exportToAccounting': 'Export to accounting',
  'notifications.exportToFactoring': 'Export to factoring',
  'notifications.sendAsEhf': 'Send as EHF',
  'notifications.waiting': { one: '{count} invoice waiting for export', other: '{count} invoices waiting for export' },
  'start.title': 'Welcome to Exportdesk',
  'start.body':
    'Keep invoices, time records and expense claims, and turn them into the import files of your accounting, factoring and payroll systems. Everything stays in this browser.',
  'start.loadDemo': 'Load demo company',
  'start.loadDemoSe': 'Load Swedish demo company',
  'start.restore': 'Restore a backup (company file)',
  'start.importHint': 'Or start from your own data on the Import page.',
  'start.loading': 'Loading…',
  'offline.ready': 'Ready to work offline.',

  'common.search': 'Search',
  'common.from': 'From',
  'common.to': 'To',
  'common.or': 'or',
  'common.previous': 'Previous',
  'common.next': 'Next',
  'common.page': 'Page {page} of {pages} ({total} rows)',
  'common.pagesLabel': 'pages',
  'common.noRows': 'No rows.',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.save': 'Save',
  'common.saved': 'Saved {name}.',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.download': 'Download',
  'common.check': 'Check',
  'common.loading': 'Loading…',
  'common.ongoing': '{step}…',
  'common.error': 'Error',
  'common.warning': 'Warning',
  'issues.open': 'Open',
  'mapping.from.vatCodes': 'VAT code',
  'mapping.from.accounts': 'Account',
  'mapping.from.users': 'Co-worker',
  'mapping.from.expenseTypes': 'Expense type',
  'mapping.from.paymentTerms': 'Payment terms (days)',
  'issues.openRecord': 'Open {record}',
  'issues.openSetting': 'Open the setting',
  'issues.moreLikeThis': '… and {count} more like this',
  'common.yes': 'yes',
  'common.no': 'no',
  'common.example': 'e.g. {example}',
  'common.export': 'Export',
  'common.exportEllipsis': 'Export…',
  'common.name': 'Name',
  'common.number': 'Number',
  'common.date': 'Date',
  'common.time': 'Time',
  'common.status': 'Status',
  'common.file': 'File',
  'common.records': 'Records',
  'common.customer': 'Customer',
  'common.employee': 'Employee',
  'common.project': 'Project',
  'common.activity': 'Activity',
  'common.wageCode': 'Wage code',
  'common.department': 'Department',
  'common.email': 'Email',
  'common.currency': 'Currency',
  'common.orgNumber': 'Org. no.',
  'common.amount': 'Amount',
  'common.hours': 'Hours',
  'common.encoding': 'Encoding',
  'common.delimiter': 'Delimiter',
  'common.decimalSeparator': 'Decimal separator',
  'common.includeExternal': 'Include external co-workers',
  'common.numberName': '{number} {name}',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.languageAuto': "The browser's language ({language})",
  'settings.languageHint':
    'Amounts, numbers and dates on screen follow the language. Export files keep their own formats.',
  'settings.languageFailed': 'The language could not be loaded. Reload the page and try again.',
  'settings.company': 'Company',
  'settings.address': 'Address',
  'settings.storage': 'Storage',
  'settings.storagePersisted': 'Persistent storage granted: the browser will not clear this data on its own.',
  'settings.storageNotPersisted':
    'Persistent storage not granted: the browser may clear this data when space runs low. Keep backups.',
  'settings.storageUsage': '{used} used of about {quota} available.',
  'settings.backup': 'Backup',
  'settings.backupIntro':
    "The backup is one JSON company file with all data, export settings, templates and the export history (the exported files' bytes only when you tick the box).",
  'settings.backupIncludeFiles': "Include the exported files' bytes (a larger file)",
  'settings.downloadBackup': 'Download backup (company file)',
  'settings.noCompanyToBackUp': 'There is no company to back up yet.',
  'settings.restoreBackup': 'Restore backup…',
  'settings.restoreConfirm':
    'Replace all data in this browser with the company in the file? A backup of the data it replaces is downloaded first.',
  'restore.reading': 'Reading the file',
  'restore.checking': 'Checking the records',
  'restore.writing': 'Writing to the database',
  'restore.step': 'Restoring, step {step} of {steps}: {phase}…',
  'restore.progressLabel': 'Restore progress',
  'restore.cancelled': 'Restore cancelled. Nothing was changed.',
  'restore.failed': 'The backup was not restored. Nothing was changed.',
  'restore.done': 'Backup restored: {records} invoices, time records and claims.',
  'restore.doneReplaced':
    'Backup restored: {records} invoices, time records and claims. The company it replaced was downloaded as {file}.',
  'storage.full':
    'The browser has no room left for this (its storage quota is used up). Nothing was changed. Free space, for example by deleting old exports or other sites’ data, and try again.',
  'settings.demo': 'Demo',
  'settings.demoConfirm': 'Replace all data in this browser with the demo company?',

  'invoices.title': 'Invoices',
  'invoices.draft': '(draft)',
  'invoices.creditNote': 'Credit note',
  'invoices.invoice': 'Invoice',
  'invoices.type': 'Type',
  'invoices.issueDate': 'Issue date',
  'invoices.dueDate': 'Due date',
  'invoices.gross': 'Gross',
  'invoices.finalized': 'Finalized as invoice {number}.',
  'invoices.finalize': 'Finalize',
  'invoices.exportStatus': 'Export status',
  'invoices.exportStatusFor': 'Export status for {purpose}',
  'invoices.statusPurpose': 'Export status for',
  'invoices.status.draft': 'Draft',
  'invoices.status.finalized': 'Finalized',
  'exportStatus.to-transfer': 'To transfer',
  'exportStatus.transferred': 'Has been transferred',
  'exportStatus.do-not-transfer': 'Do not transfer',
  'invoices.range.title': 'Edit export status for several invoices',
  'invoices.range.from': 'From invoice number',
  'invoices.range.to': 'To invoice number',
  'invoices.range.fromDate': 'From issue date',
  'invoices.range.toDate': 'To issue date',
  'invoices.range.by': 'Range of',
  'invoices.range.byNumber': 'Invoice numbers',
  'invoices.range.byDate': 'Issue dates',
  'invoices.range.purpose': 'Export status for',
  'invoices.range.reversed': 'The range is reversed: the first {what} comes after the last one.',
  'invoices.range.reversedNumber': 'invoice number',
  'invoices.range.reversedDate': 'issue date',
  'invoices.range.noFinalized': 'There are no finalized invoices in this range.',
  'invoices.range.allInStatus': 'All finalized invoices in this range already have the status {status} for {purpose}.',
  'invoices.range.status': 'New export status',
  'invoices.range.missing': 'Give both ends of the range.',
  'invoices.range.count': { one: 'This changes {count} invoice.', other: 'This changes {count} invoices.' },
  'invoices.range.done': { one: '{count} invoice changed.', other: '{count} invoices changed.' },
  'invoices.range.apply': 'Change status',

  // Issue 14: an invoice's page, drafts, credit notes (d-invoices).
  'invoices.newInvoice': 'New invoice',
  'invoiceDetail.back': 'All invoices',
  'invoiceDetail.notFound': 'There is no such invoice (it may have been deleted).',
  'invoiceDetail.titleInvoice': 'Invoice {number}',
  'invoiceDetail.titleCredit': 'Credit note {number}',
  'invoiceDetail.titleDraftInvoice': 'Draft invoice',
  'invoiceDetail.titleDraftCredit': 'Draft credit note',
  'invoiceDetail.header': 'Invoice details',
  'invoiceDetail.kid': 'KID',
  'invoiceDetail.orderReference': 'Order reference',
  'invoiceDetail.finalizedAt': 'Finalized',
  'invoiceDetail.none': '(none)',
  'invoiceDetail.choose': 'Choose…',
  'invoiceDetail.lines': 'Lines',
  'invoiceDetail.line': 'Line {n}',
  'invoiceDetail.description': 'Description',
  'invoiceDetail.product': 'Product code',
  'invoiceDetail.quantity': 'Quantity',
  'invoiceDetail.unitPrice': 'Unit price',
  'invoiceDetail.discount': 'Discount %',
  'invoiceDetail.account': 'Account',
  'invoiceDetail.vatCode': 'VAT code',
  'invoiceDetail.vatRate': 'VAT rate',
  'invoiceDetail.net': 'Net',
  'invoiceDetail.vat': 'VAT',
  'invoiceDetail.gross': 'Gross',
  'invoiceDetail.rate': '{rate} %',
  'invoiceDetail.noLines': 'No lines yet.',
  'invoiceDetail.totals': 'Totals per VAT rate',
  'invoiceDetail.total': 'Total',
  'invoiceDetail.addLine': 'Add line',
  'invoiceDetail.removeLine': 'Remove line {n}',
  'invoiceDetail.creditUpTo': 'up to {quantity}',
  'invoiceDetail.creditHelp':
    'The credit note credits these lines of invoice {number}. Lower a quantity, or set it to 0, to credit less; it cannot credit more than remains.',
  'invoiceDetail.saveDraft': 'Save draft',
  'invoiceDetail.saved': 'Draft saved.',
  'invoiceDetail.deleteDraft': 'Delete draft',
  'invoiceDetail.deleteConfirm': 'Delete this draft? This cannot be undone.',
  'invoiceDetail.finalized': 'Finalized with number {number}.',
  'invoiceDetail.unsaved': 'Unsaved changes.',
  'invoiceDetail.problems': 'Fix these before Finalize:',
  'invoiceDetail.lockedInvoice':
    'This invoice is finalized: it cannot be edited or deleted (Bookkeeping Act), only credited with a credit note.',
  'invoiceDetail.lockedCredit': 'This credit note is finalized: it cannot be edited or deleted.',
  'invoiceDetail.createCreditNote': 'Create credit note',
  'invoiceDetail.fullyCredited': 'This invoice is fully credited.',
  'invoiceDetail.credits': 'Credits invoice {number}',
  'invoiceDetail.creditNotes': 'Credit notes',
  'invoiceDetail.creditNoteDraft': 'draft credit note',
  'invoiceDetail.exportStatus': 'Export status',
  'invoiceDetail.statusWhenFinalized': 'When finalized, for {purpose}',
  'invoiceDetail.draftNotExported':
    'A draft is never exported; choose here whether it waits for export once finalized.',
  'invoiceDetail.history': 'Export history',
  'invoiceDetail.noHistory': 'No export has taken this invoice yet.',
  'invoiceDetail.historyWhen': 'When',
  'invoiceDetail.historyExport': 'Export',
  'invoiceDetail.historyFor': 'For',
  'invoiceDetail.historyState': 'Batch',
  'invoiceDetail.historyActive': 'In effect',
  'invoiceDetail.historyReverted': 'Reverted {when}',
  'invoiceDetail.openExportedFiles': 'Exported files',
  'invoiceDetail.error.notFound': 'That invoice no longer exists.',
  'invoiceDetail.error.locked': 'Invoice {number} is finalized: it cannot be changed or deleted, only credited.',
  'invoiceDetail.error.notReady': 'The draft cannot be finalized yet ({count} problems; first: {first}).',
  'invoiceDetail.error.notReadyHere': 'The draft cannot be finalized yet: see the problems marked below.',
  'invoiceDetail.error.noLines': 'A draft without lines cannot be finalized.',
  'invoiceDetail.error.nothingToCredit': 'Invoice {number} is fully credited.',
  'invoiceDetail.error.creditedMissing': 'The credited invoice {number} is not stored.',
  'invoiceDetail.error.numberUsed':
    'Invoice number {value} is already given (the last given is {last}). Set the next number in Settings → Company.',
  'invoiceDetail.error.numberGap':
    'Next number {value} would leave a gap in the series: the next number must be {expected}.',
  'invoiceDetail.error.numberNotDigits': 'The next invoice number must be a whole number from 1 (got {value}).',
  'invoiceDetail.part.customer': 'customer',
  'invoiceDetail.part.invoice': 'invoice',
  'invoiceDetail.error.kidTooWide':
    'The {part} number {value} does not fit in the {digits} digits the KID layout gives it (Settings → Company).',
  'invoiceDetail.error.kidNotDigits':
    'The {part} number {value} is not all digits, so no KID can be made from it (Settings → Company).',
  'invoiceDetail.error.kidLayout': 'The KID layout must fit in 25 digits: at most {max} digits for the two numbers.',
  'invoiceDetail.error.creditExceeds': 'Line {line} credits more than remains on the invoice ({remaining}).',
  'invoiceDetail.error.creditAmountExceeds': 'Line {line} credits a larger amount than remains on the invoice.',
  'invoiceDetail.error.creditLineUnknown': 'Line {line} is not a line of the credited invoice.',
  'invoiceDetail.error.creditEmpty': 'The credit note credits nothing: give at least one line a quantity.',
  'invoiceDetail.error.creditNotFinalized': 'Only a finalized invoice can be credited.',
  'invoiceDetail.error.creditOfCredit': 'A credit note cannot be credited.',
  'invoiceDetail.error.noCompany': 'Set up the company first.',
  'invoiceNumbering.title': 'Invoice numbering',
  'invoiceNumbering.nextNumber': 'Next invoice number',
  'invoiceNumbering.help':
    'Invoices and credit notes share this series. A number is never given twice, and the series has no gaps: once invoices are numbered, only the number after the last one is accepted.',
  'invoiceNumbering.useKid': 'Give invoices a KID',
  'invoiceNumbering.scheme': 'Check digit',
  'invoiceNumbering.customerDigits': 'Digits for the customer number (0 leaves it out)',
  'invoiceNumbering.invoiceDigits': 'Digits for the invoice number',
  'invoiceNumbering.example': 'Customer {customer}, invoice {invoice}: KID {kid}',
  'invoiceNumbering.save': 'Save invoice numbering',
  'invoiceNumbering.saved': 'Invoice numbering saved.',

  'timeRecords.title': 'Time records',
  'timeRecords.rate': 'Rate',
  'timeRecords.approved': 'Approved',
  'timeRecords.comment': 'Comment',

  'claims.title': 'Claims',
  'claims.claim': 'Claim',
  'claims.items': 'Items',
  'claims.status.draft': 'Draft',
  'claims.status.submitted': 'Submitted',
  'claims.status.approved': 'Approved',
  'claims.status.paid': 'Paid',
  'claims.status.rejected': 'Rejected',
  'records.newTimeRecord': 'New time record',
  'records.newClaim': 'New claim',
  'records.editTimeRecord': 'Time record of {date}',
  'records.editClaim': 'Claim {number}',
  'records.date': 'Date',
  'records.employee': 'Co-worker',
  'records.project': 'Project',
  'records.activity': 'Activity',
  'records.hours': 'Hours',
  'records.wageCode': 'Wage code',
  'records.rate': 'Billing rate per hour ({currency})',
  'records.payRate': 'Pay rate per hour ({currency}; empty: the co-worker’s rate)',
  'records.billable': 'Billable',
  'records.approved': 'Approved',
  'records.comment': 'Comment',
  'records.choose': '(choose)',
  'records.none': '(none)',
  'records.claimNumber': 'Claim number',
  'records.claimStatus': 'Status',
  'records.items': 'Items',
  'records.item': 'Item {n}',
  'records.addItem': 'Add item',
  'records.removeItem': 'Remove item {n}',
  'records.expenseType': 'Expense type',
  'records.description': 'Description',
  'records.amount': 'Amount incl. VAT',
  'records.vatAmount': 'VAT',
  'records.currency': 'Currency',
  'records.claimSum': 'Sum: {sums}',
  'records.noItems': 'A claim needs at least one item.',
  'records.required': 'Required.',
  'records.notANumber': '“{value}” is not a number.',
  'records.notAnAmount': '“{value}” is not an amount (e.g. 1234.50).',
  'records.unknownEmployee': 'No co-worker has the number {value}.',
  'records.unknownProject': 'No project has the number {value}.',
  'records.unknownExpenseType': 'No expense type has the code {value}.',
  'records.keyTaken': '{key} is already taken by another record.',
  'records.saved': 'Saved.',
  'records.deleteConfirm': 'Delete this record? This cannot be undone.',
  'records.notFound': 'There is no record {key} (it may have been deleted).',
  'records.changedElsewhere':
    'This record was changed elsewhere (another tab or an import) after the form opened it. Nothing was saved.',
  'records.deletedElsewhere': 'This record was deleted elsewhere after the form opened it. Nothing was saved.',
  'records.reload': 'Show the stored version',
  'records.alreadyExported':
    'Already exported in {batch}; the receiving system has the old values. A change here is not sent again unless you export it again.',
  'records.batchName': '{name} of {at}',
  'totals.label': 'Total',
  'totals.loading': 'Adding up…',
  'totals.invoices': '{count} invoices',
  'totals.invoiceAmounts': '{currency}: net {net}, VAT {vat}, gross {gross}',
  'totals.timeRecords': '{count} records: {billable} h billable, {other} h not billable',
  'totals.timeRecordAmount': 'amount {amount} (records with a rate)',
  'totals.claims': '{count} claims',
  'totals.claimAmount': '{amount}',

  'customers.title': 'Customers',
  'customers.city': 'City',
  'customers.country': 'Country',
  'customers.terms': 'Terms',
  'customers.termsDays': { plural: 'days', one: '{days} day', other: '{days} days' },

  'projects.title': 'Projects',
  'projects.billable': 'Billable',

  'users.title': 'Users',
  'users.employeeNumber': 'Employee no.',
  'users.external': 'External',

  'exportRun.title': 'Export to accounting',
  'exportRun.noConfig': 'No invoice export is configured yet. Add one in {link}.',
  'exportRun.noConfigLink': 'Settings → Export to accounting',
  'exportRun.notUsable': 'not usable',
  'exportRun.planning': 'Checking what to export…',
  'exportRun.total': 'Total',
  'exportRun.hoursTotal': { plural: 'hours', one: '{hours} hour', other: '{hours} hours' },
  'exportRun.dates': 'Dates',
  'exportRun.preflight': 'Pre-flight check',
  'exportRun.acceptWarnings': 'I have read the warnings; export anyway.',
  'exportRun.preflightOk': 'Pre-flight check passed: no errors or warnings.',
  'exportRun.run': 'Export and download',
  'exportRun.starting': 'Starting',
  'exportRun.step.reading': 'Reading data',
  'exportRun.step.readingAndChecking': 'Reading and checking',
  'exportRun.step.checking': 'Checking',
  'exportRun.step.generating': 'Generating files',
  'exportRun.step.storing': 'Storing the batch',
  'exportRun.step.done': 'Done',
  'exportRun.acceptFirst': 'Accept the warnings to run the export.',
  'exportRun.blocked': 'The errors above stop the export; no file was written and no status changed.',
  'exportRun.cancelled': 'The export was cancelled; nothing was stored and no status changed.',
  'exportRun.done': 'Exported. The file {file} ({size}) was downloaded and is kept in {link}.',
  'exportRun.downloadAgain': 'Download again',

  'periodExport.title.timeRecords': 'Export time records',
  'periodExport.title.claims': 'Export claims',
  'periodExport.title.saft': 'SAF-T for the tax authority',
  'periodExport.note': 'This export changes no record; it is kept in Exported files.',
  'periodExport.noConfig.timeRecords':
    'No time-record export is configured. Add a payroll export or a template in {link}.',
  'periodExport.noConfig.claims': 'No claim export is configured. Add a payroll export or a template in {link}.',
  'periodExport.noConfig.saft': 'No SAF-T export is configured. Add one with the format SAF-T Financial in {link}.',
  'periodExport.badPeriod': 'Choose a period whose start is on or before its end.',
  'periodExport.onlyApproved.timeRecords': 'Only approved time records',
  'periodExport.onlyApproved.claims': 'Only approved claims (approved or paid)',
  'periodExport.leaveOutExported': 'Leave out what an earlier export of an overlapping period already took',
  'periodExport.overlaps': {
    one: 'This period overlaps {count} earlier export:',
    other: 'This period overlaps {count} earlier exports:',
  },
  'periodExport.overlap': {
    one: '{createdAt}: {name}, {from} – {to}, {count} record',
    other: '{createdAt}: {name}, {from} – {to}, {count} records',
  },
  'periodExport.leftOut': 'Records they took are left out of this export.',
  'periodExport.exportedAgain': 'Those records will be exported again.',

  'saft.title': 'SAF-T for the tax authority',
  'saft.note':
    'A SAF-T Financial file (version 1.30) of the invoices and credit notes issued in a period, as the tax authority can ask for. It changes no export status. Accounts need their SAF-T grouping codes and VAT codes their standard tax codes: the check names any that lack them.',
  'saft.export': 'Make a SAF-T file…',
  'exportedFiles.title': 'Exported files',
  'exportedFiles.files': 'Files',
  'exportedFiles.totals': 'Totals',
  'exportedFiles.period': 'Period',
  'exportedFiles.hours': '{hours} h',
  'exportedFiles.fileDetails': '({size}, SHA-256 {hash}…)',
  'exportedFiles.downloadedAs': 'downloaded as {name}',
  'exportedFiles.revertedAt': 'Reverted {at}',
  'exportedFiles.exported': 'Exported',
  'exportedFiles.revert': 'Revert',
  'exportedFiles.revertConfirm': {
    one: 'Set the invoice of this export back to To transfer for {purpose}? The export stays in the history, marked reverted.',
    other:
      'Set the {count} invoices of this export back to To transfer for {purpose}? The export stays in the history, marked reverted.',
  },
  'exportedFiles.reverted': {
    one: '{count} invoice is To transfer again for {purpose}.',
    other: '{count} invoices are To transfer again for {purpose}.',
  },
  'exportedFiles.forPurpose': 'for {purpose}',
  'exportedFiles.empty': 'Nothing has been exported yet.',

  'exportSettings.title': 'Export to accounting',
  'exportSettings.intro':
    'Each export is an accounting system (or factoring, payroll) format, or one of your export templates. One export per purpose is the default, used from Notifications.',
  'exportSettings.purpose': 'Purpose',
  'exportSettings.purpose.accounting': 'Accounting',
  'exportSettings.purpose.factoring': 'Factoring',
  'exportSettings.purpose.ehf': 'Send as EHF',
  'exportSettings.purpose.payroll': 'Payroll',
  'exportSettings.purpose.other': 'Other',
  'exportSettings.dateLimit': 'Invoice date limit',
  'exportSettings.customerSelection': 'Customers',
  'exportSettings.customerSelection.all': 'All customers',
  'exportSettings.customerSelection.marked': 'Customers marked for factoring in the customer register',
  'exportSettings.dateLimit.endOfLastMonth': 'Up to and including the last day of the previous month',
  'exportSettings.dateLimit.today': 'Up to today',
  'exportSettings.dateLimit.none': 'No date limit',
  'exportSettings.target': 'Format or template',
  'exportSettings.templateTarget': 'Template: {name}',
  'exportSettings.deletedTemplate': 'deleted template',
  'exportSettings.default': 'Default',
  'exportSettings.empty': 'No export configured.',
  'exportSettings.new': 'New export',
  'exportSettings.newName': 'New export',
  'exportSettings.nameMissing': 'Give the export a name.',
  'exportSettings.deleteConfirm': 'Delete the export "{name}"? Exported files stay in the history.',
  'exportSettings.targetKind': 'Export format type',
  'exportSettings.targetKind.format': 'Accounting system',
  'exportSettings.targetKind.template': 'Export template',
  'exportSettings.system': 'System',
  'exportSettings.spec': 'Spec: {url}',
  'exportSettings.template': 'Template',
  'exportSettings.noTemplates': 'No templates yet: make one under Export templates below.',
  'exportSettings.defaultFor': 'Default export for {purpose}',

  'import.title': 'Import',
  'import.fileSection': 'File',
  'import.whatToImport': 'What to import',
  'import.kind.customers': 'Customers',
  'import.kind.projects': 'Projects',
  'import.kind.users': 'Users (employees)',
  'import.kind.accounts': 'Accounts',
  'import.kind.vatCodes': 'VAT codes',
  'import.kind.expenseTypes': 'Expense types',
  'import.kind.invoices': 'Invoices',
  'import.kind.timeRecords': 'Time records',
  'import.kind.claims': 'Claims',
  'import.chooseFile': 'Choose a CSV file…',
  'import.dropHint': 'or drop it anywhere on this page.',
  'import.done': {
    plural: 'updated',
    one: 'Imported {new} new and {updated} updated record from {file}. You can undo it in the history below.',
    other: 'Imported {new} new and {updated} updated records from {file}. You can undo it in the history below.',
  },
  'import.another': 'Import another file',
  'import.phase.reading': 'Reading the file',
  'import.phase.checking': 'Checking rows',
  'import.phase.comparing': 'Comparing with stored data',
  'import.phase.writing': 'Writing',
  'import.progress': '{done} of {total}',
  'import.importCancelled': 'The import was cancelled; nothing was stored. Check again to import.',
  'import.checkCancelled': 'The check was cancelled.',
  'import.settings.title': 'File settings',
  'import.settings.detectedEncoding': 'Encoding: {encoding} — {reason}',
  'import.settings.header': 'First row is a header',
  'import.settings.skipLines': 'Lines to skip at the top',
  'import.settings.notChosen': 'not chosen',
  'import.settings.decimalComma': 'comma (1234,50)',
  'import.settings.decimalPoint': 'point (1234.50)',
  'import.settings.thousands': 'Thousands separator',
  'import.settings.dateFormat': 'Date format',
  'import.settings.numbers': 'Numbers: {reason}',
  'import.settings.decimalAmbiguous': 'Choose the decimal separator: {examples} read differently with "." and ",".',
  'import.settings.dates': 'Dates: {reason}',
  'import.settings.dateAmbiguous': 'Choose the date format: the dates read as {formats}.',
  'import.guess.encoding.bom': 'The file starts with a {bom} byte order mark.',
  'import.guess.encoding.empty': 'The file is empty.',
  'import.guess.encoding.binary':
    'The file contains a NUL byte at offset {offset}: it is probably not a text (CSV) file.',
  'import.guess.encoding.ascii': 'The file is plain ASCII, which reads the same in every supported encoding.',
  'import.guess.encoding.utf-8': 'The file is valid UTF-8 and contains non-ASCII characters.',
  'import.guess.encoding.iso-8859-15':
    'The file is not valid UTF-8 (at byte {byte}, line {line}); byte 0xA4 is used next to digits (the € sign in ISO-8859-15) or ISO-8859-15 letters appear inside words.',
  'import.guess.encoding.windows-1252-c1':
    'The file is not valid UTF-8 (at byte {byte}, line {line}) and uses bytes 0x80–0x9F, which only Windows-1252 gives meaning to.',
  'import.guess.encoding.windows-1252':
    'The file is not valid UTF-8 (at byte {byte}, line {line}); read as Windows-1252 (identical to ISO-8859-1 for these bytes).',
  'import.guess.dialect.no-text': 'The file has no text.',
  'import.guess.dialect.no-delimiter':
    'No delimiter splits the lines into several columns; the file has one column or is not CSV.',
  'import.guess.dialect.delimiter': {
    plural: 'rows',
    one: 'Delimiter {delimiter}: {rows} row with {fields} fields ({share}% of the rows agree).',
    other: 'Delimiter {delimiter}: {rows} rows with {fields} fields ({share}% of the rows agree).',
  },
  'import.guess.dialect.skipLines': {
    plural: 'skipLines',
    one: '{skipLines} line of other text at the top is skipped.',
    other: '{skipLines} lines of other text at the top are skipped.',
  },
  'import.guess.header.number': 'The first row has a number ("{value}"), so it is data, not a header.',
  'import.guess.header.empty-cell': 'The first row has an empty cell, so it is probably data.',
  'import.guess.header.repeats': 'The first row repeats a value, so it is probably data.',
  'import.guess.header.typed-column':
    'The first row is text above a column of numbers or dates ("{column}"), as a header is.',
  'import.guess.header.distinct': 'The first row has distinct text values, as a header does.',
  'import.guess.number.no-values': 'No values to look at.',
  'import.guess.number.decimal': '"{example}" uses "{decimal}" as the decimal separator.',
  'import.guess.number.decimal-grouped':
    '"{example}" uses "{decimal}" as the decimal separator and {thousands} to group thousands.',
  'import.guess.number.conflicts': {
    plural: 'conflicts',
    one: '{conflicts} value does not fit, e.g. "{conflict}".',
    other: '{conflicts} values do not fit, e.g. "{conflict}".',
  },
  'import.guess.number.ambiguous':
    'Values such as "{example}" read differently with "." or "," as decimal separator; choose one.',
  'import.guess.number.no-decimals': 'The values have no decimals; either decimal separator reads them the same.',
  'import.guess.date.no-values': 'No date values to look at.',
  'import.guess.date.no-format': 'No supported date format reads every value.',
  'import.guess.date.one-format': 'Every value reads as {format}.',
  'import.guess.date.several-formats':
    'The values read as {formats}; choose one (e.g. is "{example}" day first or month first?).',
  'import.delimiter.comma': 'comma (,)',
  'import.delimiter.semicolon': 'semicolon (;)',
  'import.delimiter.tab': 'tab',
  'import.delimiter.pipe': 'pipe (|)',
  'import.thousands.none': 'none',
  'import.thousands.space': 'space',
  'import.thousands.point': 'point (.)',
  'import.thousands.comma': 'comma (,)',
  'import.thousands.apostrophe': "apostrophe (')",
  'import.mapping.title': 'Columns',
  'import.mapping.field': 'Field',
  'import.mapping.fromFile': 'From the file',
  'import.mapping.example': 'Example',
  'import.mapping.required': 'required',
  'import.mapping.ignore': 'ignore',
  'import.mapping.constant': 'a constant value…',
  'import.mapping.preview': 'Preview',
  'import.mapping.updating': '(updating…)',
  'import.mapping.inFile': 'In the file: {text}',
  'import.mapping.more': 'Showing the first {count} rows; Check reads them all.',
  'import.line': 'Line',
  'import.presets.title': 'Presets',
  'import.presets.use': 'Use a preset',
  'import.presets.none': 'none',
  'import.presets.namePlaceholder': 'e.g. Payroll export',
  'import.presets.defaultName': 'My preset',
  'import.presets.save': 'Save as preset',
  'import.presets.download': 'Download preset JSON',
  'import.presets.load': 'Load preset JSON…',
  'import.presets.unusable': 'The preset "{name}" cannot be used: {errors}',
  'import.presets.saved': 'Saved the preset "{name}".',
  'import.presets.loaded': 'Loaded and saved the preset "{name}".',
  'import.duplicates.title': 'Records that already exist with other values',
  'import.duplicates.skip': 'skip them (keep what is stored)',
  'import.duplicates.update': 'update the stored records',
  'import.duplicates.stop': 'stop: import nothing',
  'import.duplicates.clearBlanks': 'Empty cells clear stored values (otherwise an empty cell keeps what is stored)',
  'import.read.zip': 'This is a ZIP archive (or a spreadsheet such as .xlsx), not a CSV file. Save it as CSV first.',
  'import.read.mixedEncoding':
    'The file mixes encodings: line {utf8Line} is UTF-8, but line {line} is not. Save the whole file in one encoding, or choose the encoding to read it with.',
  'import.read.tooManyColumns':
    'Line {line} has more than {max} columns; no import takes that many. Is the delimiter right?',
  'import.read.cellTooLong': 'Line {line}, column {column}: {length} characters; at most {max} are read.',
  'import.read.readAs': 'Read the file as',
  'import.mapping.columnsCapped':
    'The file has {count} columns; the first {max} are offered here. Move the columns to import to the front.',
  'import.result.title': 'Check result',
  'import.result.rows': 'Rows read',
  'import.result.skipped': 'Existing, skipped',
  'import.result.warnings': 'Values to look at ({count})',
  'import.result.warningsHint': 'These values may be right but look unusual; they are imported as they are.',
  'import.result.rejectedRows': 'Rejected rows',
  'import.result.stopped':
    'Records that already exist with other values stopped the import (duplicate handling: stop).',
  'import.result.column': 'Column',
  'import.result.value': 'Value',
  'import.result.reason': 'Reason',
  'import.result.showMore': 'Show {count} more of {rest}',
  'import.result.downloadRejected': 'Download the rejected rows (CSV)',
  'import.result.allowPartial': 'Import the valid rows only',
  'import.result.commit': { one: 'Import {count} record', other: 'Import {count} records' },
  'import.result.back': 'Back to the settings',
  'import.result.gone': 'The check result is gone (the worker was restarted); run Check again.',
  'import.counts.new': 'New',
  'import.counts.updated': 'Updated',
  'import.counts.unchanged': 'Unchanged',
  'import.counts.rejected': 'Rejected',
  'import.history.title': 'Import history',
  'import.history.empty': 'No imports yet.',
  'import.history.kind': 'Kind',
  'import.history.preset': 'Preset',
  'import.history.undo': 'Undo',
  'import.history.undoneAt': 'Undone {at}',
  'import.history.undoConfirm':
    'Undo the import of {file}? Its new records are removed and updated ones get their previous values.',
  'import.history.undone': {
    plural: 'removed',
    one: 'Undone: {removed} record removed, {restored} restored.',
    other: 'Undone: {removed} records removed, {restored} restored.',
  },
  'import.exportCsv.title': 'Export as CSV',
  'import.exportCsv.intro':
    "The stored records in the importer's own columns (UTF-8): a file exported here imports back unchanged.",

  'templates.title': 'Export templates',
  'templates.intro':
    'Your own export formats: a table of columns (layout) or a Liquid text. Test one before using it in an export.',
  'templates.dataType': 'Data type',
  'dataType.customers': 'Customers',
  'dataType.expenses': 'Expenses',
  'dataType.invoicesByAccount': 'Invoices grouped by account',
  'dataType.invoices': 'Invoices',
  'dataType.projects': 'Projects',
  'dataType.timeRecordsGrouped': 'Time records (grouped)',
  'dataType.timeRecords': 'Time records',
  'dataType.users': 'Users',
  'templates.kind': 'Kind',
  'templates.kind.text': 'Text',
  'templates.kind.layout': 'Layout',
  'templates.empty': 'No templates yet.',
  'templates.newName': 'New name',
  'templates.rename': 'Rename',
  'templates.renamed': 'Renamed to {name}.',
  'templates.duplicate': 'Duplicate',
  'templates.duplicated': 'Duplicated {name}.',
  'templates.deleteConfirm': 'Delete the template "{name}"?',
  'templates.deleted': 'Deleted {name}.',
  'templates.imported': 'Imported {file}.',
  'templates.noBuiltIn': 'There is no built-in "{id}" to copy.',
  'templates.new': 'New template',
  'templates.importJson': 'Import JSON…',
  'templates.startFrom': 'Start from',
  'templates.blankLayout': 'Blank layout template (columns)',
  'templates.blankText': 'Blank text template (Liquid)',
  'templates.copyLayout': 'Copy a built-in layout',
  'templates.copyText': 'Copy a built-in text template',
  'templates.incompleteLayout': '{name} (starting point: fields need re-pointing)',
  'templates.create': 'Create',
  'templates.closeConfirm': 'Close the editor without saving?',
  'templates.newTextName': 'New text template',
  'templates.newLayoutName': 'New layout template',
  'templates.editor.editTitle': 'Edit template: {name}',
  'templates.editor.newTitle': 'New template: {name}',
  'templates.editor.textTemplate': 'text template',
  'templates.editor.layoutTemplate': 'layout template',
  'templates.editor.checkFailed': 'The check could not run: {error}',
  'templates.editor.notSaved': 'Not saved. Fix these first:',
  'templates.settings': 'Settings',
  'templates.fileName': 'File name',
  'templates.fileNameHint': '{placeholders} are replaced.',
  'templates.extension': 'Extension',
  'templates.lineBreak': 'Line break',
  'templates.lineBreak.windows': 'Windows (CR LF)',
  'templates.lineBreak.unix': 'Unix (LF)',
  'templates.quotes': 'Quotes',
  'templates.quoting.none': 'Never',
  'templates.quoting.all': 'Every field',
  'templates.quoting.text': 'Text fields',
  'templates.quoting.needed': 'Only when needed',
  'templates.quoteEmpty': 'Quote empty fields',
  // Issue 16: CSV formula injection (formats/builders/delimited.ts FormulaCells).
  'templates.neutraliseFormulas': "Protect against spreadsheet formulas (put ' before text starting with = + - @)",
  'templates.neutraliseFormulasHint':
    'A spreadsheet runs a cell starting with =, +, - or @ as a formula. Turn off only for a system that needs the text exactly as stored.',
  'templates.sumHoursPer': 'Sum hours per',
  'templates.postProcess': 'After rendering',
  'templates.postProcess.none': 'None',
  'templates.postProcess.sieKsumma': 'SIE #KSUMMA checksum',
  'templates.separator.point': 'Point (.)',
  'templates.separator.comma': 'Comma (,)',
  'templates.separator.semicolon': 'Semicolon (;)',
  'templates.separator.tab': 'Tab',
  'templates.separator.bar': 'Bar (|)',
  'templates.layout': 'Layout',
  'templates.layout.kind': 'File layout',
  'templates.layout.delimited': 'Delimited (CSV)',
  'templates.layout.fixedWidth': 'Fixed width',
  'templates.layout.noDelimiter': '(none)',
  'templates.layout.headerRow': 'Header row',
  'templates.layout.delimiterReplacement': 'Delimiter inside a value becomes',
  'templates.layout.quoteReplacement': 'Quote inside a value becomes',
  'templates.layout.finalLineBreak': 'Line break after the last line',
  'templates.layout.rowsFrom': 'One line per',
  'templates.layout.rowsFrom.invoice': 'invoice',
  'templates.layout.rowsFrom.lines': 'invoice line',
  'templates.columns.header': 'Header',
  'templates.columns.source': 'Value from',
  'templates.columns.value': 'Field path, Liquid or text',
  'templates.columns.format': 'Format',
  'templates.columns.width': 'Width',
  'templates.columns.source.field': 'Field',
  'templates.columns.source.liquid': 'Liquid',
  'templates.columns.source.value': 'Fixed text',
  'templates.columns.format.asIs': 'As is',
  'templates.columns.format.text': 'Text',
  'templates.columns.format.integer': 'Whole number',
  'templates.columns.format.quantity': 'Quantity',
  'templates.columns.detail.pattern': 'Pattern',
  'templates.columns.detail.decimals': 'Decimals',
  'templates.columns.detail.maxLength': 'Max length',
  'templates.columns.headerOf': 'Header of column {n}',
  'templates.columns.sourceOf': 'Value from, column {n}',
  'templates.columns.fieldOf': 'Field path of column {n}',
  'templates.columns.liquidOf': 'Liquid of column {n}',
  'templates.columns.valueOf': 'Fixed text of column {n}',
  'templates.columns.formatOf': 'Format of column {n}',
  'templates.columns.detailOf': '{detail}, column {n}',
  'templates.columns.widthOf': 'Width of column {n}',
  'templates.columns.moveUp': 'Move up',
  'templates.columns.moveUpOf': 'Move column {n} up',
  'templates.columns.moveDown': 'Move down',
  'templates.columns.moveDownOf': 'Move column {n} down',
  'templates.columns.remove': 'Remove',
  'templates.columns.removeOf': 'Remove column {n}',
  'templates.columns.add': 'Add column',
  'templates.columnError': 'Column {column}: {message}',
  'templates.unknownField': '{path}: unknown field',
  'templates.unknownFieldSuggest': '{path}: unknown field; did you mean {suggestion}?',
  'templates.limit.renderLimit':
    'Stopped: the template ran longer than the time limit of {limit} ms (renderLimit). Look for a loop that never ends or is far too large.',
  'templates.limit.memoryLimit':
    'Stopped: the template used more memory than the limit of {limit} units (memoryLimit). Look for a very large range (1..n) or string.',
  'templates.limit.parseLimit': 'The template is longer than the limit of {limit} characters (parseLimit).',
  'templates.limit.outputBytes':
    'Stopped: the output grew past the limit of {limit} bytes (outputBytes). Look for a loop that writes far too much.',
  'templates.lineColumn': 'Line {line}, column {column}',
  'templates.lineColumnError': 'Line {line}, column {column}: {message}',
  'templates.text.label': 'Template text (Liquid)',
  'templates.text.noErrors': 'No errors found.',
  'templates.fields': 'Fields',
  'templates.fieldsOf': 'Fields: {label}',
  'templates.fields.loop': 'Loop over {rows} (or {dataType}): {example}.',
  'templates.fields.perColumn': 'Write a field path per column.',
  'templates.fields.money': 'Money is in minor units: format it as Amount (or {filter}).',
  'templates.fields.filter': 'Filter fields',
  'templates.fields.everyTemplate': 'In every template',
  'templates.test.title': 'Test template',
  'templates.test.data': 'Data',
  'templates.test.thisCompany': 'This company',
  'templates.test.demoCompany': 'Demo company',
  'templates.test.sampleSize': 'First {input} records',
  'templates.test.periodFrom': 'Period from',
  'templates.test.periodTo': 'to',
  'templates.test.testing': 'Testing…',
  'templates.test.hint': 'Tests what is in the editor now, saved or not. Nothing is stored or marked as exported.',
  'templates.test.stopped': 'The test stopped: {error} The background worker was restarted.',
  'templates.test.size': 'Size',
  'templates.test.sizeValue': {
    plural: 'records',
    one: '{bytes} bytes, {records} record',
    other: '{bytes} bytes, {records} records',
  },
  'templates.test.noFile': 'No file: see the errors below.',
  'templates.test.cut': 'The first {shown} of {total} lines are shown.',
  'templates.test.empty': 'The output is empty.',

  'registers.setUpCompany': 'Set up your company',
  'registers.editCompany': 'Edit company',
  'registers.accounts': 'Accounts',
  'registers.vatCodes': 'VAT codes',
  'registers.expenseTypes': 'Expense types',
  'registers.new.customer': 'New customer',
  'registers.new.project': 'New project',
  'registers.new.user': 'New co-worker',
  'registers.new.account': 'New account',
  'registers.new.vatCode': 'New VAT code',
  'registers.new.expenseType': 'New expense type',
  'registers.edit.customer': 'Customer {key}',
  'registers.edit.project': 'Project {key}',
  'registers.edit.user': 'Co-worker {key}',
  'registers.edit.account': 'Account {key}',
  'registers.edit.vatCode': 'VAT code {key}',
  'registers.edit.expenseType': 'Expense type {key}',
  'registers.field.name': 'Name',
  'registers.field.orgNumber': 'Organisation number',
  'registers.field.email': 'E-mail',
  'registers.field.country': 'Country',
  'registers.field.phone': 'Phone',
  'registers.field.address': 'Address',
  'registers.field.address2': 'Address line 2',
  'registers.field.postalCode': 'Postal code',
  'registers.field.city': 'City',
  'registers.field.currency': 'Currency',
  'registers.field.fiscalYearStart': 'Fiscal year starts (MM-DD)',
  'registers.field.vatRegistered': 'VAT registered',
  'registers.field.vatRounding': 'VAT rounding',
  'registers.vatRounding.per-rate': 'Per VAT rate, by the book (EHF BR-CO-17)',
  'registers.vatRounding.per-line': 'Per line, as a billing system that rounds each line',
  'registers.field.bankAccount': 'Bank account',
  'registers.field.buyerReference': 'Buyer reference (EHF)',
  'registers.field.contactPerson': 'Contact person',
  'registers.field.customerNumber': 'Customer number',
  'registers.field.paymentTermsDays': 'Payment terms (days)',
  'registers.field.peppolId': 'PEPPOL id',
  'registers.field.ledgerAccount': 'Receivable account (empty: the default)',
  'registers.field.projectNumber': 'Project number',
  'registers.field.customer': 'Customer',
  'registers.field.department': 'Department',
  'registers.field.billable': 'Billable',
  'registers.field.employeeNumber': 'Employee number',
  'registers.field.external': 'External (subcontractor)',
  'registers.field.accountNumber': 'Account number',
  'registers.field.accountKind': 'Kind',
  'registers.field.accountRole': 'Role',
  'registers.field.vatCode': 'VAT code',
  'registers.field.code': 'Code',
  'registers.field.ratePercent': 'Rate (%)',
  'registers.field.description': 'Description',
  'registers.field.vatAccount': 'VAT account',
  'registers.field.standardTaxCode': 'SAF-T standard tax code',
  'registers.field.account': 'Account',
  'registers.field.wageCode': 'Wage code',
  'registers.none': '(none)',
  'registers.notFound': 'There is no record {key} (deleted or renumbered?).',
  'registers.saved': 'Saved.',
  'registers.keyTaken': '{key} already exists: choose another number.',
  'registers.deleteConfirm': 'Delete this record?',
  'registers.deleteRefused': 'Not deleted: other records refer to it. Change or delete them first.',
  'registers.usedBy.customers': { one: '{count} customer, e.g. {example}', other: '{count} customers, e.g. {example}' },
  'registers.usedBy.projects': { one: '{count} project, e.g. {example}', other: '{count} projects, e.g. {example}' },
  'registers.usedBy.users': { one: '{count} co-worker, e.g. {example}', other: '{count} co-workers, e.g. {example}' },
  'registers.usedBy.accounts': { one: '{count} account, e.g. {example}', other: '{count} accounts, e.g. {example}' },
  'registers.usedBy.vatCodes': { one: '{count} VAT code, e.g. {example}', other: '{count} VAT codes, e.g. {example}' },
  'registers.usedBy.expenseTypes': {
    one: '{count} expense type, e.g. {example}',
    other: '{count} expense types, e.g. {example}',
  },
  'registers.usedBy.invoices': { one: '{count} invoice, e.g. {example}', other: '{count} invoices, e.g. {example}' },
  'registers.usedBy.timeRecords': {
    one: '{count} time record, e.g. of {example}',
    other: '{count} time records, e.g. of {example}',
  },
  'registers.usedBy.claims': { one: '{count} claim, e.g. {example}', other: '{count} claims, e.g. {example}' },
  'registers.changedElsewhere':
    'This record was changed in another tab since you opened it. Saving shows both versions so you can choose.',
  'registers.deletedElsewhere': 'This record was deleted in another tab.',
  'registers.conflict':
    'This record was changed somewhere else since you opened it. Nothing was saved. Here are both versions:',
  'registers.conflictDeleted':
    'This record was deleted somewhere else since you opened it. Nothing was saved. Overwrite stores it again.',
  'registers.conflictField': 'Field',
  'registers.theirs': 'Saved meanwhile',
  'registers.yours': 'Yours',
  'registers.keepTheirs': 'Keep theirs',
  'registers.overwrite': 'Overwrite with mine',
  'registers.keptTheirs': 'Showing the version saved meanwhile; your changes were dropped.',
  'overview.title': 'Overview',
  'overview.waiting': 'Waiting for export',
  'overview.purpose.accounting': 'Accounting',
  'overview.purpose.factoring': 'Factoring',
  'overview.purpose.ehf': 'EHF',
  'overview.invoicesWaiting': { one: '{count} invoice', other: '{count} invoices' },
  'overview.noAccountingExport': 'No export to accounting is set up yet. Set one up in {link}.',
  'overview.noAccountingExportLink': 'Settings',
  'overview.exportNow': 'Export now',
  'overview.drafts': 'Drafts',
  'overview.draftsCount': { one: '{count} draft invoice', other: '{count} draft invoices' },
  'overview.closedMonth': 'Not yet exported for {from} – {to}',
  'overview.timeRecords': 'Time records',
  'overview.claims': 'Claims',
  'overview.exportPeriod': 'Export the month',
  'overview.batches': 'Latest exports',
  'overview.noBatches': 'Nothing exported yet.',
  'overview.batchReverted': 'reverted',
  'overview.allBatches': 'All exported files',
  'overview.chart': 'Invoiced and exported per month ({currency})',
  'overview.chartDescription':
    'Bar chart of the last 12 months: invoiced amount beside the part of it exported to accounting. The same numbers are in the table below.',
  'overview.month': 'Month',
  'overview.invoiced': 'Invoiced',
  'overview.exported': 'Exported',
  'overview.showTable': 'Show the numbers as a table',
  'overview.max': 'Largest month: {amount}',
  'pwa.offline': 'Offline: everything keeps working, and your data stays in this browser.',
  'pwa.updateReady': 'A new version of Exportdesk is ready. Save what you are editing, then reload to update.',
  'pwa.reload': 'Reload to update',
  'pwa.backupDue':
    'Your browser may clear this data when space runs low, and the last backup is more than {days} days old.',
  'pwa.backupNow': 'Back up now',
  'pwa.install': 'Install Exportdesk',
  'pwa.installIntro':
    'Install the app to open it from your desktop or home screen, like any program. It works offline.',
  'pwa.installTitle': 'App',
  'a11y.actions': 'Actions',
  'a11y.table': 'Table',
  'a11y.columnFor': 'Column of the file for {field}',
  'a11y.constantFor': 'Constant value for {field}',
  'a11y.testOutput': 'Test output',
  'a11y.exportProgress': 'Export progress',
  'a11y.importProgress': 'Import progress',

  // Export issues: src/core reports a code with parameters (src/core/formats/issues.ts), rendered
  // by src/ui/i18n/issue-text.ts. Template syntax:
  // - `{name}`: the parameter `name`. Three names are filled from the issue itself rather than from
  //   `params`: `{record}` is the record as `<kind> <key>` (e.g. `invoice 1001`, the kind from
  //   `record.*`), `{field}` the field, and `{at}` both (`invoice 1001, Description`), or
  //   whichever is there.
  // - `[...]`: an optional part, written only when every placeholder in it has a value (e.g. the
  //   record a builder names when the line has one).
  'record.invoice': 'invoice',
  'record.customer': 'customer',
  'record.project': 'project',
  'record.user': 'co-worker',
  'record.account': 'account',
  'record.vatCode': 'VAT code',
  'record.timeRecord': 'time record',
  'record.claim': 'claim',
  'record.company': 'company',

  // The export run (pipeline).
  'issue.nothing-to-export': 'There is nothing to export for this selection.',
  'issue.no-files': 'The format produced no file.',
  /** `expected`: a short notation or example of a valid value, e.g. `EUR=11.49`. */
  'issue.invalid-setting': '{setting} "{value}" is not valid; expected {expected}.',
  /** Reported by the registry's check of a value against its setting definition (`setting`: its label). */
  'issue.setting-unknown': '{format} has no setting "{setting}".',
  'issue.setting-required': '{setting} is required.',
  'issue.setting-not-boolean': '{setting} must be yes or no, not {value}.',
  'issue.setting-not-whole-number': '{setting} must be a whole number, not {value}.',
  'issue.setting-below-minimum': '{setting} must be at least {min} (it is {value}).',
  'issue.setting-above-maximum': '{setting} must be at most {max} (it is {value}).',
  'issue.setting-not-a-choice': '{setting} must be one of {choices}, not {value}.',
  'issue.setting-not-text': '{setting} must be text, not {value}.',
  'issue.setting-too-long': '{setting} must be at most {maxLength} characters (it has {length}).',
  'issue.setting-invalid-form': '{setting} has an invalid form: {value}.',
  'issue.missing-setting': 'The setting "{setting}" is not set; this format needs it.',

  // Invoice records, every invoice format and invoice template (ledger/invoice-checks.ts).
  'issue.missing-invoice-number': 'Invoice {invoice} has no invoice number (is it still a draft?).',
  'issue.duplicate-invoice-number': 'Invoice number {invoice} occurs twice in the export.',
  'issue.non-numeric-invoice-number': 'Invoice number {invoice} must be at most {digits} digits for this format.',
  'issue.empty-invoice': 'Invoice {invoice} has no lines.',
  'issue.credit-without-reference': 'Credit note {invoice} does not say which invoice it credits.',
  'issue.unknown-customer': 'Invoice {invoice}: customer "{customer}" does not exist.',
  'issue.non-numeric-customer-number': 'Customer number "{customer}" must be at most {digits} digits for this format.',
  'issue.missing-account': 'Invoice {invoice}, line {line} has no account.',
  'issue.unknown-vat-code': 'Invoice {invoice}, line {line}: VAT code "{vatCode}" does not exist.',
  'issue.missing-description': 'Invoice {invoice}, line {line} has no description (the format requires one).',
  // Ledger formats (ledger/invoice-ledger.ts) and SG Finans.
  'issue.unknown-account':
    '[Invoice {invoice}, line {line}: ][Customer {customer}: ledger ]account {account} is not in the chart of accounts.',
  'issue.missing-vat-account': 'VAT code {vatCode} ({rate} %) has no VAT account.',
  'issue.unknown-vat-account': 'VAT code {vatCode}: its VAT account {account} is not in the chart of accounts.',
  'issue.missing-receivable-account':
    'No receivable account: the chart of accounts has neither 1500 nor 1510, and no account is marked as customer receivables. Set "Receivable (customer ledger) account" in the export settings, or add the account to the chart.',
  'issue.unknown-receivable-account':
    'The receivable account {account} (export settings) is not in the chart of accounts. Add it to the chart, or change "Receivable (customer ledger) account".',
  /** Xero (systems/xero): `suggestions` are `code=Name` examples; `invoice` is the first document using the code. */
  'issue.xero-tax-type-unmapped':
    'VAT code {vatCode} ({rate} %, first used on invoice {invoice}) has no Xero tax rate. Add it to "{setting}" with the tax rate\'s display name exactly as in your Xero organisation. Suggestions (they must match your Xero organisation exactly): {suggestions}.',
  'issue.missing-exchange-rate':
    'Invoice {invoice} is in {currency}; add an exchange rate for {currency} in the export settings (the file is written in {companyCurrency}).',

  // Identifiers of payroll and factoring files (kit/payroll-kit.ts `checkCode`).
  'issue.missing-employeeNumber': '{record}: the employee number is missing.',
  'issue.missing-wageCode': '{record}[, item {item} ({expenseType})]: the wage code is missing.',
  'issue.missing-number': '{record}: the number is missing.',
  'issue.non-numeric-employeeNumber': '{record}: employee number "{value}" must be digits only.',
  'issue.non-numeric-wageCode': '{record}[, item {item} ({expenseType})]: wage code "{value}" must be digits only.',
  'issue.non-numeric-number': '{record}: number "{value}" must be digits only.',
  // Payroll.
  'issue.unknown-employee': '{record}: no co-worker has employee number "{employee}"; the department is left empty.',
  'issue.invalid-hours': '{record}: hours are not a number.',
  'issue.non-ascii-character':
    '[{record}: ]"{char}" ({codePoint}) cannot be written in the {file} file, which is plain ASCII (line {line}). Change the number or name so it holds only A–Z, 0–9 and punctuation.',
  'issue.invalid-xml-character': 'The {label} "{value}" holds characters XML cannot carry (control characters).',
  'issue.rejected-claim': 'Claim {claim} was rejected and must not be paid out.',
  'issue.claim-not-approved': 'Claim {claim} is not approved yet ({status}).',
  'issue.empty-claim': 'Claim {claim} has no items.',
  'issue.unknown-expense-type': 'Claim {claim}, item {item}: expense type "{expenseType}" does not exist.',
  'issue.foreign-currency-claim':
    'Claim {claim}, item {item} ({expenseType}): the amount is in {currency}; payroll pays {companyCurrency}. Enter the item in {companyCurrency}.',

  // SG Finans (factoring).
  'issue.missing-due-date': 'Invoice {invoice} has no due date.',
  'issue.credited-invoice-not-written':
    'Credit note {invoice}: the credited invoice number "{credited}" does not fit the {digits} digits of field F8 and is left out; tell SG Finans which invoice it credits.',
  'issue.missing-orgNumber': 'Customer {customer}: the organisation number is required for this export.',
  'issue.missing-name': 'Customer {customer}: the name is required for this export.',
  'issue.missing-addressLine1': 'Customer {customer}: the address is required for this export.',
  'issue.missing-postalCode': 'Customer {customer}: the postcode is required for this export.',
  'issue.missing-city': 'Customer {customer}: the place is required for this export.',
  'issue.phone-left-out':
    'Customer {customer}: the phone number "{phone}" does not fit the {width} characters of K12 even without spaces and punctuation (digits and a leading + only); it is left out rather than cut.',
  'issue.postcode-moved-to-place':
    'Customer {customer}: the postcode "{postcode}" does not fit the {width} characters of K9; it is written in front of the place instead.',
  'issue.name-starts-with-company-form':
    'Customer {customer}: SG Finans asks that the name does not start with the company form (write "Byggmester AS", not "AS Byggmester").',
  'issue.unknown-country':
    'Customer {customer}: country "{country}" has no numeric code in this format\'s table ({known}).',

  // File builders (formats/builders/) and templates.
  /** Cut by a builder's length limit or a template's `fit` filter (which names the output position). */
  'issue.truncated':
    '[{at}: ]"{value}" is longer than {limit} characters and was cut to "{cut}"[ (output line {outputLine}, column {outputColumn})].',
  'issue.too-long': '{at}: "{value}" is longer than the {limit} characters the format allows.',
  'issue.line-break-replaced': '{at}: line breaks or tabs were replaced by spaces.',
  /** SIE fields (tagged-text builder, or a template's `sie` filter, which names the output line). */
  'issue.control-character-replaced':
    '[{at}: ]line breaks or control characters in "{value}" were replaced by spaces[ (output line {outputLine})].',
  'issue.not-an-amount': '{at}: {value} is not an amount in minor units.',
  'issue.not-a-date': '{at}: {value} is not an ISO date.',
  'issue.not-an-integer': '{at}: {value} is not a whole number.',
  'issue.not-a-number': '{at}: {value} is not a number.',
  /** `problem`: what the delimited builder found, e.g. "holds the delimiter but quoting is off". */
  'issue.unquotable-field': '{at}: "{value}" {problem}.',
  'issue.bad-layout': 'Fixed-width layout: {problem}.',
  /** A value holding the delimiter (or a quote, a line break) in a file without quoting (builders/delimited.ts). */
  'issue.separator-replaced':
    '{at}: "{value}" was written as "{written}" ({replaced}): the format has no quoting, so its reader splits every line on "{delimiter}".',
  /** `problem`: what is wrong with a layout's replacements, e.g. a replacement that holds the delimiter. */
  'issue.bad-replacement': 'Delimited layout: {problem}',
  // GBAT10 and Xledger AR10 column 25 (Z).
  'issue.payment-terms-unmapped':
    'Payment terms left empty (Mamut column 25 = Z) for {days} days: the column holds a code from your {system} standard values, not days; map days to codes under Payment terms codes (e.g. "14=2; 30=3").',
  'issue.record-length': 'Record {index}[ ({record})] is {length} characters long instead of {expected}.',
  'issue.unencodable-character':
    '[{record}: ]"{char}" ({codePoint}) cannot be written in {encoding} (line {line}, column {column})[: {hint}].',

  // Templates (templates/).
  /** `problem`: the Liquid engine's or the SIE checksum's own text. */
  'issue.template-error': '[Template line {line}, column {column}: ]{problem}',
  /** A template's `required` filter met a blank value; `problem` is the template's own text. */
  'issue.template-value-missing': '[{record}: ]{problem}',
  'issue.template-limit':
    'Stopped: the output grew past the limit of {limit} bytes (outputBytes)[; the file is {size} bytes].',
  'issue.template-rows-without-lines': 'The data type {dataType} has no invoice lines to write one line per item of.',
  /** `problem`: what the template file reader found wrong with the template (templates/portable.ts). */
  'issue.template-invalid': '{problem}',
  /** A layout column's `field` is no field of the rows (templates/known-fields.ts): it would write an empty column. */
  'issue.template-unknown-field': 'Column {column} "{header}": {path}: unknown field[; did you mean {suggestion}?]',
  /** A Liquid path under a known variable that no data type defines (templates/check.ts); `index`: a layout column. */
  'issue.template-unknown-variable':
    '[Template line {line}, column {column}: ][Column {index} "{header}", Liquid column {column}: ]{path}: unknown field[; did you mean {suggestion}?]',
  // Test template (templates/editor-tools.ts).
  'issue.no-company': 'There is no company in this browser: test on the demo company instead.',

  // Visma Scenario, Visma Business, Visma DI, Visma.net (systems/visma-*).
  /** A `"` inside a text that the format writes in quotes without a published escape rule (Visma Business). */
  'issue.quote-replaced':
    '{at}: "{value}" was written as "{written}": {system} publishes no escape for a double quote inside a quoted text.',
  /** A dimension (department, project) written to a numeric field of the target system. */
  'issue.non-numeric-dimension': '{at}: {dimension} "{value}" must be digits only for {system} field {target}.',

  // Value problems of the register forms and the importer: src/core/validation reports a code with
  // parameters (`{field}` is the problem's field); rendered by src/ui/i18n/problem-text.ts, which
  // picks the `.NO`/`.SE`/`.suggest` variant from the parameters.
  'issue.already-exported':
    'Invoice {invoice} is no longer waiting for export: another tab or window has just exported it. Nothing was changed; open the export again.',
  'issue.saft-missing-grouping-code':
    'Account {account} ({name}) has no SAF-T grouping category and code[; {used}]. Set them on the account.',
  'issue.saft-missing-standard-tax-code':
    'VAT code {vatCode} ({rate} %) has no SAF-T standard tax code[; {used}]. Set it on the VAT code.',
  'issue.saft-missing-org-number': 'The company has no organisation number; SAF-T names the company by it.',
  'issue.saft-missing-contact-person':
    "The company has no contact person; SAF-T's header needs one (first and last name). Set it on the company.",
  'issue.ehf-no-peppol-id':
    'Invoice {invoice}: customer {customer} has no PEPPOL id, so the invoice is not sent as EHF (left out of this export).',
  'issue.ehf-invalid-peppol-id':
    'Customer {customer}: PEPPOL id "{value}" is {problem} (expected e.g. 0192:923456783).',
  'issue.ehf-missing-reference':
    'Invoice {invoice}: EHF needs a buyer reference or an order reference; give customer {customer} a buyer reference, or the invoice an order reference.',
  'issue.ehf-missing-bank-account': 'The company has no bank account; EHF invoices name the account to pay to.',
  'issue.ehf-seller-org-number':
    'The company\'s organisation number "{orgNumber}" is not a valid Norwegian one (EHF NO-R-001).',
  'issue.ehf-seller-not-norwegian': 'EHF export is for Norwegian companies; this company is in "{country}".',
  'issue.ehf-not-vat-registered':
    'EHF export is for VAT-registered companies; this company is marked as not registered.',
  'issue.file-name-empty': 'The file name is empty.',
  'issue.file-name-too-long': 'The file name or extension "{value}" is longer than {limit} characters.',
  'issue.file-name-separator':
    'The file name or extension "{value}" holds "{char}": a file name cannot point into another folder.',
  'issue.file-name-dot-segment':
    'The file name or extension "{value}" starts with a dot or holds "..": a file name cannot point into another folder or be hidden.',
  'issue.file-name-control-character': 'The file name or extension "{value}" holds the control character {codePoint}.',
  'issue.file-name-character':
    'The file name or extension "{value}" holds "{char}"; file names may hold letters, digits, space and . _ - ( ) [ ] + , = & # @ ! ~ \' (extensions: letters, digits, _ - and .).',
  'issue.file-name-edge':
    'The file name "{value}" starts with a space or ends with a dot or a space, which Windows drops.',
  'issue.file-name-reserved': 'The file name "{value}" is {reserved}, a device name Windows reserves.',
  'problem.required': '{field} is required',
  'problem.org-number-too-long': '{field} is longer than {max} characters',
  'problem.org-number-check-digit.NO':
    '{value} is not a Norwegian organisation number: the check digit (MOD11) does not match',
  'problem.org-number-check-digit.SE':
    '{value} is not a Swedish organisation number: the check digit (Luhn) does not match',
  'problem.org-number-format.suggest.NO': 'write the Norwegian organisation number as {suggestion}',
  'problem.org-number-format.suggest.SE': 'write the Swedish organisation number as {suggestion}',
  'problem.org-number-format.NO': '{value} is not a Norwegian organisation number (9 digits)',
  'problem.org-number-format.SE': '{value} is not a Swedish organisation number (NNNNNN-NNNN)',
  'problem.org-number-personal': "{value} is a personal identity number (a sole trader's organisation number?)",
  'problem.org-number-foreign': '{value} looks like a VAT number of {foreignCountry}, but the country is {country}',
  'problem.org-number-other-country.NO': '{value} passes the Norwegian check digit, but the country is {country}',
  'problem.org-number-other-country.SE': '{value} passes the Swedish check digit, but the country is {country}',
  'problem.email-several': '{field} holds {count} addresses; exports use the first',
  'problem.email-format': '"{value}" is not an e-mail address',
  'problem.country-code-case': 'write the country code in capitals: {suggestion}',
  'problem.country-code': '"{value}" is not an ISO 3166 country code (two letters, e.g. NO, SE, DE)',
  'problem.currency-code': '"{value}" is not an ISO 4217 currency code (e.g. NOK)',
  'problem.postal-code-format.NO': '"{value}" is not a Norwegian postal code (4 digits)',
  'problem.postal-code-format.SE': '"{value}" is not a Swedish postal code (NNN NN)',
  'problem.postal-code-format.suggest': 'write the Swedish postal code as {suggestion}',
  'problem.peppol-id-format': '"{value}" is not a PEPPOL id (scheme:identifier, e.g. 0192:919399619)',
  'problem.peppol-id-org-number.0192': '{value}: the part after 0192: is not a valid Norwegian organisation number',
  'problem.peppol-id-org-number.0007':
    '{value}: the part after 0007: is not a valid Swedish organisation number (10 digits)',
  'problem.peppol-id-scheme': 'PEPPOL scheme {scheme} is not checked (0192 and 0007 are)',
  'problem.peppol-id-other-org': '{value} is not for the organisation number {orgNumber}',
  'problem.date-range': '{value} is outside 1900–2199',
  'problem.date-format': '"{value}" is not a date (YYYY-MM-DD)',
  'dateInput.pattern': 'dd/mm/yyyy',
  'dateInput.unreadable': 'Not a date. Type it as {pattern}.',
  'dateInput.noSuchMonth': 'There is no month {month}. Type the date as {pattern}.',
  'dateInput.noSuchDay': 'There are only {days} days in {month}. Type the date as {pattern}.',
  'dateInput.yearOutOfRange': 'The year must be from {min} to {max}. Type the date as {pattern}.',
  'problem.amount-range': '{value} is not a whole amount in minor units within ±2^53',
  'problem.number-format': '{value} is not a number',
  'problem.number-range': '{value} is outside {min}–{max}',
  'problem.import.empty': 'The value is empty',
  'problem.import.number-two-minus': '"{value}" has two minus signs',
  'problem.import.number-not-number': '"{value}" is not a number',
  'problem.import.number-unexpected-char': '"{value}" is not a number (unexpected "{char}")',
  'problem.import.number-other-separator':
    '"{value}" contains "{other}", which is neither the decimal separator ("{decimal}") nor the thousands separator',
  'problem.import.number-several-decimal': '"{value}" has more than one decimal separator "{decimal}"',
  'problem.import.number-separators-misplaced': '"{value}" is not a number (separators in the wrong places)',
  'problem.import.number-ambiguous':
    '"{value}" reads differently with "{separator}" as decimal or thousands separator; choose the decimal separator',
  'problem.import.number-separator-after-decimal': '"{value}" has a separator after the decimal separator',
  'problem.import.number-grouping-decimal': {
    plural: 'digits',
    one: '"{value}" does not fit the decimal separator "{decimal}": "{separator}" is followed by {digits} digit, so it cannot separate thousands',
    other:
      '"{value}" does not fit the decimal separator "{decimal}": "{separator}" is followed by {digits} digits, so it cannot separate thousands',
  },
  'problem.import.number-grouping':
    '"{value}" is not a number (digit groups after a thousands separator must have 3 digits)',
  'problem.import.money-decimals': {
    plural: 'count',
    one: '"{value}" has {count} decimal; the currency has {allowed}',
    other: '"{value}" has {count} decimals; the currency has {allowed}',
  },
  'problem.import.money-too-large': '"{value}" is too large',
  'problem.import.decimal-decimals': {
    plural: 'count',
    one: '"{value}" has {count} decimal; at most {allowed} allowed',
    other: '"{value}" has {count} decimals; at most {allowed} allowed',
  },
  'problem.import.number-too-large': '"{value}" has more than {max} digits, more than a number holds exactly',
  'problem.import.date-no-format': '"{value}" is not a date in any supported format',
  'problem.import.date-ambiguous': '"{value}" fits several date formats ({formats}); choose the date format',
  'problem.import.date-not-in-format': '"{value}" is not a date in the format {format}',
  'problem.import.date-no-month': '"{value}" is not a valid date in the format {format}: there is no month {month}',
  'problem.import.date-no-day':
    '"{value}" is not a valid date in the format {format}: month {month} of {year} has {days} days',
  'problem.import.datetime-format': '"{value}" is not a date-time (YYYY-MM-DDTHH:mm:ss)',
  'problem.import.datetime-time': '"{value}" has an invalid time',
  'problem.import.boolean': '"{value}" is not yes/no (use true/false, ja/nei, ja/nej, yes/no, 1/0)',
  'problem.import.enum': '"{value}" is not one of {values}',
  'problem.hours-range': '{value} hours in one record: a record holds 0 to 24 hours',
  'problem.hours-zero': 'the record has 0 hours',
  'problem.company-country': 'the company must be in Norway (NO) or Sweden (SE)',
  'problem.fiscal-year-start': '{value} is not a first day of a month as MM-DD',
  'problem.whole-number': '{value} is not a whole number',
  'problem.account-kind': '{value} is not an account kind',
  'problem.account-number-digits': 'account {value} is not all digits (SIE needs digits)',
  'problem.account-role': '{value} is not an account role',
  'problem.saft-grouping-category': '{value} is not a SAF-T 1.30 grouping category (naeringsspesifikasjon)',
  'problem.saft-grouping-incomplete': 'SAF-T needs both the grouping category and the grouping code',
  'problem.standard-tax-code': '{value} is not a SAF-T standard tax code',
  'problem.standard-tax-code-missing': 'no SAF-T standard tax code: the SAF-T export needs one',
  'problem.vat-rate-standard': '{value} % differs from the {expected} % of standard tax code {standardTaxCode}',
  'problem.duplicate-key': '{value} is already used by another record',
  'problem.unknown-account': 'unknown account "{value}"',
  'problem.unknown-customer': 'unknown customer "{value}"',
  'problem.unknown-vat-code': 'unknown VAT code "{value}"',
  'problem.account-role-taken': 'account {account} already has the role {value}',
  'problem.due-before-issue': 'the due date {value} is before the invoice date {issueDate}',
  'problem.vat-exceeds-amount': 'the VAT {value} does not fit in the amount {amount} (larger, or of the other sign)',
};

/**
 * A message that depends on a number: Intl.PluralRules picks the form for the number in the
 * parameter named by `plural` (`count` when not given). English, bokmål and Swedish have the
 * categories `one` and `other`; the others are for languages that have them.
 */
export interface PluralMessage {
  plural?: string;
  zero?: string;
  one: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type MessageKey = keyof typeof en;

/**
 * A translation of every key. A key that is a plural message in English is one in every language.
 * A catalogue without some key fails to compile with "Property '<key>' is missing in type ...":
 * copy the English text of that key from this file and translate it.
 */
export type Messages = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage;
};

export const LOCALES = ['en', 'nb', 'sv'] as const;
export type Locale = (typeof LOCALES)[number];

/** The BCP 47 tag each UI language formats numbers and dates with (en: British, day before month). */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE' };

export const english: Messages = en;

const catalogues: Partial<Record<Locale, Messages>> = { en };
let currentLocale: Locale = 'en';
let current: Messages = en;
let pluralRules = new Intl.PluralRules(INTL_LOCALE.en);

/** Makes a catalogue available to `setLocale` (src/ui/i18n/ loads nb and sv on demand). */
export function addCatalogue(locale: Locale, messages: Messages): void {
  catalogues[locale] = messages;
}

/** Switches `t` to the language; one whose catalogue is not added yet falls back to English. */
export function setLocale(locale: Locale): void {
  const messages = catalogues[locale];
  currentLocale = messages ? locale : 'en';
  current = messages ?? en;
  pluralRules = new Intl.PluralRules(INTL_LOCALE[currentLocale]);
}

export function getLocale(): Locale {
  return currentLocale;
}

/**
 * The UI language for the browser's preferred languages: Norwegian (nb, nn or no) reads
 * bokmål, Swedish reads Swedish, anything else English. The first one of the three wins.
 */
export function localeFor(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'nb' || language === 'nn' || language === 'no') return 'nb';
    if (language === 'sv') return 'sv';
    if (language === 'en') return 'en';
  }
  return 'en';
}

type Params = Readonly<Record<string, string | number>>;

function text(key: MessageKey, params: Params, messages: Messages, rules: Intl.PluralRules): string {
  const message = messages[key] as string | PluralMessage;
  if (typeof message === 'string') return message;
  const count = Number(params[message.plural ?? 'count']);
  return message[rules.select(Number.isFinite(count) ? count : 0)] ?? message.other;
}

/** The message for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Params = {}): string {
  return fill(text(key, params, current, pluralRules), params);
}

function fill(message: string, params: Params): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The message in English whatever the UI language (the CLI, logs). */
export function tEnglish(key: MessageKey, params: Params = {}): string {
  return fill(text(key, params, en, englishRules), params);
}
const englishRules = new Intl.PluralRules(INTL_LOCALE.en);

/** Whether `key` is a message of the catalogue (keys built from codes, e.g. `issue.<code>`). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/**
 * The message cut at each placeholder that `params` does not fill, for a sentence that wraps
 * markup around a part: 'Add one in {link}.' gives ['Add one in ', '.'], and the component
 * puts the link between the parts. Always one part more than such placeholders.
 */
export function tParts(key: MessageKey, params: Params = {}): string[] {
  const parts = [''];
  for (const piece of text(key, params, current, pluralRules).split(/(\{\w+\})/)) {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    if (name === undefined) parts[parts.length - 1] += piece;
    else if (name in params) parts[parts.length - 1] += String(params[name]);
    else parts.push('');
  }
  return parts;
}
