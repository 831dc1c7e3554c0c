import { describe, expect, it } from 'vitest';
import { endsWithAbbreviation } from '../../../core/segmentation/abbreviations';

describe('endsWithAbbreviation', () => {
  it.each([
    'Mr.',
    'He met Dr.',
    'See p.',
    'as in fig.',
    '(cf.',
    'for example, e.g.',
    'She met Prof.  ',
    'MRS.',
    '“St.',
  ])('treats the stop in %j as an abbreviation', (text) => {
    expect(endsWithAbbreviation(text)).toBe(true);
  });

  it.each(['J.', 'by J. K.', 'Rowling, J.'])('treats the single capital in %j as an initial', (text) => {
    expect(endsWithAbbreviation(text)).toBe(true);
  });

  it.each([
    'He left.',
    'The officers.',
    // "etc." and "U.S." often end sentences, so they are deliberately not listed.
    'and so on etc.',
    'in the U.S.',
    'He is a Mr',
    'a lower-case initial j.',
    'Almaty.',
    '',
    '.',
    'Mr?',
    'general.', // begins like the listed "gen." but is a whole word
  ])('treats the stop in %j as a sentence end', (text) => {
    expect(endsWithAbbreviation(text)).toBe(false);
  });
});
