import { describe, expect, it } from 'vitest';
import { declaredEncoding, withDeclaredEncoding } from '../../../../core/formats/xml/declaration';

describe('the XML declaration’s encoding', () => {
  it.each([
    ['<?xml version="1.0" encoding="ISO-8859-15"?><a/>', 'ISO-8859-15'],
    ["<?xml version='1.0' encoding='windows-1252' standalone='yes'?>", 'windows-1252'],
    ['<?xml\r\n  version = "1.0"\tencoding = "Shift_JIS" ?>', 'Shift_JIS'],
    ['<?xml version="1.0"?><a/>', null],
    ['<?xml version="1.0" standalone="yes"?>', null],
    [' <?xml version="1.0" encoding="UTF-16"?>', null],
    ['<a encoding="latin1"/>', null],
    ['<?xml version="1.0" encoding="UTF-16\'?>', null],
  ])('of %j is %j', (text, encoding) => {
    expect(declaredEncoding(text)).toBe(encoding);
  });

  it('is replaced in place, the rest of the prolog and the document byte for byte as they were', () => {
    const rest = '\r\n<!-- encoding="UTF-16" -->\r\n<xliff version="1.2"/>';
    expect(withDeclaredEncoding(`<?xml version="1.0" encoding="UTF-16"?>${rest}`, 'UTF-8')).toBe(`<?xml version="1.0" encoding="UTF-8"?>${rest}`);
    expect(withDeclaredEncoding("<?xml version='1.0'  encoding = 'windows-1252' standalone='no'?><a/>", 'UTF-8')).toBe(
      "<?xml version='1.0'  encoding = 'UTF-8' standalone='no'?><a/>",
    );
  });

  it('is left alone when there is none, or it names the encoding already', () => {
    for (const text of ['<?xml version="1.0"?><a/>', '<a/>', '<?xml version="1.0" encoding="utf-8"?><a/>', 'plain text']) {
      expect(withDeclaredEncoding(text, 'UTF-8')).toBe(text);
    }
  });
});
