import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSentence, fixSentence, type CheckedSentence } from '../../../core/checks';
import { restoreTags, tagProblems } from '../../../core/checks/tags';
import { flagsOf, spans } from './support';

/** `{n}` stands for tag character n, as the editor sees chip n + 1. */
const t = (text: string): string => text.replace(/\{(\d+)\}/g, (_, n: string) => String.fromCharCode(0xe000 + Number(n)));
const shown = (text: string): string => text.replace(/[\uE000-\uEFFF]/g, (ch) => `{${ch.charCodeAt(0) - 0xe000}}`);

/** One sentence whose MT is `mt`, corrected to `text`. */
const sentence = (text: string, mt: string, source: string | null = null): CheckedSentence[] => [
  { paragraph: 1, text: t(text), source: source === null ? null : t(source), taggedMt: /\{\d+\}/.test(mt) ? t(mt) : null },
];
const check = (text: string, mt: string, source: string | null = null) => flagsOf('tags', sentence(text, mt, source));
const fixed = (text: string, mt: string) => {
  const result = fixSentence(sentence(text, mt), 0, 'tags');
  return result === null ? null : shown(result);
};

describe('tags', () => {
  it('flags tags of the MT the correction lost, and puts them back between the unchanged words around them', () => {
    const flags = check('Deuxième phrase en gras.', 'Deuxième phrase {0}en gras{1}.');
    expect(flags.map((f) => [f.message, f.severity, f.confidence, f.start, f.end])).toEqual([
      [
        'Tags 1 and 2 of the MT are missing: the formatting or markup they stand for is lost, and Word, XLIFF, TMX and Markdown files are not exported without them',
        'major',
        'sure',
        0,
        24,
      ],
    ]);
    expect(fixed('Deuxième phrase en gras.', 'Deuxième phrase {0}en gras{1}.')).toBe('Deuxième phrase {0}en gras{1}.');
  });

  it('puts a lost opening tag back at the start and a lost closing one at the end when the MT had them there', () => {
    expect(fixed('Fett war das Wort.', '{0}Bold was the word.{1}')).toBe('{0}Fett war das Wort.{1}');
    expect(fixed('{0}Fett war das Wort.', '{0}Bold was the word.{1}')).toBe('{0}Fett war das Wort.{1}');
  });

  it('offers no fix where the words around a lost tag changed or occur twice', () => {
    const flags = check('Bold gone now.', '{0}Bold part{1} ends here.');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.fix).toBeUndefined();
    expect(fixed('the cat and the cat', 'the {0}cat and the cat')).toBeNull();
  });

  it('offers no fix for an MT of hundreds of tags', () => {
    const many = Array.from({ length: 150 }, (_, k) => `w${String(k).padStart(3, '0')} {${2 * k}}x{${2 * k + 1}}`).join(' ');
    const mt = t(many);
    expect(restoreTags(mt.replace(/[\uE000-\uEFFF]/g, ''), mt, tagProblems(mt.replace(/[\uE000-\uEFFF]/g, ''), mt, null).missing)).toBeNull();
  });

  it('offers no fix that would put tags in another order than the MT', () => {
    // Tag 1 would go after "b" (its place in the MT), behind tag 2 the editor moved to the start.
    expect(restoreTags(t('{1}a b c'), t('a b{0} c{1}'), [t('{0}')])).toBeNull();
  });

  it('flags a tag written twice; a doubled one in place is removed, elsewhere the editor chooses', () => {
    const text = t('Ein {0}Wort{1} und {0}noch eins.');
    const flags = check('Ein {0}Wort{1} und {0}noch eins.', 'A {0}word{1} and another.');
    expect(spans(text, flags)).toEqual([t('{0}')]);
    expect(flags[0]!.start).toBe(text.lastIndexOf(t('{0}')));
    expect(flags[0]!.message).toBe('Tag 1 is here twice: it stands for one piece of formatting or markup, so keep one');
    expect(flags[0]!.fix).toBeUndefined();
    expect(fixed('Ein {0}{0}Wort{1}.', 'A {0}word{1}.')).toBe('Ein {0}Wort{1}.');
  });

  it('flags and removes a tag neither the MT nor the source has; a tag of the source may be brought in', () => {
    expect(check('Texte {3}ici.', 'Text here.').map((f) => f.message)).toEqual([
      'Tag 4 is not one of this sentence’s (its MT has no such tag): it cannot be exported',
    ]);
    expect(fixed('Texte {3}ici.', 'Text here.')).toBe('Texte ici.');
    expect(check('Texte {0}ici{1}.', '', 'Text {0}here{1}.')).toEqual([]);
  });

  it('marks tags in the other order than the MT as possibly wrong, without a fix', () => {
    const text = t('{2}Zwei{3} und {0}eins{1}.');
    const flags = check('{2}Zwei{3} und {0}eins{1}.', '{0}One{1} and {2}two{3}.');
    expect(flags.map((f) => [f.confidence, f.severity, f.fix])).toEqual([['possible', 'minor', undefined]]);
    expect(spans(text, flags)).toEqual([t('{3} und {0}')]);
  });

  it('says nothing of a sentence whose tags are the MT’s, or when the MT is not known', () => {
    expect(check('Un {0}mot{1} de plus.', 'A {0}word{1} more.')).toEqual([]);
    expect(check('Plain text.', 'Plain MT.')).toEqual([]);
    expect(flagsOf('tags', [{ paragraph: 1, text: t('Lost tags here.') }])).toEqual([]);
  });

  it('does not ask for the tags of a sentence deleted whole (the files are exported so), but for those of one with words left', () => {
    expect(check('', 'Deuxième phrase {0}en gras{1}.')).toEqual([]);
    expect(check('  ', '{0}Bold{1} and {2}.')).toEqual([]);
    expect(check('phrase', 'Deuxième phrase {0}en gras{1}.').map((f) => f.message)).toEqual([expect.stringMatching(/^Tags 1 and 2 of the MT are missing/)]);
    expect(check('{0}', 'Deuxième phrase {0}en gras{1}.').map((f) => f.message)).toEqual([expect.stringMatching(/^Tag 2 of the MT is missing/)]);
  });

  it('checks the text as typed against the stored MT', () => {
    const sentences = sentence('Deuxième phrase {0}en gras{1}.', 'Deuxième phrase {0}en gras{1}.');
    expect(checkSentence(sentences, 0, t('Deuxième phrase en gras{1}.')).map((f) => f.message)).toEqual([
      'Tag 1 of the MT is missing: the formatting or markup it stands for is lost, and Word, XLIFF, TMX and Markdown files are not exported without it',
    ]);
  });

  it('restores every lost tag of an otherwise unchanged sentence exactly where the MT had it', () => {
    const tagged = fc
      .array(fc.oneof(fc.constantFrom('a', 'b', ' ', '.', 'word '), fc.constant('TAG')), { minLength: 1, maxLength: 12 })
      .map((parts) => {
        let n = 0;
        return parts.map((part) => (part === 'TAG' ? String.fromCharCode(0xe000 + n++) : part)).join('');
      });
    fc.assert(
      fc.property(tagged, fc.context(), (mt, ctx) => {
        const plain = mt.replace(/[\uE000-\uEFFF]/g, '');
        const problems = tagProblems(plain, mt, null);
        const restored = restoreTags(plain, mt, problems.missing);
        ctx.log(shown(mt));
        // Where the words around each tag say where it goes, it goes there; otherwise no fix is offered.
        if (restored !== null && /\S/.test(plain)) expect(shown(restored)).toBe(shown(mt));
      }),
    );
  });

  it('restores every lost tag between words that occur once', () => {
    const placed = fc.array(fc.nat(3), { minLength: 1, maxLength: 9 }).map((counts) => {
      let n = 0;
      const tags = (k: number) => Array.from({ length: k }, () => String.fromCharCode(0xe000 + n++)).join('');
      return counts.map((k, i) => `w${i}${tags(k)}`).join(' ') + '.';
    });
    fc.assert(
      fc.property(placed, (mt) => {
        const plain = mt.replace(/[\uE000-\uEFFF]/g, '');
        expect(shown(restoreTags(plain, mt, tagProblems(plain, mt, null).missing) ?? 'no fix')).toBe(shown(mt));
      }),
    );
  });
});
