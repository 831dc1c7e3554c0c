import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childElements, parseXmlTree, textContent, type XmlElement } from '../../../../core/formats/xliff/xmlTree';
import { referenceUnencodable } from '../../../../core/formats/xml/characterReferences';

/** What ISO-8859-1 holds: U+0000–U+00FF. */
const latin1 = (char: string): boolean => char.codePointAt(0)! <= 0xff;

describe('character references for what an encoding lacks', () => {
  it('are written in text and attribute values, one per character, astral ones included', () => {
    expect(referenceUnencodable('<t a="5 € – é">Café – 5 € 😀 ñ</t>', latin1)).toBe(
      '<t a="5 &#8364; &#8211; é">Café &#8211; 5 &#8364; &#128512; ñ</t>',
    );
    expect(referenceUnencodable("<t a='’'>x</t>’", latin1)).toBe("<t a='&#8217;'>x</t>&#8217;");
  });

  it('are never written inside markup: names, comments, CDATA, processing instructions, the DOCTYPE', () => {
    const markup = '<!DOCTYPE x [ <!ENTITY e "–"> ]><?pi –?><x>–<!-- – --><![CDATA[ – ]]><ä:é/></x>';
    expect(referenceUnencodable(markup, latin1)).toBe('<!DOCTYPE x [ <!ENTITY e "–"> ]><?pi –?><x>&#8211;<!-- – --><![CDATA[ – ]]><ä:é/></x>');
  });

  it('leave a text the encoding holds as it was', () => {
    const text = '<?xml version="1.0"?>\n<t a="é">Çà</t>';
    expect(referenceUnencodable(text, latin1)).toBe(text);
    expect(referenceUnencodable('<t>日本</t>', () => true)).toBe('<t>日本</t>');
  });

  it('leave alone what XML cannot hold even as a reference (a lone surrogate), for the writer to refuse', () => {
    expect(referenceUnencodable('<t>\uD800–</t>', latin1)).toBe('<t>\uD800&#8211;</t>');
  });

  /** Every attribute value and text of an element, in document order. */
  const contents = (element: XmlElement): string[] => [
    ...Object.values(element.attrs),
    textContent(element),
    ...childElements(element).flatMap(contents),
  ];

  it('property: the XML reads back the same, and every character outside markup is one the encoding holds', () => {
    const char = fc.constantFrom('a', ' ', 'é', 'ÿ', '–', '€', '日', '😀', '&amp;', '&#8364;', '&lt;', '\n');
    const chars = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
    const element = fc.record({ attr: chars, text: chars, comment: chars, cdata: chars, tail: chars });
    fc.assert(
      fc.property(fc.array(element, { maxLength: 5 }), (elements) => {
        const body = elements
          .map((e) => `<e a="${e.attr}">${e.text}<!--${e.comment.replace(/-/g, '')}--><![CDATA[${e.cdata}]]></e>${e.tail}`)
          .join('');
        const xml = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<root>${body}</root>`;
        const referenced = referenceUnencodable(xml, latin1);
        expect(contents(parseXmlTree(referenced, 'x.xml').root)).toEqual(contents(parseXmlTree(xml, 'x.xml').root));
        const outsideMarkup = referenced.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, '');
        expect([...outsideMarkup].filter((c) => !latin1(c))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
