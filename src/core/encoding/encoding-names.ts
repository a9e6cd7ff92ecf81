/**
 * The encodings an export file may be written in, as plain data. Apart from text-encoding.ts so
 * that format metadata and settings forms name them without loading iconv-lite and its tables.
 */
export const TEXT_ENCODINGS = [
  { name: 'utf-8', label: 'UTF-8' },
  { name: 'utf-8-bom', label: 'UTF-8 with BOM' },
  { name: 'windows-1252', label: 'Windows-1252' },
  { name: 'iso-8859-1', label: 'ISO-8859-1 (Latin-1)' },
  { name: 'iso-8859-15', label: 'ISO-8859-15 (Latin-9)' },
  { name: 'cp437', label: 'CP437 (IBM PC, SIE PC8)' },
  { name: 'utf-16le', label: 'UTF-16 LE with BOM' },
] as const;

export type TextEncodingName = (typeof TEXT_ENCODINGS)[number]['name'];

export function isTextEncodingName(name: string): name is TextEncodingName {
  return TEXT_ENCODINGS.some((e) => e.name === name);
}
