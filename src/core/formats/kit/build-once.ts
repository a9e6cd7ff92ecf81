/**
 * Some formats can only be fully checked by building them (a template, a voucher that must
 * balance), so their pre-flight builds. The pipeline calls `preflight` and then `generate`
 * with the same data object, settings object and clock; this keeps the first build for the
 * second call instead of building twice.
 */
import type { CompanyData } from '../../domain/types.ts';
import type { ExportContext, ExportResult, FormatSettings } from '../types.ts';

type Build = (data: CompanyData, settings: FormatSettings, context: ExportContext) => ExportResult;

export function buildOncePerData(build: Build): Build {
  const built = new WeakMap<CompanyData, { settings: FormatSettings; context: ExportContext; result: ExportResult }>();
  return (data, settings, context) => {
    const hit = built.get(data);
    if (hit && hit.settings === settings && hit.context.now === context.now && hit.context.period === context.period)
      return hit.result;
    const result = build(data, settings, context);
    built.set(data, { settings, context, result });
    return result;
  };
}
