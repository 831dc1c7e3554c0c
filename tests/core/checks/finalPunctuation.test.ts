import { describe, expect, it } from 'vitest';
import { flagsOf } from './support';

const sentence = (text: string, source: string) => [{ paragraph: 1, text, source }];
const stops = (text: string, source: string, from: string, to: string) =>
  flagsOf('source-mismatch', sentence(text, source), 0, { languages: { source: from, target: to } })
    .filter((f) => f.message.startsWith('A full stop'))
    .map((f) => [text.slice(f.start, f.end), f.confidence, f.fix]);

describe('a full stop the source does not have', () => {
  it('English from Chinese: a headline given a full stop is sure (no fix: the editor judges)', () => {
    expect(stops('Reception bottlenecked - China News Network.', '接待遇瓶颈——中新网', 'zh', 'en')).toEqual([
      ['.', 'sure', undefined],
    ]);
    expect(stops('The reception is bottlenecked.', '接待遇到瓶颈。', 'zh', 'en')).toEqual([]);
  });

  it('German, French and Russian from Japanese: the same; a source ending in a quote or a bracket is a sentence', () => {
    expect(stops('Wirtschaft wächst langsamer.', '経済成長が鈍化', 'ja', 'de')).toEqual([['.', 'sure', undefined]]);
    expect(stops('La croissance ralentit.', '経済成長が鈍化', 'ja', 'fr')).toEqual([['.', 'sure', undefined]]);
    expect(stops('Рост замедляется.', '経済成長が鈍化', 'ja', 'ru')).toEqual([['.', 'sure', undefined]]);
    expect(stops('Рост замедляется.', '「経済成長が鈍化」', 'ja', 'ru')).toEqual([]);
  });

  it('from a language whose sources often leave the last stop out, only possible; an ellipsis or an abbreviation is no added stop', () => {
    expect(stops('I do not know.', 'я не знаю', 'ru', 'en')).toEqual([['.', 'possible', undefined]]);
    expect(stops('Er wartete...', 'Он ждал', 'ru', 'de')).toEqual([]);
    expect(stops('Talks with the U.S.', '与美国会谈', 'zh', 'en')).toEqual([]);
  });
});
