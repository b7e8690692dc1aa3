// Test helper: fixture workbooks for the metrics tests: plans from the fixture MAPs lived through weeks of edits, their deals, and a CRM report.
import { addDays } from '../../../src/core/scheduling/calendar';
import type { DealDetails } from '../../../src/core/deal/deal';
import { observe, startHistory, type PlanHistory } from '../../../src/core/history/history';
import { readCrmReport, opportunityRow, type Opportunity } from '../../../src/core/metrics/crm-report';
import { matchPlans, type MatchResult } from '../../../src/core/metrics/match';
import type { ReferencePlan } from '../../../src/core/metrics/reference';
import { planRows } from '../../../src/core/metrics/rows';
import { workbookData, type WorkbookData } from '../../../src/core/metrics/workbook';
import type { ParsedPlan } from '../../../src/core/reading/parsed-plan';
import type { IsoDate, Status } from '../../../src/core/plan';
import { fixtureText, readMarkdownPlan } from '../markdown-plan';

/** A change a person makes to a step (by its 0-based row): its date moved by days (or cleared), its status set. */
export interface StepEdit {
  step?: number;
  slip?: number;
  clear?: boolean;
  status?: Status;
  /** The decision target moved by days (step is ignored). */
  decisionSlip?: number;
}

export interface PlanScript {
  documentId: string;
  fixture: string;
  locale?: string;
  /** The day the add-on first read the plan; null: never (no history saved, the export's day becomes its baseline). */
  firstRead: IsoDate | null;
  edits: [day: IsoDate, changes: StepEdit[], cause?: 'hand' | 'shift'][];
  deal: DealDetails;
  /** The day the plan was exported. */
  exportedOn: IsoDate;
  /** Replacements in the Markdown before reading (a hostile step name, say). */
  markdown?: [from: string, to: string][];
}

function applied(plan: ParsedPlan, changes: readonly StepEdit[]): ParsedPlan {
  const steps = plan.steps.map((s) => ({ ...s }));
  let keyDates = plan.keyDates;
  for (const c of changes) {
    if (c.decisionSlip !== undefined) {
      const line = keyDates.decisionTarget;
      if (line?.date) keyDates = { ...keyDates, decisionTarget: { ...line, date: addDays(line.date, c.decisionSlip) } };
      continue;
    }
    const s = steps[c.step ?? -1];
    if (!s) throw new Error(`No step ${c.step}`);
    if (c.clear) s.due = null;
    else if (c.slip !== undefined) {
      if (s.due === null) throw new Error(`Step ${c.step} has no date to slip`);
      s.due = addDays(s.due, c.slip);
    }
    if (c.status) {
      s.status = c.status;
      s.statusText = c.status;
    }
  }
  return { ...plan, steps, keyDates };
}

export interface LivedPlan extends ReferencePlan {
  url: string;
}

/** The plan and its history after the script's edits, as the add-on would have recorded them. */
export function livePlan(script: PlanScript): LivedPlan {
  let markdown = fixtureText(script.fixture);
  for (const [from, to] of script.markdown ?? []) {
    if (!markdown.includes(from)) throw new Error(`Not in ${script.fixture}: ${from}`);
    markdown = markdown.replace(from, to);
  }
  let plan = readMarkdownPlan(markdown, script.firstRead ?? script.exportedOn, null, script.locale ?? 'en_US');
  let history: PlanHistory | null = script.firstRead === null ? null : startHistory(plan, script.firstRead, 'hand');
  for (const [day, changes, cause] of script.edits) {
    plan = applied(plan, changes);
    if (history) history = observe(history, plan, day, cause ?? 'hand').history;
  }
  return {
    documentId: script.documentId,
    url: `https://docs.google.com/document/d/${script.documentId}/edit`,
    plan,
    history,
    deal: script.deal,
    today: script.exportedOn,
  };
}

export interface FixtureWorkbook {
  name: string;
  asOf: IsoDate;
  plans: LivedPlan[];
  opportunities: Opportunity[];
  match: MatchResult;
  data: WorkbookData;
}

