/** An action's automatic refresh of the team workbook while another execution holds the document lock: it waits and builds on that execution's work, refuses with a sentence and changes nothing, or keeps the action when only the workbook fails. */
import { lockSheetId, LOCK_SHEET } from '../../src/core/export/export-plan';
import { insertForm, openDocument, type Session } from './harness';
import { onlyWorkbook, recordsOf, rowsOf } from './workbook';

const BUSY = 'Someone else is updating this plan right now. Try again in a few seconds.';
/** The whole answer is that sentence: no stack trace, no "Sorry, … failed". */
const ONLY_BUSY = new RegExp(`^${BUSY.replace(/\./g, '\\.')}$`);
const UP_TO_DATE = ' The team workbook is up to date.';
/** When the action runs: Nov 30, 09:30 in New York, the plan's zone. */
const ACTION_AT = '2026-11-30T14:30:00Z';

const dealForm = (stage: string, value: string) => ({
  seller: 'Sam Lee', theirCompany: 'Globex', dealType: 'standard', stage, annualContractValue: value,
  currency: 'USD', crm: '', outcome: 'open', closedOn: '',
});

interface Action {
  name: 'applyShift' | 'markReviewed' | 'saveDealDetails' | 'undoLastShift';
  arg?: unknown;
  /** What the action says when the workbook plays no part. */
  says: string;
  /** Run before: what the action needs (a shift to undo). */
  before?: (s: Session) => void;
  /** What the seller sees in the document and the workbook once the action is done. */
  shows: (s: Session) => void;
}

const stepRow = (s: Session, step: string) => recordsOf(onlyWorkbook(s.env), 'Steps').find((r) => r.Step === step);
const dealRow = (s: Session) => recordsOf(onlyWorkbook(s.env), 'Deals')[0];

