// Deal details: what the Deal panel submits is validated with messages for the person; CRM links give their ids.
import { crmIdOf, parseDealDetails, UNKNOWN_DEAL } from '../../../src/core/deal/deal';

test('valid details pass, with text trimmed and blanks as null', () => {
  const r = parseDealDetails({ ...UNKNOWN_DEAL, seller: '  Sam Lee ', crm: '  ', currency: 'eur', outcome: 'won', closedOn: '2026-03-02', annualContractValue: 85000 });
  expect(r).toEqual({ ok: true, deal: { ...UNKNOWN_DEAL, seller: 'Sam Lee', crm: null, currency: 'EUR', outcome: 'won', closedOn: '2026-03-02', annualContractValue: 85000 } });
});

test.each([
  [{ outcome: 'won' }, 'closedOn', 'Give the day the deal closed.'],
  [{ closedOn: '2026-03-02' }, 'closedOn', 'An open deal has no close date yet.'],
  [{ outcome: 'maybe' }, 'outcome', 'The outcome is open, won, lost or no decision.'],
  [{ currency: 'dollars' }, 'currency', 'The currency is a three-letter code, like USD or EUR.'],
  [{ annualContractValue: -5 }, 'annualContractValue', 'The annual contract value must be between 0 and 1,000,000,000.'],
  [{ annualContractValue: '85k' }, 'annualContractValue', 'The annual contract value must be a number, like 85000.'],
  [{ dealType: 'huge' }, 'dealType', 'Choose a deal type.'],
  [{ outcome: 'lost', closedOn: '2026-02-30' }, 'closedOn', 'The close date must be a date, like 2026-03-02.'],
])('%j is refused on %s', (change, field, error) => {
  expect(parseDealDetails({ ...UNKNOWN_DEAL, ...change })).toEqual({ ok: false, field, error });
});

test('anything but an object is refused with a message', () => {
  expect(parseDealDetails(null)).toMatchObject({ ok: false });
  expect(parseDealDetails('x')).toMatchObject({ ok: false });
});

test.each([
  ['006Hs00001AbCdEIAV', '006Hs00001AbCdEIAV'],
  ['https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001AbCdEIAV/view', '006Hs00001AbCdEIAV'],
  ['https://acme.my.salesforce.com/006Hs00001AbCdE', '006Hs00001AbCdE'],
  ['https://app.hubspot.com/contacts/123456/deal/9876543210', '9876543210'],
  ['https://app.hubspot.com/contacts/123456/record/0-3/9876543210/', '9876543210'],
  ['OPP-42', 'OPP-42'],
  [' ', null],
])('CRM id of %s', (text, id) => {
  expect(crmIdOf(text)).toBe(id);
});
