import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import { openAppStore } from '../../electron/storeOpening';
import { createServices, type ServiceOptions, type Services } from '../../services';
import { makeTempDir, nativeBinding } from '../db/testDb';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('openAppStore', () => {
  it('opens the store recoverable and owned (a damaged one reaches the window instead of a box), building dictionaries between requests', async () => {
    const seen: ServiceOptions[] = [];
    const boxes: string[] = [];
    const services = await openAppStore(join(temp.dir, 'redline.sqlite'), {
      createServices: (path, options) => {
        seen.push(options);
        return createServices(path, options);
      },
      showErrorBox: (title) => boxes.push(title),
      nativeBinding: nativeBinding(),
    });
    // Prepared first (a new store: no copy needed), then opened with that preparation.
    expect(seen).toEqual([
      { ownsStore: true, recoverable: true, spelling: 'between-requests', nativeBinding: nativeBinding(), preparation: { copiedBefore: null, copy: null, damage: null } },
    ]);
    expect(services?.health()).toEqual({ state: 'sound', checking: false });
    expect(boxes).toEqual([]);
    services?.close();
  });

  it('says what the window cannot help with in a native box and answers null (main quits)', async () => {
    const boxes: Array<[string, string]> = [];
    const services = await openAppStore('/nowhere/redline.sqlite', {
      createServices: (): Services => {
        throw new RedlineError('newer_store', 'The store was written by a newer Redline; update Redline to open it.');
      },
      showErrorBox: (title, message) => boxes.push([title, message]),
    });
    expect(services).toBeNull();
    expect(boxes).toEqual([['Redline cannot open its store', 'The store was written by a newer Redline; update Redline to open it.']]);
  });
});
