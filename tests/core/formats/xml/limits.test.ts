import { describe, expect, it } from 'vitest';
import { MAX_XML_DEPTH, MAX_XML_ELEMENTS } from '../../../../core/formats/xml/limits';
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

  it(`reads ${MAX_XML_ELEMENTS.toLocaleString('en')} elements and refuses one more`, () => {
    const flat = (count: number): string => `<r>${'<b/>'.repeat(count - 1)}</r>`;
    expect(parseXmlTree(flat(MAX_XML_ELEMENTS), 'many.xlf').root.children).toHaveLength(MAX_XML_ELEMENTS - 1);
    expect(badInput(() => parseXmlTree(`${flat(MAX_XML_ELEMENTS)}`.replace('<r>', '<r>\n<b/>'), 'many.xlf'))).toBe(
      `many.xlf has more than ${MAX_XML_ELEMENTS.toLocaleString('en')} XML elements (the limit, reached at line 2); ` +
        'Redline does not open a file this large; split it into smaller files.',
    );
  }, 30_000);

  it('never expands entities: an internal subset (billion laughs) is refused, an undeclared entity is an error', () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>\n' +
      '<xliff>&lol2;</xliff>';
    expect(badInput(() => parseXmlTree(laughs, 'lol.xlf'))).toMatch(/declarations in its DOCTYPE \(line 2\)/);
    expect(badInput(() => parseXmlTree('<x>&lol;</x>', 'lol.xlf'))).toMatch(/^lol\.xlf is not well-formed XML: line 1/);
  });
});