const ACTIONS: Record<string, Action> = {
  'Apply shift': {
    name: 'applyShift',
    arg: { kind: 'step', step: 2, to: '+1 week' },
    says: 'Shifted 5 due dates and 2 key dates.',
    shows: (s) => {
      expect(s.markdown()).toContain('| 2 | Security questionnaire review | Acme sends, Globex IT reviews | Jan 4, 2027 |');
      expect(stepRow(s, '2')).toMatchObject({ 'Due (first planned)': '2026-12-24', 'Due (now)': '2027-01-04', Slips: '1' });
    },
  },
  'Mark reviewed': {
    name: 'markReviewed',
    arg: { writeLine: true },
    says: 'Review recorded for Nov 30, 2026. The document now says so too.',
    shows: (s) => {
      expect(s.markdown()).toContain('Last reviewed: Nov 30, 2026');
      expect(dealRow(s)).toMatchObject({ 'Last review': '2026-11-30' });
    },
  },
  'deal Save': {
    name: 'saveDealDetails',
    arg: dealForm('proposal', '90000'),
    says: 'Deal saved.',
    shows: (s) => {
      expect(s.run('getDeal').form).toMatchObject({ stage: 'proposal', annualContractValue: '90000' });
      expect(dealRow(s)).toMatchObject({ Stage: 'proposal', Value: '90000' });
    },
  },
  Undo: {
    name: 'undoLastShift',
    says: '7 dates are back as they were before "shift step 2 to Jan 4, 2027".',
    before: (s) => expect(s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' }).ok).toBe(true),
    shows: (s) => {
      expect(s.markdown()).toContain('| 2 | Security questionnaire review | Acme sends, Globex IT reviews | Dec 24, 2026 |');
      expect(stepRow(s, '2')).toMatchObject({ 'Due (now)': '2026-12-24' });
    },
  },
};
const EACH_ACTION = Object.entries(ACTIONS);

/** The inserted standard plan, exported once by hand on Nov 27 into the seller's team workbook "Team". */
function linkedPlan(): Session {
  const s = openDocument({ today: '2026-11-27' });
  expect(s.run('insertMap', insertForm()).ok).toBe(true);
  s.setInstant('2026-11-27T15:00:00Z');
  expect(s.run('createTeamWorkbook', { name: 'Team' })).toMatchObject({ ok: true, lastExport: { text: 'Nov 27, 10:00', workbook: 'Team' } });
  return s;
}

/** Runs the action; its answer when it was done (Mark reviewed's answer has no `ok`: it is never refused), which must say `message`. */
function run(s: Session, action: Action): { message: string } {
  return (action.arg === undefined ? s.run(action.name) : s.run(action.name, action.arg)) as { ok?: boolean; message: string };
}

function expectDone(result: { ok?: boolean; message: string }, message: string): void {
  expect(result.ok ?? true).toBe(true);
  expect(result.message).toBe(message);
}

/** setProperties() calls per store so far (each store keeps its own ledger). */
function propertyWrites(s: Session): { document: number; user: number } {
  return { document: s.env.properties.document.calls.count('setProperties'), user: s.env.properties.user.calls.count('setProperties') };
}

/** Everything a person could see change: the document's blocks with their formatting, both property stores, and the workbook. */
function everything(s: Session) {
  const books = [...s.env.spreadsheetFiles.values()];
  return {
    blocks: s.blocks(),
    documentProperties: s.env.properties.document.toObject(),
    userProperties: s.env.properties.user.toObject(),
    workbooks: books.map((book) => ({ name: book.name, sheets: book.sheets.map((sheet) => sheet.name), rows: ['Deals', 'Steps', 'Slips'].map((name) => rowsOf(book, name)) })),
  };
}

describe('another execution holds the document and lets go within the 10 s wait', () => {
  test.each(EACH_ACTION)('%s waits, then is done: the document, the workbook\'s rows and the Deal tab\'s "Last exported" show it, in one property write', (_label, action) => {
    const s = linkedPlan();
    action.before?.(s);
    s.setInstant(ACTION_AT);
    const writes = propertyWrites(s);
    s.env._holdDocumentLock(9_500);
    expectDone(run(s, action), action.says + UP_TO_DATE);
    // It waited the documented 10 s, not less, for the other execution.
    expect(s.env.locks.document.waits.at(-1)).toBe(10_000);
    action.shows(s);
    expect(s.run('getDeal').lastExport).toEqual({ at: '2026-11-30T14:30:00.000Z', text: 'Nov 30, 09:30', workbook: 'Team' });
    const after = propertyWrites(s);
    expect({ document: after.document - writes.document, user: after.user - writes.user }).toEqual({ document: 1, user: 0 });
  });

  test("a colleague's shift finishes while Mark reviewed waits: the review is recorded on the shifted plan and the workbook holds both", () => {
    const s = linkedPlan();
    let colleague = { document: 0, user: 0 };
    s.env._holdDocumentLock(4_000, () => {
      // The colleague's Apply, an hour earlier, refreshing the workbook itself.
      s.setInstant('2026-11-30T13:30:00Z');
      const before = propertyWrites(s);
      expect(s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' }).message).toBe('Shifted 5 due dates and 2 key dates.' + UP_TO_DATE);
      const after = propertyWrites(s);
      colleague = { document: after.document - before.document, user: after.user - before.user };
      s.setInstant(ACTION_AT);
    });
    const writes = propertyWrites(s);
    expect(s.run('markReviewed', { writeLine: true }).message).toBe('Review recorded for Nov 30, 2026. The document now says so too.' + UP_TO_DATE);
    // The colleague's dates stay, beside the review line.
    ACTIONS['Apply shift']!.shows(s);
    ACTIONS['Mark reviewed']!.shows(s);
    expect(dealRow(s)).toMatchObject({ Slips: '5', 'Last review': '2026-11-30' });
    expect(recordsOf(onlyWorkbook(s.env), 'Slips').filter((r) => r.Step === '2')).toEqual([expect.objectContaining({ From: '2026-12-24', To: '2027-01-04' })]);
    // Nothing of the colleague's shift is lost: it can still be undone.
    expect(s.run('getShiftState').undo).toBe('Shift downstream dates: step 2 to Jan 4, 2027');
    expect(s.run('getDeal').lastExport).toMatchObject({ text: 'Nov 30, 09:30' });
    const after = propertyWrites(s);
    expect({ document: after.document - writes.document - colleague.document, user: after.user - writes.user - colleague.user }).toEqual({ document: 1, user: 0 });
  });

  test("a colleague's deal Save finishes while Apply waits: the refreshed Deals row has the colleague's stage and the shift's dates", () => {
    const s = linkedPlan();
    s.env._holdDocumentLock(2_000, () => {
      expect(s.run('saveDealDetails', dealForm('negotiation', '120000')).message).toBe('Deal saved.' + UP_TO_DATE);
    });
    s.setInstant(ACTION_AT);
    expect(s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' }).message).toBe('Shifted 5 due dates and 2 key dates.' + UP_TO_DATE);
    ACTIONS['Apply shift']!.shows(s);
    expect(dealRow(s)).toMatchObject({ Stage: 'negotiation', Value: '120000', 'Decision target (now)': '2027-02-22' });
  });
});

describe('another execution keeps the document past the 10 s wait', () => {
  test.each(EACH_ACTION)('%s answers with one sentence and changes nothing: document, workbook, history and last-export record as they were', (_label, action) => {
    const s = linkedPlan();
    action.before?.(s);
    s.setInstant(ACTION_AT);
    const before = everything(s);
    const writes = propertyWrites(s);
    s.env._holdDocumentLock();
    expect(() => run(s, action)).toThrow(ONLY_BUSY);
    expect(s.env.locks.document.waits.at(-1)).toBe(10_000);
    expect(everything(s)).toEqual(before);
    expect(propertyWrites(s)).toEqual(writes);
    // Once the other execution is done, the same click works.
    s.env._releaseDocumentLock();
    expectDone(run(s, action), action.says + UP_TO_DATE);
    action.shows(s);
  });

  test('"Export to Sheets" says so and writes nothing', () => {
    const s = linkedPlan();
    s.stepCell(2, 'Due date').setText('Jan 8, 2027');
    const before = everything(s);
    s.env._holdDocumentLock();
    expect(() => s.run('exportToSheets')).toThrow(ONLY_BUSY);
    expect(everything(s)).toEqual(before);
    expect(stepRow(s, '2')).toMatchObject({ 'Due (now)': '2026-12-24' });
  });

  test('"Choose a workbook" says so and links nothing: the earlier workbook stays the one refreshed', () => {
    const s = linkedPlan();
    const manager = openDocument({ spreadsheetFiles: s.env.spreadsheetFiles, userEmail: 'manager@acme.com' });
    manager.run('insertMap', insertForm());
    manager.run('createTeamWorkbook', { name: 'Sales team' });
    const picked = [...s.env.spreadsheetFiles.values()].find((book) => book.name === 'Sales team')!;
    s.env._pickFile(picked.id);
    const before = everything(s);
    s.env._holdDocumentLock();
    expect(() => s.run('linkPickedWorkbook', { id: picked.id, name: 'Sales team', mimeType: 'application/vnd.google-apps.spreadsheet' })).toThrow(
      ONLY_BUSY,
    );
    expect(everything(s)).toEqual(before);
    expect(s.run('getDeal').workbook).toMatchObject({ name: 'Team' });
  });

  test('"Create a workbook" says so before any workbook exists: trying again later makes one workbook, not two', () => {
    const s = openDocument({ today: '2026-11-27' });
    expect(s.run('insertMap', insertForm()).ok).toBe(true);
    const before = everything(s);
    s.env._holdDocumentLock();
    expect(() => s.run('createTeamWorkbook', { name: 'Team' })).toThrow(ONLY_BUSY);
    // No workbook in Drive, none linked: the Deal tab still offers to create one.
    expect(everything(s)).toEqual(before);
    expect(s.run('getDeal').workbook).toBeNull();
    s.env._releaseDocumentLock();
    expect(s.run('createTeamWorkbook', { name: 'Team' })).toMatchObject({ ok: true, message: 'Exported to "Team": the deal and 11 steps.' });
    expect(recordsOf(onlyWorkbook(s.env), 'Steps')).toHaveLength(11);
  });
});

describe('Insert MAP in another document of a seller whose workbook refreshes after every change', () => {
  const INSERTED = 'Inserted "Mutual Action Plan: Acme + Initech" with 7 steps. Walk the prospect through it and ask what is missing: their edits make it mutual.';

  /** The seller's second deal: a new document; the link to "Team" is theirs (user properties), so it comes along. */
  function secondDocument(first: Session): Session {
    const s = openDocument({ today: '2026-11-27', spreadsheetFiles: first.env.spreadsheetFiles, documentId: 'doc-initech' });
    for (const [key, value] of Object.entries(first.env.properties.user.toObject())) s.env.properties.user.entries.set(key, value);
    s.env._pickFile(onlyWorkbook(first.env).id);
    s.setInstant(ACTION_AT);
    return s;
  }
  const initech = () => insertForm({ theirCompany: 'Initech', dealType: 'mid-market' });

  test('waits for the other execution, then inserts and adds the new plan\'s rows beside the first plan\'s', () => {
    const s = secondDocument(linkedPlan());
    s.env._holdDocumentLock(9_500);
    const writes = propertyWrites(s);
    expectDone(s.run('insertMap', initech()), INSERTED + UP_TO_DATE);
    expect(s.markdown()).toContain('| 7 | Onboarding kickoff | Acme | Jan 15, 2027 | Pending | 6 |');
    expect(recordsOf(onlyWorkbook(s.env), 'Deals').map((d) => d['Their company'])).toEqual(['Globex', 'Initech']);
    expect(recordsOf(onlyWorkbook(s.env), 'Steps')).toHaveLength(11 + 7);
    expect(s.run('getDeal').lastExport).toMatchObject({ text: 'Nov 30, 09:30', workbook: 'Team' });
    const after = propertyWrites(s);
    expect({ document: after.document - writes.document, user: after.user - writes.user }).toEqual({ document: 1, user: 0 });
  });

  test('kept past the wait: says so, and the document, its properties and the workbook are as they were', () => {
    const s = secondDocument(linkedPlan());
    const before = everything(s);
    s.env._holdDocumentLock();
    expect(() => s.run('insertMap', initech())).toThrow(ONLY_BUSY);
    expect(everything(s)).toEqual(before);
  });

  test('the workbook deleted meanwhile: the plan is inserted with its baseline, the message says the workbook was not updated, no export is recorded', () => {
    const s = secondDocument(linkedPlan());
    s.env.spreadsheetFiles.clear();
    expectDone(s.run('insertMap', initech()), `${INSERTED} The team workbook was not updated: Requested entity was not found.`);
    expect(s.markdown()).toContain('| 7 | Onboarding kickoff | Acme | Jan 15, 2027 | Pending | 6 |');
    expect(Object.keys(s.env.properties.document.toObject())).toEqual(expect.arrayContaining(['map.settings', 'map.deal', 'map.history']));
    expect(s.env.properties.document.toObject()['map.lastExport']).toBeUndefined();
    expect(s.run('getDeal').lastExport).toBeNull();
  });
});

/** Ways the team workbook fails while the document is the seller's to change, and Google's words for each. */
const FAILURES: [string, (s: Session) => void, string][] = [
  ['the workbook was deleted', (s) => s.env.spreadsheetFiles.clear(), 'Requested entity was not found.'],
  ["the seller's access was changed to Viewer", (s) => s.env._makeViewOnly(onlyWorkbook(s.env).id), 'The caller does not have permission'],
  [
    'another export holds the workbook for more than 30 s',
    (s) => {
      // A live lock: another seller's export took it just now and is still writing.
      const taken = new Date(ACTION_AT).getTime();
      s.env.sheets!.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { sheetId: lockSheetId(taken), title: LOCK_SHEET, hidden: true } } }] }, onlyWorkbook(s.env).id);
    },
    'The team workbook is busy: another export has held it for 30 seconds. Try again in a minute.',
  ],
];

