import { resolve } from 'node:path';
import { listBackups, restoreBackup, type BackupInfo } from '../../db/backups';
import { RedlineError } from '../../core/model/errors';
import type { AsyncCommand, Command } from '../args';
import { nodeNativeBinding } from '../nativeBinding';
import { storePath, withServicesAsync } from '../store';

const when = (at: number): string => new Date(at).toISOString().slice(0, 16).replace('T', ' ');
const documents = (b: BackupInfo): string => (b.documents === null ? 'unreadable' : `${b.documents} document${b.documents === 1 ? '' : 's'}`);

/** `backup`: a verified copy of the store now, next to it, with SQLite's online backup API. */
export const backupCommand: AsyncCommand = {
  options: ['json'],
  async run(_args, options, io) {
    const made = await withServicesAsync(io.env, (services) => services.backups.now());
    io.out(options.json ? JSON.stringify(made) : `Backed up ${documents(made)} to ${made.path}`);
    return 0;
  },
};

/** `restore`: lists the backups; `restore N` (or a file) puts one in place of the store, keeping the old one aside. */
export const restoreCommand: Command = {
  options: ['json'],
  run(args, options, io) {
    const store = storePath(io.env);
    const binding = { nativeBinding: nodeNativeBinding() };
    const backups = listBackups(store, binding);
    const [which] = args;
    if (which === undefined) {
      if (options.json) io.out(JSON.stringify(backups));
      else if (backups.length === 0) io.out(`There are no backups of ${store} yet (redline backup makes one).`);
      else {
        backups.forEach((b, k) => io.out(`${k + 1}\t${when(b.createdAt)} UTC\t${b.kind}\t${documents(b)}\t${b.path}`));
        io.out('Restore one with: redline restore N (close Redline first).');
      }
      return 0;
    }
    const chosen = /^\d+$/.test(which) ? backups[Number(which) - 1]?.path : resolve(which);
    if (!chosen) throw new RedlineError('not_found', `There is no backup number ${which}; run redline restore to list them.`);
    const { replaced } = restoreBackup(store, chosen, Date.now(), binding);
    io.out(`Restored ${chosen} as ${store}.${replaced ? ` The store it replaced is kept as ${replaced}.` : ''}`);
    return 0;
  },
};
