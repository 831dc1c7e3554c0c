import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';

const preferredTerms = (backend: { services: { glossary: { list: () => Array<{ preferred: string }> } } }) =>
  backend.services.glossary.list().map((entry) => entry.preferred);

test('a glossary term is deleted only once the row’s question is answered; Escape and Cancel keep it', async ({ page, backend }) => {
  for (const preferred of ['Almaty', 'Astana', 'Tokayev']) backend.services.glossary.save({ preferred, forbidden: [`${preferred}-x`], note: 'n' });
  backend.services.openSample({ fileName: 'other.txt', title: 'Other', text: 'Something else.' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Glossary' }).click();
  const rows = page.getByTestId('glossary-term');
  await expect(rows).toHaveCount(3);
  const astana = rows.filter({ has: page.locator('input[value="Astana"]') });

  // Delete asks in the row, the keyboard on Cancel; Escape puts the question away and the keyboard back on Delete.
  await astana.getByRole('button', { name: 'Delete' }).click();
  const question = astana.getByRole('group', { name: 'Delete “Astana”?' });
  await expect(question).toContainText('Delete “Astana”?');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(astana.getByRole('button', { name: 'Delete' })).toBeFocused();
  expect(preferredTerms(backend)).toHaveLength(3);

  // Enter twice never deletes: the first asks, the second lands on Cancel.
  await page.keyboard.press('Enter');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  expect(preferredTerms(backend)).toHaveLength(3);

  // Answered Delete: the term goes, the others stay as stored, and the keyboard moves to the next row's Delete.
  await astana.getByRole('button', { name: 'Delete' }).click();
  await question.getByRole('button', { name: 'Delete' }).click();
  await expect(rows).toHaveCount(2);
  expect(preferredTerms(backend).sort()).toEqual(['Almaty', 'Tokayev']);
  const tokayev = rows.filter({ has: page.locator('input[value="Tokayev"]') });
  await expect(tokayev.getByRole('button', { name: 'Delete' })).toBeFocused();
});

test('a fix memory rule is deleted only after the row asks, naming the rule', async ({ page, backend }) => {
  const csv = join(backend.dir, 'rules.csv');
  writeFileSync(csv, 'find,replace\nAlma-Ata,Almaty\nAstana,Nur-Sultan\n');
  backend.services.fixMemory.importCsv(csv);
  backend.services.openSample({ fileName: 'other.txt', title: 'Other', text: 'Something else.' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Fix memory' }).click();
  const rules = page.getByTestId('memory-rule');
  await expect(rules).toHaveCount(2);
  const first = rules.filter({ has: page.locator('input[value="Alma-Ata"]') });
  await first.getByRole('button', { name: 'Delete' }).click();
  const question = first.getByRole('group', { name: 'Delete “Alma-Ata → Almaty”?' });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  expect(backend.services.fixMemory.list()).toHaveLength(2);

  await first.getByRole('button', { name: 'Delete' }).click();
  await question.getByRole('button', { name: 'Delete' }).click();
  await expect(rules).toHaveCount(1);
  expect(backend.services.fixMemory.list().map((rule) => rule.find)).toEqual(['Astana']);
  // The keyboard is on the rule that is left, not lost to the page.
  await expect(rules.first().getByRole('button', { name: 'Delete' })).toBeFocused();
  // The last rule deleted, the list says it is empty and the keyboard stays on the screen.
  await page.keyboard.press('Enter');
  await rules.first().getByRole('group').getByRole('button', { name: 'Delete' }).click();
  await expect(rules).toHaveCount(0);
  expect(backend.services.fixMemory.list()).toEqual([]);
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
});
