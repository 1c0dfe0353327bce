/**
 * A small, strict XML reader for the CII check: elements with resolved namespaces, attributes, text.
 *
 * It reads well-formed XML 1.0 documents without a DTD: declaration, comments, processing
 * instructions, CDATA, the five predefined entities and character references. Anything else — a
 * DOCTYPE (and so any custom entity), an undeclared prefix, a mismatched or missing end tag, a
 * duplicate attribute, a stray `&` or `<` — is refused with an `XmlSyntaxError` giving the offset.
 * Refusing DTDs also rules out entity-expansion attacks on an uploaded file.
 */

/** An element, its name resolved to (namespace URI, local name). */
export interface XmlElement {
  /** Namespace URI ('' when none). */
  readonly ns: string;
  readonly local: string;
  /** Attributes without a prefix by local name; prefixed ones as `{uri}local`. xmlns declarations are left out. */
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text (its text and CDATA children, concatenated, entities decoded). */
  readonly text: string;
}

/** Not well-formed (or outside the supported subset), with the offset where reading stopped. */
export class XmlSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} (at offset ${offset})`);
    this.name = 'XmlSyntaxError';
    this.offset = offset;
  }
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7\u00C0-\uFFEF]*(?::[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7\u00C0-\uFFEF]*)?/y;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface Building {
  qname: string;
  prefix: string;
  local: string;
  rawAttrs: [string, string][];
  scope: Map<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses a document and returns its root element. @throws XmlSyntaxError */
export function parseXml(source: string): XmlElement {
  let pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string, at = pos): never => {
    throw new XmlSyntaxError(message, at);
  };
  const startsWith = (s: string): boolean => source.startsWith(s, pos);
  const skipSpace = (): void => {
    while (pos < source.length && ' \t\r\n'.includes(source[pos]!)) pos++;
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (m === null) fail('a name was expected');
    pos += m![0].length;
    return m![0];
  };
  const skipUntil = (end: string, what: string): string => {
    const at = source.indexOf(end, pos);
    if (at < 0) fail(`unterminated ${what}`);
    const content = source.slice(pos, at);
    pos = at + end.length;
    return content;
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&<]*);?/g, (whole, ref: string, offset: number) => {
      if (!whole.endsWith(';')) fail("'&' must start an entity or character reference", at + offset);
      const named = PREDEFINED[ref];
      if (named !== undefined) return named;
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (num === null) fail(`unknown entity '&${ref};' (no DTD is read)`, at + offset);
      const code = num![1] !== undefined ? parseInt(num![1], 16) : parseInt(num![2]!, 10);
      if (!(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) {
        fail(`character reference '&${ref};' is not allowed in XML`, at + offset);
      }
      return String.fromCodePoint(code);
    });
  /** Comments, processing instructions and whitespace between top-level parts. */
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) {
        pos += 4;
        skipUntil('-->', 'comment');
      } else if (startsWith('<?')) {
        pos += 2;
        skipUntil('?>', 'processing instruction');
      } else if (startsWith('<!DOCTYPE') || startsWith('<!doctype')) {
        fail('a DOCTYPE is not accepted');
      } else {
        return;
      }
    }
  };

  const resolve = (prefix: string, scope: Map<string, string>, at: number): string => {
    if (prefix === 'xml') return XML_NS;
    const uri = scope.get(prefix);
    if (uri === undefined) {
      if (prefix === '') return '';
      fail(`undeclared namespace prefix '${prefix}'`, at);
    }
    return uri!;
  };

  const finish = (b: Building, at: number): XmlElement => {
    const attrs = new Map<string, string>();
    for (const [name, value] of b.rawAttrs) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const colon = name.indexOf(':');
      const key = colon < 0 ? name : `{${resolve(name.slice(0, colon), b.scope, at)}}${name.slice(colon + 1)}`;
      if (attrs.has(key)) fail(`duplicate attribute '${name}'`, at);
      attrs.set(key, value);
    }
    return { ns: resolve(b.prefix, b.scope, at), local: b.local, attrs, children: b.children, text: b.text };
  };

  /** Reads a start tag at `<`; returns the element being built and whether it was self-closing. */
  const readStartTag = (parentScope: Map<string, string>): { b: Building; selfClosing: boolean; at: number } => {
    const at = pos;
    pos++; // '<'
    const qname = readName();
    const rawAttrs: [string, string][] = [];
    const seen = new Set<string>();
    for (;;) {
      const before = pos;
      skipSpace();
      if (startsWith('/>') || startsWith('>')) break;
      if (pos === before) fail('whitespace expected between attributes');
      const name = readName();
      skipSpace();
      if (source[pos] !== '=') fail(`'=' expected after attribute '${name}'`);
      pos++;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`quoted value expected for attribute '${name}'`);
      pos++;
      const valueAt = pos;
      const raw = skipUntil(quote!, 'attribute value');
      if (raw.includes('<')) fail(`'<' is not allowed in attribute '${name}'`, valueAt);
      if (seen.has(name)) fail(`duplicate attribute '${name}'`, at);
      seen.add(name);
      // Attribute-value normalisation: literal whitespace characters become spaces (references stay).
      rawAttrs.push([name, decode(raw.replace(/[\t\n\r]/g, ' '), valueAt)]);
    }
    const selfClosing = startsWith('/>');
    pos += selfClosing ? 2 : 1;
    let scope = parentScope;
    for (const [name, value] of rawAttrs) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (scope === parentScope) scope = new Map(parentScope);
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        if (prefix !== '' && value === '') fail(`prefix '${prefix}' cannot be undeclared in XML 1.0`, at);
        scope.set(prefix, value);
      }
    }
    const colon = qname.indexOf(':');
    const b: Building = {
      qname,
      prefix: colon < 0 ? '' : qname.slice(0, colon),
      local: colon < 0 ? qname : qname.slice(colon + 1),
      rawAttrs,
      scope,
      children: [],
      text: '',
    };
    return { b, selfClosing, at };
  };

  // Prolog.
  if (startsWith('<?xml')) {
    pos += 5;
    skipUntil('?>', 'XML declaration');
  }
  skipMisc();
  if (source[pos] !== '<') fail('the root element was expected');

  const rootStart = readStartTag(new Map());
  let root: XmlElement | null = null;
  const stack: { b: Building; at: number }[] = [];
  if (rootStart.selfClosing) root = finish(rootStart.b, rootStart.at);
  else stack.push({ b: rootStart.b, at: rootStart.at });

  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (pos >= source.length) fail(`missing end tag </${top.b.qname}>`);
    if (startsWith('</')) {
      pos += 2;
      const at = pos;
      const name = readName();
      skipSpace();
      if (source[pos] !== '>') fail(`'>' expected to close </${name}`);
      pos++;
      if (name !== top.b.qname) fail(`end tag </${name}> does not match <${top.b.qname}>`, at);
      stack.pop();
      const element = finish(top.b, top.at);
      const parent = stack[stack.length - 1];
      if (parent === undefined) root = element;
      else parent.b.children.push(element);
    } else if (startsWith('<!--')) {
      pos += 4;
      const comment = skipUntil('-->', 'comment');
      if (comment.includes('--')) fail("'--' is not allowed inside a comment");
    } else if (startsWith('<![CDATA[')) {
      pos += 9;
      top.b.text += skipUntil(']]>', 'CDATA section');
    } else if (startsWith('<?')) {
      pos += 2;
      skipUntil('?>', 'processing instruction');
    } else if (startsWith('<!')) {
      fail('a declaration is not accepted here');
    } else if (source[pos] === '<') {
      const child = readStartTag(top.b.scope);
      if (child.selfClosing) top.b.children.push(finish(child.b, child.at));
      else stack.push({ b: child.b, at: child.at });
    } else {
      const at = pos;
      const next = source.indexOf('<', pos);
      const raw = source.slice(pos, next < 0 ? source.length : next);
      pos = next < 0 ? source.length : next;
      if (raw.includes(']]>')) fail("']]>' is not allowed in text", at + raw.indexOf(']]>'));
      // Line-end normalisation (XML 1.0 § 2.11), then references.
      top.b.text += decode(raw.replace(/\r\n?/g, '\n'), at);
    }
  }
  skipMisc();
  if (pos < source.length) fail('content after the root element');
  return root!;
}

/** The first child with this namespace and local name, if any. */
export function child(parent: XmlElement | undefined, ns: string, local: string): XmlElement | undefined {
  return parent?.children.find((c) => c.ns === ns && c.local === local);
}

/** Every child with this namespace and local name. */
export function children(parent: XmlElement | undefined, ns: string, local: string): XmlElement[] {
  return parent === undefined ? [] : parent.children.filter((c) => c.ns === ns && c.local === local);
}
