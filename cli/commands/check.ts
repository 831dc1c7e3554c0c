import { checkDocument } from '../../core/checks';
import type { Flag, GlossaryTerm, Languages } from '../../core/checks/types';
import { documentCheckOptions } from '../../services/checkOptions';
import { readGlossaryFile } from '../../services/glossaryService';
import { parseId, READ_OPTIONS, UsageError, type Command } from '../args';
import { withServices } from '../store';
import { readAs, readFileSentences, withIndex } from './documents';

interface Report {
  paragraph: number;
  index: number;
  text: string;
  /** The languages the sentence was checked in (the document's, or detected). */
  languages: Languages;
  flags: Array<Pick<Flag, 'check' | 'severity' | 'confidence' | 'message' | 'start' | 'end' | 'fix'>>;
}

const plainFlag = ({ check, severity, confidence, message, start, end, fix }: Flag) =>
  fix === undefined ? { check, severity, confidence, message, start, end } : { check, severity, confidence, message, start, end, fix };

function print(report: Report[], json: boolean | undefined, out: (text: string) => void): void {
  if (json) {
    out(JSON.stringify(report, null, 2));
    return;
  }
  const flagged = report.filter((r) => r.flags.length > 0);
  const languages = report[0]?.languages;
  if (languages) out(`Checked as ${languages.source ?? 'unknown'} → ${languages.target ?? 'unknown'}.`);
  for (const r of flagged) {
    out(`${r.paragraph}.${r.index}\t${r.text}`);
    for (const f of r.flags) {
      const sure = f.confidence === 'sure' ? '' : ' (possible)';
      out(`\t${f.severity.padEnd(8)} ${f.check}${sure}: ${f.message}${f.fix ? `\n\t         fix: ${f.fix}` : ''}`);
    }
  }
  out(`${flagged.length} of ${report.length} sentences flagged.`);
}

/** Checks a stored document (an ID), or files read as import reads them; several files are checked in turn. */
export const check: Command = {
  options: ['json', 'glossary', ...READ_OPTIONS, 'source', 'source-encoding'],
  run(targets, options, io) {
    if (targets.length === 0) throw new UsageError('check needs a FILE (or several) or a document ID.');
    const glossary: GlossaryTerm[] | undefined = options.glossary ? readGlossaryFile(options.glossary) : undefined;
    const [first] = targets;
    if (targets.length === 1 && /^\d+$/.test(first!)) {
      const id = parseId(first);
      const report = withServices(io.env, (services) => {
        const { languages, sentences } = services.checks.everySentence(id, glossary);
        return withIndex(sentences).map(({ paragraph, index, text, flags }) => ({ paragraph, index, text, languages, flags: flags.map(plainFlag) }));
      });
      print(report, options.json, io.out);
      return 0;
    }
    if (options.source && targets.length > 1) throw new UsageError('--source goes with one FILE: the source text of that one.');
    const reports = targets.map((file) => {
      const read = readFileSentences(file, options);
      const sentences = withIndex(read.sentences);
      const chosen = { source: options['source-lang'] ?? null, target: options['target-lang'] ?? null };
      const opts = documentCheckOptions(sentences, chosen, glossary ? { glossary } : {});
      const languages: Languages = { source: opts.languages?.source ?? null, target: opts.languages?.target ?? null };
      const flags = checkDocument(sentences, opts);
      const report: Report[] = sentences.map(({ paragraph, index, text }, i) => ({ paragraph, index, text, languages, flags: (flags[i] ?? []).map(plainFlag) }));
      return { file, read, report };
    });
    if (options.json) {
      // One file: its sentences, as ever; several: each file with how it was read.
      const [only] = reports;
      io.out(
        JSON.stringify(
          reports.length === 1 ? only!.report : reports.map(({ file, read, report }) => ({ file, format: read.format, encoding: read.encoding, sentences: report })),
          null,
          2,
        ),
      );
      for (const { file, read } of reports) io.err(`Read ${readAs(file, read)}`);
      return 0;
    }
    for (const { file, read, report } of reports) {
      io.out(`== ${readAs(file, read)}`);
      print(report, false, io.out);
    }
    return 0;
  },
};
