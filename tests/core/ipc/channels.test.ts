import { describe, expect, it } from 'vitest';
import { CHANNELS, isChannel } from '../../../core/ipc';

describe('isChannel', () => {
  it('accepts every channel', () => {
    expect(CHANNELS.filter((channel) => !isChannel(channel))).toEqual([]);
  });

  it.each([
    'documents',
    'documents.List',
    ' documents.list',
    'documents.list ',
    'toString',
    '__proto__',
    'constructor',
    '',
    null,
    undefined,
    42,
    ['documents.list'],
    { toString: () => 'documents.list' },
  ])('refuses %j', (value) => {
    expect(isChannel(value)).toBe(false);
  });
});
