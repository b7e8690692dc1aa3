/** "Insert MAP" end to end: the built add-on in a vm with only Apps Script's globals, on an emulated Google Doc. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cellTexts, insertForm, openDocument } from './harness';
import { ScriptError } from '../../emulation';

// What Insert writes today (no due date on a US public holiday); standard-en_US.md is the same plan as inserted before holidays were skipped, still used as a document people edit.
const EXPECTED_STANDARD = readFileSync(path.join(__dirname, '..', 'fixtures', 'inserted', 'standard-en_US-holidays.md'), 'utf8');

const MENU = [
  { caption: 'Insert MAP', functionName: 'showInsertSidebar' },
  { caption: 'Shift downstream dates', functionName: 'showShiftSidebar' },
  { caption: 'Refresh status colours', functionName: 'refreshStatusColoursFromMenu' },
  { caption: 'Undo last shift', functionName: 'undoLastShiftFromMenu' },
  { caption: 'Check plan health', functionName: 'showHealthSidebar' },
  { caption: 'Weekly review', functionName: 'showReviewSidebar' },
  { caption: 'Deal details', functionName: 'showDealSidebar' },
  { caption: 'Export to Sheets', functionName: 'exportToSheetsFromMenu' },
];

describe('the add-on menu', () => {
  test('onOpen in AuthMode.NONE adds the add-on menu to Extensions and reads nothing', () => {
    const s = openDocument();
    s.addOn.trigger('onOpen', { authMode: 'NONE' });
    expect(s.env.ui._menus()).toEqual([{ title: null, addon: true, items: MENU }]);
    expect(s.env.calls.count('DocumentApp.getActiveDocument')).toBe(0);
    expect(s.env.calls.count('PropertiesService.')).toBe(0);
  });

  test('onInstall builds the same menu, so it is there right after installing', () => {
    const s = openDocument();
    s.addOn.trigger('onInstall', { authMode: 'FULL' });
    expect(s.env.ui._menus()[0]?.items).toEqual(MENU);
  });

  test('"Insert MAP" opens the self-contained sidebar titled Mutual Action Plan', () => {
    const s = openDocument();
    s.addOn.trigger('onOpen');
    s.addOn.clickMenuItem('Insert MAP');
    const sidebar = s.env.ui._sidebar();
    expect(sidebar?.title).toBe('Mutual Action Plan');
    expect(sidebar?.html).toContain('<script>');
    // Nothing is loaded from the network: no external scripts, styles or images.
    expect(sidebar?.html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
  });
});

describe('the sidebar state', () => {
  test('offers the five deal types with their step counts and today as the default start', () => {
    const s = openDocument({ today: '2026-11-27' });
    const state = s.addOn.runSync('getSidebarState') as {
      today: string;
      existingPlan: string | null;
      dealTypes: { id: string; stepCount: number }[];
    };
    expect(state.today).toBe('2026-11-27');
    expect(state.existingPlan).toBeNull();
    expect(state.dealTypes.map((d) => [d.id, d.stepCount])).toEqual([
      ['standard', 11],
      ['mid-market', 7],
      ['enterprise', 12],
      ['expansion', 6],
      ['closing', 5],
    ]);
  });

  test('today is the person\'s day: the browser\'s time zone is remembered for every later action', () => {
    // 03:30 UTC on Nov 28 is still Nov 27 for the add-on's New York project, already Nov 28 in Auckland.
    const s = openDocument();
    s.setInstant('2026-11-28T03:30:00Z');
    expect(s.run('getSidebarState').today).toBe('2026-11-27');
    expect(s.run('getSidebarState', 'Pacific/Auckland').today).toBe('2026-11-28');
    // A menu action has no browser to ask: it uses the remembered zone.
    expect(s.run('getSidebarState').today).toBe('2026-11-28');
    // A name that is no time zone is ignored.
    expect(s.run('getSidebarState', 'Mars/Olympus_Mons').today).toBe('2026-11-28');
  });

  test('names the plan already in the document', () => {
    const s = openDocument({ markdown: '# Mutual Action Plan: Acme \\+ Globex\n\nNotes from the call.\n' });
    expect((s.addOn.runSync('getSidebarState') as { existingPlan: string }).existingPlan).toBe('Mutual Action Plan: Acme + Globex');
  });
});

describe('Insert MAP', () => {
  test('writes the pre-filled standard plan into an empty document, exactly as a seller reads it', () => {
    const s = openDocument({ today: '2026-11-27' });
    const result = s.addOn.runSync('insertMap', insertForm()) as { ok: boolean; message: string };
    expect(result.ok).toBe(true);
    expect(result.message).toBe(
      'Inserted "Mutual Action Plan: Acme + Globex" with 11 steps. Walk the prospect through it and ask what is missing: their edits make it mutual.',
    );
    expect(s.markdown()).toBe(EXPECTED_STANDARD);
  });

  test('colours every status cell Pending grey and bolds the header rows, and nothing else', () => {
    const s = openDocument();
    s.addOn.runSync('insertMap', insertForm());
    const steps = s.table('#', 'Action', 'Owner', 'Due date', 'Status', 'Depends on');
    const statusColumn = 4;
    steps.rows.slice(1).forEach((row) => {
      expect(row[statusColumn]?.text).toBe('Pending');
      expect(row[statusColumn]?.backgroundColor).toBe('#e8eaed');
      row.forEach((cell, c) => c !== statusColumn && expect(cell.backgroundColor).toBeNull());
    });
    for (const cell of steps.rows[0] ?? []) {
      const runs = cell.blocks.flatMap((b) => (b.kind === 'table' ? [] : b.inlines));
      expect(runs.every((r) => r.kind !== 'text' || r.style.bold === true)).toBe(true);
    }
  });

  test('inserts at the cursor, after the paragraph holding it, and leaves every other paragraph as it was', () => {
    const s = openDocument({ markdown: 'Call notes, Nov 20\n\nThey need SOC 2 before anything else.\n\nNext call: Dec 1\n' });
    const [, soc2] = s.doc.getBody().getParagraphs();
    s.doc._setCursorAt(soc2!.getChild(0), 5);
    s.addOn.runSync('insertMap', insertForm());
    const texts = s.blocks().map((b) => (b.kind === 'table' ? `[table ${b.rows[0]?.[0]?.text}]` : b.text));
    expect(texts.slice(0, 3)).toEqual(['Call notes, Nov 20', 'They need SOC 2 before anything else.', 'Mutual Action Plan: Acme + Globex']);
    expect(texts.at(-1)).toBe('Next call: Dec 1');
    expect(texts.indexOf('Next call: Dec 1')).toBe(texts.indexOf('Risks and blockers') + 2);
  });

  test('a cursor inside a table cell puts the plan after that table, never inside it', () => {
    const s = openDocument({ markdown: 'Pricing\n\n| Tier | Price |\n| :---- | :---- |\n| Pro | 85,000 |\n\nEnd.\n' });
    const table = s.doc.getBody().getTables()[0]!;
    s.doc._setCursorInCell(table.getCell(1, 1), 2);
    s.addOn.runSync('insertMap', insertForm());
    const blocks = s.blocks();
    expect(blocks[1]?.kind).toBe('table');
    expect(blocks[1]?.kind === 'table' && cellTexts(blocks[1])).toEqual([['Tier', 'Price'], ['Pro', '85,000']]);
    expect(blocks[2]?.kind === 'paragraph' && blocks[2].text).toBe('Mutual Action Plan: Acme + Globex');
    expect(blocks.at(-1)?.kind === 'paragraph' && blocks.at(-1)).toMatchObject({ text: 'End.' });
  });

  test('a document that already holds a plan gets a message, not a second plan', () => {
    const s = openDocument();
    s.addOn.runSync('insertMap', insertForm());
    const before = s.markdown();
    const again = s.addOn.runSync('insertMap', insertForm({ theirCompany: 'Initech' })) as { ok: boolean; message: string };
    expect(again).toEqual({
      ok: false,
      message:
        'This document already has a plan ("Mutual Action Plan: Acme + Globex"). Keep one plan per deal: edit that one, or insert the new plan in a new document.',
      errors: {},
    });
    expect(s.markdown()).toBe(before);
  });

  test('a plan typed by hand (no add-on marker) is recognised by its title', () => {
    const s = openDocument({ markdown: '## Mutual action plan\n\nSteps to follow.\n' });
    const result = s.addOn.runSync('insertMap', insertForm()) as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).toContain('already has a plan ("Mutual action plan")');
  });

  test('dates are written in the user\'s locale: en_GB reads 18 Dec 2026', () => {
    const s = openDocument({ locale: 'en_GB' });
    s.addOn.runSync('insertMap', insertForm());
    const steps = cellTexts(s.table('#', 'Action'));
    expect(steps[1]?.[3]).toBe('18 Dec 2026');
    expect(s.markdown()).toContain('* Decision target: 12 Feb 2027');
  });

  test('names not given stay visible as placeholders for the seller to fill', () => {
    const s = openDocument();
    s.addOn.runSync('insertMap', insertForm());
    const people = cellTexts(s.table('Name', 'Role'));
    expect(people.map((r) => r[0])).toEqual([
      'Name',
      'Dana Ruiz',
      '[Economic buyer name]',
      '[Technical evaluator name]',
      'Sam Lee',
      '[Solutions engineer name]',
    ]);
  });

  test('the prospect\'s own word for procurement names their step', () => {
    const s = openDocument();
    s.addOn.runSync('insertMap', insertForm({ theirWords: { procurement: 'vendor management' } }));
    const step8 = cellTexts(s.table('#', 'Action'))[8];
    expect(step8?.slice(1, 3)).toEqual(['Vendor management/legal review', 'Globex vendor management']);
  });

  test('another execution holding the document makes Insert wait, then say so, and write nothing', () => {
    const s = openDocument();
    s.env._holdDocumentLock();
    expect(() => s.addOn.runSync('insertMap', insertForm())).toThrow(ScriptError);
    expect(() => s.addOn.runSync('insertMap', insertForm())).toThrow(
      /^Someone else is updating this plan right now\. Try again in a few seconds\.$/,
    );
    expect(s.doc.getBody().getNumChildren()).toBe(1);
  });

  test('inserting a whole plan costs one call per paragraph and table, not one per cell, plus a marker per step', () => {
    const s = openDocument();
    s.addOn.runSync('insertMap', insertForm());
    expect(s.env.calls.count('Body.appendTable')).toBe(3);
    expect(s.env.calls.count('TableCell.setText')).toBe(0);
    expect(s.env.calls.count('TableRow.appendTableCell')).toBe(0);
    expect(s.env.calls.count('Document.addNamedRange')).toBe(12);
    expect(s.env.calls.total()).toBeLessThanOrEqual(170);
  });
});

describe('the form is checked on the server', () => {
  test('each rejected field comes back beside its field, in words a seller understands', () => {
    const s = openDocument();
    const result = s.addOn.runSync(
      'insertMap',
      insertForm({ yourCompany: '', annualContractValue: 'lots', evaluationStart: '2026-02-30' }),
    ) as { ok: boolean; message: string; errors: Record<string, string> };
    expect(result.ok).toBe(false);
    expect(result.message).toBe('Some fields need a look before the plan can be inserted.');
    expect(Object.keys(result.errors).sort()).toEqual(['annualContractValue', 'evaluationStart', 'yourCompany']);
    for (const message of Object.values(result.errors)) expect(message).toMatch(/^[A-Z].*\.$/);
    expect(s.doc.getBody().getNumChildren()).toBe(1);
  });

  test('input that is not a form at all gets a clear message, never a stack trace', () => {
    const s = openDocument();
    for (const bad of [null, 'insert please', 42, [1, 2], { dealType: 'gigantic' }]) {
      const result = s.addOn.runSync('previewMap', bad) as { ok: boolean; errors: Record<string, string> };
      expect(result.ok).toBe(false);
      const messages = Object.values(result.errors).join(' ');
      expect(messages.length).toBeGreaterThan(0);
      expect(messages).not.toMatch(/at .*\.js|ZodError|invalid_type|Expected/);
    }
  });

  test('a decision target earlier than the steps allow is refused with the date the steps give', () => {
    const s = openDocument();
    const result = s.addOn.runSync('previewMap', insertForm({ decisionTarget: '2027-01-15' })) as {
      ok: boolean;
      errors: Record<string, string>;
    };
    expect(result.ok).toBe(false);
    expect(result.errors.decisionTarget).toContain('Feb 12, 2027');
  });
});

describe('Preview applies the method', () => {
  type Preview = { ok: boolean; guidance: { code: string; level: string; message: string; suggestDealType?: string }[]; steps: { due: { text: string } }[] };
  const preview = (form: ReturnType<typeof insertForm>) => openDocument().addOn.runSync('previewMap', form) as Preview;

  test('discovery stage: too early, confirm fit first', () => {
    const codes = preview(insertForm({ dealStage: 'discovery' })).guidance.map((g) => [g.code, g.level]);
    expect(codes).toContainEqual(['too-early', 'warning']);
  });

  test('negotiation stage: suggests the closing checklist', () => {
    const g = preview(insertForm({ dealStage: 'negotiation' })).guidance.find((x) => x.code === 'too-late');
    expect(g?.suggestDealType).toBe('closing');
    expect(g?.message.toLowerCase()).toContain('closing checklist');
  });

  test('under $20K: a MAP is overkill here', () => {
    const g = preview(insertForm({ annualContractValue: '$12K' })).guidance.find((x) => x.code === 'overkill');
    expect(g?.message).toMatch(/overkill/i);
    expect(preview(insertForm({ annualContractValue: '85,000' })).guidance.map((x) => x.code)).not.toContain('overkill');
  });

  test.each([
    ['en_US', '2026-12-14', ['Dec 25, 2026', 'Jan 1, 2027']],
    ['en_GB', '2026-12-14', ['25 Dec 2026', '28 Dec 2026', '1 Jan 2027']],
    ['en_US', '2026-11-09', ['Nov 26, 2026', 'Dec 25, 2026']],
  ])('an inserted plan (%s, from %s) puts no due date on a public holiday of the seller\'s country', (locale, start, holidays) => {
    for (const dealType of ['standard', 'enterprise', 'mid-market']) {
      const s = openDocument({ today: '2026-11-02', locale });
      expect(s.run('insertMap', insertForm({ evaluationStart: start, dealType })).ok).toBe(true);
      const due = cellTexts(s.table('#', 'Action')).slice(1).map((r) => r[3]);
      expect(due.filter((d) => holidays.includes(d ?? ''))).toEqual([]);
      expect(due).toHaveLength(dealType === 'standard' ? 11 : dealType === 'enterprise' ? 12 : 7);
    }
  });

  test('the preview shows the dates the document will hold', () => {
    const p = preview(insertForm({ dealType: 'mid-market' }));
    expect(p.steps.map((x) => x.due.text)).toEqual([
      'Dec 11, 2026',
      'Dec 18, 2026',
      // Weeks that end on Christmas Day and New Year's Day (US public holidays) are due the working day before.
      'Dec 24, 2026',
      'Dec 24, 2026',
      'Dec 31, 2026',
      'Jan 8, 2027',
      'Jan 15, 2027',
    ]);
  });
});

describe('when the add-on cannot save its memory', () => {
  test('a full property store still inserts the plan, and says what is not remembered', () => {
    // Other add-ons share this document's property store: here it is already at its 500 KB quota.
    const full = Object.fromEntries(Array.from({ length: 57 }, (_, i) => [`filler.${i}`, 'x'.repeat(8900)]));
    const s = openDocument({ properties: full });
    const result = s.addOn.runSync('insertMap', insertForm()) as { ok: boolean; message: string };
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Inserted "Mutual Action Plan: Acme \+ Globex" with 11 steps\./);
    expect(result.message).toMatch(/ The plan's history could not be saved \(the document's storage is full\); the plan itself is unchanged\.$/);
    expect(cellTexts(s.table('#', 'Action'))).toHaveLength(12);
  });
});
