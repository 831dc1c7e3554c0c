import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import { openTestServices } from '../electron/support';

const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));
/** `{n}` stands for tag character n (chip n + 1). */
const t = (text: string): string => text.replace(/\{(\d+)\}/g, (_, n: string) => String.fromCharCode(0xe000 + Number(n)));

function opened(name: string, options?: Parameters<ReturnType<typeof openTestServices>['services']['documents']['importFile']>[1]) {
  const { services, dir } = openTestServices();
  const document = services.documents.importFile(fixture(name), options);
  const sentences = services.segments.page(document.id, 0, 100).items;
  const edit = (position: number, text: string) => services.segments.update(sentences[position - 1]!.id, t(text));
  const out = join(dir, `out-${name}`);
  const exported = () => services.documents.exportToFile(document.id, out);
  return { services, documentId: document.id, sentences, edit, exported, out };
}

const refusal = (action: () => unknown): string => {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(RedlineError);
    expect((error as RedlineError).code).toBe('bad_input');
    return (error as RedlineError).message;
  }
  throw new Error('expected a refusal');
};

describe('a sentence that lost tags of its MT', () => {
  it('is flagged as soon as it is saved, and the flag puts the tags back (XLIFF)', () => {
    const { services, documentId, sentences, edit, exported, out } = opened('help-de.xlf');
    services.checks.document(documentId);
    edit(2, 'Wählen Sie eine Anzeigesprache: Englisch, Русский oder 日本語.');
    const flagged = services.checks.document(documentId).segments.filter((s) => s.flags.some((f) => f.check === 'tags'));
    expect(flagged.map((s) => s.position)).toEqual([2]);
    expect(refusal(exported)).toBe('Sentence 2 lost tags 1 and 2 of its MT; restore them (the Tags flag can) before exporting.');
    const fixes = services.checks.previewAll(documentId, 'tags');
    expect(fixes.map((f) => f.after)).toEqual([t('Wählen Sie eine {0}Anzeigesprache{1}: Englisch, Русский oder 日本語.')]);
    services.checks.applyAll(documentId, 'tags', [sentences[1]!.id]);
    exported();
    expect(readFileSync(out, 'utf8')).toContain('eine <g id="1" ctype="bold">Anzeigesprache</g>:');
  });

  it('is flagged while typed, before it is saved', () => {
    const { services, sentences } = opened('help-de.xlf');
    const flags = services.checks.segment(sentences[2]!.id, t('Klicken Sie auf Hilfe{1}, um das Handbuch zu öffnen.{2}Es öffnet sich.'));
    expect(flags.filter((f) => f.check === 'tags').map((f) => f.message)).toEqual([
      'Tag 1 of the MT is missing: the formatting or markup it stands for is lost, and Word, XLIFF, TMX and Markdown files are not exported without it',
    ]);
  });

  it('is named by its number when the export refuses it, with every other sentence the file refuses (Word)', () => {
    const { edit, exported } = opened('report.docx');
    edit(4, "The region's economy grew by 4.2 percent in the third quarter.");
    expect(refusal(exported)).toBe('Sentence 4 lost tags 1 and 2 of its MT; restore them (the Tags flag can) before exporting.');
    edit(6, 'Details are on the site{4}{4}.');
    expect(refusal(exported)).toBe(
      'Sentence 4 lost tags 1 and 2 of its MT; sentence 6 lost tag 6 of its MT and has tag 5 twice. ' +
        'Put their tags right (the Tags flag marks them) before exporting.',
    );
  });

  it('is named by its number when a Markdown or TMX export refuses it, as XLIFF and Word do', () => {
    const markdown = opened('guide.md');
    markdown.edit(2, 'Redline is an offline{1} app for editors.');
    expect(refusal(markdown.exported)).toBe('Sentence 2 lost tag 1 of its MT; restore it (the Tags flag can) before exporting.');
    markdown.edit(2, 'Redline is an {0}offline{1} app for editors.');
    markdown.edit(3, 'It reads {0}, {1} and {3}XLIFF{2} files.');
    expect(refusal(markdown.exported)).toBe('Sentence 3: tag 4 (](https://docs.oasis-open.org/xliff/ "XLIFF spec")) comes before tag 3 ([), which it closes.');
    const tmx = opened('memory.tmx', { languages: { sourceLang: 'en-US', targetLang: 'ru-RU' } });
    tmx.edit(2, 'Цены на {0}сжиженный газ снизятся.');
    expect(refusal(tmx.exported)).toBe('Sentence 2 lost tag 2 of its MT; restore it (the Tags flag can) before exporting.');
  });

  it('whose tags are all there but in an order the file cannot hold is named by its number, with the file’s reason', () => {
    const { edit, exported } = opened('help-de.xlf');
    edit(2, 'Wählen Sie eine {1}Anzeigesprache{0}: Englisch, Русский oder 日本語.');
    expect(refusal(exported)).toBe('Sentence 2: tag 2 (</g>) has no opening tag 1 (<g id="1" ctype="bold">) before it.');
  });
});

describe('a sentence deleted whole', () => {
  it('is exported without its tags in Word and XLIFF files, and is no tag trouble for another refusal', () => {
    const word = opened('report.docx');
    word.edit(4, '');
    word.exported();
    expect(word.services.checks.document(word.documentId).segments.filter((s) => s.flags.some((f) => f.check === 'tags'))).toEqual([]);
    word.edit(6, 'Details are on the site{4}{4}.');
    expect(refusal(word.exported)).toBe('Sentence 6 lost tag 6 of its MT and has tag 5 twice; put its tags right (the Tags flag marks them) before exporting.');
    const xliff = opened('help-de.xlf');
    xliff.edit(2, '');
    xliff.exported();
    expect(readFileSync(xliff.out, 'utf8')).not.toContain('Anzeigesprache');
  });

  it('is refused by its number, with why, where one of its tags pairs with one in another sentence', () => {
    const { services, dir } = openTestServices();
    const path = join(dir, 'split.md');
    writeFileSync(path, '**Two. Sentences.** End.\n');
    const document = services.documents.importFile(path);
    const sentences = services.segments.page(document.id, 0, 100).items;
    services.segments.update(sentences[0]!.id, '');
    expect(refusal(() => services.documents.exportToFile(document.id, join(dir, 'out.md')))).toBe(
      'Sentence 1: it was deleted, but tag 1 (**) is one end of a span or range that goes on beyond it: ' +
        'keep its tags (undo the deletion, then delete its words only), so that the other end is not left dangling.',
    );
  });
});
