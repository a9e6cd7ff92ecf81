/**
 * Every built-in format, and the settings plumbing shared by the Settings form, the pipeline
 * and the CLI (`--set key=value`). A registry line is a format's metadata (./systems/<id>/info.ts)
 * and a `load` that imports its code (./systems/<id>/<id>.ts) on demand, so that no format's
 * code, builders or encoder tables load before a run needs them
 * (docs/decisions/0006-lazy-format-code.md). Adding a format: docs/adding-a-format.md.
 */
import { dynamicsC5Info } from './systems/dynamics-c5/info.ts';
import { gbat10Info, xledgerAr10Info } from './systems/gbat10/info.ts';
import { hogiaInfo } from './systems/hogia/info.ts';
import { huldtLillevikExpensesInfo, huldtLillevikHoursInfo } from './systems/huldt-lillevik/info.ts';
import { sgFinansInfo } from './systems/sg-finans/info.ts';
import { sie4Info } from './systems/sie4/info.ts';
import { vismaGlobalInfo } from './systems/visma-global/info.ts';
import { vismaLonnInfo } from './systems/visma-lonn/info.ts';
import { xeroInfo } from './systems/xero/info.ts';
import { xledgerGl02bInfo } from './systems/xledger-gl02b/info.ts';
import { vismaBusinessInfo } from './systems/visma-business/info.ts';
import { vismaDiInfo } from './systems/visma-di/info.ts';
import { vismaNetInfo } from './systems/visma-net/info.ts';
import { vismaScenarioInfo } from './systems/visma-scenario/info.ts';
import { dkInfo } from './systems/dk/info.ts';
import { efinaInfo } from './systems/efina/info.ts';
import { infoEasyInfo } from './systems/infoeasy/info.ts';
import { duettGbat10Info } from './systems/gbat10/info.ts';
import { paxmlExpensesInfo, paxmlInfo } from './systems/paxml/info.ts';
import { uniMicroInfo } from './systems/uni-micro/info.ts';
import { uniEconomyInfo } from './systems/uni-economy/info.ts';
import { saftInfo } from './systems/saft/info.ts';
import { ehfInfo } from './systems/ehf/info.ts';
import type {
  ExportIssue,
  FormatDefinition,
  FormatInfo,
  FormatSettings,
  RegisteredFormat,
  SettingDefinition,
  SettingValue,
} from './types.ts';
import { replacedSettingValue } from './kit/settings.ts';
import { issue, type IssueCode, type IssueParams } from './issues.ts';

/**
 * Every built-in format, in the order the Settings form and `exportdesk formats` list them.
 * Each `load` names its module literally, so the bundler makes one chunk per format module.
 */
export const FORMATS: readonly RegisteredFormat[] = [
  // accounting
  { ...sie4Info, load: () => import('./systems/sie4/sie4.ts').then((m) => m.sie4) },
  { ...xeroInfo, load: () => import('./systems/xero/xero.ts').then((m) => m.xero) },
  { ...gbat10Info, load: () => import('./systems/gbat10/gbat10.ts').then((m) => m.gbat10) },
  { ...xledgerAr10Info, load: () => import('./systems/gbat10/xledger-ar10.ts').then((m) => m.xledgerAr10) },
  { ...xledgerGl02bInfo, load: () => import('./systems/xledger-gl02b/xledger-gl02b.ts').then((m) => m.xledgerGl02b) },
  { ...vismaGlobalInfo, load: () => import('./systems/visma-global/visma-global.ts').then((m) => m.vismaGlobal) },
  { ...dynamicsC5Info, load: () => import('./systems/dynamics-c5/dynamics-c5.ts').then((m) => m.dynamicsC5) },
  // payroll
  { ...vismaLonnInfo, load: () => import('./systems/visma-lonn/visma-lonn.ts').then((m) => m.vismaLonn) },
  {
    ...huldtLillevikHoursInfo,
    load: () => import('./systems/huldt-lillevik/huldt-lillevik.ts').then((m) => m.huldtLillevikHours),
  },
  {
    ...huldtLillevikExpensesInfo,
    load: () => import('./systems/huldt-lillevik/huldt-lillevik.ts').then((m) => m.huldtLillevikExpenses),
  },
  { ...hogiaInfo, load: () => import('./systems/hogia/hogia.ts').then((m) => m.hogia) },
  // factoring
  { ...sgFinansInfo, load: () => import('./systems/sg-finans/sg-finans.ts').then((m) => m.sgFinans) },
  // accounting (issue 17: Visma)
  {
    ...vismaScenarioInfo,
    load: () => import('./systems/visma-scenario/visma-scenario.ts').then((m) => m.vismaScenario),
  },
  {
    ...vismaBusinessInfo,
    load: () => import('./systems/visma-business/visma-business.ts').then((m) => m.vismaBusiness),
  },
  { ...vismaDiInfo, load: () => import('./systems/visma-di/visma-di.ts').then((m) => m.vismaDi) },
  { ...vismaNetInfo, load: () => import('./systems/visma-net/visma-net.ts').then((m) => m.vismaNet) },
  // issue 17 (DK, eFina, InfoEasy, Duett GBAT10, Uni Micro, PAXml)
  { ...dkInfo, load: () => import('./systems/dk/dk.ts').then((m) => m.dk) },
  { ...efinaInfo, load: () => import('./systems/efina/efina.ts').then((m) => m.efina) },
  { ...infoEasyInfo, load: () => import('./systems/infoeasy/infoeasy.ts').then((m) => m.infoEasy) },
  { ...duettGbat10Info, load: () => import('./systems/gbat10/duett-gbat10.ts').then((m) => m.duettGbat10) },
  { ...uniMicroInfo, load: () => import('./systems/uni-micro/uni-micro.ts').then((m) => m.uniMicro) },
  { ...paxmlInfo, load: () => import('./systems/paxml/paxml.ts').then((m) => m.paxml) },
  { ...paxmlExpensesInfo, load: () => import('./systems/paxml/paxml.ts').then((m) => m.paxmlExpenses) },
  // issue 19: SAF-T Financial, a period export for the tax authority
  { ...saftInfo, load: () => import('./systems/saft/saft.ts').then((m) => m.saft) },
  { ...uniEconomyInfo, load: () => import('./systems/uni-economy/uni-economy.ts').then((m) => m.uniEconomy) },
  // issue 19: EHF invoices to PEPPOL customers (an export purpose of its own)
  { ...ehfInfo, load: () => import('./systems/ehf/ehf.ts').then((m) => m.ehf) },
];

