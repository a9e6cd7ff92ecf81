/**
 * A template's metadata as a format's (`FormatInfo`): what the export settings list and the run
 * dialog show, without loading Liquid or the encoders. The template's code as a format is
 * as-format.ts, loaded when a run needs it (src/core/export/targets.ts).
 */
import type { FormatDataType, FormatInfo } from '../formats/types.ts';
import type { ExportTemplate, TemplateDataType } from './types.ts';

/** Which records the pipeline narrows for a template's data type. */
const PIPELINE_DATA_TYPE: Record<TemplateDataType, FormatDataType> = {
  customers: 'customers',
  expenses: 'claims',
  invoices: 'invoices',
  invoicesByAccount: 'invoices',
  projects: 'customers',
  timeRecords: 'timeRecords',
  timeRecordsGrouped: 'timeRecords',
  users: 'customers',
};

export function templateFormatInfo(template: ExportTemplate, id = `template:${template.name}`): FormatInfo {
  return {
    id,
    name: template.name,
    country: 'INT',
    purpose: 'other',
    dataType: PIPELINE_DATA_TYPE[template.dataType],
    fileKind:
      template.kind === 'layout'
        ? template.layout === 'fixed-width'
          ? 'fixed-width'
          : 'csv'
        : template.fileExtension.toLowerCase() || 'txt',
    defaultEncoding: template.encoding,
    specUrl: '',
    settings: [],
  };
}
