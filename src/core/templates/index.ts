/** Export templates: the public API the editor, storage and worker build on. */
export * from './types.ts';
export {
  buildDataset,
  dataTypeDefinition,
  dataTypeFields,
  DATA_TYPES,
  type DatasetRow,
  type FieldDoc,
  type FieldType,
  type RowRecord,
} from './data-types/index.ts';
export { LEDGER_FIELDS, type LedgerDataOptions } from './ledger-scope.ts';
export { SCOPE_FIELDS } from './scope.ts';
export { checkTemplate, type CheckOptions } from './check.ts';
export { DEFAULT_LIMITS, type TemplateError, type TemplateLimits } from './liquid-engine.ts';
export {
  renderTemplate,
  templateFileName,
  templateNameIssues,
  type TemplateRenderContext,
  type TemplateRenderResult,
} from './render.ts';
export {
  layoutTemplateFromBuiltIn,
  textTemplateFromBuiltIn,
  copyableLayoutIds,
  copyableTextTemplateIds,
} from './built-in.ts';
export {
  serializeTemplate,
  parseTemplateJson,
  FILE_NAME_ERROR_PREFIX,
  TEMPLATE_FILE_FORMAT,
  TEMPLATE_FILE_VERSION,
  type ParseTemplateResult,
} from './portable.ts';
export { runTemplateExport, templateAsFormat } from './as-format.ts';
export { isStreamableTemplate, openLayoutStream, type LayoutStream, type LayoutStreamResult } from './layout-stream.ts';
