/**
 * A small XML writer for export files: elements are written in the order given (schemas such
 * as SAF-T and PAXml fix the order), namespaces are plain `xmlns` attributes, text and
 * attribute values are escaped (& < > " '), and characters XML 1.0 cannot carry are reported.
 */
export interface XmlElement {
  /** Qualified name, e.g. `Invoice` or `cbc:ID`. */
  name: string;
  /** Written in insertion order; `undefined` values are left out. */
  attributes?: Record<string, string | number | undefined>;
  children?: readonly XmlNode[];
}

/** A string child is text content. */
export type XmlNode = XmlElement | string;

export interface XmlWriteOptions {
  /** Indent nested elements (text-only elements stay on one line). Default true. */
  pretty?: boolean;
  indent?: string;
  /** The `<?xml ...?>` declaration's encoding label; false leaves the declaration out. */
  declaration?: string | false;
  lineEnding?: '\n' | '\r\n';
}

/** A child of `el`: a node, a list of nodes (one per record), or nothing (an optional element left out). */
export type XmlChild = XmlNode | readonly (XmlNode | undefined | null | false)[] | undefined | null | false;

/**
 * Builds an element; children that are `undefined`, `null` or `false` are skipped (optional
 * elements). A list child adds its nodes in order: pass one element per record as a list,
 * never spread it (`el(name, attrs, head, ...records)`), since spread arguments past V8's
 * limit (some 40k–130k in a worker) throw "Maximum call stack size exceeded" (issue 15: Hogia).
 */
export function el(name: string, attributes: XmlElement['attributes'], ...children: XmlChild[]): XmlElement {
  const kept: XmlNode[] = [];
  const keep = (c: XmlNode | undefined | null | false) => {
    if (c !== undefined && c !== null && c !== false) kept.push(c);
  };
  for (const child of children) {
    if (Array.isArray(child)) for (const c of child as readonly (XmlNode | undefined | null | false)[]) keep(c);
    else keep(child as XmlNode | undefined | null | false);
  }
  return attributes ? { name, attributes, children: kept } : { name, children: kept };
}

/** An element with only text, left out when the text is empty (for optional fields). */
export function optionalText(name: string, text: string | number | undefined): XmlElement | undefined {
  if (text === undefined || text === '') return undefined;
  return { name, children: [String(text)] };
}

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Characters XML 1.0 forbids (control characters other than tab, LF, CR, and lone surrogates). */
/* eslint-disable no-control-regex -- matching the forbidden control characters is the point */
export function invalidXmlCharacters(text: string): string[] {
  const forbidden =
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  return text.match(forbidden) ?? [];
}
/* eslint-enable no-control-regex */

export function writeXml(root: XmlElement, options: XmlWriteOptions = {}): string {
  const pretty = options.pretty ?? true;
  const indent = options.indent ?? '  ';
  const eol = options.lineEnding ?? '\n';
  const out: string[] = [];
  if (options.declaration !== false) out.push(`<?xml version="1.0" encoding="${options.declaration ?? 'UTF-8'}"?>`);

  const attrs = (element: XmlElement) =>
    Object.entries(element.attributes ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
      .join('');

  const render = (element: XmlElement, depth: number): string => {
    const pad = pretty ? indent.repeat(depth) : '';
    const children = element.children ?? [];
    const open = `<${element.name}${attrs(element)}`;
    if (children.length === 0) return `${pad}${open}/>`;
    const onlyText = children.every((c) => typeof c === 'string');
    if (onlyText || !pretty) {
      const inner = children.map((c) => (typeof c === 'string' ? escapeXml(c) : render(c, 0))).join('');
      return `${pad}${open}>${inner}</${element.name}>`;
    }
    const inner = children
      .map((c) => (typeof c === 'string' ? pad + indent + escapeXml(c) : render(c, depth + 1)))
      .join(eol);
    return `${pad}${open}>${eol}${inner}${eol}${pad}</${element.name}>`;
  };

  out.push(render(root, 0));
  return out.join(pretty ? eol : '') + eol;
}