const DEAL: DealDetails = {
  seller: 'Sam Lee',
  theirCompany: 'Globex',
  dealType: 'standard',
  stage: 'post-demo',
  annualContractValue: 85000,
  currency: 'USD',
  crm: null,
  outcome: 'open',
  closedOn: null,
};

export function buildWorkbook(name: string, asOf: IsoDate, scripts: readonly PlanScript[], crmCsv: string | null): FixtureWorkbook {
  const plans = scripts.map(livePlan);
  let opportunities: Opportunity[] = [];
  if (crmCsv !== null) {
    const report = readCrmReport(crmCsv);
    if (!report.ok) throw new Error(report.error);
    opportunities = report.opportunities;
  }
  const match = matchPlans(
    plans.map((p) => ({
      documentId: p.documentId,
      crm: p.deal.crm,
      theirCompany: p.deal.theirCompany,
      title: p.plan.title,
      started: p.history?.baseline.on ?? p.today,
    })),
    opportunities,
  );
  const rows = plans.map((p) => planRows({ documentId: p.documentId, url: p.url, plan: p.plan, history: p.history, deal: p.deal, today: p.today }));
  return { name, asOf, plans, opportunities: match.opportunities, match, data: workbookData(rows, match.opportunities.map(opportunityRow)) };
}

// ─── Workbook A: a Salesforce team, four plans, a year of opportunities ─────────────────────

const SALESFORCE_CSV = [
  'Opportunity Name,Account Name,Amount,Stage,Created Date,Close Date,Won,Closed,Opportunity ID',
  'Globex - Platform,"Globex, Inc.","$85,000.00",Closed Won,11/2/2026,2/20/2027,1,1,006Hs00001GlbxAAAQ',
  'Initech new business,"Initech, Inc.","120,000",Closed Lost,10/15/2026,3/30/2027,0,1,006Hs00001InitAAAQ',
  'Umbrella rollout,UMBRELLA CORP,"64,000",Negotiation/Review,12/1/2026,4/30/2027,0,0,006Hs00001UmbrAAAQ',
  'Hooli,Hooli LLC,"60,000",Closed Won,7/1/2026,10/15/2026,1,1,006Hs00001HoolAAAQ',
  'Vandelay imports,Vandelay Industries,"55,000",Closed Lost,8/1/2026,11/20/2026,0,1,006Hs00001VandAAAQ',
  'Stark pilot,Stark Industries,"70,000",Prospecting,1/10/2027,6/30/2027,0,0,006Hs00001StrkAAAQ',
  'Wayne small,Wayne Enterprises,"40,000",Closed Won,9/1/2026,1/10/2027,1,1,006Hs00001WaynAAAQ',
  'Soylent,Soylent Corp,"90,000",Closed Lost,12/10/2026,2/2/2027,0,1,006Hs00001SoylAAAQ',
  'Tyrell,Tyrell Corporation,"150,000",Closed Won,1/5/2027,3/25/2027,1,1,006Hs00001TyrlAAAQ',
  '"Pied Piper ""compression""",Pied Piper,"52,000",Proposal/Price Quote,2/1/2027,5/15/2027,0,0,006Hs00001PiedAAAQ',
  'Cyberdyne,Cyberdyne Systems,"75,000",Closed Won,3/1/2027,4/10/2027,1,1,006Hs00001CybrAAAQ',
].join('\r\n');

