/** Safe writes into text both companies are editing: change only the characters that differ, and only if nobody changed the text since it was read. */

type Editable = { editAsText(): GoogleAppsScript.Document.Text };

export type WriteOutcome = 'written' | 'unchanged' | 'changed-since';

/**
 * Replaces `before` with `after` in a cell or paragraph by editing only the differing middle:
 * the words around a date ("by ", " (tentative)"), a second paragraph, bold or links elsewhere
 * in the cell keep their formatting, which `setText` would reset.
 *
 * Just before writing, the current text must still equal `before` (what the add-on read and
 * computed from); otherwise a person typed in the meantime and their edit wins.
 */
export function replaceCellText(target: Editable, before: string, after: string): WriteOutcome {
  // The text the edits' offsets count in: without chips, whatever getText() makes of them.
  const text = target.editAsText();
  const current = text.getText();
  if (current !== before) return 'changed-since';
  if (before === after) return 'unchanged';
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  const removeTo = before.length - end - 1;
  const insert = after.slice(start, after.length - end);
  // Insert before deleting: a Text element that becomes empty can lose its formatting.
  if (insert) text.insertText(start, insert);
  if (removeTo >= start) text.deleteText(start + insert.length, removeTo + insert.length);
  return 'written';
}
