import { z } from 'zod';

/** A stored row's id: SQLite rowids start at 1. */
export const id = z.number().int().positive();
/** How many of something: a whole number, never negative. */
export const count = z.number().int().nonnegative();
/** A 1-based place in order (a sentence's position, a paragraph's number). */
export const ordinal = z.number().int().positive();
