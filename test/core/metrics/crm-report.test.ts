// CRM reports as Salesforce and HubSpot export them: columns by name, RFC 4180 quoting, amounts and dates in their usual forms, outcomes, and plans matched to opportunities.
import { parseCsv, writeCsv } from '../../../src/core/metrics/csv';
import { isPastDemo, opportunityRow, outcomeOfStage, parseAmount, parseReportDate, readCrmReport, type Opportunity } from '../../../src/core/metrics/crm-report';
import { companyKey, matchPlans } from '../../../src/core/metrics/match';

describe('CSV (RFC 4180)', () => {
  test('quoted fields hold commas, doubled quotes and line breaks; CRLF and LF both end records', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['1', '', '3'],
    ]);
  });
  test('a byte-order mark is dropped, blank lines skipped, a last line without a line break kept', () => {
    expect(parseCsv('\uFEFFa,b\n\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });
  test('semicolons and tabs, as European locales export', () => {
    expect(parseCsv('Opportunity Name;Amount\n"Globex; EU";"85.000,00"\n')).toEqual([['Opportunity Name', 'Amount'], ['Globex; EU', '85.000,00']]);
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });
  test('writing quotes what needs it, and reads back the same', () => {
    const records = [['plain', 'a,b', 'say "x"', 'line\nbreak', ' edge ']];
    const text = writeCsv(records);
    expect(text).toBe('plain,"a,b","say ""x""","line\nbreak"," edge "\r\n');
    expect(parseCsv(text)).toEqual(records);
  });
});

test.each([
  ['85000', 85000, null],
  ['$85,000.00', 85000, null],
  ['USD 85,000', 85000, 'USD'],
  ['85.000,00 €', 85000, 'EUR'],
  ['€85.000', 85000, 'EUR'],
  ['£1,250,000.50', 1250000.5, 'GBP'],
  ['1 250 000', 1250000, null],
  ['85,5', 85.5, null],
  ['', null, null],
  ['n/a', null, null],
])('amount %j', (raw, amount, currency) => {
  expect(parseAmount(raw)).toEqual({ amount, currency });
});

test.each([
  ['2026-03-14', false, '2026-03-14'],
  ['2026-03-14 10:22', false, '2026-03-14'],
  ['2026-03-14T10:22:00Z', false, '2026-03-14'],
  ['3/14/2026', false, '2026-03-14'],
  ['3/4/2026', false, '2026-03-04'],
  ['4/3/2026', true, '2026-03-04'],
  ['14/03/2026', true, '2026-03-14'],
  ['14.03.2026', false, '2026-03-14'],
  ['3/14/26', false, '2026-03-14'],
  ['03/14/2026 10:22 AM', false, '2026-03-14'],
  ['Mar 14, 2026', false, '2026-03-14'],
  ['14 March 2026', false, '2026-03-14'],
  ['2/30/2026', false, null],
  ['soon', false, null],
])('date %j (day first: %s)', (raw, dayFirst, iso) => {
  expect(parseReportDate(raw, dayFirst)).toBe(iso);
});

test.each([
  ['Closed Won', 'won', true],
  ['closedwon', 'won', true],
  ['Closed Lost', 'lost', true],
  ['closedlost', 'lost', true],
  ['Prospecting', 'open', false],
  ['Qualification', 'open', false],
  ['Needs Analysis', 'open', false],
  ['Value Proposition', 'open', true],
  ['Id. Decision Makers', 'open', true],
  ['Perception Analysis', 'open', true],
  ['Proposal/Price Quote', 'open', true],
  ['Negotiation/Review', 'open', true],
  ['Appointment Scheduled', 'open', false],
  ['qualifiedtobuy', 'open', false],
  ['Presentation Scheduled', 'open', false],
  ['Decision Maker Bought-In', 'open', true],
  ['decisionmakerboughtin', 'open', true],
  ['Contract Sent', 'open', true],
  ['Something custom', 'open', false],
])('stage %j: outcome %s, past demo %s', (stage, outcome, past) => {
  expect([outcomeOfStage(stage), isPastDemo(stage)]).toEqual([outcome, past]);
});

describe('reading a report', () => {
  test('Salesforce: columns by name in any order, Won/Closed flags, US dates, quoted names', () => {
    const report = readCrmReport(
      [
        'Account Name,Opportunity Name,Stage,Amount,Close Date,Created Date,Won,Closed,Opportunity ID',
        '"Globex, Inc.","Globex - Platform",Negotiation/Review,"$85,000.00",2/20/2027,11/2/2026,0,0,006Hs00001GlbxAAAQ',
        'Initech,"Initech ""new""",Some stage,120000,3/30/2027,10/15/2026,0,1,006Hs00001InitAAAQ',
        'Hooli,Hooli,Closed Won,60000,10/15/2026,7/1/2026,1,1,006Hs00001HoolAAAQ',
        ',,,,,,,,',
        ',,Closed Won,100,,,,,X1',
      ].join('\r\n'),
    );
    if (!report.ok) throw new Error(report.error);
    expect(report.source).toBe('Salesforce');
    expect(report.opportunities.map((o) => [o.id, o.name, o.account, o.amount, o.stage, o.outcome, o.pastDemo, o.created, o.closeDate])).toEqual([
      ['006Hs00001GlbxAAAQ', 'Globex - Platform', 'Globex, Inc.', 85000, 'Negotiation/Review', 'open', true, '2026-11-02', '2027-02-20'],
      ['006Hs00001InitAAAQ', 'Initech "new"', 'Initech', 120000, 'Some stage', 'lost', true, '2026-10-15', '2027-03-30'],
      ['006Hs00001HoolAAAQ', 'Hooli', 'Hooli', 60000, 'Closed Won', 'won', true, '2026-07-01', '2026-10-15'],
    ]);
    expect(report.problems).toEqual([{ line: 6, message: 'No opportunity name or account: skipped.' }]);
  });

  test("Salesforce's report footer (totals, copyright, generated by) is not an opportunity", () => {
    const report = readCrmReport(
      [
        '"Opportunity Name","Account Name","Amount","Stage","Close Date","Opportunity ID"',
        '"Globex","Globex","85000","Closed Won","2/20/2027","006Hs00001GlbxAAAQ"',
        '"Grand Totals (1 records)","","85000","","",""',
        '""',
        '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
        '"Confidential Information - Do Not Distribute"',
        '"Generated By:  Sam Lee  3/1/2027 9:03 AM"',
        '"Acme, Inc."',
      ].join('\n'),
    );
    if (!report.ok) throw new Error(report.error);
    expect(report.opportunities.map((o) => o.name)).toEqual(['Globex']);
    expect(report.problems).toEqual([]);
  });

  test('HubSpot: Record ID, Deal Name, Associated Company, Deal Stage, dates with times', () => {
    const report = readCrmReport(
      '"Record ID","Deal Name","Associated Company","Amount","Deal Stage","Create Date","Close Date","Pipeline"\n' +
        '"9001","Northwind","Northwind Traders","72000","closedwon","2026-02-10 09:15","2026-05-05 16:00","Sales Pipeline"\n' +
        '"9002","Contoso","Contoso Ltd.","","Contract Sent","2026-06-01 10:00","","Sales Pipeline"\n',
    );
    if (!report.ok) throw new Error(report.error);
    expect(report.source).toBe('HubSpot');
    expect(report.opportunities.map((o) => opportunityRow(o))).toEqual([
      { opportunityId: '9001', name: 'Northwind', account: 'Northwind Traders', amount: 72000, currency: null, stage: 'closedwon', pastDemo: 'yes', created: { date: '2026-02-10' }, closeDate: { date: '2026-05-05' }, outcome: 'won', plan: null, matchedBy: null, source: 'HubSpot' },
      { opportunityId: '9002', name: 'Contoso', account: 'Contoso Ltd.', amount: null, currency: null, stage: 'Contract Sent', pastDemo: 'yes', created: { date: '2026-06-01' }, closeDate: null, outcome: 'open', plan: null, matchedBy: null, source: 'HubSpot' },
    ]);
  });

  test('day-first dates are recognised from the report itself; bad dates and amounts are reported and left empty', () => {
    const report = readCrmReport('Opportunity Name,Account Name,Amount,Created Date,Close Date\nA,A,lots,3/4/2026,25/04/2026\nB,B,10,next week,1/2/2026\n');
    if (!report.ok) throw new Error(report.error);
    expect(report.opportunities.map((o) => [o.amount, o.created, o.closeDate])).toEqual([
      [null, '2026-04-03', '2026-04-25'],
      [10, null, '2026-02-01'],
    ]);
    expect(report.problems).toEqual([
      { line: 2, message: 'Amount "lots" is not a number: left empty.' },
      { line: 3, message: 'Created date "next week" is not a date: left empty.' },
    ]);
  });

  test('a report without ids gets stable ids from name and account; a repeated id is kept apart', () => {
    const report = readCrmReport('Deal Name,Company,Amount,Record ID\nA,Acme,1,\nB,Beta,2,7\nC,Gamma,3,7\n');
    if (!report.ok) throw new Error(report.error);
    expect(report.opportunities.map((o) => o.id)).toEqual(['A (Acme)', '7', '7 #4']);
    expect(report.problems[0]?.message).toMatch(/appears twice/);
  });

  test('something else is refused with a sentence', () => {
    expect(readCrmReport('')).toEqual({ ok: false, error: 'The report is empty.' });
    expect(readCrmReport('Date,Temperature\n1/1/2026,3\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^This does not look like an opportunity report/) });
  });
});

describe('matching plans to opportunities', () => {
  const opp = (id: string, account: string, created: string | null, extra: Partial<Opportunity> = {}): Opportunity => ({
    id, name: id, account, amount: 1, currency: null, stage: '', pastDemo: true, created, closeDate: null, outcome: 'open', source: 'CSV', plan: null, matchedBy: null, ...extra,
  });
  const plan = (documentId: string, theirCompany: string | null, crm: string | null = null, started: string | null = '2026-12-01') => ({ documentId, theirCompany, crm, title: documentId, started });

  test.each([
    ['Globex, Inc.', 'GLOBEX'],
    ['Globex Inc', 'globex'],
    ['The Globex Corporation', 'Globex'],
    ['Umbrella Corp.', 'umbrella'],
    ['Müller GmbH', 'Muller'],
    ['A&B Ltd', 'A and B'],
    ['Initech Holdings, LLC', 'Initech'],
  ])('%s and %s are one company', (a, b) => {
    expect(companyKey(a)).toBe(companyKey(b));
  });

  test('different companies stay apart, and a name that is only a suffix is kept', () => {
    expect(companyKey('Globex')).not.toBe(companyKey('Globex Systems'));
    expect(companyKey('Company')).toBe('company');
  });

  test('by CRM id first (a link, a 15-character id for an 18-character one), else by account name; unmatched plans listed', () => {
    const result = matchPlans(
      [
        plan('d1', 'Somebody else', 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001GlbxAAAQ/view'),
        plan('d2', 'initech, inc.'),
        plan('d3', 'Nobody Ltd'),
        plan('d4', 'Hooli', '006Hs00001HoolA'),
        plan('d5', null),
      ],
      [opp('006Hs00001GlbxAAAQ', 'Globex', '2026-11-01'), opp('006Hs00001InitAAAQ', 'Initech', '2026-11-01'), opp('006Hs00001HoolAAAQ', 'Hooli', '2026-11-01')],
    );
    expect(result.opportunities.map((o) => [o.id, o.plan, o.matchedBy])).toEqual([
      ['006Hs00001GlbxAAAQ', 'd1', 'CRM id'],
      ['006Hs00001InitAAAQ', 'd2', 'account name'],
      ['006Hs00001HoolAAAQ', 'd4', 'CRM id'],
    ]);
    expect(result.unmatched.map((p) => p.documentId)).toEqual(['d3', 'd5']);
  });

  test('one account with several opportunities: the one created nearest the plan; each opportunity takes one plan', () => {
    const result = matchPlans(
      [plan('renewal', 'Globex', null, '2027-11-20'), plan('first', 'Globex', null, '2026-12-01'), plan('third', 'Globex', null, '2026-12-02')],
      [opp('o-2026', 'Globex', '2026-11-15'), opp('o-2027', 'Globex Inc', '2027-11-10')],
    );
    expect(result.opportunities.map((o) => [o.id, o.plan])).toEqual([
      ['o-2026', 'first'],
      ['o-2027', 'renewal'],
    ]);
    expect(result.unmatched.map((p) => p.documentId)).toEqual(['third']);
  });

  test('matching again clears earlier matches first', () => {
    const once = matchPlans([plan('d1', 'Globex')], [opp('o', 'Globex', null)]);
    expect(matchPlans([], once.opportunities).opportunities[0]).toMatchObject({ plan: null, matchedBy: null });
  });
});
