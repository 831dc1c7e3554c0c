import { basename } from 'node:path';
import { checkDocument } from '../../core/checks';
import type { Flag, GlossaryTerm, Languages } from '../../core/checks/types';
import { documentCheckOptions } from '../../services/checkOptions';
import { segmentText } from '../../core/segmentation';
import { readInputFile } from '../../services/files';
import { readGlossaryFile } from '../../services/glossaryService';
import { decodeTextFile } from '../../services/textFile';
import { parseId, UsageError, type Command } from '../args';
import { withServices } from '../store';

interface Report {
  paragraph: number;
  index: number;
  text: string;
  /** The languages the sentence was checked in (the document's, or detected). */
  languages: Languages;
  flags: Array<Pick<Flag, 'check' | 'severity' | 'confidence' | 'message' | 'start' | 'end' | 'fix'>>;
}

/** Numbers sentences within their paragraph, as `segments` does. */
function withIndex<T extends { paragraph: number }>(rows: readonly T[]): Array<T & { index: number }> {
  let index = 0;
  return rows.map((row, i) => {
    index = i > 0 && rows[i - 1]!.paragraph === row.paragraph ? index + 1 : 1;
    return { ...row, index };
  });
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

export const check: Command = {
  options: ['json', 'glossary', 'source-lang', 'target-lang'],
  run([target], options, io) {
    if (!target) throw new UsageError('check needs a FILE or a document ID.');
    const glossary: GlossaryTerm[] | undefined = options.glossary ? readGlossaryFile(options.glossary) : undefined;
    let report: Report[];
    if (/^\d+$/.test(target)) {
      const id = parseId(target);
      report = withServices(io.env, (services) => {
        const { languages, sentences } = services.checks.everySentence(id, glossary);
        return withIndex(sentences).map(({ paragraph, index, text, flags }) => ({ paragraph, index, text, languages, flags: flags.map(plainFlag) }));
      });
    } else {
      const { text } = decodeTextFile(readInputFile(target), basename(target));
      const sentences = segmentText(text).segments;
      const opts = documentCheckOptions(sentences, { source: options['source-lang'] ?? null, target: options['target-lang'] ?? null }, glossary ? { glossary } : {});
      const languages = { source: opts.languages?.source ?? null, target: opts.languages?.target ?? null };
      const flags = checkDocument(sentences, opts);
      report = sentences.map(({ paragraph, index, text }, i) => ({
        paragraph,
        index,
        text,
        languages,
        flags: (flags[i] ?? []).map(plainFlag),
      }));
    }
    print(report, options.json, io.out);
    return 0;
  },
};
