import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import config from '../../forge.config';

describe('the packaged app’s fuses', () => {
  const plugin = config.plugins?.find((p): p is FusesPlugin => p instanceof FusesPlugin);
  const fuses = (plugin as unknown as { fusesConfig: Record<number, boolean> } | undefined)?.fusesConfig ?? {};

  it('turns off every privilege Redline never uses, file:// extras included', () => {
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
  });
});
