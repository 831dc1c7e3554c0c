import { describe, expect, it } from 'vitest';
import { escapeAttributeDroppingNonXml, escapeCharData, escapeDroppingNonXml, escapeKeepingCr } from '../../../../core/formats/xml/escape';

describe('XML text escapes', () => {
  it('escapes & < > as entities and leaves quotes and line feeds alone', () => {
    expect(escapeCharData('a < b && c > "d"\r\n')).toBe('a &lt; b &amp;&amp; c &gt; "d"\r\n');
  });

  it('keeps a carriage return as &#13;, which a parser would otherwise read as a line feed', () => {
    expect(escapeKeepingCr('one\r\ntwo & <three>')).toBe('one&#13;\ntwo &amp; &lt;three&gt;');
  });

  it('drops what XML cannot hold (C0 controls, U+FFFE, a lone surrogate) before escaping', () => {
    expect(escapeDroppingNonXml('a\u0007b\uFFFEc\uD800d\te\r')).toBe('abcd\te&#13;');
    expect(escapeDroppingNonXml('emoji 😀 & tab\t')).toBe('emoji 😀 &amp; tab\t');
  });

  it('writes an attribute value with its double quotes as &quot;', () => {
    expect(escapeAttributeDroppingNonXml('a "b" & <c>\u0001')).toBe('a &quot;b&quot; &amp; &lt;c&gt;');
  });
});
