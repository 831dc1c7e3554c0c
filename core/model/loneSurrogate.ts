/** Half of a UTF-16 surrogate pair standing alone: no character at all, which UTF-8 (the store's, a file's) cannot hold. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
