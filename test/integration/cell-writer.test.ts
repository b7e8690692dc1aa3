/** Safe writes: only the differing characters change, formatting elsewhere in the cell survives, and a person's newer text wins. */
import { GoogleEmulation } from '../../emulation';
import { documentFromMarkdown } from '../../emulation/document';
import { replaceCellText } from '../../src/adapters/cell-writer';

function cellWith(markdown: string): GoogleAppsScript.Document.TableCell {
  const env = new GoogleEmulation({ document: (ctx) => documentFromMarkdown(markdown, ctx) });
  const body = env.document.getBody() as unknown as GoogleAppsScript.Document.Body;
  return body.getTables()[0]!.getCell(1, 0);
}

const TABLE = (cell: string) => `| Due date |\n| :---- |\n| ${cell} |\n`;

test('a date between words is replaced, the words around it stay', () => {
  const cell = cellWith(TABLE('by 3/14 (tentative)'));
  expect(replaceCellText(cell, 'by 3/14 (tentative)', 'by 3/21 (tentative)')).toBe('written');
  expect(cell.getText()).toBe('by 3/21 (tentative)');
});

test('bold words elsewhere in the cell keep their bold', () => {
  const cell = cellWith(TABLE('**Firm:** Mar 3, 2026'));
  replaceCellText(cell, 'Firm: Mar 3, 2026', 'Firm: Mar 10, 2026');
  const text = cell.editAsText();
  expect(cell.getText()).toBe('Firm: Mar 10, 2026');
  expect(text.isBold(0)).toBe(true);
  expect(text.isBold(4)).toBe(true);
  expect(text.isBold(10)).toBe(false);
});

test('a second paragraph in the cell is left as it was', () => {
  const cell = cellWith(TABLE('Mar 3<br>waiting on legal'));
  expect(cell.getNumChildren()).toBe(2);
  replaceCellText(cell, 'Mar 3\nwaiting on legal', 'Mar 10\nwaiting on legal');
  expect(cell.getNumChildren()).toBe(2);
  expect(cell.getText()).toBe('Mar 10\nwaiting on legal');
});

test('text a person changed since it was read is not overwritten', () => {
  const cell = cellWith(TABLE('Mar 5'));
  expect(replaceCellText(cell, 'Mar 3', 'Mar 10')).toBe('changed-since');
  expect(cell.getText()).toBe('Mar 5');
});

test('nothing is written when the text is already right', () => {
  const env = new GoogleEmulation({ document: (ctx) => documentFromMarkdown(TABLE('Mar 3'), ctx) });
  const cell = (env.document.getBody() as unknown as GoogleAppsScript.Document.Body).getTables()[0]!.getCell(1, 0);
  env.calls.reset();
  expect(replaceCellText(cell, 'Mar 3', 'Mar 3')).toBe('unchanged');
  expect(env.calls.count('Text.insertText') + env.calls.count('Text.deleteText')).toBe(0);
});
