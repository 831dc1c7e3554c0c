import { describe, expect, it } from 'vitest';
import { checkSettingsPathFor, checkSettingsToJson, parseCheckSettings } from '../../../core/formats/checkSettingsFile';

describe('check settings beside a glossary', () => {
  it('sits beside the CSV, named after it', () => {
    expect(checkSettingsPathFor('/home/editor/terms.csv')).toBe('/home/editor/terms.check-settings.json');
    expect(checkSettingsPathFor('/home/editor/terms')).toBe('/home/editor/terms.check-settings.json');
    expect(checkSettingsPathFor('C:\\team.v2\\terms.tsv')).toBe('C:\\team.v2\\terms.check-settings.json');
  });

  it('round-trips settings and words', () => {
    const file = { settings: { spelling: { enabled: false }, conventions: { enabled: true, severity: 'major' as const } }, words: ['zorb', 'almaty'] };
    expect(parseCheckSettings(checkSettingsToJson(file), 'x.json')).toEqual({ ...file, words: ['almaty', 'zorb'] });
  });

  it('refuses what is not one, naming the file and the field', () => {
    expect(() => parseCheckSettings('{', 'a.json')).toThrow('a.json is not a Redline check-settings file (it is not JSON).');
    expect(() => parseCheckSettings(JSON.stringify({ format: 'other', version: 1, settings: {}, words: [] }), 'b.json')).toThrow(/b\.json .*format/);
    expect(() => parseCheckSettings(JSON.stringify({ format: 'redline-check-settings', version: 1, settings: {}, words: ['two words'] }), 'c.json')).toThrow(/c\.json .*words\.0/);
  });
});
