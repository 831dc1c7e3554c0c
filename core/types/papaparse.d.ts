// The part of papaparse's API that core/ uses, typed here instead of by @types/papaparse, whose
// `/// <reference types="node" />` would bring Node's globals (process, Buffer, require) into pure code.
declare module 'papaparse' {
  interface ParseError {
    type: string;
    code: string;
    message: string;
    /** 0-based data row (after the header) the error is on, when it is on one. */
    row?: number;
  }
  interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    fields?: string[];
  }
  interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: ParseMeta;
  }
  interface ParseConfig {
    header?: boolean;
    preview?: number;
    skipEmptyLines?: boolean | 'greedy';
    delimiter?: string;
    delimitersToGuess?: string[];
    transformHeader?: (header: string, index: number) => string;
  }
  interface UnparseConfig {
    newline?: string;
    quotes?: boolean;
    delimiter?: string;
  }
  const Papa: {
    parse<T = string[]>(text: string, config?: ParseConfig): ParseResult<T>;
    unparse(data: { fields: string[]; data: unknown[][] } | unknown[][], config?: UnparseConfig): string;
  };
  export default Papa;
}
