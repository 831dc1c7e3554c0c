import { describe, expect, it } from 'vitest';
import type { MenuEntry } from '../../../../renderer/components/MenuButton';
import { noCommandLines, searchCommands } from '../../../../renderer/features/document/commandSearch';

const run = () => undefined;
const COMMANDS: MenuEntry[] = [
  { group: 'Edit', label: 'Undo', run, disabled: true, whyDisabled: 'nothing to undo now' },
  { group: 'Edit', label: 'Redo: Edit sentence 2', run },
  { group: 'Edit', label: 'Find and replace…', run },
  { group: 'Review', label: 'Note on the sentence', run, disabled: true },
];

describe('searchCommands', () => {
  it('finds by every word typed, in the group or the name, any case', () => {
    expect(searchCommands(COMMANDS, 'edit FIND').found.map((c) => c.label)).toEqual(['Find and replace…']);
    expect(searchCommands(COMMANDS, '  ').found).toHaveLength(2);
  });

  it('keeps the commands that match but cannot run now apart from those that can', () => {
    const { found, disabled } = searchCommands(COMMANDS, 'undo');
    expect(found).toEqual([]);
    expect(disabled.map((c) => c.label)).toEqual(['Undo']);
  });
});

describe('noCommandLines', () => {
  it('says no command matches what was typed', () => {
    expect(noCommandLines(' translate ', [])).toEqual(['No command matches “translate”.']);
  });

  it('says which commands match but cannot run now, and why; “not available now” when no reason is given', () => {
    expect(noCommandLines('undo', searchCommands(COMMANDS, 'undo').disabled)).toEqual([
      'No command that can run now matches “undo”:',
      'Undo — nothing to undo now',
    ]);
    expect(noCommandLines('note', [COMMANDS[3]!])).toEqual(['No command that can run now matches “note”:', 'Note on the sentence — not available now']);
  });
});
