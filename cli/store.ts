import { homedir } from 'node:os';
import { join } from 'node:path';
import { nodeNativeBinding } from './nativeBinding';
import { createServices, type Services } from '../services';
import { DATABASE_FILE_NAME, electronUserDataDir, resolveDataDir } from '../services/dataDir';
import type { CliIo } from './io';

/** The store file the app uses (or REDLINE_DATA_DIR's). */
export function storePath(env: CliIo['env']): string {
  const dataDir = resolveDataDir(env, () => electronUserDataDir(process.platform, env, homedir()));
  return join(dataDir, DATABASE_FILE_NAME);
}

function openServices(env: CliIo['env']): Services {
  return createServices(storePath(env), { nativeBinding: nodeNativeBinding() });
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
