/** A shift while a person types, in a plan where an unnumbered row sits above the step whose number its position takes (the property test's "shift in a document with an added row"). */
import { cellTexts, insertForm, openDocument, type Session } from './harness';

/** The inserted plan with the prospect's own row (empty "#") added above step 11: its position makes it "11" too. */
function planWithAddedRow(): Session {
  const s = openDocument({ locale: 'en_US', today: '2026-11-27' });
  expect(s.run('insertMap', insertForm({ dealType: 'standard' })).ok).toBe(true);
  const table = s.doc.getBody().getTables().find((t) => t.getRow(0).getCell(1).getText() === 'Action')!;
  const row = table.insertTableRow(11);
  for (const text of ['', 'Added by Globex: data migration', 'Globex', 'Dec 7, 2026', 'Pending', '']) row.appendTableCell(text);
  return s;
}

/** Applies "step 1 slipped a week"; the person appends `typed` to `cell` when the add-on makes its first write call. */
function applyWhileTyping(s: Session, cell: GoogleAppsScript.Document.TableCell, typed: string) {
  const preview = s.run('previewShift', { kind: 'step', step: 1, to: '+1 week' });
  if (!preview.ok) throw new Error(preview.message);
  const calls = s.env.calls;
  const record = calls.record.bind(calls);
  let done = false;
  calls.record = (label: string) => {
    record(label);
    if (!done && /\.(editAsText|insertText|deleteText|setText)$/.test(label)) {
      done = true;
      cell.editAsText().appendText(typed);
    }
  };
  try {
    return s.run('applyShift', { kind: 'step', step: 1, to: '+1 week', expect: preview.token });
  } finally {
    calls.record = record;
  }
}

const dueColumn = (s: Session) => cellTexts(s.table('#', 'Action')).slice(1).map((r) => `${r[0]} ${r[1]}: ${r[3]}`);

test('typing in the unnumbered row keeps the text; numbered step 11 still moves; nothing is reported skipped', () => {
  const s = planWithAddedRow();
  const applied = applyWhileTyping(s, s.stepCell(11, 'Due date'), '!');
  expect(applied).toMatchObject({ ok: true, skipped: [] });
  expect(dueColumn(s).slice(8)).toEqual([
    '9 Contract redlines and negotiation: Feb 12, 2027',
    '10 Contract signature: Feb 22, 2027',
    ' Added by Globex: data migration: Dec 7, 2026!',
    '11 Onboarding kickoff: Feb 26, 2027',
  ]);
});

test('typing in numbered step 11 keeps the text and reports step 11 as changed by someone; the unnumbered row is untouched', () => {
  const s = planWithAddedRow();
  const applied = applyWhileTyping(s, s.stepCell(12, 'Due date'), ' (tbc)');
  expect(applied.ok).toBe(true);
  expect(applied.ok && applied.skipped).toEqual(['Step 11\'s due date was changed by someone while the shift ran; left as "Feb 19, 2027 (tbc)".']);
  expect(dueColumn(s).slice(8)).toEqual([
    '9 Contract redlines and negotiation: Feb 12, 2027',
    '10 Contract signature: Feb 22, 2027',
    ' Added by Globex: data migration: Dec 7, 2026',
    '11 Onboarding kickoff: Feb 19, 2027 (tbc)',
  ]);
});
