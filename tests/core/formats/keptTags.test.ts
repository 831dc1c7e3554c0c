import { describe, expect, it } from 'vitest';
import { markdownFormat, type MarkdownSkeleton } from '../../../core/formats/markdown';
import { tmxFormat } from '../../../core/formats/tmx';
import { tagChar, type ParsedDocument } from '../../../core/formats/types';
import { UnitError } from '../../../core/formats/units';
import { thrown } from '../../support/thrown';

/**
 * A correction that lost or misplaced a tag of its MT, exported as TMX or Markdown: refused as XLIFF and DOCX
 * refuse it (a UnitError naming the unit, which the export turns into the sentence's number), never written as
 * a dangling `**`, a link without its target or a TMX <ept> without its <bpt>.
 */

/** `{n}` stands for tag character n. */
const t = (text: string): string => text.replace(/\{(\d+)\}/g, (_, n: string) => tagChar(Number(n)));

/** The export's refusal of a unit, naming it (a UnitError), which `action` must throw. */
function refusal(action: () => unknown): UnitError {
  const error = thrown(action);
  expect(error).toBeInstanceOf(UnitError);
  return error as UnitError;
}

describe('Markdown: a correction keeps its MT’s tags, in an order that nests', () => {
  const text = 'See **the docs** and [the guide](http://x.org/g "T") now.\n\n**Two. Sentences.** End.\n';
  const document = markdownFormat.parse(text, 'a.md');
  // 1: See {0}the docs{1} and {2}the guide{3} now.  2: {0}Two.  3: Sentences.{0}  4: End.
  const write = (key: string, typed: string) => markdownFormat.write(document, [{ key, text: t(typed), status: 'edited' }]);

  it('reads the sentences and their tags as the tests below expect', () => {
    expect(document.units.map((u) => u.target)).toEqual([t('See {0}the docs{1} and {2}the guide{3} now.'), t('{0}Two.'), t('Sentences.{0}'), 'End.']);
  });

  it('refuses half a bold span lost (the rest of the paragraph would be bold), naming the sentence’s unit and the tag', () => {
    const error = refusal(() => write('1', 'See {0}the docs and {2}the guide{3} now.'));
    expect([error.unit, error.detail]).toEqual(['1', 'it lost tag 2 (**) of its MT, which the file needs to stay as it was.']);
  });

  it('refuses a link’s target lost, by half or whole', () => {
    expect(refusal(() => write('1', 'See {0}the docs{1} and {2}the guide now.')).detail).toBe(
      'it lost tag 4 (](http://x.org/g "T")) of its MT, which the file needs to stay as it was.',
    );
    expect(refusal(() => write('1', 'See {0}the docs{1} and the guide now.')).detail).toBe(
      'it lost tag 3 ([), tag 4 (](http://x.org/g "T")) of its MT, which the file needs to stay as it was.',
    );
  });

  it('refuses a link’s brackets reversed, and pairs crossing', () => {
    expect(refusal(() => write('1', 'See {0}the docs{1} and {3}the guide{2} now.')).detail).toBe(
      'tag 4 (](http://x.org/g "T")) comes before tag 3 ([), which it closes.',
    );
    expect(refusal(() => write('1', 'See {0}the docs {2}and{1} the guide{3} now.')).detail).toBe(
      'tag 2 (**) does not close the innermost open tag 3 ([): tags overlap.',
    );
  });

  it('writes spans moved whole, and the two ends of a bold span in either order (the same bytes)', () => {
    expect(write('1', 'See {2}the guide{3} and {0}the docs{1} now.')).toBe(text.replace('See **the docs** and [the guide](http://x.org/g "T") now.', 'See [the guide](http://x.org/g "T") and **the docs** now.'));
    expect(write('1', 'See {1}the manual{0} and {2}the guide{3} now.')).toBe(text.replace('the docs', 'the manual'));
  });

  it('lets a sentence be deleted whole with its own spans, not one whose span the next sentence closes', () => {
    expect(write('1', '')).toBe(text.replace('See **the docs** and [the guide](http://x.org/g "T") now.', ''));
    expect(refusal(() => write('2', '')).detail).toBe(
      'it was deleted, but tag 1 (**) is one end of a span or range that goes on beyond it: ' +
        'keep its tags (undo the deletion, then delete its words only), so that the other end is not left dangling.',
    );
  });
});

describe('Markdown stored before the tags’ roles were recorded', () => {
  const text = 'See **the docs** and [the guide](http://x.org/g "T") now.\n';
  const parsed = markdownFormat.parse(text, 'a.md');
  const { roles: _roles, ...skeleton } = parsed.skeleton;
  const stored: ParsedDocument<MarkdownSkeleton> = { ...parsed, skeleton };
  const write = (typed: string) => markdownFormat.write(stored, [{ key: '1', text: t(typed), status: 'edited' }]);

  it('keeps the MT’s order of tags (which pair is not known), and refuses one lost all the same', () => {
    expect(write('See {0}the manual{1} and {2}the guide{3} now.')).toBe(text.replace('the docs', 'the manual'));
    expect(refusal(() => write('See {2}the guide{3} and {0}the docs{1} now.')).detail).toBe(
      'its tags are not in the order of its MT; put them back in that order.',
    );
    expect(refusal(() => write('See {0}the docs{1} and the guide{3} now.')).detail).toBe(
      'it lost tag 3 ([) of its MT, which the file needs to stay as it was.',
    );
    expect(write('')).toBe('\n');
  });
});

describe('TMX: a correction keeps its target’s tags', () => {
  const BPT = '<bpt i="1">&lt;b&gt;</bpt>';
  const EPT = '<ept i="1">&lt;/b&gt;</ept>';
  const memory =
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" datatype="xml" segtype="sentence" adminlang="en" ' +
    'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n' +
    `<tu tuid="b"><tuv xml:lang="en"><seg>Click ${BPT}Save${EPT} now<ph x="2">&lt;br/&gt;</ph></seg></tuv>` +
    `<tuv xml:lang="de"><seg>Klicken Sie ${BPT}Speichern${EPT}<ph x="2">&lt;br/&gt;</ph></seg></tuv></tu>\n` +
    '</body></tmx>\n';
  const document = tmxFormat.parse(memory, 'a.tmx');
  // Klicken Sie {0}Speichern{1}{2}
  const write = (typed: string) => tmxFormat.write(document, [{ key: 'b', text: t(typed), status: 'edited' }]);

  it('refuses half a span lost as a UnitError, so the export names the sentence', () => {
    const error = refusal(() => write('Klicken Sie {0}Sichern{2}'));
    expect([error.unit, error.message]).toEqual(['b', `<tu> “b”: tag 1 (${BPT}) starts a span whose end, tag 2 (${EPT}), the text lacks.`]);
  });

  it('refuses a whole span or a placeholder lost: what it stood for would be gone without a word', () => {
    expect(refusal(() => write('Klicken Sie Sichern{2}')).message).toBe(
      `<tu> “b”: it lost tag 1 (${BPT}), tag 2 (${EPT}) of its MT, which the file needs to stay as it was.`,
    );
    expect(refusal(() => write('Klicken Sie {0}Sichern{1}')).detail).toBe('it lost tag 3 (<ph x="2">&lt;br/&gt;</ph>) of its MT, which the file needs to stay as it was.');
  });

  it('writes a correction that keeps them', () => {
    expect(write('Sie {0}sichern{1}{2}')).toContain(`<seg>Sie ${BPT}sichern${EPT}<ph x="2">&lt;br/&gt;</ph></seg>`);
  });
});
