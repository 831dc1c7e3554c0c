import { z } from 'zod';
import { CHECK_IDS, SEVERITIES, type CheckId, type CheckSetting } from '../checks/types';
import { RedlineError } from '../model/errors';

/**
 * The check settings that travel with an exported glossary: each check kind's global setting (on/off, severity,
 * showing its possible flags) and the user's dictionary words, in a JSON file beside the glossary's CSV
 * (`terms.csv` → `terms.check-settings.json`), so a team shares its terms and how its checks are set together.
 */

const FORMAT = 'redline-check-settings';

/** One check kind's setting, as the file and the window's settings (the IPC contract) write it. */
export const checkSettingSchema = z.strictObject({
  enabled: z.boolean(),
  severity: z.enum(SEVERITIES).optional(),
  showPossible: z.boolean().optional(),
});

const fileSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(1),
  settings: z.partialRecord(z.enum(CHECK_IDS), checkSettingSchema),
  words: z.array(z.string().trim().min(1).max(100).regex(/^\S+$/u)).max(100_000),
});

export interface CheckSettingsFile {
  settings: Partial<Record<CheckId, CheckSetting>>;
  words: string[];
}

/** Where the settings go beside a glossary file: its name with `.check-settings.json` for its extension. */
export const checkSettingsPathFor = (glossaryPath: string): string => glossaryPath.replace(/(\.[^./\\]*)?$/u, '.check-settings.json');

export function checkSettingsToJson({ settings, words }: CheckSettingsFile): string {
  return `${JSON.stringify({ format: FORMAT, version: 1, settings, words: [...words].sort() }, null, 2)}\n`;
}

/** Reads a settings file; a file that is not one (or names a check this Redline does not have) is refused in words. */
export function parseCheckSettings(text: string, name: string): CheckSettingsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RedlineError('bad_input', `${name} is not a Redline check-settings file (it is not JSON).`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RedlineError('bad_input', `${name} is not a Redline check-settings file: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'unexpected content'}.`);
  }
  return { settings: parsed.data.settings as Partial<Record<CheckId, CheckSetting>>, words: parsed.data.words };
}
