import { RedlineError } from '../../model/errors';

/**
 * Budgets for every XML file Redline parses (XLIFF, TMX, the parts of a DOCX). Real files nest a few dozen levels
 * and a translation file of 100,000 units holds about 300,000 elements; hostile ones nest 100,000 deep (which makes every
 * recursive walk over the tree quadratic or overflows the stack) or hold millions of empty elements. Entities are
 * never expanded at all: saxes knows only the five predefined ones and a DOCTYPE with declarations is refused.
 */

/** The deepest element nesting read; deeper is refused before the tree grows further. */
export const MAX_XML_DEPTH = 256;
/** The most elements in one file. */
export const MAX_XML_ELEMENTS = 400_000;

/** Counts elements and depth as the parser opens and closes them, refusing the first one over a budget. */
export class XmlBudget {
  private depth = 0;
  private elements = 0;

  constructor(
    private readonly name: string,
    private readonly maxDepth = MAX_XML_DEPTH,
    private readonly maxElements = MAX_XML_ELEMENTS,
  ) {}

  open(line: number, selfClosing: boolean): void {
    this.elements += 1;
    if (this.elements > this.maxElements) {
      throw new RedlineError(
        'bad_input',
        `${this.name} has more than ${this.maxElements.toLocaleString('en')} XML elements (the limit, reached at line ${line}); ` +
          'Redline does not open a file this large; split it into smaller files.',
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
