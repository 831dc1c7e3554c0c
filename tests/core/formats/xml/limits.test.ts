import { describe, expect, it } from 'vitest';
import {
  elementBudget,
  MAX_XML_DEPTH,
  MAX_XML_ELEMENTS,
  MIN_CHARS_PER_ELEMENT,
  MIN_XML_ELEMENTS,
  XmlBudget,
} from '../../../../core/formats/xml/limits';
import { parseXmlTree } from '../../../../core/formats/xliff/xmlTree';
import { badInput } from '../../../support/thrown';

const nested = (depth: number): string => '<a>'.repeat(depth) + '</a>'.repeat(depth);

describe('XML budgets', () => {
  it(`reads ${MAX_XML_DEPTH} levels of nesting and refuses one more, naming the limit and the line`, () => {
    expect(parseXmlTree(nested(MAX_XML_DEPTH), 'deep.xlf').root.local).toBe('a');
    const over = '<a>\n'.repeat(MAX_XML_DEPTH + 1) + '</a>'.repeat(MAX_XML_DEPTH + 1);
    expect(badInput(() => parseXmlTree(over, 'deep.xlf'))).toBe(
      `deep.xlf nests XML elements more than ${MAX_XML_DEPTH} deep (the limit, reached at line ${MAX_XML_DEPTH + 1}); ` +
        'no real document does, so Redline does not open it.',
    );
  });

  it('refuses 100,000 nested elements at once instead of parsing for minutes', () => {
    expect(badInput(() => parseXmlTree(nested(100_000), 'bomb.tmx'))).toMatch(/more than 256 deep/);
  }, 30_000);

  it('gives a file one element per 16 characters, never fewer than 400,000 nor more than 1,200,000', () => {
    expect([MIN_CHARS_PER_ELEMENT, MIN_XML_ELEMENTS, MAX_XML_ELEMENTS]).toEqual([16, 400_000, 1_200_000]);
    expect(elementBudget(0)).toBe(400_000);
    expect(elementBudget(6_400_000)).toBe(400_000);
    expect(elementBudget(8_000_015)).toBe(500_000);
    expect(elementBudget(18_515_040)).toBe(1_157_190); // the 50,000-segment SDLXLIFF of the report: 475,008 elements
    expect(elementBudget(64 * 1024 * 1024)).toBe(1_200_000);
  });

  it('refuses a file of empty elements past the budget, saying why', () => {
    const flat = (count: number): string => `<r>${'<b/>'.repeat(count - 1)}</r>`;
    expect(parseXmlTree(flat(MIN_XML_ELEMENTS), 'many.xlf').root.children).toHaveLength(MIN_XML_ELEMENTS - 1);
    expect(badInput(() => parseXmlTree(`${flat(MIN_XML_ELEMENTS)}`.replace('<r>', '<r>\n<b/>'), 'many.xlf'))).toBe(
      'many.xlf has more than 400,000 XML elements (the limit, reached at line 2); that is more than one per 16 characters, ' +
        'which real documents never have, so Redline does not open it.',
    );
  }, 30_000);

  it('reads more than 400,000 elements from a file large enough for them (markup twice as dense as Trados writes)', () => {
    // 410,000 elements of 20 characters: 8.2 million characters, a budget of 512,500.
    const dense = `<r>\n${'<x id="1" ctype="b"/>'.repeat(410_000)}</r>`;
    expect(parseXmlTree(dense, 'dense.sdlxliff').root.children.filter((c) => c.type === 'element')).toHaveLength(410_000);
  }, 30_000);

  it('refuses any file past the most elements of all, as too large', () => {
    const budget = new XmlBudget('huge.sdlxliff', MAX_XML_DEPTH, elementBudget(100 * 1024 * 1024));
    for (let n = 0; n < MAX_XML_ELEMENTS; n++) budget.open(1, true);
    expect(badInput(() => budget.open(9, true))).toBe(
      'huge.sdlxliff has more than 1,200,000 XML elements (the limit, reached at line 9); Redline does not open a file this large; split it into smaller files.',
    );
  });

  it('never expands entities: an internal subset (billion laughs) is refused, an undeclared entity is an error', () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>\n' +
      '<xliff>&lol2;</xliff>';
    expect(badInput(() => parseXmlTree(laughs, 'lol.xlf'))).toMatch(/declarations in its DOCTYPE \(line 2\)/);
    expect(badInput(() => parseXmlTree('<x>&lol;</x>', 'lol.xlf'))).toMatch(/^lol\.xlf is not well-formed XML: line 1/);
    // The unknown entity is named, in text or in an attribute, on any line.
    expect(badInput(() => parseXmlTree('<x>\r\n<y a="&foo;"/>&nbsp;</x>', 'e.xlf'))).toMatch(/^e\.xlf is not well-formed XML: line 2, column \d+: undefined entity &foo; \(XML knows only/);
  });
});