describe('the export fails while the action succeeds', () => {
  const cases = FAILURES.flatMap(([why, fail, google]) => ['Apply shift', 'Mark reviewed', 'deal Save'].map((label) => [label, why, fail, google] as const));

  test.each(cases)('%s when %s: done, with one sentence about the workbook; the history stands and "Last exported" does not move', (label, _why, fail, google) => {
    const action = ACTIONS[label]!;
    const s = linkedPlan();
    s.setInstant(ACTION_AT);
    const stored = s.env.properties.document.toObject();
    fail(s);
    const book = everything(s).workbooks;
    const writes = propertyWrites(s);
    expectDone(run(s, action), `${action.says} The team workbook was not updated: ${google}`);
    // The change is in the document (or the deal) and in its history, in the action's one write.
    if (label === 'Apply shift') expect(s.markdown()).toContain('| 2 | Security questionnaire review | Acme sends, Globex IT reviews | Jan 4, 2027 |');
    if (label === 'Mark reviewed') expect(s.markdown()).toContain('Last reviewed: Nov 30, 2026');
    if (label === 'deal Save') expect(s.run('getDeal').form).toMatchObject({ stage: 'proposal', annualContractValue: '90000' });
    const now = s.env.properties.document.toObject();
    if (label !== 'deal Save') expect(now['map.history']).not.toBe(stored['map.history']);
    if (label === 'Apply shift') expect(s.run('getShiftState').undo).toBe('Shift downstream dates: step 2 to Jan 4, 2027');
    expect(now['map.lastExport']).toBe(stored['map.lastExport']);
    expect(s.run('getDeal').lastExport).toMatchObject({ text: 'Nov 27, 10:00', workbook: 'Team' });
    const after = propertyWrites(s);
    expect({ document: after.document - writes.document, user: after.user - writes.user }).toEqual({ document: 1, user: 0 });
    // A workbook that is still there is exactly as it was (another export's lock included).
    expect(everything(s).workbooks).toEqual(book);
  });
});
