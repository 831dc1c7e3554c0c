/**
 * A parsed file's units as the file-read thread moves them to the main thread: serialized there a part at a time
 * into an ArrayBuffer of the part's own (moved, not copied), deserialized here a part a turn of the event loop.
 */
import { deserialize, serialize } from 'node:v8';
import type { ParsedUnit } from '../core/formats/types';

export const encodeUnits = (units: readonly ParsedUnit[]): Uint8Array => new Uint8Array(serialize(units));

export const decodeUnits = (bytes: Uint8Array): ParsedUnit[] => deserialize(bytes) as ParsedUnit[];
