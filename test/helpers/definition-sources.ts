/**
 * Every English text that the definitions in src/core hold and the screens show: the formats'
 * names and settings (label, help, the form of a valid value, choices, the column a mapping fills), the
 * built-in layouts a template can be copied from, the import's fields (the column mapping), the text encodings, and
 * the template data types' field documentation. These are the keys of the definition catalogues
 * (src/ui/i18n/definitions/<locale>.ts); test/ui/i18n/definition-texts.test.ts keeps each
 * catalogue in step with this list. `npx tsx scripts/missing-definition-texts.ts nb` prints the
 * texts a catalogue lacks.
 */
import { FORMATS } from '../../src/core/formats/registry.ts';
import { TEXT_ENCODINGS } from '../../src/core/encoding/text-encoding.ts';
import { TEMPLATE_DATA_TYPES } from '../../src/core/templates/types.ts';
import { fieldReference } from '../../src/core/templates/editor-tools.ts';
import { copyableLayoutIds } from '../../src/core/templates/built-in.ts';
import { IMPORT_KINDS, importFields } from '../../src/core/import/fields.ts';

export interface DefinitionSource {
  text: string;
  /** Where it is defined, e.g. `sie4 setting encoding: help`, for the translator and the failure message. */
  where: string;
}

export function definitionSources(): DefinitionSource[] {
  const sources: DefinitionSource[] = [];
  const add = (text: string | undefined, where: string) => {
    if (text !== undefined && text.trim() !== '') sources.push({ text, where });
  };
  for (const format of FORMATS) {
    add(format.name, `${format.id}: name`);
    for (const setting of format.settings) {
      const where = `${format.id} setting ${setting.key}`;
      add(setting.label, `${where}: label`);
      add(setting.help, `${where}: help`);
      add(setting.expected, `${where}: expected form`);
      if (setting.kind === 'choice')
        for (const choice of setting.choices) add(choice.label, `${where}: choice ${choice.value}`);
      if (setting.kind === 'string' && setting.mapping) add(setting.mapping.to, `${where}: mapped column`);
    }
  }
  for (const layout of copyableLayoutIds()) add(layout.name, `copyable layout ${layout.formatId}`);
  for (const kind of IMPORT_KINDS)
    for (const field of importFields(kind)) add(field.label, `import ${kind}: field ${field.name}`);
  for (const encoding of TEXT_ENCODINGS) add(encoding.label, `encoding ${encoding.name}`);
  for (const dataType of TEMPLATE_DATA_TYPES)
    for (const rowsFrom of dataType === 'invoices' ? (['', 'lines'] as const) : ([''] as const)) {
      const reference = fieldReference(dataType, rowsFrom);
      const where = `data type ${dataType}${rowsFrom ? ' (lines)' : ''}`;
      add(reference.description, `${where}: description`);
      for (const field of [...reference.rowFields, ...reference.scopeFields])
        add(field.description, `${where}: field ${field.path}`);
    }
  return sources;
}

/** The distinct texts, in their first order. */
export function definitionTexts(): string[] {
  return [...new Set(definitionSources().map((s) => s.text))];
}
