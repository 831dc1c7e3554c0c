import { FORMATS } from '../../core/formats/registry';
import { readSentences, type FileSentences } from '../../services/documentImport';
import { parseId, READ_OPTIONS, readOptions, UsageError, type CliOptions, type Command } from '../args';
import { withServices } from '../store';

/** The options the document commands have always accepted. */
const DOCUMENT_OPTIONS = ['json', 'out'] as const;

/** Numbers sentences within their paragraph (1.1, 1.2, 2.1 …). */
export function withIndex<T extends { paragraph: number }>(rows: readonly T[]): Array<T & { index: number }> {
  let index = 0;
  return rows.map((row, i) => {
    index = i > 0 && rows[i - 1]!.paragraph === row.paragraph ? index + 1 : 1;
    return { ...row, index };
  });
}

/** A file read as import reads it: through the format registry, with its encoding and options. */
export function readFileSentences(file: string, options: CliOptions): FileSentences {
  const source = options.source ? { path: options.source, encoding: options['source-encoding'] } : undefined;
  return readSentences(file, readOptions(options), source);
}

/** How a file was read, for the terminal: its format's label and its encoding. */
export function readAs(file: string, read: FileSentences): string {
  const label = FORMATS.find((f) => f.id === read.format)?.label ?? read.format;
  return `${file}: ${label}, ${read.encoding}`;
}

export const segments: Command = {
  options: [...DOCUMENT_OPTIONS, ...READ_OPTIONS, 'source', 'source-encoding'],
  run([file], options, io) {
    if (!file) throw new UsageError('segments needs a FILE.');
    const read = readFileSentences(file, options);
    const list = withIndex(read.sentences).map(({ paragraph, index, text, source }) =>
      source === null ? { paragraph, index, text } : { paragraph, index, text, source },
    );
    io.out(
      options.json ? JSON.stringify(list, null, 2) : list.map((s) => `${s.paragraph}.${s.index}\t${s.text}`).join('\n'),
    );
    return 0;
  },
};

export const formats: Command = {
  options: ['json'],
  run(_args, options, io) {
    const list = FORMATS.map((f) => ({ id: f.id, label: f.label, extensions: f.extensions, bilingual: f.bilingual }));
    io.out(
      options.json
        ? JSON.stringify(list, null, 2)
        : list.map((f) => `${f.id.padEnd(10)}${f.label.padEnd(30)}${f.extensions.map((e) => `.${e}`).join(' ')}`).join('\n'),
    );
    return 0;
  },
};

export const importCommand: Command = {
  options: [...DOCUMENT_OPTIONS, ...READ_OPTIONS, 'source', 'source-encoding'],
  run([file], options, io) {
    if (!file) throw new UsageError('import needs a FILE.');
    const source = options.source;
    const doc = withServices(io.env, (services) =>
      source
        ? services.documents.importWithSource(file, source, { encoding: options.encoding }, { encoding: options['source-encoding'] })
        : services.documents.importFile(file, readOptions(options)),
    );
    io.out(options.json ? JSON.stringify(doc) : String(doc.id));
    return 0;
  },
};

export const exportCommand: Command = {
  options: [...DOCUMENT_OPTIONS, 'format', 'utf8'],
  run([idArg], options, io) {
    const id = parseId(idArg);
    const out = options.out;
    if (!out) throw new UsageError('export needs --out FILE.');
    withServices(io.env, (services) => {
      if (options.format === 'html') return services.report.exportHtml(id, out);
      const stored = services.documents.format(id);
      if (options.format && options.format !== stored) {
        throw new UsageError(`Document ${id} is ${stored}: it exports as ${stored} (or --format html for the report).`);
      }
      return services.documents.exportToFile(id, out, { utf8: options.utf8 });
    });
    io.err(`Wrote ${out}`);
    return 0;
  },
};
