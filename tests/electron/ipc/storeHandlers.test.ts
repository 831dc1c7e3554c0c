import { describe, expect, it } from 'vitest';
import { storeHandlers } from '../../../electron/ipc/handlers/store';
import type { Services } from '../../../services';
import { scriptedDialogs } from '../support';

/** Just what the store handlers reach, recording the folder they were given. */
function fakeServices(calls: string[]): Services {
  return {
    health: () => ({ state: 'damaged', message: 'The Redline store is damaged.' }),
    exportReadable: (folder: string) => {
      calls.push(`export ${folder}`);
      return { exported: [{ title: 'A', sentences: 2, files: ['A.txt', 'A.bilingual.tsv'] }], skipped: [{ title: 'B', reason: 'malformed' }] };
    },
    startEmpty: () => ({ keptAs: '/data/redline.sqlite.damaged-1700000000000' }),
  } as unknown as Services;
}

describe('store handlers', () => {
  it('exports into the folder the native dialog chose, and nothing when it was cancelled', async () => {
    const calls: string[] = [];
    const dialogs = scriptedDialogs();
    const handlers = storeHandlers(fakeServices(calls), dialogs);
    dialogs.folderAnswers.push('/home/editor/rescued', null);
    expect(await handlers['store.exportReadable']({})).toEqual({
      folder: '/home/editor/rescued',
      exported: [{ title: 'A', sentences: 2, files: ['A.txt', 'A.bilingual.tsv'] }],
      skipped: [{ title: 'B', reason: 'malformed' }],
    });
    expect(await handlers['store.exportReadable']({})).toBeNull();
    expect(calls).toEqual(['export /home/editor/rescued']);
  });

  it('names the kept file by its name only, and passes the health through', async () => {
    const handlers = storeHandlers(fakeServices([]), scriptedDialogs());
    expect(await handlers['store.startEmpty']({})).toEqual({ keptAs: 'redline.sqlite.damaged-1700000000000' });
    expect(await handlers['store.health']({})).toEqual({ state: 'damaged', message: 'The Redline store is damaged.' });
  });
});
