import { checkDocument } from '../../core/checks';
import type { Flag, GlossaryTerm, Languages } from '../../core/checks/types';
import { RedlineError } from '../../core/model/errors';
import { documentCheckOptions } from '../../services/checkOptions';
import type { FileSentences } from '../../services/documentImport';
import { readGlossaryFile } from '../../services/glossaryService';
import { parseId, READ_OPTIONS, UsageError, type CliOptions, type Command } from '../args';
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

/** Reads a file as import reads it and checks its sentences. */
function checkFile(file: string, options: CliOptions, glossary: GlossaryTerm[] | undefined): { read: FileSentences; report: Report[] } {
  const read = readFileSentences(file, options);
  const sentences = withIndex(read.sentences);
  // As import: the languages chosen, else those the file declares, else detected.
  const chosen = { source: options['source-lang'] ?? read.languages?.source ?? null, target: options['target-lang'] ?? read.languages?.target ?? null };
  const opts = documentCheckOptions(sentences, chosen, glossary ? { glossary } : {});
  const languages: Languages = { source: opts.languages?.source ?? null, target: opts.languages?.target ?? null };
  const flags = checkDocument(sentences, opts);
  const report = sentences.map(({ paragraph, index, text }, i) => ({ paragraph, index, text, languages, flags: (flags[i] ?? []).map(plainFlag) }));
  return { read, report };
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
    // Each file is checked on its own: among several, one that cannot be read costs only its own report (its
    // error, which names it, in its place on stderr, and in the JSON) and a non-zero exit code. One file alone
    // is printed as ever (--json: its bare list of sentences), and its error is the command's.
    const several = targets.length > 1;
    const results: unknown[] = [];
    let failed = false;
    for (const file of targets) {
      let checked: ReturnType<typeof checkFile>;
      try {
        checked = checkFile(file, options, glossary);
      } catch (error) {
        if (!several || !(error instanceof RedlineError)) throw error;
        failed = true;
        io.err(`redline: ${error.message}`);
        results.push({ file, error: error.message });
        continue;
      }
      const { read, report } = checked;
      if (options.json) {
        io.err(`Read ${readAs(file, read)}`);
        results.push(several ? { file, format: read.format, encoding: read.encoding, sentences: report } : report);
      } else {
        io.out(`== ${readAs(file, read)}`);
        print(report, false, io.out);
      }
    }
    if (options.json) io.out(JSON.stringify(several ? results : results[0], null, 2));
    return failed ? 1 : 0;
  },
};
