import { DATABASE_FILE_NAME } from '../services/dataDir';

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  segments FILE [--json]     the sentences (units) of a file, read as import reads it (any format, the
                             options below)
  import FILE                store a file as a new document and print its id
      --format F             its format (see formats); by default its extension and content decide
      --encoding E           its encoding (utf-8, utf-16le, windows-1251, koi8-r …); detected by default
      --source SRC           the source text of a plain-text MT, aligned sentence by sentence
      --source-encoding E    the source text's encoding (detected by default)
      --source-lang L, --target-lang L   the two languages of a TMX file (needed for three or more)
      --columns source=A,target=B,id=C   the columns of a CSV/TSV file (header names or 0-based numbers)
      --missing-targets empty|source     XLIFF units without a target: empty (default) or the source copied
  export ID --out FILE       write the reviewed document in its original format, layout and encoding
      --utf8                 in UTF-8 instead of the original encoding
      --format html          the HTML review report instead
  formats [--json]           the formats Redline reads and writes
  metrics MT_FILE PE_FILE    HTER (TER with shifts, as sacrebleu computes it) and character edit rate
                             of each MT line against the post-edit on the same line, and the corpus HTER
  metrics ID                 the same for a stored document (each MT sentence against its current text),
                             with its review figures
      --json                 print JSON: {"segments": [...], "corpus": {...}} (and "document" for an ID)
      --no-normalize         split words at spaces only (no tercom punctuation splitting)
      --ignore-case          compare words case-insensitively
  diff MT CORRECTION         word diff of two texts: [-deleted-]{+inserted+}, in colour on a terminal
      --json                 print the diff operations with their offsets as JSON
      --color, --no-color    force colours on or off (NO_COLOR also turns them off)
  check FILE…                flag sentences that look garbled (spacing, orphaned punctuation, quotes,
                             repeated words, duplicated subjects, leaked text, joined sentences, lost
                             attributions, mixed scripts, names spelled two ways, glossary terms,
                             target-language conventions, spelling, untranslated text) in one or several
                             files read as import reads them (the options of import, --source for a plain
                             text's source); prints each file's format and encoding. A file that
                             cannot be read gets its error (on stderr) and the exit code 1; the others
                             are still checked
  check ID                   the same for a stored document (its current text, its languages)
      --json                 print [{"paragraph", "index", "text", "languages", "flags": [...]}] for every
                             sentence; a flag has check, severity, confidence (sure/possible), message,
                             start, end and its fix; for several files, [{"file", "format", "encoding",
                             "sentences": [...]}], or {"file", "error"} for a file that cannot be read
      --glossary FILE.csv    use this glossary (columns preferred, forbidden, note) for terminology
      --source-lang L, --target-lang L  the languages of a FILE (BCP 47: en, de, ru); else detected
  backup                     a verified copy of the store now, in backups/ next to it
  restore                    list the backups with their dates and document counts
  restore N|FILE             put backup N (or FILE) in place of the store (close Redline first); the
                             store it replaces is kept beside it
  help                       show this text

TER and character edit rate are percentages. Put -- before texts that start with a dash.
The store is REDLINE_DATA_DIR/${DATABASE_FILE_NAME} if REDLINE_DATA_DIR is set,
otherwise the app's own data folder (shared with the desktop app).`;
