import { describe, expect, it } from 'vitest';
import { pickMostRussian, russianLogLikelihood } from '../../../core/encoding/russianText';

describe('the Russian model', () => {
  it('prefers the reading with Russian letter frequencies and case', () => {
    expect(russianLogLikelihood('Привет')).toBeGreaterThan(russianLogLikelihood('пРИВЕТ'));
    expect(russianLogLikelihood('о е а')).toBeGreaterThan(russianLogLikelihood('ъ ф щ'));
    expect(russianLogLikelihood('«да»')).toBeGreaterThan(russianLogLikelihood('╚да╩'));
  });


  it('picks the reading that looks Russian, earlier readings winning ties', () => {
    const readings = [
      { encoding: 'windows-1251', text: 'оПЮБХРЕКЭЯРБН СЬКН' },
      { encoding: 'koi8-r', text: 'Правительство ушло' },
    ];
    expect(pickMostRussian(readings).encoding).toBe('koi8-r');
    expect(pickMostRussian([{ encoding: 'a', text: 'да' }, { encoding: 'b', text: 'да' }])).toEqual({ encoding: 'a', confidence: 0.5 });
    expect(pickMostRussian([{ encoding: 'only', text: '?' }])).toEqual({ encoding: 'only', confidence: 0.99 });
  });
});
