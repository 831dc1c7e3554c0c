import type { MenuEntry } from '../../components/MenuButton';

/** The commands whose group and name hold every word typed: those that can run now, and those that cannot. */
export function searchCommands(commands: readonly MenuEntry[], query: string): { found: MenuEntry[]; disabled: MenuEntry[] } {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = commands.filter((c) => words.every((w) => `${c.group ?? ''} ${c.label}`.toLowerCase().includes(w)));
  return { found: matching.filter((c) => !c.disabled), disabled: matching.filter((c) => c.disabled) };
}

/**
 * What the palette says when it has no command to run for what was typed: that none matches, or which ones do
 * but cannot run now and why ("Undo — nothing to undo now"), so the editor is not left looking at an empty list.
 */
export function noCommandLines(query: string, disabled: readonly MenuEntry[]): string[] {
  const typed = `“${query.trim()}”`;
  if (disabled.length === 0) return [`No command matches ${typed}.`];
  return [
    `No command that can run now matches ${typed}:`,
    ...disabled.map((c) => `${c.label} — ${c.whyDisabled ?? 'not available now'}`),
  ];
}
