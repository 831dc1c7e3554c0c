import { VALID_REQUESTS } from '../../support/validRequests';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_PAGE_SIZE, MAX_SEGMENT_LENGTH, type Channel } from '../../../core/ipc';
import { RedlineError } from '../../../core/model/errors';
import type { Result } from '../../../core/model/result';
import type { Segment } from '../../../core/model/segment';
import { createDispatcher, type Dispatch, type Handlers } from '../../../electron/ipc/dispatcher';
import { createHandlers } from '../../../electron/ipc/handlers';
import { APP_ENTRY_URL, isTrustedSender } from '../../../electron/security';
import {
  FIXED_TIME,
  FIXTURE_BYTES,
  FIXTURE_PATH,
  FIXTURE_SEGMENTS,
  openTestServices,
  SAMPLE,
  scriptedDialogs,
  tempDir,
  type ScriptedDialogs,
  type TestServices,
} from '../support';

const DEV_SERVER = 'http://localhost:5173/';

/** A request each channel would accept, so a refusal can only be due to what the test changed. */
const VALID: Record<Channel, unknown> = VALID_REQUESTS;

/** What every channel must refuse: its request is always an object. */
const NOT_OBJECTS: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['a string', 'documentId=1'],
  ['an array', [1]],
  ['a number', 1],
  ['a boolean', true],
];

/**
 * Channel-specific bad requests. Typed by Channel and checked against CHANNELS at run time, so a new channel
 * without its own bad-input cases fails here.
 */
