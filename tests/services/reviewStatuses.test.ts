import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROUND_TRIP, WRITTEN, type StateVocabulary } from '../../core/formats/xliff';
import type { SegmentStatus } from '../../core/model/segment';
import { openTestServices } from '../electron/support';

/**
 * Issue 13: statuses set in the window go back into the bilingual file and come in again as themselves, through
 * the same import, store and export the app uses.
 */
const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));

const FILES: Array<[string, StateVocabulary]> = [
  ['states-1.2.xlf', 'xliff1'],
  ['states-2.0.xlf', 'xliff2'],
  ['levels.sdlxliff', 'sdl'],
  ['statuses.mqxliff', 'mq'],
];

function setStatus(services: ReturnType<typeof openTestServices>['services'], id: number, status: SegmentStatus) {
  services.segments.setStatus(id, status, status === 'rejected' ? 'Wrong tense.' : undefined);
}

describe.each(FILES)('%s: statuses through import, review and export', (name, vocabulary) => {
  it('a confirmed unit the editor resets to not started comes back not started', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture(name));
    const confirmed = services.segments.page(doc.id, 0, 100).items.find((s) => s.status === 'confirmed' && !s.locked)!;
    setStatus(services, confirmed.id, 'not_started');
    const out = join(dir, `out-${name}`);
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out, 'utf8')).toContain(WRITTEN[vocabulary].not_started.state);
    const again = services.documents.importFile(out);
    expect(services.segments.page(again.id, 0, 100).items.find((s) => s.position === confirmed.position)?.status).toBe('not_started');
  });

  it('statuses changed and changed back write nothing: the file comes back byte for byte', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture(name));
    for (const segment of services.segments.page(doc.id, 0, 100).items) {
      // A unit with no translation yet cannot be approved (see the last test).
      const cycle = segment.currentText === '' ? (['rejected', 'edited', 'not_started'] as const) : (['rejected', 'approved', 'edited', 'not_started'] as const);
      for (const status of cycle) setStatus(services, segment.id, status);
      setStatus(services, segment.id, segment.status);
    }
    const out = join(dir, `out-${name}`);
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out)).toEqual(readFileSync(fixture(name)));
  });

  it('every status set on a unit reads back as the round-trip table says', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture(name));
    const segments = services.segments.page(doc.id, 0, 100).items.filter((s) => !s.locked);
    const statuses: SegmentStatus[] = ['not_started', 'edited', 'confirmed', 'approved', 'rejected'];
    // Unit i gets a status other than its own, in turn.
    const wanted = segments.map((s, i) => statuses.filter((st) => st !== s.status)[i % 4]!);
    segments.forEach((s, i) => setStatus(services, s.id, wanted[i]!));
    const out = join(dir, `out-${name}`);
    services.documents.exportToFile(doc.id, out);
    const again = services.documents.importFile(out);
    const read = new Map(services.segments.page(again.id, 0, 100).items.map((s) => [s.position, s.status]));
    expect(segments.map((s) => [s.position, read.get(s.position)])).toEqual(segments.map((s, i) => [s.position, ROUND_TRIP[vocabulary][wanted[i]!]]));
  });
});

describe('a unit with no translation yet', () => {
  it('cannot be confirmed or approved, so no file calls an empty target translated; a deleted sentence without a source can', () => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(fixture('partial-1.2.xlf'));
    const empty = services.segments.page(doc.id, 0, 100).items.find((s) => s.currentText === '' && (s.sourceText ?? '') !== '')!;
    expect(() => services.segments.setStatus(empty.id, 'confirmed')).toThrow(/no translation yet: type one before you confirm it/);
    expect(() => services.segments.setStatus(empty.id, 'approved')).toThrow(/before you approve it/);
    expect(services.segments.get(empty.id).status).toBe(empty.status);
    // Typed in, it can.
    services.segments.update(empty.id, 'Auf Wiedersehen.');
    expect(services.segments.setStatus(empty.id, 'confirmed').status).toBe('confirmed');

    // A plain text has no source: a sentence emptied on purpose (the MT said it twice) is confirmed as deleted.
    const text = services.documents.importText({ fileName: 't.txt', title: 'T', text: 'One. One again.', hasBom: false });
    const second = services.segments.page(text.id, 0, 10).items[1]!;
    services.segments.update(second.id, '');
    expect(services.segments.setStatus(second.id, 'confirmed').status).toBe('confirmed');
  });
});
