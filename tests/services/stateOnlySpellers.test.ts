import { describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import type { Speller } from '../../core/checks/types';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { documentOptions, optionsDigest } from '../../services/checkOptions';
import { documentService } from '../../services/documentService';
import { spellers, stateOnlySpellers, type SpellerBuild } from '../../services/spelling';
import { FIXED_TIME } from '../electron/support';

/** Stands for a built dictionary: what the digest sees of it is only that it is there. */
const BUILT: Speller = { correct: () => true, suggest: () => [] };

describe('spellers for a reader of stored flags (the report in the export thread)', () => {
  it('give every document the options digest real dictionaries give, without building one', () => {
    const clock = () => FIXED_TIME;
    const store = createStore(openDatabase(':memory:', { clock, nativeBinding: nodeNativeBinding() }));
    const docs = documentService(store, clock);
    const built: string[] = [];
    const real = spellers({
      // eslint-disable-next-line require-yield -- built at once
      build: function* (language): SpellerBuild {
        built.push(language);
        return BUILT;
      },
      has: (language) => ['en', 'de', 'fr', 'ru', 'es'].includes(language),
    });
    const ids = (
      [
        ['The police received the reports.', { source: 'ru', target: 'en-GB' }],
        ['Die Polizei erhielt die Berichte am Montag.', { source: 'en', target: 'de' }], // and English words left in it
        ['警方周一收到了报告。', { source: 'en', target: 'zh' }],
      ] as const
    ).map(([text, languages], i) => {
      const { id } = docs.importText({ fileName: `${i}.txt`, text, hasBom: false });
      store.checkSettings.setLanguages(id, languages);
      return id;
    });
    const readerOptions = documentOptions(store, { spellers: stateOnlySpellers() });
    const readerDigests = ids.map((id) => optionsDigest(readerOptions.of(id)));
    expect(built).toEqual([]);
    const appOptions = documentOptions(store, { spellers: real });
    expect(ids.map((id) => optionsDigest(appOptions.of(id)))).toEqual(readerDigests);
    expect(built.sort()).toEqual(['de', 'en']);
  });

  it('refuse to check a word, so no flag is ever computed without a dictionary', () => {
    const speller = stateOnlySpellers().now('en-GB')!;
    expect(() => speller.correct('colour')).toThrow(/checks no words/);
    expect(stateOnlySpellers().now('zh')).toBeUndefined();
  });
});
