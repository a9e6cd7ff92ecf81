/**
 * Export configurations and the export history (batches). Stored in IndexedDB and in
 * the company file; the bytes of each exported file live beside the batch so that a
 * download gives back exactly what was sent.
 */
import type { IsoDate, IsoDateTime, StatusPurpose } from '../domain/types.ts';
import type { FormatDataType, FormatPurpose, FormatSettings } from '../formats/types.ts';

/** Which finalized invoices count as waiting (Moment's "Default invoice issue date limit"). */
export const INVOICE_DATE_LIMITS = ['end-of-last-month', 'today', 'none'] as const;
export type InvoiceDateLimit = (typeof INVOICE_DATE_LIMITS)[number];

export type ExportTarget = { kind: 'format'; formatId: string } | { kind: 'template'; templateId: string };

export interface ExportConfig {
  id: string;
  name: string;
  purpose: FormatPurpose;
  target: ExportTarget;
  settings: FormatSettings;
  /** Only for invoice exports. */
  invoiceDateLimit: InvoiceDateLimit;
  /** The default export of its purpose, run first from Notifications. */
  isDefault: boolean;
  /**
   * A factoring export's customers: all (the default), or those marked `factoring` in the
   * customer register. Which invoices a run takes, so it belongs to the config, not the format.
   */
  customerSelection?: FactoringCustomerSelection;
}

export const FACTORING_CUSTOMER_SELECTIONS = ['all', 'marked'] as const;
export type FactoringCustomerSelection = (typeof FACTORING_CUSTOMER_SELECTIONS)[number];

export interface ExportedFileMeta {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  recordCount: number;
  controlTotals: Record<string, number>;
}

export interface ExportBatch {
  id: string;
  createdAt: IsoDateTime;
  configId: string;
  configName: string;
  target: ExportTarget;
  dataType: FormatDataType;
  settingsSnapshot: FormatSettings;
  /** Internal ids and numbers of the invoices this batch set to transferred. */
  invoiceIds: string[];
  /** Whose status the batch set (absent in batches made before statuses per purpose: accounting). */
  statusPurpose?: StatusPurpose;
  invoiceNumbers: string[];
  /**
   * Time-record ids or claim numbers in a period export. The database stores them apart from
   * the batch row (`exportBatchKeys`, read back with `withRecordKeys` in src/db/export-store.ts),
   * so rows written since then hold []; a company file holds them here.
   */
  recordKeys: string[];
  period: { from: IsoDate; to: IsoDate } | null;
  recordCount: number;
  controlTotals: Record<string, number>;
  files: ExportedFileMeta[];
  /** Name of the download: the single file, or the ZIP bundle. */
  downloadName: string;
  status: 'active' | 'reverted';
  revertedAt: IsoDateTime | '';
  report: string[];
}
