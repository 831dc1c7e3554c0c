import { RedlineError } from '../../model/errors';

/**
 * Budgets for every XML file Redline parses (XLIFF, SDLXLIFF, TMX, the parts of a DOCX). They guard memory and
 * time against hostile files; entities are never expanded at all (saxes knows only the five predefined ones and a
 * DOCTYPE with declarations is refused), so what is left to bound is the tree itself:
 *  - depth: real files nest a few dozen levels; hostile ones nest 100,000 deep, which makes every recursive walk
 *    over the tree quadratic or overflows the stack;
 *  - elements: the tree costs memory per element (measured with bench/xmlBudget.ts: about 150–250 bytes for an
 *    empty or one-attribute element, about 450 for a Trados segment's elements with their text), so a file of
 *    millions of tiny elements would cost gigabytes. The budget is proportional to the file's size, since real
 *    markup is not made of empty elements: an SDLXLIFF has about 40 characters per element (Trados writes 15–20
 *    elements per segment), a memoQ or Okapi XLIFF, a TMX or a Word part more. A budget of one element per
 *    MIN_CHARS_PER_ELEMENT characters reads every such file and refuses what is mostly empty elements; no file
 *    gets fewer than MIN_XML_ELEMENTS (what every file had before the budget grew with size) nor more than
 *    MAX_XML_ELEMENTS (about 120,000 Trados segments, some 550 MB of tree), whatever its size.
 * The file sizes themselves are bounded where files are read (services/files.ts).
 */

/** The deepest element nesting read; deeper is refused before the tree grows further. */
export const MAX_XML_DEPTH = 256;
/** Characters of file per element, at least: real markup has more (an SDLXLIFF about 40), hostile files fewer. */
export const MIN_CHARS_PER_ELEMENT = 16;
/** The element budget of a small file. */
export const MIN_XML_ELEMENTS = 400_000;
/** The element budget of a large one: the most elements in any file. */
export const MAX_XML_ELEMENTS = 1_200_000;

/** The most elements a file of `chars` characters may have. */
export const elementBudget = (chars: number): number =>
  Math.min(MAX_XML_ELEMENTS, Math.max(MIN_XML_ELEMENTS, Math.floor(chars / MIN_CHARS_PER_ELEMENT)));

/** Counts elements and depth as the parser opens and closes them, refusing the first one over a budget. */
export class XmlBudget {
  private depth = 0;
  private elements = 0;

  constructor(
    private readonly name: string,
    private readonly maxDepth = MAX_XML_DEPTH,
    private readonly maxElements = MIN_XML_ELEMENTS,
  ) {}

  open(line: number, selfClosing: boolean): void {
    this.elements += 1;
    if (this.elements > this.maxElements) {
      const why =
        this.maxElements >= MAX_XML_ELEMENTS
          ? 'Redline does not open a file this large; split it into smaller files.'
          : `that is more than one per ${MIN_CHARS_PER_ELEMENT} characters, which real documents never have, so Redline does not open it.`;
      throw new RedlineError(
        'bad_input',
        `${this.name} has more than ${this.maxElements.toLocaleString('en')} XML elements (the limit, reached at line ${line}); ${why}`,
      );
    }
    if (!selfClosing) {
      this.depth += 1;
      if (this.depth > this.maxDepth) {
        throw new RedlineError(
          'bad_input',
          `${this.name} nests XML elements more than ${this.maxDepth} deep (the limit, reached at line ${line}); ` +
            'no real document does, so Redline does not open it.',
        );
      }
    }
  }

  close(): void {
    this.depth -= 1;
  }
}
