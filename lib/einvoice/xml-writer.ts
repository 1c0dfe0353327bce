/**
 * A tiny XML builder for the CII export: elements, attributes, escaped text, two-space indentation.
 * Leaf elements keep their text on one line, so no whitespace is added inside a value.
 */

/** An element: a name, attributes, and either text or children. */
export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string | null;
  readonly children: readonly XmlNode[];
}

/** A child slot: absent values (null, undefined, false) are skipped, so optional parts read inline. */
export type XmlChild = XmlNode | null | undefined | false;

/** An element with children (absent ones skipped). */
export function el(name: string, children: readonly XmlChild[], attrs: Record<string, string> = {}): XmlNode {
  return { name, attrs, text: null, children: children.filter((c): c is XmlNode => Boolean(c)) };
}

/** A leaf element holding text (escaped when rendered). */
export function leaf(name: string, text: string, attrs: Record<string, string> = {}): XmlNode {
  return { name, attrs, text, children: [] };
}

/** A leaf element, or nothing when the value is absent or blank. */
export function optionalLeaf(name: string, text: string | null | undefined, attrs: Record<string, string> = {}): XmlNode | null {
  return text === null || text === undefined || text.trim() === '' ? null : leaf(name, text, attrs);
}

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF;
 * unpaired surrogates). They cannot be escaped either, so they are replaced by a space.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Escapes text content: `& < >` as entities, CR as `&#13;` (a parser would otherwise turn it into
 * LF), characters XML cannot carry replaced by a space.
 */
export function escapeText(text: string): string {
  return text
    .replace(FORBIDDEN, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (double-quoted): also `"`, and tab/LF/CR, which a parser would turn into spaces. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function renderAttrs(attrs: Readonly<Record<string, string>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) out += ` ${name}="${escapeAttr(value)}"`;
  return out;
}

function renderNode(node: XmlNode, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  const open = `${node.name}${renderAttrs(node.attrs)}`;
  if (node.text !== null) {
    out.push(`${pad}<${open}>${escapeText(node.text)}</${node.name}>`);
  } else if (node.children.length === 0) {
    out.push(`${pad}<${open}/>`);
  } else {
    out.push(`${pad}<${open}>`);
    for (const child of node.children) renderNode(child, depth + 1, out);
    out.push(`${pad}</${node.name}>`);
  }
}

/** The document: an XML declaration (UTF-8) and the root element, indented, ending with a newline. */
export function renderDocument(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  renderNode(root, 0, out);
  return `${out.join('\n')}\n`;
}
