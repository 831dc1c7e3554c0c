import { describe, expect, it } from 'vitest';
import { emphasisQuotes } from '../../../core/checks/emphasisQuotes';
import { flagsOf, spans } from './support';

/** One sentence with its source, in a document whose languages are given. */
const sentence = (text: string, source: string | null) => [{ paragraph: 1, text, source }];
const options = (source: string, target: string) => ({ languages: { source, target } });
const emphasis = (text: string, source: string | null, from = 'zh', to = 'en') =>
  spans(text, flagsOf('conventions', sentence(text, source), 0, options(from, to)).filter((f) => f.message.startsWith('Quotation marks around')));

describe('emphasis quotes carried over from the source', () => {
  it('English: a term in quotes from a Chinese source is flagged as a whole, both marks included', () => {
    const text = 'The US escalates its "chip war" against China.';
    expect(emphasis(text, '美国升级对华“芯片战”。')).toEqual(['"chip war"']);
    expect(emphasis('They built a “technology alliance” with Japan.', '他们与日本建立“技术联盟”。')).toEqual(['“technology alliance”']);
  });

  it('English: speech is left alone — after a verb of saying or a colon, a question, speech put first', () => {
    expect(emphasis('A voice was heard shouting "Death to the regime".', '有人高喊“政权去死”。')).toEqual([]);
    expect(emphasis('She said: "The well is polished."', '她说：“井很光滑。”')).toEqual([]);
    expect(emphasis('"What day is it?"', '“今天是什么日子？”')).toEqual([]);
    expect(emphasis('"We will win," he said.', '“我们会赢，”他说。')).toEqual([]);
  });

  it('only from a source language that quotes for emphasis, and only when the source quotes too', () => {
    const text = 'The US escalates its "chip war" against China.';
    expect(emphasis(text, 'США усиливают «чиповую войну».', 'ru', 'en')).toEqual([]);
    expect(emphasis(text, '美国升级对华芯片战。')).toEqual([]);
    // No source sentence (the segment did not pair up): the document's source language decides.
    expect(emphasis(text, null)).toEqual(['"chip war"']);
  });

  it('German, French and Russian targets: their own quotation marks around a term are flagged, speech is not', () => {
    expect(emphasis('Die USA verschärfen den „Chipkrieg“ gegen China.', '美国升级对华“芯片战”。', 'zh', 'de')).toEqual(['„Chipkrieg“']);
    expect(emphasis('Er sagte: „Wir kommen morgen.“', '他说：“我们明天来。”', 'zh', 'de')).toEqual([]);
    expect(emphasis('Les États-Unis intensifient la « guerre des puces ».', '美国升级“芯片战”。', 'zh', 'fr')).toEqual(['« guerre des puces »']);
    expect(emphasis('Il a dit « nous viendrons demain ».', '他说“我们明天来”。', 'zh', 'fr')).toEqual([]);
    expect(emphasis('США усиливают «чиповую войну» против Китая.', '美国升级对华“芯片战”。', 'zh', 'ru')).toEqual(['«чиповую войну»']);
    expect(emphasis('Он сказал «мы придём завтра».', '他说“我们明天来”。', 'zh', 'ru')).toEqual([]);
  });

  it('an apostrophe is not a closing single quote, and a long quoted stretch is not a term', () => {
    const text = 'the ‘don’t look’ campaign';
    expect(emphasisQuotes(text)).toEqual([[4, text.indexOf(' campaign')]]);
    expect(emphasisQuotes('He read "one two three four five six seven eight nine ten eleven" aloud')).toEqual([]);
    expect(emphasisQuotes('don"t')).toEqual([]);
  });
});