const BAD_INPUTS: Record<Channel, Array<[string, unknown]>> = {
  'documents.list': [
    ['an unknown key', { all: true }],
    ['a __proto__ key from JSON', JSON.parse('{"__proto__": {"polluted": true}}')],
  ],
  'documents.openSample': [['an unknown key', { title: 'x' }]],
  // The renderer never chooses a path: only the native dialog does.
  'documents.pickFile': [['a renderer-chosen path', { path: '/etc/passwd' }]],
  'documents.inspectPicked': [
    ['a path instead of a token', { path: '/etc/passwd' }],
    ['an over-long token', { token: 'x'.repeat(101) }],
    ['an unknown format', { token: 'abc', format: 'exe' }],
    ['an encoding name with shell characters', { token: 'abc', encoding: 'utf-8; rm -rf /' }],
  ],
  'documents.importPicked': [
    ['no token', { format: 'xliff' }],
    ['a renderer-chosen path', { token: 'abc', path: '/etc/passwd' }],
    ['an unknown format', { token: 'abc', format: 'exe' }],
    ['an encoding name with shell characters', { token: 'abc', encoding: 'utf-8; rm -rf /' }],
    ['a source path instead of a token', { token: 'abc', source: { path: '/etc/passwd' } }],
    ['negative alignment counts', { token: 'abc', source: { token: 'def', counts: [[-1, 2]] } }],
    ['fractional alignment counts', { token: 'abc', source: { token: 'def', counts: [[1.5, 1]] } }],
    ['a bead of three numbers', { token: 'abc', source: { token: 'def', counts: [[1, 1, 1]] } }],
  ],
  'documents.importProgress': [['no token', {}], ['an over-long token', { token: 'x'.repeat(101) }]],
  'documents.cancelImport': [['a path instead of a token', { path: '/etc/passwd' }]],
  'documents.alignPicked': [
    ['no source', { token: 'abc' }],
    ['a source path instead of a token', { token: 'abc', source: { path: '/etc/passwd' } }],
    ['a bad source encoding', { token: 'abc', source: { token: 'def', encoding: '../../x' } }],
  ],
  'documents.open': [
    ['no id', {}],
    ['id 0', { documentId: 0 }],
    ['a negative id', { documentId: -1 }],
    ['a fractional id', { documentId: 1.5 }],
    ['an id as a string', { documentId: '1' }],
    ['NaN', { documentId: Number.NaN }],
    ['Infinity', { documentId: Number.POSITIVE_INFINITY }],
    ['an extra key', { documentId: 1, markOpened: false }],
  ],
  'documents.exportText': [
    ['a renderer-chosen path', { documentId: 1, path: '/tmp/owned.txt' }],
    ['id 0', { documentId: 0 }],
    ['no id', {}],
    ['a null id', { documentId: null }],
  ],
  'documents.exportProgress': [
    ['a token instead of an id', { token: 'abc' }],
    ['an id as a string', { documentId: '1' }],
  ],
  'documents.cancelExport': [
    ['a path instead of an id', { path: '/tmp/owned.txt' }],
    ['a negative id', { documentId: -1 }],
  ],
  'segments.page': [
    ['no limit', { documentId: 1, offset: 0 }],
    ['limit 0', { documentId: 1, offset: 0, limit: 0 }],
    ['a limit over the page size', { documentId: 1, offset: 0, limit: MAX_PAGE_SIZE + 1 }],
    ['a negative offset', { documentId: 1, offset: -1, limit: 10 }],
    ['a fractional offset', { documentId: 1, offset: 0.5, limit: 10 }],
    ['a negative document id', { documentId: -1, offset: 0, limit: 10 }],
    ['an extra key', { documentId: 1, offset: 0, limit: 10, orderBy: 'id; DROP TABLE segments' }],
  ],
  'segments.update': [
    ['no text', { segmentId: 1 }],
    ['a numeric text', { segmentId: 1, text: 42 }],
    ['a null text', { segmentId: 1, text: null }],
    ['a text over the length limit', { segmentId: 1, text: 'a'.repeat(MAX_SEGMENT_LENGTH + 1) }],
    ['segment id 0', { segmentId: 0, text: 'x' }],
    ['a status the renderer may not set', { segmentId: 1, text: 'x', status: 'approved' }],
    ['negative editing time', { segmentId: 1, text: 'x', editMs: -5 }],
    ['a fractional keystroke count', { segmentId: 1, text: 'x', keystrokes: 1.5 }],
    ['more than a day in one save', { segmentId: 1, text: 'x', editMs: 25 * 60 * 60 * 1000 }],
  ],
  'segments.revert': [
    ['no id', {}],
    ['a negative id', { segmentId: -3 }],
    ['an extra text', { segmentId: 1, text: 'x' }],
  ],
  'documents.metrics': [
    ['no id', {}],
    ['a string for an option', { documentId: 1, normalize: 'yes' }],
    ['an unknown option', { documentId: 1, tokenizer: 'intl' }],
  ],
  'documents.cancelMetrics': [['no id', {}], ['options instead of an id', { normalize: false }]],
  'checks.document': [['no id', {}], ['an extra key', { documentId: 1, all: true }]],
  'checks.inRange': [
    ['a range ending before it starts', { documentId: 1, from: 50, to: 10 }],
    ['a range over the most one call reads', { documentId: 1, from: 1, to: 5000 }],
    ['position 0', { documentId: 1, from: 0, to: 10 }],
  ],
  'checks.nearest': [['an unknown direction', { documentId: 1, position: 3, direction: 'up' }], ['a negative position', { documentId: 1, position: -1, direction: 'next' }]],
  'checks.positions': [['an unknown check', { documentId: 1, check: 'everything' }], ['no id', {}]],
  'checks.cancelWhole': [['no id', {}], ['a string id', { documentId: '1' }]],
  'checks.segment': [
    ['no text', { segmentId: 1 }],
    ['a text over the length limit', { segmentId: 1, text: 'a'.repeat(MAX_SEGMENT_LENGTH + 1) }],
  ],
  'checks.ignore': [
    ['an unknown check', { segmentId: 1, check: 'grammar-ai', words: ' ', ignored: true }],
    ['no ignored flag', { segmentId: 1, check: 'spacing', words: ' ' }],
    ['no words', { segmentId: 1, check: 'spacing', ignored: true }],
  ],
  'checks.ignoredCount': [['no id', {}], ['a string id', { segmentId: '1' }]],
  'checks.showIgnored': [['no id', {}], ['a negative id', { segmentId: -1 }]],
  'checks.languages': [['no id', {}], ['a string id', { documentId: '1' }]],
  'checks.setLanguages': [
    ['no target', { documentId: 1, source: 'ru' }],
    ['a language that is not a tag', { documentId: 1, source: 'Russian language', target: 'en' }],
    ['an empty language', { documentId: 1, source: null, target: '' }],
    ['a script injected as a tag', { documentId: 1, source: null, target: 'en<script>' }],
  ],
  'checks.words': [['a stray field', { word: 'x' }]],
  'checks.removeWord': [['two words', { word: 'two words' }], ['no word', {}]],
  'checks.settings': [['no id', {}], ['a global id', { documentId: null }]],
  'checks.setSetting': [
    ['an unknown check', { documentId: 1, forAll: false, check: 'everything', setting: null }],
    ['an unknown severity', { documentId: 1, forAll: false, check: 'spelling', setting: { enabled: true, severity: 'fatal' } }],
    ['a setting without enabled', { documentId: 1, forAll: false, check: 'spelling', setting: { severity: 'major' } }],
    ['a stray field in the setting', { documentId: 1, forAll: true, check: 'spelling', setting: { enabled: true, hidden: true } }],
    ['no scope', { documentId: 1, check: 'spelling', setting: null }],
  ],
  'checks.addWord': [
    ['no word', {}],
    ['two words', { word: 'two words' }],
    ['an empty word', { word: '  ' }],
    ['a word over 100 characters', { word: 'a'.repeat(101) }],
    ['a number', { word: 42 }],
  ],
  'fixes.applyOne': [
    ['a negative start', { segmentId: 1, check: 'spacing', start: -1, end: 1 }],
    ['a renderer-supplied fix text', { segmentId: 1, check: 'spacing', start: 0, end: 1, fix: 'anything' }],
  ],
  'fixes.preview': [['no check', { documentId: 1 }]],
  'fixes.applyAll': [
    ['no sentences', { documentId: 1, check: 'spacing', segmentIds: [] }],
    ['a non-id in the list', { documentId: 1, check: 'spacing', segmentIds: [1, 'x'] }],
  ],
  'propagation.suggest': [['no after', { segmentId: 1, before: 'a' }]],
  'propagation.preview': [['no rule', { segmentId: 1 }], ['an empty find', { segmentId: 1, rule: { find: '', replace: 'x', wholeWord: true, caseSensitive: true } }]],
  'propagation.apply': [
    ['an empty find', { documentId: 1, rule: { find: '', replace: 'x', wholeWord: true, caseSensitive: true }, segmentIds: [1] }],
    ['a regular expression flag', { documentId: 1, rule: { find: 'a', replace: 'b', wholeWord: true, caseSensitive: true, regex: true }, segmentIds: [1] }],
  ],
  'batches.undo': [['batch id 0', { batchId: 0 }]],
  'batches.progress': [['a batch id instead of a document', { batchId: 1 }]],
  'batches.stop': [['an id as a string', { documentId: '1' }]],
  'memory.list': [['an unknown key', { enabledOnly: true }]],
  'memory.update': [['no id', { enabled: true }], ['an empty find', { id: 1, find: '' }]],
  'memory.remove': [['a string id', { id: '1' }]],
  'memory.preview': [['no id', {}]],
  'memory.apply': [['no sentences', { documentId: 1, segmentIds: [] }]],
  // The renderer never chooses a path: only the native dialog does.
  'memory.exportCsv': [['a renderer-chosen path', { path: '/tmp/rules.csv' }]],
  'memory.importCsv': [['a renderer-chosen path', { path: '/etc/passwd' }]],
  'glossary.list': [['an unknown key', { q: 'a' }]],
  'glossary.save': [
    ['no preferred term', { forbidden: [] }],
    ['an empty variant', { preferred: 'Almaty', forbidden: [''] }],
  ],
  'glossary.remove': [['no id', {}]],
  'glossary.exportCsv': [['a renderer-chosen path', { path: '/tmp/g.csv' }]],
  'glossary.importCsv': [['a renderer-chosen path', { path: '/etc/passwd' }]],
  'backups.list': [['an unknown key', { all: true }]],
  'backups.restore': [
    ['a path instead of a backup name', { fileName: '/etc/passwd' }],
    ['a name climbing out of the folder', { fileName: '../redline-daily-1700000000000.sqlite' }],
    ['no name', {}],
  ],
  'store.health': [['an unknown key', { full: true }]],
  // The folder comes from the native dialog, never from the page.
  'store.exportReadable': [['a renderer-chosen folder', { folder: '/tmp' }]],
  'store.startEmpty': [['an unknown key', { force: true }]],
  'segments.setStatus': [
    ['an unknown status', { segmentId: 1, status: 'done' }],
    ['no status', { segmentId: 1 }],
  ],
  'segments.history': [['no id', {}]],
  'segments.restore': [['no revision', { segmentId: 1 }]],
  'segments.note': [['a numeric note', { segmentId: 1, text: 5 }]],
  'segments.positions': [['a string for edited', { documentId: 1, edited: 'yes' }]],
  'segments.nextUnconfirmed': [
    ['a negative position', { documentId: 1, after: -1 }],
    ['position 0 among the rows', { documentId: 1, after: 0, among: [0] }],
    ['more rows than a chunk', { documentId: 1, after: 0, among: Array.from({ length: 2001 }, (_, k) => k + 1) }],
  ],
  'documents.summary': [['a string id', { documentId: '1' }]],
  'documents.statusCounts': [['a string id', { documentId: '1' }]],
  'documents.undoState': [['no id', {}]],
  'documents.undo': [['a batch id instead', { batchId: 1 }]],
  'documents.redo': [['no id', {}]],
  'documents.timeline': [['an unknown origin', { documentId: 1, origins: ['magic'] }]],
  'documents.changesSince': [['a negative time', { documentId: 1, since: -1 }]],
  'documents.rename': [
    ['an empty title', { documentId: 1, title: '   ' }],
    ['no title', { documentId: 1 }],
  ],
  'documents.delete': [['id 0', { documentId: 0 }]],
  'annotations.add': [
    ['an unknown category', { segmentId: 1, side: 'target', start: 0, end: 4, category: 'vibes', severity: 'minor' }],
    ['an unknown side', { segmentId: 1, side: 'gloss', start: 0, end: 4, category: 'style', severity: 'minor' }],
  ],
  'annotations.remove': [['no id', {}]],
  'annotations.ofSegment': [['no id', {}]],
  'annotations.summary': [['no id', {}]],
  'annotations.setThreshold': [['a threshold over 100', { documentId: 1, threshold: 101 }]],
  'documents.exportReport': [
    ['a renderer-chosen path', { documentId: 1, path: '/tmp/r.html' }],
    ['changedOnly that is not a boolean', { documentId: 1, changedOnly: 'yes' }],
  ],
  'search.query': [
    ['a query over the limit', { query: 'a'.repeat(501) }],
    ['a cursor at position 0', { query: 'a', after: { documentId: 1, position: 0 } }],
  ],
  'find.matches': [
    ['an empty find', { documentId: 1, find: '', regex: false, caseSensitive: true, wholeWord: false, columns: ['mt'] }],
    ['no columns', { documentId: 1, find: 'a', regex: false, caseSensitive: true, wholeWord: false, columns: [] }],
    ['an unknown column', { documentId: 1, find: 'a', regex: false, caseSensitive: true, wholeWord: false, columns: ['note'] }],
  ],
  'find.positions': [
    ['an empty find', { documentId: 1, find: '', regex: false, caseSensitive: true, wholeWord: false }],
    ['no regex flag', { documentId: 1, find: 'a', caseSensitive: true, wholeWord: false }],
  ],
  'annotations.ofDocument': [['a document id 0', { documentId: 0 }]],
  'replace.preview': [
    ['an empty find', { documentId: 1, find: '', replace: 'x', regex: false, caseSensitive: true, wholeWord: true }],
  ],
  'replace.apply': [
    ['no sentences', { documentId: 1, find: 'a', replace: 'b', regex: false, caseSensitive: true, wholeWord: true, segmentIds: [] }],
  ],
};

