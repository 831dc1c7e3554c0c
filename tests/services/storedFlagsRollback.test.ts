import { describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { checkDocument, shownByDefault } from '../../core/checks';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { documentOptions } from '../../services/checkOptions';
import { documentService } from '../../services/documentService';
import { segmentService } from '../../services/segmentService';
import { storedFlags } from '../../services/storedFlags';
import { FIXED_TIME } from '../electron/support';

describe('stored flags after a rolled-back write', () => {
  it('do not follow the write the transaction undid, though the next write reuses its revision id', () => {
    let now = FIXED_TIME;
    const clock = () => (now += 1000);
    const store = createStore(openDatabase(':memory:', { clock, nativeBinding: nodeNativeBinding() }));
    try {
      const options = documentOptions(store);
      const flags = storedFlags(store, options.of);
      const segments = segmentService(store, clock, flags.afterWrite);
      const { id } = documentService(store, clock).importText({ fileName: 'a.txt', text: 'Tokayev met them. He left early.\n\nAll was calm.', hasBom: false });
      flags.ensure(id);
      const [a, b] = store.segments.texts(id);
      expect(() =>
        store.transaction(() => {
          segments.update(a!.id, 'Tokayev met them them.');
          throw new Error('the write fails after the flags followed it');
        }),
      ).toThrow(/fails/);
      segments.update(b!.id, 'He left left early.');
      const rows = store.segments.texts(id);
      const opts = options.of(id);
      const expected = checkDocument(rows.map((r) => ({ paragraph: r.paragraph, text: r.text, source: r.source })), opts);
      rows.forEach((row, i) => {
        expect(store.flags.ofSegment(row.id)).toEqual(expected[i]!.filter((f) => shownByDefault(f, opts)));
      });
      expect(store.flags.ofSegment(b!.id)!.map((f) => f.check)).toContain('repeated-words');
      expect(store.flags.ofSegment(a!.id)!.map((f) => f.check)).not.toContain('repeated-words');
    } finally {
      store.close();
    }
  });
});
