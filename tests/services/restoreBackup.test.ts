import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { openReadOnly } from '../../db/readOnlyConnection';
import { createServices } from '../../services';
import { RedlineError } from '../../core/model/errors';
import { makeTempDir, nativeBinding } from '../db/testDb';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
let now: number;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'redline.sqlite');
  now = 1_700_000_000_000;
});
afterEach(() => temp.cleanup());

const open = () => createServices(file, { nativeBinding: nativeBinding(), clock: () => now, ownsStore: true });
const text = (title: string) => ({ fileName: `${title}.txt`, title, text: `${title} one. ${title} two.`, hasBom: false });

describe('services.restoreBackup', () => {
  it('swaps the open store for the backup in place and keeps the replaced file beside it', async () => {
    const services = open();
    // Handlers take their sub-services once, as the IPC handlers do; they must see the restored store.
    const { documents } = services;
    documents.importText(text('Kept'));
    const backup = await services.backups.now();
    now += 1000;
    documents.importText(text('Added after'));
    expect(documents.list().map((d) => d.title).sort()).toEqual(['Added after', 'Kept']);

    const { restored, replaced } = await services.restoreBackup(basename(backup.path));

    expect(restored.documents).toBe(1);
    expect(documents.list().map((d) => d.title)).toEqual(['Kept']);
    expect(replaced).toBe(`${file}.replaced-${now}`);
    expect(existsSync(replaced!)).toBe(true);
    // The restored store takes writes, and the replaced one still holds the work done after the backup.
    documents.importText(text('After restore'));
    expect(documents.list()).toHaveLength(2);
    services.close();
    const old = createServices(replaced!, { nativeBinding: nativeBinding() });
    expect(old.documents.list().map((d) => d.title).sort()).toEqual(['Added after', 'Kept']);
    old.close();
  });

  it('refuses a name that is not one of the backups and leaves the store open as it was', async () => {
    const services = open();
    services.documents.importText(text('Kept'));
    await services.backups.now();
    let caught: unknown;
    try {
      await services.restoreBackup('redline-daily-0000000000001.sqlite');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RedlineError);
    expect((caught as RedlineError).code).toBe('not_found');
    expect(services.documents.list()).toHaveLength(1);
    expect(readdirSync(temp.dir).filter((name) => name.includes('.replaced-'))).toEqual([]);
    services.close();
  });

  it('refuses while another Redline has the store open, and leaves this one open as it was', async () => {
    const services = open();
    services.documents.importText(text('Kept'));
    const backup = await services.backups.now();
    services.documents.importText(text('Added after'));
    const otherRedline = openDatabase(file, { nativeBinding: nativeBinding() });

    await expect(services.restoreBackup(basename(backup.path))).rejects.toMatchObject({
      code: 'locked',
      message: expect.stringMatching(/^Another Redline is using this store .* Close it and try again; nothing was changed\.$/),
    });

    expect(services.documents.list()).toHaveLength(2);
    expect(readdirSync(temp.dir).filter((name) => /\.(replaced|restoring)-/.test(name))).toEqual([]);
    otherRedline.close();
    services.close();
  });

  it("waits for the app's own threads to close their connections before looking for another Redline", async () => {
    const services = open();
    services.documents.importText(text('Kept'));
    const backup = await services.backups.now();
    // An export thread kept between jobs holds a read-only connection; it ends a moment after being told.
    const exportThread = openReadOnly(file, { nativeBinding: nativeBinding() });
    exportThread.prepare('SELECT count(*) FROM documents').get();
    services.onStoreClosing(() => new Promise<void>((ended) => setImmediate(() => (exportThread.close(), ended()))));

    const { restored } = await services.restoreBackup(basename(backup.path));

    expect(restored.documents).toBe(1);
    expect(exportThread.open).toBe(false);
    services.close();
  });
});
