import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UndoBar } from '../../../../renderer/features/fixes/UndoBar';

const said = (props: { skipped?: number; locked?: number; tooLong?: number }) =>
  renderToStaticMarkup(<UndoBar label="Replace all (3)" changed={3} skipped={0} {...props} onUndo={() => {}} onDismiss={() => {}} />)
    .match(/<span>(.*?)<\/span>/)![1]!
    .replace(/<!-- -->/g, '');

describe('the undo bar', () => {
  it('says the sentences a bulk change skipped as locked in the file, or too long to edit here, as they are', () => {
    expect(said({})).toBe('Replace all: changed 3 sentences.');
    expect(said({ locked: 1 })).toBe('Replace all: changed 3 sentences, skipped 1 locked in the file.');
    expect(said({ tooLong: 2 })).toBe('Replace all: changed 3 sentences, skipped 2 too long to edit here.');
    expect(said({ skipped: 1, locked: 1, tooLong: 1 })).toBe(
      'Replace all: changed 3 sentences, left 1 that changed meanwhile, skipped 1 locked in the file and 1 too long to edit here.',
    );
  });
});
