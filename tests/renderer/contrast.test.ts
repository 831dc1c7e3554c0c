import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The palette's contrast, computed from the CSS variables themselves (renderer/styles.css), light and dark:
 * WCAG 2 AA asks 4.5:1 for text and 3:1 for large text and the parts of controls and marks (focus ring,
 * underlines, icons). axe checks what a page shows; this checks every pair the palette can put together,
 * including those no test page happens to show (a rejected status, a critical MQM mark, the current match).
 */
const css = readFileSync(fileURLToPath(new URL('../../renderer/styles.css', import.meta.url)), 'utf8');
const report = readFileSync(fileURLToPath(new URL('../../core/report/htmlReport.ts', import.meta.url)), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = variables(/:root\s*\{([^}]*)\}/.exec(css)![1]!);
const dark = { ...light, ...variables(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)![1]!) };

/** WCAG 2 relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT = 4.5;
const UI = 3;

/** [foreground, background, minimum, what it is]. Variables by name. */
const PAIRS: ReadonlyArray<[string, string, number, string]> = [
  ['text', 'bg', TEXT, 'body text'],
  ['text', 'panel', TEXT, 'text on panels, rows and fields'],
  ['muted', 'bg', TEXT, 'secondary text (source column, counts)'],
  ['muted', 'panel', TEXT, 'secondary text on panels'],
  ['accent-text', 'accent', TEXT, 'the primary button'],
  ['accent', 'panel', TEXT, 'rejected status, critical flags'],
  ['accent', 'bg', TEXT, 'rejected status on the page'],
  ['del-text', 'del-bg', TEXT, 'deleted text in a diff'],
  ['text', 'ins-bg', TEXT, 'inserted text in a diff'],
  ['ins-line', 'ins-bg', UI, 'the underline of an insertion'],
  ['ins-line', 'panel', UI, 'a changed space marked in the editor'],
  ['row-edited', 'panel', TEXT, 'the edited status'],
  ['status-done', 'panel', TEXT, 'confirmed and approved statuses, a passing MQM score'],
  ['status-done', 'bg', TEXT, 'confirmed and approved on the page'],
  ['flag', 'panel', TEXT, 'the flag mark and flag texts'],
  ['flag', 'bg', TEXT, 'the flag mark on the page'],
  ['flag-major', 'panel', TEXT, 'a major flag’s severity'],
  ['text', 'warn-bg', TEXT, 'warnings and the invalid-regex message'],
  ['focus', 'panel', UI, 'the focus ring'],
  ['focus', 'bg', UI, 'the focus ring on the page'],
  ['text', 'find-bg', TEXT, 'a find match'],
  ['text', 'find-current-bg', TEXT, 'the current find match'],
  ['text', 'mqm-bg', TEXT, 'words under a major or critical MQM mark'],
  ['mqm-line', 'panel', UI, 'the underline of an MQM mark'],
  ['mqm-line', 'mqm-bg', UI, 'the underline of an MQM mark over its background'],
  ['mqm-critical', 'mqm-bg', UI, 'the underline of a critical MQM mark'],
];

describe('the palette’s contrast (WCAG AA), light and dark', () => {
  for (const [scheme, palette] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`${scheme}: every text pair at least 4.5:1, every mark and control part at least 3:1`, () => {
      const failures: string[] = [];
      for (const [fg, bg, minimum, what] of PAIRS) {
        const a = palette[fg];
        const b = palette[bg];
        if (!a || !b) {
          failures.push(`${what}: --${fg} or --${bg} is not a #rrggbb variable`);
          continue;
        }
        const ratio = contrast(a, b);
        if (ratio < minimum) failures.push(`${what}: --${fg} ${a} on --${bg} ${b} is ${ratio.toFixed(2)}:1, under ${minimum}:1`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('computes the WCAG ratio (control: black on white 21:1, a colour on itself 1:1, the classic #767676 on white just over 4.5:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#0b57d0', '#0b57d0')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('the stylesheet has no colour outside its palette (a new colour is a variable, and so checked here)', () => {
    const outside = css
      .split('\n')
      .filter((line) => /#[0-9a-fA-F]{3,6}\b/.test(line) && !/^\s*--[\w-]+:\s*#/.test(line));
    expect(outside).toEqual([]);
  });

  it('the report draws diffs in the app’s light palette, at the same contrast', () => {
    const del = /^del \{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6});/m.exec(report)!;
    const ins = /^ins \{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6});.*text-decoration-color: (#[0-9a-f]{6});/m.exec(report)!;
    expect([del[1], del[2]]).toEqual([light['del-bg'], light['del-text']]);
    expect([ins[1], ins[2], ins[3]]).toEqual([light['ins-bg'], light.text, light['ins-line']]);
    expect(contrast(del[2]!, del[1]!)).toBeGreaterThanOrEqual(TEXT);
    expect(contrast(ins[2]!, ins[1]!)).toBeGreaterThanOrEqual(TEXT);
  });
});
