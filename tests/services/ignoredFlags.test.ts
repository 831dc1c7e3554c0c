import { describe, expect, it } from 'vitest';
import { openTestServices } from '../electron/support';

describe('ignoring one flag', () => {
  const setup = () => {
    const { services } = openTestServices();
    const doc = services.documents.importText({ fileName: 's.txt', text: 'Hello , world and the town .\n\nFine here.\n', hasBom: false });
    const [first] = services.segments.page(doc.id, 0, 10).items;
    return { services, doc, first: first! };
  };
  const spans = (text: string, flags: ReadonlyArray<{ check: string; start: number; end: number }>) =>
    flags.filter((f) => f.check === 'spacing').map((f) => text.slice(f.start, f.end));

  it('dismisses the flag on those words only: the kind’s other flags stay, in the store, the live checks and fix all', () => {
    const { services, doc, first } = setup();
    const text = first.currentText;
    services.checks.document(doc.id); // its first whole check, as opening it runs
    expect(spans(text, services.checks.segment(first.id, text))).toEqual([' ,', ' .']);
    services.checks.ignore(first.id, 'spacing', ' ,', true);

    expect(spans(text, services.checks.segment(first.id, text))).toEqual([' .']);
    const [stored] = services.checks.storedInRange(doc.id, 1, 1);
    expect(spans(text, stored!.flags)).toEqual([' .']);
    expect(services.checks.storedSummary(doc.id).counts.spacing).toBe(1);
    // Fix all leaves the ignored one as it is.
    expect(services.checks.previewAll(doc.id, 'spacing').map((p) => p.after)).toEqual(['Hello , world and the town.']);

    // An edit elsewhere keeps it ignored; the same words elsewhere in the sentence are the same flag.
    const edited = 'Hello , world and the city , the town .';
    services.segments.update(first.id, edited);
    expect(spans(edited, services.checks.segment(first.id, edited))).toEqual([' .']);

    services.checks.ignore(first.id, 'spacing', ' ,', false);
    expect(spans(edited, services.checks.segment(first.id, edited))).toEqual([' ,', ' ,', ' .']);
    expect(services.checks.storedSummary(doc.id).counts.spacing).toBe(3);
  });

  it('shows every ignored flag of a sentence again, whole kinds from earlier releases too, in the store and the live checks', () => {
    const { services, doc, first } = setup();
    const text = first.currentText;
    services.checks.document(doc.id);
    services.checks.ignore(first.id, 'spacing', ' ,', true);
    services.checks.ignore(first.id, 'spacing', ' .', true);
    expect(services.checks.segment(first.id, text)).toEqual([]);
    expect(services.checks.ignoredCount(first.id)).toBe(2);
    // Counted as the flags they hide: the sentence's ' ,' twins count twice.
    services.segments.update(first.id, 'Hello , world and the city , the town .');
    expect(services.checks.ignoredCount(first.id)).toBe(3);
    services.segments.update(first.id, text);
    expect(services.checks.storedSummary(doc.id).counts.spacing).toBeUndefined();

    expect(services.checks.showIgnored(first.id)).toBe(2);
    expect(services.checks.ignoredCount(first.id)).toBe(0);
    expect(spans(text, services.checks.segment(first.id, text))).toEqual([' ,', ' .']);
    expect(services.checks.storedSummary(doc.id).counts.spacing).toBe(2);
    expect(services.checks.showIgnored(first.id)).toBe(0);
    expect(() => services.checks.showIgnored(9_999)).toThrow(/no segment/);
  });
});