type Spied = { [C in Channel]: ReturnType<typeof vi.fn> };

interface Context extends TestServices {
  dialogs: ScriptedDialogs;
  handlers: Handlers;
  spies: Spied;
  logError: ReturnType<typeof vi.fn>;
  dispatch: Dispatch;
}

/** The real handlers over real services, each wrapped in a spy so a test can see whether it ran. */
function setup(devServerUrl?: string, override: Partial<Handlers> = {}): Context {
  const test = openTestServices();
  const dialogs = scriptedDialogs();
  const handlers = { ...createHandlers(test.services, dialogs, SAMPLE), ...override } as Handlers;
  const spies = Object.fromEntries(
    CHANNELS.map((channel) => [channel, vi.fn(handlers[channel] as (request: unknown) => unknown)]),
  ) as unknown as Spied;
  const logError = vi.fn();
  const dispatch = createDispatcher(spies as unknown as Handlers, {
    isTrustedSender: (url) => isTrustedSender(url, devServerUrl),
    logError,
  });
  return { ...test, dialogs, handlers, spies, logError, dispatch };
}

/** Calls from the app's own page. */
const call = (ctx: Context, channel: string, request: unknown) => ctx.dispatch(channel, APP_ENTRY_URL, request);

function expectOk<T = unknown>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result.value as T;
}

