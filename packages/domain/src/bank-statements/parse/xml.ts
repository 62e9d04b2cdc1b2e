import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { fileError, lineIndex } from './common';

/**
 * Hardened XML reading for bank files (OWASP XXE prevention), with saxes — a strict, non-validating
 * streaming parser that never loads anything from outside the document:
 * - a DOCTYPE is refused outright: ISO 20022 messages never carry one, and without it there are no
 *   external entities (XXE) and no entity expansion ("billion laughs"); only the five predefined entities
 *   and character references exist, any other `&name;` is a well-formedness error;
 * - nesting and the number of elements are bounded (a camt document is 15 levels deep), the caller bounds
 *   the size;
 * - the text is fed in 64 KiB pieces with a turn of the event loop between them, so a large statement does
 *   not stall the other requests of the process;
 * - every element keeps the line it starts on, so an error names the element and its line.
 */

export const MAX_XML_DEPTH = 40;
/** Far above the elements of a 10 MiB statement (≈ 30 per entry), far below a memory problem. */
export const MAX_XML_ELEMENTS = 1_000_000;

const CHUNK = 64 * 1024;

export interface XmlNode {
  /** Local name (namespace prefix removed). */
  name: string;
  /** The namespace prefix as written, or null. */
  prefix: string | null;
  /** Attributes by local name; null when the element has none. */
  attributes: Record<string, string> | null;
  /** Child elements by local name, in document order; null when there are none. */
  children: Map<string, XmlNode[]> | null;
  /** The element's own character data (entities and character references decoded). */
  text: string;
  line: number;
}

export interface XmlDocument {
  root: XmlNode;
  /** Namespace URI of the root element. */
  namespace: string | null;
}

export async function readXml(text: string): Promise<XmlDocument> {
  const line = lineIndex(text);
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    const at = line(doctype.index);
    throw fileError(
      'xml_doctype_forbidden',
      `Line ${at}: the file declares a ${doctype[1]!.toUpperCase()}; bank statements never need one, and it is refused (external entities are a security risk).`,
      `line ${at}`,
      { line: at },
    );
  }

  // Namespace processing is off (it costs a quarter of the parse): elements are matched by local name, and
  // only the root's namespace matters (it names the message and its version).
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  let count = 0;
  parser.on('doctype', () => {
    throw fileError(
      'xml_doctype_forbidden',
      `Line ${parser.line}: the file declares a DOCTYPE, which is refused.`,
    );
  });
  parser.on('error', (error) => {
    // saxes messages read "line:column: what"; the position is said once, in front
    const reason = error.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
    throw fileError(
      'xml_malformed',
      `Line ${parser.line}, column ${parser.column}: the XML is malformed: ${reason}`,
      `line ${parser.line}`,
      {
        line: parser.line,
        column: parser.column,
      },
    );
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    count += 1;
    if (stack.length >= MAX_XML_DEPTH) {
      throw fileError(
        'xml_too_deep',
        `Line ${parser.line}: elements nest deeper than ${MAX_XML_DEPTH} levels; a bank statement never does.`,
        `line ${parser.line}`,
        { line: parser.line },
      );
    }
    if (count > MAX_XML_ELEMENTS) {
      throw fileError(
        'xml_too_large',
        `The XML has more than ${MAX_XML_ELEMENTS} elements; a bank statement of the allowed size never does.`,
      );
    }
    const attributes = Object.keys(tag.attributes).length > 0 ? { ...tag.attributes } : null;
    const colon = tag.name.indexOf(':');
    const node: XmlNode = {
      name: colon === -1 ? tag.name : tag.name.slice(colon + 1),
      prefix: colon === -1 ? null : tag.name.slice(0, colon),
      attributes,
      children: null,
      text: '',
      line: parser.line,
    };
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.children ??= new Map();
      const siblings = parent.children.get(node.name);
      if (siblings) siblings.push(node);
      else parent.children.set(node.name, [node]);
    } else root = node;
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const append = (data: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += data;
  };
  parser.on('text', append);
  parser.on('cdata', append);

  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + CHUNK, text.length);
    // never split a surrogate pair between two pieces
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end += 1;
    parser.write(text.slice(start, end));
    start = end;
    if (start < text.length) await new Promise((resolve) => setImmediate(resolve));
  }
  parser.close();
  if (!root) throw fileError('xml_malformed', 'The XML has no root element.');
  const rootNode = root as XmlNode;
  const namespace = rootNode.attributes?.[rootNode.prefix ? `xmlns:${rootNode.prefix}` : 'xmlns'] ?? null;
  return { root: rootNode, namespace };
}

/** Children of `node` named `name`, in document order. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node?.children?.get(name) ?? [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Follows a path of element names, taking the first of each. */
export function at(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let current = node;
  for (const name of path) current = child(current, name);
  return current;
}

/** An attribute by its name as written (camt attributes, like `Ccy`, have no prefix). */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  return node?.attributes?.[name];
}

/** The trimmed text of `node` (or of the element at `path` below it); null when absent or empty. */
export function text(node: XmlNode | undefined, ...path: string[]): string | null {
  const target = path.length > 0 ? at(node, ...path) : node;
  const value = target?.text.trim();
  return value ? value : null;
}
