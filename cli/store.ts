import { homedir } from 'node:os';
import { join } from 'node:path';
import { nodeNativeBinding } from './nativeBinding';
import { prepareStore, UpgradeNotPrepared, type StorePreparation } from '../db/preMigrationBackup';
import { createServices, type Services } from '../services';
import { DATABASE_FILE_NAME, electronUserDataDir, resolveDataDir } from '../services/dataDir';
import type { AsyncCommand } from './args';
import type { CliIo } from './io';

/** The store file the app uses (or REDLINE_DATA_DIR's). */
export function storePath(env: CliIo['env']): string {
  const dataDir = resolveDataDir(env, () => electronUserDataDir(process.platform, env, homedir()));
  return join(dataDir, DATABASE_FILE_NAME);
}

/** The pre-migration copies this process made, by store file: the next synchronous open migrates under them. */
const preparations = new Map<string, StorePreparation>();

/**
 * The CLI's preparation step (db/preMigrationBackup.ts): when opening the store would migrate work in it, a copy
 * with SQLite's online backup API first, verified. Throws, the store untouched, when the copy cannot be written.
 */
export async function prepareCliStore(env: CliIo['env']): Promise<StorePreparation> {
  const path = storePath(env);
  const preparation = await prepareStore(path, { nativeBinding: nodeNativeBinding() });
  preparations.set(path, preparation);
  return preparation;
}

function openServices(env: CliIo['env']): Services {
  const path = storePath(env);
  return createServices(path, { nativeBinding: nodeNativeBinding(), preparation: preparations.get(path) });
}

/** Runs `work` over the store the app uses (or REDLINE_DATA_DIR's), closing it afterwards. */
export function withServices<T>(env: CliIo['env'], work: (services: Services) => T): T {
  const services = openServices(env);
  try {
    return work(services);
  } finally {
    services.close();
  }
}

/** withServices for work that waits (the online backup API). */
export async function withServicesAsync<T>(env: CliIo['env'], work: (services: Services) => Promise<T>): Promise<T> {
  const services = openServices(env);
  try {
    return await work(services);
  } finally {
    services.close();
  }
}

/**
 * `command` as the redline process runs it: a command's synchronous open that meets a store needing an upgrade
 * with no copy made refuses before the command has written or printed anything (UpgradeNotPrepared); the
 * preparation then makes the copy and the command runs again, its open migrating under that copy. So only a
 * command that opens the store, and only an upgrade, costs a copy — `diff` or `check FILE` never do.
 */
export function preparingOnDemand(command: AsyncCommand): AsyncCommand {
  return {
    options: command.options,
    async run(args, options, io) {
      try {
        return await command.run(args, options, io);
      } catch (error) {
        if (!(error instanceof UpgradeNotPrepared)) throw error;
      }
      await prepareCliStore(io.env);
      return command.run(args, options, io);
    },
  };
}
