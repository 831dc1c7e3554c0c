import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../electron/ipc/dispatcher';
import { createHandlers } from '../../../electron/ipc/handlers';
import { SAMPLE, openTestServices, scriptedDialogs } from '../support';

describe('documents.exportReport', () => {
  it('writes the report to the chosen path, changed sentences only when asked, and nothing when cancelled', async () => {
    const test = openTestServices();
    const dialogs = scriptedDialogs();
    const handlers = createHandlers(test.services, dialogs, SAMPLE) as Handlers;
    const doc = test.services.openSample(SAMPLE);
    const full = join(test.dir, 'full.html');
    const changed = join(test.dir, 'changed.html');
    dialogs.saveAnswers.push(full, changed, null);

    // the sample's 91 sentences are under the long-document threshold: every sentence listed by default
    expect(await handlers['documents.exportReport']({ documentId: doc.id })).toEqual({ path: full });
    expect(readFileSync(full, 'utf8')).toContain('<p class="untouched" id="segment-2">');
    expect(readFileSync(full, 'utf8')).not.toContain('<p class="unchanged-run">');

    expect(await handlers['documents.exportReport']({ documentId: doc.id, changedOnly: true })).toEqual({ path: changed });
    expect(readFileSync(changed, 'utf8')).toContain('<p class="unchanged-run">Sentences 2–3 unchanged</p>');
    expect(readFileSync(changed, 'utf8')).not.toContain('<p class="untouched"');

    expect(await handlers['documents.exportReport']({ documentId: doc.id, changedOnly: true })).toBeNull();
    expect(dialogs.suggestedNames).toEqual(['kazakhstan-mt.report.html', 'kazakhstan-mt.report.html', 'kazakhstan-mt.report.html']);
  });
});