export function workbookA(): FixtureWorkbook {
  return buildWorkbook('Salesforce team', '2027-04-20', [
    {
      documentId: 'doc-globex',
      fixture: 'maps/standard-en_US',
      firstRead: '2026-12-01',
      edits: [
        ['2026-12-18', [{ step: 0, status: 'complete' }, { step: 1, slip: 7 }]],
        ['2026-12-28', [{ step: 2, status: 'complete' }, { step: 1, status: 'complete' }]],
        ['2027-01-12', [{ step: 3, slip: 5 }, { step: 4, slip: 5 }, { step: 5, slip: 5 }], 'shift'],
        ['2027-01-20', [{ step: 3, status: 'complete' }, { step: 4, status: 'complete' }]],
        ['2027-02-01', [{ step: 7, slip: 10 }, { step: 8, slip: 10 }, { decisionSlip: 7 }]],
        ['2027-02-19', [{ step: 5, status: 'complete' }, { step: 6, status: 'complete' }, { step: 7, status: 'complete' }, { step: 8, status: 'complete' }, { step: 9, status: 'complete' }]],
      ],
      deal: { ...DEAL, crm: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Hs00001GlbxAAAQ/view', outcome: 'won', closedOn: '2027-02-20' },
      exportedOn: '2027-02-22',
    },
    {
      documentId: 'doc-initech',
      fixture: 'maps/enterprise-en_US',
      firstRead: '2026-12-03',
      edits: [
        ['2026-12-21', [{ step: 0, status: 'complete' }, { step: 2, slip: 14 }]],
        ['2027-01-15', [{ step: 1, status: 'complete' }, { step: 2, slip: 7 }]],
        ['2027-02-10', [{ step: 2, status: 'complete' }, { step: 3, status: 'complete' }, { step: 7, clear: true }]],
        ['2027-03-01', [{ step: 7, status: 'blocked' }]],
      ],
      deal: { ...DEAL, theirCompany: 'Initech', dealType: 'enterprise', annualContractValue: 120000, outcome: 'lost', closedOn: '2027-03-30' },
      exportedOn: '2027-03-30',
    },
    {
      documentId: 'doc-umbrella',
      fixture: 'maps/mid-market-en_US',
      firstRead: '2026-12-07',
      edits: [
        ['2026-12-11', [{ step: 0, status: 'complete' }]],
        ['2026-12-20', [{ step: 1, slip: 10 }, { step: 2, slip: 10 }]],
        ['2027-01-05', [{ step: 1, status: 'complete' }]],
      ],
      deal: { ...DEAL, theirCompany: 'Umbrella Corporation', dealType: 'mid-market', annualContractValue: 64000, stage: 'negotiation' },
      exportedOn: '2027-04-19',
    },
    {
      documentId: 'doc-massive',
      fixture: 'maps/expansion-en_US',
      firstRead: '2026-12-07',
      edits: [
        ['2026-12-09', [{ step: 0, status: 'complete' }, { step: 1, status: 'complete' }]],
        ['2026-12-30', [{ step: 2, status: 'complete' }, { step: 3, slip: 7 }]],
        ['2027-01-19', [{ step: 3, status: 'complete' }, { step: 4, status: 'complete' }]],
      ],
      deal: { ...DEAL, theirCompany: 'Massive Dynamic', dealType: 'expansion', annualContractValue: 30000, outcome: 'won', closedOn: '2027-01-20' },
      exportedOn: '2027-01-21',
    },
  ], SALESFORCE_CSV);
}

// ─── Workbook B: a HubSpot team, plans across 2026, hostile text in a step ──────────────────

const HUBSPOT_CSV = [
  '"Record ID","Deal Name","Associated Company","Amount","Deal Stage","Create Date","Close Date","Pipeline","Deal owner"',
  '"9001","Northwind - platform","Northwind Traders","72000","Closed Won","2026-02-10 09:15","2026-05-05 16:00","Sales Pipeline","Sam Lee"',
  '"9002","Contoso, expansion","Contoso Ltd.","51000","Closed Lost","2026-06-01 10:00","2026-09-10 11:00","Sales Pipeline","Sam Lee"',
  '"9003","Fabrikam","Fabrikam GmbH","88000","Contract Sent","2026-10-01 08:00","2027-01-30 08:00","Sales Pipeline","Ana Ruiz"',
  '"9004","Litware","Litware","66000","Closed Won","2026-04-01 08:00","2026-08-20 08:00","Sales Pipeline","Ana Ruiz"',
  '"9005","Adventure Works","Adventure Works","99000","Closed Lost","2026-03-15 08:00","2026-07-01 08:00","Sales Pipeline","Ana Ruiz"',
  '"9006","Tailspin","Tailspin Toys","58000","Closed Won","2026-07-15 08:00","2026-11-30 08:00","Sales Pipeline","Sam Lee"',
  '"9007","Woodgrove","Woodgrove Bank","150000","Appointment Scheduled","2026-12-01 08:00","2027-03-31 08:00","Sales Pipeline","Sam Lee"',
  '"9008","Proseware","Proseware, Inc.","80000","Decision Maker Bought-In","2026-11-15 08:00","2027-02-28 08:00","Sales Pipeline","Ana Ruiz"',
].join('\n');

export function workbookB(): FixtureWorkbook {
  return buildWorkbook('HubSpot team', '2027-01-10', [
    {
      documentId: 'doc-northwind',
      fixture: 'maps/healthy',
      firstRead: '2026-03-02',
      edits: [
        ['2026-03-20', [{ step: 2, status: 'complete' }, { step: 3, status: 'complete' }]],
        ['2026-03-31', [{ step: 4, slip: 7 }, { step: 5, slip: 7 }, { step: 6, slip: 7 }], 'shift'],
        ['2026-04-10', [{ step: 4, status: 'complete' }, { step: 5, status: 'complete' }, { step: 6, status: 'complete' }, { step: 8, slip: 7 }, { decisionSlip: 7 }]],
        ['2026-05-01', [{ step: 7, status: 'complete' }, { step: 8, status: 'complete' }, { step: 9, status: 'complete' }]],
      ],
      deal: { ...DEAL, theirCompany: 'Northwind Traders', crm: '9001', annualContractValue: 72000, outcome: 'won', closedOn: '2026-05-05' },
      exportedOn: '2026-05-06',
    },
    {
      documentId: 'doc-fabrikam',
      fixture: 'maps/day-first',
      locale: 'en_GB',
      firstRead: '2026-12-08',
      edits: [
        ['2026-12-21', [{ step: 0, status: 'complete' }, { step: 1, slip: 14 }]],
        ['2027-01-08', [{ step: 1, status: 'complete' }, { step: 2, slip: 3 }]],
      ],
      deal: { ...DEAL, theirCompany: 'Fabrikam', currency: 'EUR', annualContractValue: 88000, stage: 'negotiation' },
      exportedOn: '2027-01-09',
    },
    {
      documentId: 'doc-contoso',
      fixture: 'maps/closing-en_US',
      firstRead: '2026-06-10',
      markdown: [['| 3 | Go-live date agreed |', '| 3 | =IMPORTXML("http://x") |']],
      edits: [
        ['2026-06-15', [{ step: 0, slip: 5 }, { step: 1, status: 'complete' }]],
        ['2026-07-01', [{ step: 0, slip: 10 }, { step: 2, status: 'complete' }]],
      ],
      deal: { ...DEAL, theirCompany: 'Contoso', dealType: 'closing', annualContractValue: 51000, outcome: 'lost', closedOn: '2026-09-10' },
      exportedOn: '2026-09-11',
    },
    {
      documentId: 'doc-twotables',
      fixture: 'maps/two-steps-tables',
      firstRead: '2026-11-20',
      edits: [['2026-12-19', [{ step: 0, status: 'complete' }, { step: 1, slip: 7 }]]],
      deal: { ...DEAL, theirCompany: 'Blue Yonder Airlines', outcome: 'no-decision', closedOn: '2027-01-05' },
      exportedOn: '2027-01-06',
    },
  ], HUBSPOT_CSV);
}

// ─── Workbook C: no CRM report yet; plans never read before the export ─────────────────────

export function workbookC(): FixtureWorkbook {
  return buildWorkbook('No CRM report', '2027-01-15', [
    { documentId: 'doc-messy', fixture: 'maps/messy', firstRead: null, edits: [], deal: { ...DEAL, theirCompany: null }, exportedOn: '2027-01-15' },
    { documentId: 'doc-gb', fixture: 'maps/standard-en_GB', locale: 'en_GB', firstRead: null, edits: [], deal: DEAL, exportedOn: '2027-01-15' },
    {
      documentId: 'doc-us',
      fixture: 'maps/standard-en_US',
      firstRead: '2026-12-01',
      edits: [['2026-12-10', [{ step: 1, slip: 3 }, { step: 2, slip: 3 }]]],
      deal: { ...DEAL, outcome: 'won', closedOn: '2027-01-12' },
      exportedOn: '2027-01-14',
    },
  ], null);
}

export const WORKBOOKS = [workbookA, workbookB, workbookC];
