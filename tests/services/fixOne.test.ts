import { describe, expect, it } from 'vitest';
import { openTestServices } from '../electron/support';
import { thrown as errorOf } from '../support/thrown';

describe('applying one flag’s fix', () => {
  it('applies an empty fix: a sentence that is only “…” is emptied, as its preview shows', () => {
    const { services } = openTestServices();
    const doc = services.documents.importText({ fileName: 'dots.txt', text: 'The talks went on.\n\n…\n\nThey ended late.', hasBom: false });
    const dots = services.segments.page(doc.id, 0, 10).items.find((s) => s.currentText === '…')!;
    const flag = services.checks.segment(dots.id, dots.currentText).find((f) => f.check === 'orphaned-punctuation')!;
    expect(flag.fix).toBe('');
    services.checks.fixOne(dots.id, flag.check, flag.start, flag.end);
    expect(services.segments.get(dots.id).currentText).toBe('');
    // Asked again, the flag is gone: said as such.
    expect(errorOf(() => services.checks.fixOne(dots.id, flag.check, flag.start, flag.end)).message).toMatch(/no longer there/);
  });
});
