import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { applyRule, type ReplacementRule } from '../../core/fixes';
import { createServices } from '../../services';
import { SAMPLE } from '../electron/support';

describe('propagation candidates through the full-text index', () => {
  it('are exactly the sentences reading every sentence finds, for rules of the document’s own words and edits', () => {
    const services = createServices(':memory:', { nativeBinding: nodeNativeBinding() });
    try {
      const { id } = services.openSample(SAMPLE);
      const rows = () => services.segments.page(id, 0, 10_000).items;
      const words = [...new Set(SAMPLE.text.match(/\S+/gu) ?? [])];
      // Phrases of one to three words cut from the text, with their punctuation, in any case.
      const find = fc
        .tuple(fc.nat(words.length - 1), fc.integer({ min: 1, max: 3 }), fc.constantFrom('as is', 'lower', 'upper', 'trim'))
        .map(([at, n, how]) => {
          const phrase = words.slice(at, at + n).join(' ');
          return how === 'lower' ? phrase.toLowerCase() : how === 'upper' ? phrase.toUpperCase() : how === 'trim' ? phrase.replace(/^\P{L}+|\P{L}+$/gu, '') : phrase;
        })
        .filter((f) => f.length > 0);
      const rule = fc.record({ find, replace: fc.constantFrom('X', ''), wholeWord: fc.boolean(), caseSensitive: fc.boolean() });
      const edit = fc.tuple(fc.nat(60), fc.constantFrom('Almaty', 'Alma-Ata', 'Tokayev', 'Tokaev', 'the the'));
      fc.assert(
        fc.property(rule, fc.array(edit, { maxLength: 3 }), (r: ReplacementRule, edits) => {
          const all = rows();
          for (const [at, text] of edits) {
            const row = all[at % all.length]!;
            services.segments.update(row.id, `${row.currentText} ${text}`);
          }
          const scanned = rows().flatMap((row) => {
            const after = applyRule(row.currentText, r);
            return after === null ? [] : [{ segmentId: row.id, position: row.position, before: row.currentText, after }];
          });
          expect(services.propagation.matches(id, r, null)).toEqual(scanned);
        }),
        { numRuns: 300 },
      );
    } finally {
      services.close();
    }
  });
});
