import { basename } from 'node:path';
import { segmentText } from '../../core/segmentation';
import { readInputFile } from '../../electron/services/files';
import { decodeTextFile } from '../../electron/services/textFile';
import { parseId, UsageError, type Command } from '../args';
import { withServices } from '../store';

/** The options the document commands have always accepted. */
const DOCUMENT_OPTIONS = ['json', 'out'] as const;

export const segments: Command = {
  options: DOCUMENT_OPTIONS,
  run([file], options, io) {
    if (!file) throw new UsageError('segments needs a FILE.');
    const { text } = decodeTextFile(readInputFile(file), basename(file));
    const list = segmentText(text).segments.map(({ paragraph, index, text }) => ({ paragraph, index, text }));
    io.out(
      options.json ? JSON.stringify(list, null, 2) : list.map((s) => `${s.paragraph}.${s.index}\t${s.text}`).join('\n'),
    );
    return 0;
  },
};

export const importCommand: Command = {
  options: DOCUMENT_OPTIONS,
  run([file], options, io) {
    if (!file) throw new UsageError('import needs a FILE.');
    const doc = withServices(io.env, (services) => services.documents.importFile(file));
    io.out(options.json ? JSON.stringify(doc) : String(doc.id));
    return 0;
  },
};

export const exportCommand: Command = {
  options: DOCUMENT_OPTIONS,
  run([idArg], options, io) {
    const id = parseId(idArg);
    const out = options.out;
    if (!out) throw new UsageError('export needs --out FILE.');
    withServices(io.env, (services) => services.documents.exportToFile(id, out));
    io.err(`Wrote ${out}`);
    return 0;
  },
};
