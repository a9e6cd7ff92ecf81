/**
 * Templates as the tests build them: every setting at its plain value (`.` decimals, unix line
 * breaks, UTF-8), so that a test names only what it is about.
 */
import type { LayoutTemplate, TextTemplate } from '../../src/core/templates/types.ts';

/** A delimited customers layout (`customers.csv`, one Number column) with `overrides`. */
export function layoutTemplate(overrides: Partial<LayoutTemplate> = {}): LayoutTemplate {
  return {
    kind: 'layout',
    name: 'Customers',
    dataType: 'customers',
    fileNamePattern: 'customers',
    fileExtension: 'csv',
    decimalSeparator: '.',
    lineBreak: 'unix',
    quoting: 'needed',
    quoteEmptyFields: false,
    encoding: 'utf-8',
    dataOptions: {},
    layout: 'delimited',
    delimiter: ';',
    headerRow: true,
    finalLineBreak: true,
    rowsFrom: '',
    columns: [{ header: 'Number', field: 'number' }],
    ...overrides,
  };
}

/** A Liquid text template over invoices (`out.txt`) with `overrides`. */
export function textTemplate(content: string, overrides: Partial<TextTemplate> = {}): TextTemplate {
  return {
    kind: 'text',
    name: 't',
    dataType: 'invoices',
    fileNamePattern: 'out',
    fileExtension: 'txt',
    decimalSeparator: '.',
    lineBreak: 'unix',
    quoting: 'needed',
    quoteEmptyFields: false,
    encoding: 'utf-8',
    dataOptions: {},
    content,
    postProcess: 'none',
    ...overrides,
  };
}
