/**
 * Whether a key event is the letter `letter` (lower case) for a shortcut. On a Latin layout that is the key's own
 * letter (AZERTY's Ctrl+Z is the key marked Z); on another script (Russian, Greek) the key gives "я", so the
 * letter of the key's place on a US layout decides, as the platform's own shortcuts do.
 */
export function isLetterKey(event: Pick<KeyboardEvent, 'key' | 'code'>, letter: string): boolean {
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key === letter;
  return key.length === 1 && event.code === `Key${letter.toUpperCase()}`;
}
