/**
 * Built-in layouts a user may copy into a layout template (src/core/templates/built-in.ts). They
 * come from the formats' code, so this module loads those formats; the registry does not import
 * it, and the export worker never loads it.
 */
import { cloneLayout, type DelimitedLayout } from './builders/delimited.ts';
import type { FixedWidthLayout } from './builders/fixed-width.ts';
import { gbat10Layout } from './systems/gbat10/gbat10-rows.ts';
import { vismaGlobalLayout } from './systems/visma-global/visma-global.ts';
import { xeroLayout } from './systems/xero/xero.ts';
import { gl02bLayout } from './systems/xledger-gl02b/xledger-gl02b.ts';
import { vismaNetLayout } from './systems/visma-net/visma-net.ts';
import { vismaScenarioLayout } from './systems/visma-scenario/visma-scenario.ts';
import { dkLayout } from './systems/dk/dk.ts';
import { infoEasyLayout } from './systems/infoeasy/infoeasy.ts';
import { uniMicroLayouts } from './systems/uni-micro/uni-micro.ts';

export type CopyableLayout =
  | {
      formatId: string;
      name: string;
      kind: 'delimited';
      layout: DelimitedLayout;
      dataset: 'invoice-lines' | 'format-rows';
    }
  | {
      formatId: string;
      name: string;
      kind: 'fixed-width';
      layout: FixedWidthLayout;
      dataset: 'invoice-lines' | 'format-rows';
    };

/**
 * Built-in layouts that a user may copy into a layout template (plain JSON, deep copies).
 * `dataset` says what the field paths address: `invoice-lines` = the rows of
 * `invoiceLineRows()` (src/core/ledger/invoice-lines.ts), fully usable in a template;
 * `format-rows` = the format's own posting rows (the column list is a starting point, fields
 * must be re-pointed to a dataset).
 */
export function copyableLayouts(): CopyableLayout[] {
  return [
    {
      formatId: 'xero',
      name: 'Xero sales invoices (UK dates)',
      kind: 'delimited',
      layout: cloneLayout(xeroLayout('UK')),
      dataset: 'invoice-lines',
    },
    {
      formatId: 'xero',
      name: 'Xero sales invoices (US dates)',
      kind: 'delimited',
      layout: cloneLayout(xeroLayout('US')),
      dataset: 'invoice-lines',
    },
    {
      formatId: 'gbat10',
      name: 'Mamut GBAT10 columns',
      kind: 'delimited',
      layout: cloneLayout(gbat10Layout('mamut', 'windows-1252')),
      dataset: 'format-rows',
    },
    {
      formatId: 'xledger-ar10',
      name: 'Xledger AR10 columns',
      kind: 'delimited',
      layout: cloneLayout(gbat10Layout('xledger-ar10', 'windows-1252')),
      dataset: 'format-rows',
    },
    {
      formatId: 'xledger-gl02b',
      name: 'Xledger GL02b columns',
      kind: 'delimited',
      layout: cloneLayout(gl02bLayout()),
      dataset: 'format-rows',
    },
    {
      formatId: 'visma-global',
      name: 'Visma Global columns',
      kind: 'delimited',
      layout: cloneLayout(vismaGlobalLayout()),
      dataset: 'format-rows',
    },
    // Issue 17. Visma.net's column list is not published (the module's header says which columns are
    // assumed), so a user matches it to their import scenario here.
    {
      formatId: 'visma-net',
      name: 'Visma.net invoice lines (assumed columns)',
      kind: 'delimited',
      layout: cloneLayout(vismaNetLayout()),
      dataset: 'invoice-lines',
    },
    // Three of Scenario's fields are unnamed on Moment's page; the numeric fields are zero-padded in the rows.
    {
      formatId: 'visma-scenario',
      name: 'Visma Scenario fields',
      kind: 'delimited',
      layout: cloneLayout(vismaScenarioLayout()),
      dataset: 'format-rows',
    },
    // issue 17: layouts with unpublished columns (see each module's header), to be corrected by a user.
    {
      formatId: 'dk',
      name: 'DK columns (unknown columns empty)',
      kind: 'delimited',
      layout: cloneLayout(dkLayout()),
      dataset: 'format-rows',
    },
    {
      formatId: 'infoeasy',
      name: 'InfoEasy records (hardcoded fields blank)',
      kind: 'fixed-width',
      layout: JSON.parse(JSON.stringify(infoEasyLayout())) as FixedWidthLayout,
      dataset: 'format-rows',
    },
    {
      formatId: 'uni-micro',
      name: 'Uni Micro voucher lines (assumed columns)',
      kind: 'delimited',
      layout: cloneLayout(uniMicroLayouts().vouchers),
      dataset: 'format-rows',
    },
  ];
}
