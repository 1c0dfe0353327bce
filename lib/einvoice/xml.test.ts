import { describe, expect, it } from 'vitest';
import { parseXml, XmlSyntaxError } from './xml-reader';
import { el, escapeText, leaf, renderDocument } from './xml-writer';

describe('XML writer and reader', () => {
  it('round-trips text that needs escaping, exactly', () => {
    const nasty = 'A & B <C> "D" \'E\' ]]> tab\there\r\nCRLF é € 😀';
    const xml = renderDocument(el('r:Root', [leaf('r:Text', nasty, { note: 'x"y\n<z>&' })], { 'xmlns:r': 'urn:test' }));
    const root = parseXml(xml);
    const text = root.children[0]!;
    expect(text.text).toBe(nasty);
    expect(text.attrs.get('note')).toBe('x"y\n<z>&');
  });

  it('replaces characters XML cannot carry instead of writing an unreadable file', () => {
    expect(escapeText('a\u0001b\uFFFEc')).toBe('a b c');
    expect(() => parseXml(renderDocument(leaf('Root', 'a\u0007b')))).not.toThrow();
  });

  it('resolves namespaces whatever the prefixes', () => {
    const a = parseXml('<x:A xmlns:x="urn:n"><x:B>1</x:B></x:A>');
    const b = parseXml('<A xmlns="urn:n"><B>1</B></A>');
    expect([a.ns, a.local, a.children[0]!.ns]).toEqual(['urn:n', 'A', 'urn:n']);
    expect([b.ns, b.local, b.children[0]!.ns]).toEqual(['urn:n', 'A', 'urn:n']);
  });

  it('reads comments, processing instructions, CDATA and character references', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><A><?pi x?>a<![CDATA[<b>&]]>&#233;&#x20AC;<!-- d --></A>');
    expect(root.text).toBe('a<b>&é€');
  });

  it.each([
    ['a DOCTYPE (no entity expansion)', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>A & B</a>'],
    ['a mismatched end tag', '<a><b></a></b>'],
    ['a missing end tag', '<a><b></b>'],
    ['an undeclared prefix', '<x:a/>'],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['an unquoted attribute', '<a b=1/>'],
    ['content after the root', '<a/><b/>'],
    ['text before the root', 'hello <a/>'],
    ['a forbidden character reference', '<a>&#1;</a>'],
  ])('refuses %s', (_, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
  });
});
