import { describe, expect, it } from 'vitest';
import { doc, flagsOf, spans } from './support';

const check = (text: string) => flagsOf('joined-sentences', text);

describe('joined-sentences', () => {
  it.each([
    ['In a few hours footage appeared on the web … The law enforcement officers did not use weapons.', '“web … The”'],
    ['Looting continues throughout the city … Power in the city is lost, the police fled.', '“city … Power”'],
    ['Disorder that started on January 2, intensified … Throughout January 5, clashes took place.', '“intensified … Throughout”'],
    ['Prices were frozen for three months... This was reported by the government.', '“months... This”'],
  ])('flags two sentences run together at an ellipsis in %j', (text, words) => {
    const flags = check(text);
    expect(spans(text, flags)).toHaveLength(1);
    expect(flags[0]!.message).toBe(`Two sentences run together at ${words}`);
    expect(flags[0]!.fix).toBeUndefined();
  });

  it('flags a missing full stop before a word that starts sentences', () => {
    const text = 'Footage appeared on the web The officers did not use weapons.';
    const flags = check(text);
    expect(spans(text, flags)).toEqual(['web The']);
    expect(flags[0]!.message).toBe('Two sentences run together: no full stop between “web” and “The”');
  });

  it.each([
    'The looters act according to plan – this is an attempted coup … – wrote Marat Shibutov.',
    'Militants are squeezed out of the country …',
    'It’s time to call them who they are, – the expert wrote in Facebook…',
    'He waited … and waited.',
    '… It was clear that the militants remained.',
    'We met in The Hague last year.',
    'He reads The Economist every week.',
    'Footage appeared on the web … and then vanished.',
  ])('leaves %j alone', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('lets a name the document uses mid-sentence follow an ellipsis', () => {
    const sentences = doc(['The troops came from Russia.', 'They came from Belarus … Russia and Armenia.']);
    expect(flagsOf('joined-sentences', sentences, 1)).toEqual([]);
  });

  it('never flags a sentence for its length alone', () => {
    const short = 'The city was quiet in the morning.';
    const long = `${Array.from({ length: 60 }, (_, k) => `word${k}`).join(' ')}.`;
    expect(flagsOf('joined-sentences', doc([short, short, short, long, short]), 3)).toEqual([]);
    // A structural cue still counts, however long the sentence: a missing full stop between two clauses.
    const joined = `${long.slice(0, -1)} on the web The officers arrived later.`;
    expect(flagsOf('joined-sentences', doc([short, joined]), 1).map((f) => f.message)).toEqual(['Two sentences run together: no full stop between “web” and “The”']);
  });
});
