import { describe, expect, it } from 'vitest';
import { segmentMetrics } from '../../core/metrics';
import { RedlineError } from '../../core/model/errors';
import { openTestServices, SAMPLE } from '../electron/support';

describe('metrics of a stored document', () => {
  it('measures each MT sentence against its current text, with the effort stored with the edits', () => {
    const { services } = openTestServices();
    const doc = services.openSample(SAMPLE);
    const [first, second] = services.segments.page(doc.id, 0, 2).items;
    services.segments.update(first!.id, 'The situation in Kazakhstan remains tense.', { editMs: 12_000, keystrokes: 40 });
    services.segments.update(second!.id, second!.mtText.replace('arson', 'burning'), { editMs: 3_000, keystrokes: 9 });
    services.segments.update(second!.id, second!.mtText.replace('arson', 'burning down'), { editMs: 1_000, keystrokes: 5 });

    const metrics = services.metrics.document(doc.id);
    const expectedEdits =
      segmentMetrics(first!.mtText, 'The situation in Kazakhstan remains tense.').edits +
      segmentMetrics(second!.mtText, second!.mtText.replace('arson', 'burning down')).edits;
    expect(metrics).toMatchObject({
      segments: 91,
      untouched: 89,
      edits: expectedEdits,
      totalEditMs: 16_000,
      keystrokes: 54,
      medianEditMs: 8_000,
    });
    expect(services.segments.get(second!.id)).toMatchObject({ editMs: 4_000, keystrokes: 14, revisionCount: 3 });
  });

  it('passes the TER options through', () => {
    const { services } = openTestServices();
    const doc = services.openSample(SAMPLE);
    const segment = services.segments.page(doc.id, 0, 1).items[0]!;
    services.segments.update(segment.id, segment.mtText.toUpperCase());
    expect(services.metrics.document(doc.id, { caseSensitive: false }).edits).toBe(0);
    expect(services.metrics.document(doc.id).edits).toBeGreaterThan(0);
  });

  it('refuses an unknown document', () => {
    const { services } = openTestServices();
    expect(() => services.metrics.document(42)).toThrow(RedlineError);
  });
});