/** A format's registry line (metadata and `load`), or undefined. */
export function getFormat(id: string, formats: readonly RegisteredFormat[] = FORMATS): RegisteredFormat | undefined {
  return formats.find((f) => f.id === id);
}

/** A format's code, loaded on first use (the module is fetched once; later calls resolve at once). */
export async function loadFormat(
  id: string,
  formats: readonly RegisteredFormat[] = FORMATS,
): Promise<FormatDefinition | undefined> {
  return getFormat(id, formats)?.load();
}

export type FormatSummary = Pick<
  FormatInfo,
  'id' | 'name' | 'country' | 'purpose' | 'dataType' | 'fileKind' | 'defaultEncoding'
>;

/** A format as plain data (no functions), for the Settings form: its summary, spec and declared settings. */
export type FormatDescription = FormatSummary & Pick<FormatInfo, 'specUrl' | 'settings'>;
export function describeFormats(): FormatDescription[] {
  return FORMATS.map((f) => ({
    ...listFormatSummary(f),
    specUrl: f.specUrl,
    settings: f.settings.map((d) => ({ ...d })),
  }));
}

function listFormatSummary({
  id,
  name,
  country,
  purpose,
  dataType,
  fileKind,
  defaultEncoding,
}: FormatInfo): FormatSummary {
  return { id, name, country, purpose, dataType, fileKind, defaultEncoding };
}

export function listFormats(): FormatSummary[] {
  return FORMATS.map(listFormatSummary);
}

/** A setting that cannot be used, for the field `key`: the issue says why in codes (`setting-*`). */
export interface SettingError {
  key: string;
  issue: ExportIssue;
}

/** Why a value does not fit its definition: an issue code and the values its message is made of. */
export interface SettingProblem {
  code: IssueCode;
  params: IssueParams;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 'ja']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', 'nei', 'nej']);

/** One value checked and coerced to its definition's kind; strings (from `--set`) are parsed. */
export function coerceSetting(
  def: SettingDefinition,
  raw: unknown,
): { value?: SettingValue; problem?: SettingProblem } {
  // `setting` is the English label, a definition text the UI words in its language.
  const problem = (code: IssueCode, params: IssueParams = {}) => ({
    problem: { code, params: { setting: def.label, ...params } },
  });
  const shown = JSON.stringify(raw) ?? String(raw);
  switch (def.kind) {
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const word = String(raw).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return problem('setting-not-boolean', { value: shown });
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : /^\s*-?\d+\s*$/.test(String(raw)) ? Number(String(raw).trim()) : NaN;
      if (!Number.isSafeInteger(n)) return problem('setting-not-whole-number', { value: shown });
      if (def.min !== undefined && n < def.min) return problem('setting-below-minimum', { value: n, min: def.min });
      if (def.max !== undefined && n > def.max) return problem('setting-above-maximum', { value: n, max: def.max });
      return { value: n };
    }
    case 'choice': {
      const text = String(raw);
      if (!def.choices.some((c) => c.value === text))
        return problem('setting-not-a-choice', { value: shown, choices: def.choices.map((c) => c.value).join(', ') });
      return { value: text };
    }
    case 'string': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return problem('setting-not-text', { value: shown });
      const text = String(raw);
      if (def.maxLength !== undefined && text.length > def.maxLength)
        return problem('setting-too-long', { length: text.length, maxLength: def.maxLength });
      if (def.pattern && text !== '' && !new RegExp(def.pattern).test(text))
        return problem('setting-invalid-form', { value: JSON.stringify(text) });
      return { value: text };
    }
  }
}

/**
 * Defaults applied, values checked against their definitions, `--set` strings coerced to the
 * declared kind, unknown keys and empty required values reported. `settings` always holds
 * every declared key (the default where the raw value was missing or invalid).
 */
export function resolveSettings(
  format: Pick<FormatInfo, 'name' | 'settings'>,
  raw: Record<string, unknown>,
): { settings: FormatSettings; errors: SettingError[] } {
  const settings: FormatSettings = {};
  const errors: SettingError[] = [];
  const error = (key: string, code: IssueCode, params: IssueParams) =>
    errors.push({ key, issue: issue('error', code, params, undefined, key) });
  const known = new Set(format.settings.flatMap((d) => (d.replaces ? [d.key, d.replaces.key] : [d.key])));
  for (const key of Object.keys(raw))
    if (!known.has(key)) error(key, 'setting-unknown', { format: format.name, setting: key });
  for (const def of format.settings) {
    settings[def.key] = def.default;
    const value = raw[def.key] ?? replacedSettingValue(def, raw);
    if (value !== undefined && value !== null) {
      const result = coerceSetting(def, value);
      if (result.problem) error(def.key, result.problem.code, result.problem.params);
      else settings[def.key] = result.value!;
    }
    if (def.required && (settings[def.key] === '' || settings[def.key] === undefined))
      error(def.key, 'setting-required', { setting: def.label });
  }
  return { settings, errors };
}