function expectFail(result: Result<unknown>, code: string): string {
  expect(result).toMatchObject({ ok: false, code });
  return (result as { message: string }).message;
}

const noHandlerRan = (ctx: Context) => CHANNELS.forEach((c) => expect(ctx.spies[c]).not.toHaveBeenCalled());

/** The channels whose handlers ran since the last call, then forgets them: a refusal must run none. */
function handlersThatRan(ctx: Context): Channel[] {
  const ran = CHANNELS.filter((c) => ctx.spies[c].mock.calls.length > 0);
  for (const c of CHANNELS) ctx.spies[c].mockClear();
  return ran;
}

/** How an answer differs from a refusal with this code, or null when it is one. */
function unlessRefused(result: Result<unknown>, code: string, ran: Channel[]): string | null {
  const handlers = ran.length ? `ran ${ran.join(', ')}` : '';
  if (result.ok) return `answered ok${handlers && `, ${handlers}`}`;
  if (result.code !== code) return `answered ${result.code} (${result.message})${handlers && `, ${handlers}`}`;
  return handlers || null;
}

describe('createDispatcher: senders', () => {
  const untrusted: Array<[string, string | undefined]> = [
    ['a file:// page', 'file:///work/main/renderer/index.html'],
    ['a remote https page', 'https://evil.example/'],
    ['another app:// host', 'app://other/index.html'],
    ['no URL at all', undefined],
    ['an empty URL', ''],
    ['userinfo that makes evil the host', 'app://redline@evil/index.html'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
    ['another localhost port', 'http://localhost:5174/'],
    ['a host that only starts like the dev server', 'http://localhost:5173.evil.com/'],
    ['127.0.0.1 instead of localhost', 'http://127.0.0.1:5173/'],
  ];

  // Dev mode is the wider policy; refusing there implies refusing in production.
  it('refuses every untrusted sender on every channel, without running a handler or a dialog', async () => {
    const ctx = setup(DEV_SERVER);
    const failures: string[] = [];
    for (const channel of CHANNELS) {
      for (const [name, senderUrl] of untrusted) {
        const result = await ctx.dispatch(channel, senderUrl, VALID[channel]);
        const wrong = unlessRefused(result, 'untrusted_sender', handlersThatRan(ctx));
        if (wrong) failures.push(`${channel} from ${name}: ${wrong}`);
      }
    }
    expect(failures).toEqual([]);
    expect(ctx.dialogs.openCalls).toBe(0);
    expect(ctx.services.documents.list()).toEqual([]);
  });

  it('refuses the dev server origin in a production build', async () => {
    const ctx = setup(undefined);
    expectFail(await ctx.dispatch('documents.openSample', DEV_SERVER, {}), 'untrusted_sender');
    expect(ctx.services.documents.list()).toEqual([]);
  });

  it('accepts the app page, and the dev server page in development', async () => {
    const ctx = setup(DEV_SERVER);
    expect(expectOk(await ctx.dispatch('documents.list', APP_ENTRY_URL, {}))).toEqual([]);
    expect(expectOk(await ctx.dispatch('documents.list', 'http://localhost:5173/index.html', {}))).toEqual([]);
    expect(ctx.spies['documents.list']).toHaveBeenCalledTimes(2);
  });
});

describe('createDispatcher: channels and requests', () => {
  it.each(['documents.remove', 'DOCUMENTS.LIST', '', '__proto__', 'toString', 'constructor'])(
    'answers unknown_channel for %j',
    async (channel) => {
      const ctx = setup();
      expectFail(await call(ctx, channel, {}), 'unknown_channel');
      noHandlerRan(ctx);
    },
  );

  it('has hand-written bad inputs for exactly the contract channels', () => {
    expect(Object.keys(BAD_INPUTS).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(BAD_INPUTS[channel]?.length ?? 0).toBeGreaterThan(0);
  });

  it('refuses every non-object and every channel’s own bad inputs as bad_request naming the channel, running no handler', async () => {
    const ctx = setup();
    // A document and its segments exist, so the refusal cannot be a not_found in disguise.
    ctx.services.openSample(SAMPLE);
    const failures: string[] = [];
    for (const channel of CHANNELS) {
      for (const [name, request] of [...NOT_OBJECTS, ...(BAD_INPUTS[channel] ?? [])]) {
        const result = await call(ctx, channel, request);
        const wrong =
          unlessRefused(result, 'bad_request', handlersThatRan(ctx)) ??
          (result.ok || result.message.includes(channel) ? null : `a message without the channel: ${result.message}`);
        if (wrong) failures.push(`${channel} given ${name}: ${wrong}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('passes every channel’s valid request to its handler (control for the refusals above)', async () => {
    const failures: string[] = [];
    for (const channel of CHANNELS) {
      const ctx = setup();
      ctx.services.openSample(SAMPLE);
      ctx.dialogs.openAnswers.push(null);
      ctx.dialogs.saveAnswers.push(null);
      ctx.dialogs.folderAnswers.push(null);
      const result = await call(ctx, channel, VALID[channel]);
      // The request passed validation and reached its handler; the handler may still refuse it on its merits
      // (there is no batch 1 to undo in a fresh store, nothing to undo or redo), but never as a malformed request.
      const ran = handlersThatRan(ctx);
      if (ran.join() !== channel) failures.push(`${channel}: ran ${ran.join(', ') || 'no handler'}`);
      if (!result.ok && !['not_found', 'bad_input', 'nothing_to_do'].includes(result.code)) {
        failures.push(`${channel}: answered ${result.code}: ${result.message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000); // a fresh store with the sample for each channel, so no call sees another's changes

  it('does not crash on a text exactly at the length limit', async () => {
    const ctx = setup();
    ctx.services.openSample(SAMPLE);
    const text = 'a'.repeat(MAX_SEGMENT_LENGTH);
    expect(expectOk<Segment>(await call(ctx, 'segments.update', { segmentId: 1, text })).currentText).toBe(text);
  });
});

describe('createDispatcher: failures inside handlers', () => {
  it('passes a RedlineError from a real handler through with its code and message', async () => {
    const ctx = setup();
    const result = await call(ctx, 'documents.open', { documentId: 999 });
    expect(result).toEqual({ ok: false, code: 'not_found', message: 'There is no document with id 999.' });
    expect(ctx.logError).not.toHaveBeenCalled();
  });

  it('passes any RedlineError code through unchanged', async () => {
    const ctx = setup(undefined, {
      'documents.list': () => {
        throw new RedlineError('io', 'The disk is full.');
      },
    });
    expect(await call(ctx, 'documents.list', {})).toEqual({ ok: false, code: 'io', message: 'The disk is full.' });
  });

  it('turns an unexpected Error into internal, logs it, and sends no details or stack across IPC', async () => {
    const secret = 'SQLITE_CORRUPT in /home/ana/.config/Redline/redline.sqlite';
    const boom = new Error(secret);
    const ctx = setup(undefined, {
      'documents.list': () => {
        throw boom;
      },
    });
    const message = expectFail(await call(ctx, 'documents.list', {}), 'internal');
    expect(message).toContain('documents.list');
    expect(message).not.toContain(secret);
    expect(message).not.toContain('/home/ana');
    expect(message).not.toMatch(/\n\s+at /);
    expect(message).not.toContain(boom.stack?.split('\n')[1]?.trim() ?? 'unreachable');
    expect(ctx.logError).toHaveBeenCalledWith('documents.list', boom);
  });

  it('turns a thrown non-Error and an async rejection into internal', async () => {
    const ctx = setup(undefined, {
      'documents.list': () => {
        throw 'a string';
      },
      'documents.openSample': async () => {
        await Promise.resolve();
        throw new TypeError('cannot read properties of undefined');
      },
    });
    expectFail(await call(ctx, 'documents.list', {}), 'internal');
    expectFail(await call(ctx, 'documents.openSample', {}), 'internal');
    expect(ctx.logError).toHaveBeenCalledTimes(2);
  });

  it('turns a failing native dialog into internal', async () => {
    const ctx = setup();
    ctx.dialogs.openAnswers.push(new Error('dialog backend crashed'));
    expectFail(await call(ctx, 'documents.pickFile', {}), 'internal');
    expect(ctx.services.documents.list()).toEqual([]);
  });

  it.each<[string, Partial<Handlers>, Channel, unknown]>([
    ['a negative total', { 'segments.page': () => ({ total: -1, items: [] }) }, 'segments.page', VALID['segments.page']],
    ['a missing field', { 'documents.openSample': () => ({ id: 1 }) as never }, 'documents.openSample', {}],
    ['a path that is not a string', { 'documents.exportText': () => ({ path: 42 }) as never }, 'documents.exportText', { documentId: 1 }],
    ['undefined instead of null', { 'documents.pickFile': () => undefined as never }, 'documents.pickFile', {}],
    ['an unknown status', { 'segments.revert': () => ({ status: 'deleted' }) as never }, 'segments.revert', { segmentId: 1 }],
  ])('answers internal when a handler returns %s', async (_name, override, channel, request) => {
    const ctx = setup(undefined, override);
    const message = expectFail(await call(ctx, channel, request), 'internal');
    expect(message).toContain(channel);
    expect(ctx.logError).toHaveBeenCalledTimes(1);
  });

  it('strips fields the contract does not name, so internals never reach the renderer', async () => {
    const ctx = setup();
    const summary = ctx.services.openSample(SAMPLE);
    const leaky = setup(undefined, { 'documents.list': () => [{ ...summary, databaseFile: ctx.databaseFile }] });
    const [listed] = expectOk<Array<Record<string, unknown>>>(await call(leaky, 'documents.list', {}));
    expect(listed).toEqual(summary);
    expect(listed).not.toHaveProperty('databaseFile');
  });
});

describe('createDispatcher: happy paths over the real services', () => {
  let ctx: Context;
  beforeEach(() => {
    ctx = setup();
  });

  const page = async (offset: number, limit: number) =>
    expectOk<{ total: number; items: Segment[] }>(await call(ctx, 'segments.page', { documentId: 1, offset, limit }));

  it('opens the sample as a document of 91 segments', async () => {
    const summary = expectOk(await call(ctx, 'documents.openSample', {}));
    expect(summary).toEqual({
      id: 1,
      title: SAMPLE.title,
      fileName: 'kazakhstan-mt.txt',
      segmentCount: FIXTURE_SEGMENTS,
      editedCount: 0,
      confirmedCount: 0,
      emptyCount: 0,
      notesPlaced: true,
      format: 'text',
      encoding: 'utf-8',
      createdAt: FIXED_TIME,
      openedAt: FIXED_TIME,
    });
    expect(expectOk(await call(ctx, 'documents.list', {}))).toEqual([summary]);
  });

  it('marks a document as opened at the clock time', async () => {
    await call(ctx, 'documents.openSample', {});
    ctx.clock.now = FIXED_TIME + 60_000;
    expect(expectOk(await call(ctx, 'documents.open', { documentId: 1 }))).toMatchObject({
      createdAt: FIXED_TIME,
      openedAt: FIXED_TIME + 60_000,
    });
  });

  it('pages through the segments in document order', async () => {
    await call(ctx, 'documents.openSample', {});
    const first = await page(0, 50);
    const rest = await page(50, 50);
    expect(first.total).toBe(FIXTURE_SEGMENTS);
    expect(first.items.map((s) => s.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(rest.items.map((s) => s.position)).toEqual(Array.from({ length: 41 }, (_, i) => i + 51));
    expect((await page(91, 10)).items).toEqual([]);
    expect(first.items[0]).toMatchObject({
      documentId: 1,
      paragraph: 1,
      mtText: 'date 2022-01-06 The situation in Kazakhstan remains tense.',
      status: 'not_started',
      revisionCount: 1,
      sourceText: null,
    });
    expect(first.items[7]).toMatchObject({ paragraph: 2, mtText: 'What’s happening in Kazakhstan' });
  });

  it('answers not_found for pages of a document that does not exist', async () => {
    expectFail(await call(ctx, 'segments.page', { documentId: 7, offset: 0, limit: 10 }), 'not_found');
  });

  it('records an edit as a revision and marks the segment edited', async () => {
    await call(ctx, 'documents.openSample', {});
    ctx.clock.now = FIXED_TIME + 1000;
    const edited = expectOk<Segment>(
      await call(ctx, 'segments.update', { segmentId: 2, text: 'After the arson, protesters opened fire.' }),
    );
    expect(edited).toMatchObject({
      id: 2,
      currentText: 'After the arson, protesters opened fire.',
      mtText: 'After the arson of the administrative buildings, protesters began to shoot at law enforcement officers.',
      status: 'edited',
      revisionCount: 2,
      updatedAt: FIXED_TIME + 1000,
    });
    expect(ctx.services.segments.history(2).map((r) => r.origin)).toEqual(['import', 'edit']);
    expect(expectOk<Array<{ editedCount: number }>>(await call(ctx, 'documents.list', {}))[0]?.editedCount).toBe(1);
  });

  it('adds no revision when the text does not change', async () => {
    await call(ctx, 'documents.openSample', {});
    await call(ctx, 'segments.update', { segmentId: 3, text: 'Thirteen officers were killed.' });
    ctx.clock.now = FIXED_TIME + 5000;
    const again = expectOk<Segment>(await call(ctx, 'segments.update', { segmentId: 3, text: 'Thirteen officers were killed.' }));
    expect(again.revisionCount).toBe(2);
    expect(again.updatedAt).toBe(FIXED_TIME);
    expect(ctx.services.segments.history(3)).toHaveLength(2);
  });

  it('reverts to the MT with a revert revision', async () => {
    await call(ctx, 'documents.openSample', {});
    await call(ctx, 'segments.update', { segmentId: 4, text: 'The Almaty airport was wrecked.' });
    const reverted = expectOk<Segment>(await call(ctx, 'segments.revert', { segmentId: 4 }));
    expect(reverted.currentText).toBe(reverted.mtText);
    expect(reverted.status).toBe('not_started');
    expect(reverted.revisionCount).toBe(3);
    const history = ctx.services.segments.history(4);
    expect(history.map((r) => r.origin)).toEqual(['import', 'edit', 'revert']);
    expect(history[2]?.text).toBe(reverted.mtText);
  });

  it('answers not_found when editing a segment that does not exist', async () => {
    await call(ctx, 'documents.openSample', {});
    expectFail(await call(ctx, 'segments.update', { segmentId: 10_000, text: 'x' }), 'not_found');
    expectFail(await call(ctx, 'segments.revert', { segmentId: 10_000 }), 'not_found');
  });

  it('exports through the save dialog, byte for byte when nothing was edited', async () => {
    await call(ctx, 'documents.openSample', {});
    const target = join(tempDir(), 'out.txt');
    ctx.dialogs.saveAnswers.push(target);
    expect(expectOk(await call(ctx, 'documents.exportText', { documentId: 1 }))).toEqual({ path: target });
    expect(ctx.dialogs.suggestedNames).toEqual(['kazakhstan-mt.edited.txt']);
    expect(readFileSync(target).equals(FIXTURE_BYTES)).toBe(true);
  });

  it('exports an edit in place', async () => {
    await call(ctx, 'documents.openSample', {});
    await call(ctx, 'segments.update', { segmentId: 8, text: 'What is happening in Kazakhstan' });
    const target = join(tempDir(), 'out.txt');
    ctx.dialogs.saveAnswers.push(target);
    await call(ctx, 'documents.exportText', { documentId: 1 });
    const expected = FIXTURE_BYTES.toString('utf8').replace('What’s happening in Kazakhstan', 'What is happening in Kazakhstan');
    expect(readFileSync(target, 'utf8')).toBe(expected);
  });

  it('answers null and writes nothing when the save dialog is cancelled', async () => {
    await call(ctx, 'documents.openSample', {});
    ctx.dialogs.saveAnswers.push(null);
    expect(await call(ctx, 'documents.exportText', { documentId: 1 })).toEqual({ ok: true, value: null });
    expect(readdirSync(ctx.dir)).toEqual(['data']);
  });

  it('answers not_found for exporting a missing document before showing any dialog', async () => {
    expectFail(await call(ctx, 'documents.exportText', { documentId: 5 }), 'not_found');
    expect(ctx.dialogs.suggestedNames).toEqual([]);
  });

  it('imports the file picked in the open dialog, by the token it was given', async () => {
    ctx.dialogs.openAnswers.push(FIXTURE_PATH);
    const { token } = expectOk<{ token: string }>(await call(ctx, 'documents.pickFile', {}));
    const summary = expectOk(await call(ctx, 'documents.importPicked', { token }));
    expect(summary).toMatchObject({ id: 1, title: 'kazakhstan-mt', fileName: 'kazakhstan-mt.txt', segmentCount: 91 });
  });

  it('answers null and imports nothing when the open dialog is cancelled', async () => {
    ctx.dialogs.openAnswers.push(null);
    expect(await call(ctx, 'documents.pickFile', {})).toEqual({ ok: true, value: null });
    expect(ctx.services.documents.list()).toEqual([]);
  });

  it('answers bad_input for a picked binary file and stores nothing', async () => {
    const binary = join(tempDir(), 'photo.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]));
    ctx.dialogs.openAnswers.push(binary);
    const message = expectFail(await call(ctx, 'documents.pickFile', {}), 'bad_input');
    expect(message).toContain('photo.txt');
    expect(ctx.services.documents.list()).toEqual([]);
    expect(existsSync(ctx.databaseFile)).toBe(true);
  });
});
