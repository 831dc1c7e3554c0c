import { basename } from 'node:path';
import { checkDocument } from '../../core/checks';
import type { Flag, GlossaryTerm } from '../../core/checks/types';
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
  flags: Array<Pick<Flag, 'check' | 'severity' | 'message' | 'start' | 'end' | 'fix'>>;
}

/** Numbers sentences within their paragraph, as `segments` does. */
function withIndex<T extends { paragraph: number }>(rows: readonly T[]): Array<T & { index: number }> {
  let index = 0;
  return rows.map((row, i) => {
    index = i > 0 && rows[i - 1]!.paragraph === row.paragraph ? index + 1 : 1;
    return { ...row, index };
  });
}

const plainFlag = ({ check, severity, message, start, end, fix }: Flag) =>
  fix === undefined ? { check, severity, message, start, end } : { check, severity, message, start, end, fix };

function print(report: Report[], json: boolean | undefined, out: (text: string) => void): void {
  if (json) {
    out(JSON.stringify(report, null, 2));
    return;
  }
  const flagged = report.filter((r) => r.flags.length > 0);
  for (const r of flagged) {
    out(`${r.paragraph}.${r.index}\t${r.text}`);
    for (const f of r.flags) out(`\t${f.severity.padEnd(8)} ${f.check}: ${f.message}${f.fix ? `\n\t         fix: ${f.fix}` : ''}`);
  }
  out(`${flagged.length} of ${report.length} sentences flagged.`);
}

export const check: Command = {
  options: ['json', 'glossary'],
  run([target], options, io) {
    if (!target) throw new UsageError('check needs a FILE or a document ID.');
    const glossary: GlossaryTerm[] | undefined = options.glossary ? readGlossaryFile(options.glossary) : undefined;
    let report: Report[];
    if (/^\d+$/.test(target)) {
      const id = parseId(target);
      report = withServices(io.env, (services) =>
        withIndex(services.checks.everySentence(id, glossary)).map(({ paragraph, index, text, flags }) => ({
          paragraph,
          index,
          text,
          flags: flags.map(plainFlag),
        })),
      );
    } else {
      const { text } = decodeTextFile(readInputFile(target), basename(target));
      const sentences = segmentText(text).segments;
      const flags = checkDocument(sentences, glossary ? { glossary } : {});
      report = sentences.map(({ paragraph, index, text }, i) => ({
        paragraph,
        index,
        text,
        flags: (flags[i] ?? []).map(plainFlag),
      }));
    }
    print(report, options.json, io.out);
    return 0;
  },
};
