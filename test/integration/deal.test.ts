/** The Deal panel end to end: what Insert saved, editing it, a plan the add-on did not insert, and the health check reading the same values; the document's text never changes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { insertForm, openDocument } from './harness';

const HEALTHY = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'maps', 'healthy.md'), 'utf8');

const form = (overrides: Record<string, string> = {}) => ({
  seller: 'Sam Lee',
  theirCompany: 'Globex',
  dealType: 'standard',
  stage: 'proposal',
  annualContractValue: '120,000',
  currency: 'eur',
  crm: 'https://acme.my.salesforce.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view',
  outcome: 'open',
  closedOn: '',
  ...overrides,
});

describe('the Deal panel', () => {
  test('shows what the Insert form captured', () => {
    const s = openDocument({ today: '2026-11-27' });
    s.run('insertMap', insertForm());
    const view = s.run('getDeal');
    expect(view.plan).toBe('Mutual Action Plan: Acme + Globex');
    expect(view.form).toEqual({
      seller: 'Sam Lee',
      theirCompany: 'Globex',
      dealType: 'standard',
      stage: 'post-demo',
      annualContractValue: '85000',
      currency: 'USD',
      crm: '',
      outcome: 'open',
      closedOn: '',
    });
    expect(view.outcomes.map((o) => o.label)).toEqual(['Open', 'Won', 'Lost', 'No decision']);
    expect(view.workbook).toBeNull();
  });

  test('saving changes the deal, never the document; the health check reads the new stage and value', () => {
    const s = openDocument({ today: '2026-11-27' });
    s.run('insertMap', insertForm());
    const before = s.markdown();
    const saved = s.run('saveDealDetails', form({ stage: 'negotiation', annualContractValue: '$12K' }));
    expect(saved).toMatchObject({ ok: true, message: 'Deal saved.' });
    expect(s.markdown()).toBe(before);
    const view = s.run('getDeal');
    expect(view.form).toMatchObject({ stage: 'negotiation', annualContractValue: '12000', currency: 'EUR' });
    expect(view.crmLink).toBe('https://acme.my.salesforce.com/lightning/r/Opportunity/0065g00000AbCdEAAZ/view');
    const health = s.run('getHealth');
    expect(health.dealStage).toBe('Negotiation');
    expect(health.annualContractValue).toBe(12000);
    // Negotiation and a small deal are rules of the method: both now apply.
    expect(health.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['too-late', 'overkill']));
  });

  test('a won deal needs its close date; each wrong field gets its sentence', () => {
    const s = openDocument({ today: '2026-11-27' });
    s.run('insertMap', insertForm());
    const refused = s.run('saveDealDetails', form({ outcome: 'won', annualContractValue: 'a lot', currency: 'dollars' }));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors).toEqual({
      annualContractValue: 'Annual contract value must be a number, like 85,000.',
      currency: 'The currency is a three-letter code, like USD or EUR.',
      closedOn: 'Give the day the deal closed.',
    });
    const won = s.run('saveDealDetails', form({ outcome: 'won', closedOn: '2027-02-10' }));
    expect(won.ok).toBe(true);
    expect(s.run('getDeal').form).toMatchObject({ outcome: 'won', closedOn: '2027-02-10' });
    // Back to open: the close date goes with it.
    s.run('saveDealDetails', form({ outcome: 'open', closedOn: '2027-02-10' }));
    expect(s.run('getDeal').form.closedOn).toBe('');
  });

  test('bad input gets a clear message, never a stack trace', () => {
    const s = openDocument({ today: '2026-11-27' });
    expect(s.run('saveDealDetails', 'won')).toEqual({
      ok: false,
      message: 'Some fields need a look before the deal can be saved.',
      errors: { form: 'The deal form could not be read. Close and reopen the sidebar, then try again.' },
    });
  });

  test('a plan the add-on did not insert starts with nothing known, and can be given its deal', () => {
    const s = openDocument({ today: '2026-03-10', markdown: HEALTHY });
    const view = s.run('getDeal');
    expect(view.plan).toBe('Mutual Action Plan: Acme + Globex');
    expect(view.form).toMatchObject({ dealType: '', stage: '', annualContractValue: '', outcome: 'open' });
    expect(s.run('getHealth').dealStage).toBeNull();
    const before = s.markdown();
    expect(s.run('saveDealDetails', form({ stage: 'post-demo', annualContractValue: '85000' })).ok).toBe(true);
    expect(s.markdown()).toBe(before);
    expect(s.run('getHealth')).toMatchObject({ dealStage: 'Post-demo (evaluation confirmed)', annualContractValue: 85000 });
  });
});
