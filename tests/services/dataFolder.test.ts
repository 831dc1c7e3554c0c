import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createServices } from '../../services';
import { makeTempDir, nativeBinding } from '../db/testDb';
import { thrown } from '../support/thrown';

describe('the data folder', () => {
  it('is refused in one line when a file stands where it should be', () => {
    const { dir, cleanup } = makeTempDir();
    onTestFinished(cleanup);
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const error = thrown(() => createServices(join(file, 'redline.sqlite'), { nativeBinding: nativeBinding() }));
    expect(error).toMatchObject({
      code: 'io',
      message: `Cannot use ${file} as Redline's data folder (a file stands where a folder is needed): set REDLINE_DATA_DIR to a folder Redline may write in.`,
    });
  });
});
