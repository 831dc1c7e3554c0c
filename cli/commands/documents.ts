import { basename } from 'node:path';
import { FORMATS } from '../../core/formats/registry';
import { segmentText } from '../../core/segmentation';
import { readInputFile } from '../../services/files';
import { decodeTextFile } from '../../services/textFile';
import { parseColumns, parseId, UsageError, type Command } from '../args';
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
  options: [...DOCUMENT_OPTIONS, 'format', 'encoding', 'source', 'source-encoding', 'source-lang', 'target-lang', 'columns'],
  run([file], options, io) {
    if (!file) throw new UsageError('import needs a FILE.');
    const source = options.source;
    const doc = withServices(io.env, (services) =>
      source
        ? services.documents.importWithSource(file, source, { encoding: options.encoding }, { encoding: options['source-encoding'] })
        : services.documents.importFile(file, {
            format: options.format,
            encoding: options.encoding,
            languages:
              options['source-lang'] || options['target-lang']
                ? { sourceLang: options['source-lang'], targetLang: options['target-lang'] }
                : undefined,
            columns: options.columns ? parseColumns(options.columns) : undefined,
          }),
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
