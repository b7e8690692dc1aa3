/** validateInsertForm and parseAnnualValue: the sidebar's raw form in, an InsertForm or one sentence per field out. */
import { parseAnnualValue, validateInsertForm } from '../../../src/core/method/insert-form';
import type { InsertForm } from '../../../src/core/plan';

/** The form as the sidebar sends it through google.script.run: all strings. */
function rawForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    yourCompany: 'Acme',
    theirCompany: 'Globex',
    product: 'Acme Flow',
    problem: 'slow invoice approvals',
    dealType: 'mid-market',
    dealStage: 'post-demo',
    annualContractValue: '85,000',
    evaluationStart: '2026-03-02',
    decisionTarget: '',
    goLiveTarget: '',
    people: {
      champion: { name: 'Dana Ruiz', title: 'VP Finance' },
      economicBuyer: { name: '', title: '' },
      technicalEvaluator: { name: '', title: '' },
      accountExecutive: { name: 'Sam Lee', title: '' },
      solutionsEngineer: { name: '', title: '' },
    },
    theirWords: { procurement: '', legal: '', security: '', internalReview: '' },
    ...overrides,
  };
}

function formOf(raw: unknown): InsertForm {
  const result = validateInsertForm(raw);
  if (!result.ok) throw new Error(`Expected a form, got ${JSON.stringify(result.errors)}`);
  return result.form;
}

function errorsOf(raw: unknown): Record<string, string> {
  const result = validateInsertForm(raw);
  if (result.ok) throw new Error('Expected errors, got a form');
  return result.errors;
}

function withPerson(role: string, person: unknown): Record<string, unknown> {
  const base = rawForm();
  return { ...base, people: { ...(base.people as object), [role]: person } };
}

function withWord(word: string, value: unknown): Record<string, unknown> {
  const base = rawForm();
  return { ...base, theirWords: { ...(base.theirWords as object), [word]: value } };
}

describe('a valid form', () => {
  it('comes back as an InsertForm: trimmed, the value read, blank dates null, default words', () => {
    expect(formOf(rawForm({ yourCompany: '  Acme  ', problem: ' slow\n invoice\tapprovals ' }))).toEqual({
      yourCompany: 'Acme',
      theirCompany: 'Globex',
      product: 'Acme Flow',
      problem: 'slow invoice approvals',
      dealType: 'mid-market',
      dealStage: 'post-demo',
      annualContractValue: 85_000,
      evaluationStart: '2026-03-02',
      decisionTarget: null,
      goLiveTarget: null,
      people: {
        champion: { name: 'Dana Ruiz', title: 'VP Finance' },
        economicBuyer: { name: '', title: '' },
        technicalEvaluator: { name: '', title: '' },
        accountExecutive: { name: 'Sam Lee', title: '' },
        solutionsEngineer: { name: '', title: '' },
      },
      theirWords: { procurement: 'procurement', legal: 'legal', security: 'IT', internalReview: 'internal review' },
    });
  });

  it('keeps the dates and the prospect\'s words given', () => {
    const form = formOf(
      rawForm({
        decisionTarget: ' 2026-04-17 ',
        goLiveTarget: '2026-05-04',
        theirWords: { procurement: ' vendor management ', legal: 'counsel', security: 'InfoSec', internalReview: '' },
      }),
    );
    expect(form.decisionTarget).toBe('2026-04-17');
    expect(form.goLiveTarget).toBe('2026-05-04');
    expect(form.theirWords).toEqual({ procurement: 'vendor management', legal: 'counsel', security: 'InfoSec', internalReview: 'internal review' });
  });

  it('lets people and the prospect\'s words be left out entirely, or sent as null', () => {
    const { people: _people, theirWords: _words, decisionTarget: _d, goLiveTarget: _g, ...bare } = rawForm();
    const form = formOf(bare);
    expect(form.people.champion).toEqual({ name: '', title: '' });
    expect(form.theirWords.procurement).toBe('procurement');
    expect(form.decisionTarget).toBeNull();
    expect(formOf(rawForm({ people: null, theirWords: null, decisionTarget: null })).people.economicBuyer).toEqual({ name: '', title: '' });
    expect(formOf(withPerson('champion', { name: 'Dana Ruiz' })).people.champion).toEqual({ name: 'Dana Ruiz', title: '' });
  });

  it('ignores fields it does not know', () => {
    expect(formOf(rawForm({ extra: 'x' }))).not.toHaveProperty('extra');
  });

  it('accepts every deal type and stage', () => {
    for (const dealType of ['standard', 'mid-market', 'enterprise', 'expansion', 'closing']) {
      expect(formOf(rawForm({ dealType })).dealType).toBe(dealType);
    }
    for (const dealStage of ['discovery', 'post-demo', 'proposal', 'negotiation']) {
      expect(formOf(rawForm({ dealStage })).dealStage).toBe(dealStage);
    }
  });

  it('accepts names up to 120 characters, a problem up to 160 (a phrase of the goal) and a word up to 60', () => {
    expect(formOf(rawForm({ yourCompany: 'a'.repeat(120), problem: 'p'.repeat(160) })).yourCompany).toHaveLength(120);
    expect(formOf(withWord('procurement', 'w'.repeat(60))).theirWords.procurement).toHaveLength(60);
  });

  it('accepts a go-live target on the decision date', () => {
    expect(formOf(rawForm({ decisionTarget: '2026-04-17', goLiveTarget: '2026-04-17' })).goLiveTarget).toBe('2026-04-17');
  });
});

describe('the annual contract value', () => {
  it.each<[string, number]>([
    ['85000', 85_000],
    ['85,000', 85_000],
    ['$85K', 85_000],
    ['85k', 85_000],
    ['1.2M', 1_200_000],
    ['$1.2m', 1_200_000],
    ['1.5MM', 1_500_000],
    ['USD 85,000', 85_000],
    ['85000 EUR', 85_000],
    ['€85.000', 85_000],
    ['85 000 €', 85_000],
    ["CHF 1'200'000", 1_200_000],
    ['1.200.000', 1_200_000],
    ['1,5M', 1_500_000],
    ['85,000.50', 85_000.5],
    ['2 million', 2_000_000],
    ['0.07m', 70_000],
    ['-5,000', -5_000],
  ])('reads %s as %d', (text, value) => {
    expect(parseAnnualValue(text)).toBe(value);
  });

  it.each(['', '   ', 'abc', '85 thousand dollars', '1.2.3', '85,0000', '8 5', '$', 'k', '12e3', 'NaN', 'Infinity'])('does not read %j', (text) => {
    expect(parseAnnualValue(text)).toBeNull();
  });

  it('is read from the form, and a number is accepted as it is', () => {
    expect(formOf(rawForm({ annualContractValue: '$85K' })).annualContractValue).toBe(85_000);
    expect(formOf(rawForm({ annualContractValue: 42_000 })).annualContractValue).toBe(42_000);
  });

  it.each<[unknown, string]>([
    [undefined, 'Enter the annual contract value, like 85,000.'],
    ['', 'Enter the annual contract value, like 85,000.'],
    ['  ', 'Enter the annual contract value, like 85,000.'],
    ['eighty', 'Annual contract value must be a number, like 85,000.'],
    [true, 'Annual contract value must be a number, like 85,000.'],
    [Number.NaN, 'Annual contract value must be a number, like 85,000.'],
    ['0', 'Annual contract value must be more than 0.'],
    ['-5000', 'Annual contract value must be more than 0.'],
    ['2000000000000', 'Annual contract value looks too large: enter the yearly amount, like 85,000 or 1.2M.'],
  ])('refuses %j: %s', (value, message) => {
    expect(errorsOf(rawForm({ annualContractValue: value }))).toEqual({ annualContractValue: message });
  });
});

describe('field errors, one sentence per field', () => {
  it.each<[string, unknown, string]>([
    ['yourCompany', '', 'Enter your company name.'],
    ['yourCompany', '   ', 'Enter your company name.'],
    ['yourCompany', undefined, 'Enter your company name.'],
    ['yourCompany', 42, 'Your company name must be text.'],
    ['yourCompany', 'a'.repeat(121), 'Your company name is too long: use at most 120 characters.'],
    ['yourCompany', 'Acme\u0000', 'Your company name contains invisible control characters. Retype it, or paste it as plain text.'],
    ['theirCompany', '', "Enter the prospect's company name."],
    ['theirCompany', 'g'.repeat(121), "The prospect's company name is too long: use at most 120 characters."],
    ['product', '', 'Enter the product they are evaluating.'],
    ['product', 'p'.repeat(121), 'The product name is too long: use at most 120 characters.'],
    ['problem', '', 'Enter the problem they want to solve, as a short phrase: e.g. "cut month-end close from 12 days to 5".'],
    [
      'problem',
      'p'.repeat(161),
      'Keep the problem to a short phrase of at most 160 characters: it becomes part of the goal sentence, e.g. "cut month-end close from 12 days to 5".',
    ],
    ['problem', 'slow\u001bapprovals', 'The problem contains invisible control characters. Retype it, or paste it as plain text.'],
    ['dealType', '', 'Choose a deal type.'],
    ['dealType', 'huge', 'Choose a deal type.'],
    ['dealStage', undefined, 'Choose the deal stage.'],
    ['dealStage', 'closed-won', 'Choose the deal stage.'],
    ['evaluationStart', '', 'Enter the evaluation start date.'],
    ['evaluationStart', undefined, 'Enter the evaluation start date.'],
    ['evaluationStart', '03/02/2026', 'The evaluation start must be a date, like 2026-03-02.'],
    ['evaluationStart', '2026-02-30', 'The evaluation start must be a date, like 2026-03-02.'],
    ['evaluationStart', 20260302, 'The evaluation start must be a date, like 2026-03-02.'],
    ['evaluationStart', '0202-03-02', 'Check the year of the evaluation start: it must be between 2000 and 2100.'],
    ['decisionTarget', 'next Friday', 'The decision target must be a date, like 2026-03-02.'],
    ['decisionTarget', '2999-01-01', 'Check the year of the decision target: it must be between 2000 and 2100.'],
    ['goLiveTarget', '2026-13-01', 'The go-live target must be a date, like 2026-03-02.'],
    ['people', 'Dana', 'The people could not be read. Close and reopen the sidebar, then try again.'],
    ['theirWords', 7, "The prospect's words could not be read. Close and reopen the sidebar, then try again."],
  ])('%s = %j: %s', (field, value, message) => {
    expect(errorsOf(rawForm({ [field]: value }))).toEqual({ [field]: message });
  });

  it.each<[string, string, unknown, string]>([
    ['champion', 'name', 'n'.repeat(121), "The champion's name is too long: use at most 120 characters."],
    ['champion', 'title', 't'.repeat(121), "The champion's title is too long: use at most 120 characters."],
    ['economicBuyer', 'name', 5, "The economic buyer's name must be text."],
    ['technicalEvaluator', 'name', 'Lee\u0007', "The technical evaluator's name contains invisible control characters. Retype it, or paste it as plain text."],
    ['accountExecutive', 'title', ['AE'], "Your account executive's title must be text."],
    ['solutionsEngineer', 'name', 'n'.repeat(200), "Your solutions engineer's name is too long: use at most 120 characters."],
  ])('people.%s.%s = %j: %s', (role, field, value, message) => {
    expect(errorsOf(withPerson(role, { name: '', title: '', [field]: value }))).toEqual({ [`people.${role}.${field}`]: message });
  });

  it('reports a person sent as something other than name and title', () => {
    expect(errorsOf(withPerson('champion', 'Dana Ruiz'))).toEqual({
      'people.champion': "The champion's details could not be read. Close and reopen the sidebar, then try again.",
    });
  });

  it.each<[string, unknown, string]>([
    ['procurement', 'w'.repeat(61), 'Their word for procurement is too long: use at most 60 characters.'],
    ['legal', 3, 'Their word for legal must be text.'],
    ['security', 'w'.repeat(61), 'Their word for the security review team is too long: use at most 60 characters.'],
    ['internalReview', 'budget\u0000review', 'Their word for their internal review contains invisible control characters. Retype it, or paste it as plain text.'],
  ])('theirWords.%s = %j: %s', (word, value, message) => {
    expect(errorsOf(withWord(word, value))).toEqual({ [`theirWords.${word}`]: message });
  });

  it('folds newlines and tabs into spaces instead of refusing them', () => {
    expect(formOf(rawForm({ theirCompany: 'Globex\r\nInc.\t' })).theirCompany).toBe('Globex Inc.');
  });

  it('refuses a go-live target before the decision target', () => {
    expect(errorsOf(rawForm({ decisionTarget: '2026-05-01', goLiveTarget: '2026-04-20' }))).toEqual({
      goLiveTarget: 'The go-live target must be on or after the decision target.',
    });
  });

  it('refuses targets before the evaluation start', () => {
    expect(errorsOf(rawForm({ decisionTarget: '2026-02-27' }))).toEqual({
      decisionTarget: 'The decision target must be after the evaluation start.',
    });
    expect(errorsOf(rawForm({ goLiveTarget: '2026-02-27' }))).toEqual({
      goLiveTarget: 'The go-live target must be after the evaluation start.',
    });
  });

  it('reports every field at once, the date order included', () => {
    expect(Object.keys(errorsOf(rawForm({ yourCompany: '', dealType: 'x', decisionTarget: '2026-05-01', goLiveTarget: '2026-04-01' }))).sort()).toEqual([
      'dealType',
      'goLiveTarget',
      'yourCompany',
    ]);
  });

  it('reports each missing field of an empty object', () => {
    expect(errorsOf({})).toEqual({
      yourCompany: 'Enter your company name.',
      theirCompany: "Enter the prospect's company name.",
      product: 'Enter the product they are evaluating.',
      problem: 'Enter the problem they want to solve, as a short phrase: e.g. "cut month-end close from 12 days to 5".',
      dealType: 'Choose a deal type.',
      dealStage: 'Choose the deal stage.',
      annualContractValue: 'Enter the annual contract value, like 85,000.',
      evaluationStart: 'Enter the evaluation start date.',
    });
  });

  it.each([null, undefined, 'form', 42, [], [rawForm()]])('refuses %j as a whole with a form-level error', (raw) => {
    expect(errorsOf(raw)).toEqual({ form: 'The form could not be read. Close and reopen the sidebar, then try again.' });
  });

  it('never shows zod\'s own wording', () => {
    const messy = {
      yourCompany: {},
      theirCompany: [],
      product: null,
      problem: 1,
      dealType: 3,
      dealStage: {},
      annualContractValue: {},
      evaluationStart: false,
      decisionTarget: 1,
      goLiveTarget: [],
      people: { champion: { name: {}, title: 1 }, economicBuyer: [], technicalEvaluator: 3 },
      theirWords: { procurement: {}, legal: [] },
    };
    const errors = errorsOf(messy);
    expect(Object.keys(errors).length).toBeGreaterThan(10);
    for (const message of Object.values(errors)) {
      expect(message).not.toMatch(/invalid|expected|received|zod|undefined|\bat\b.*:\d+/i);
      expect(message).toMatch(/^[A-Z].*\.$/);
    }
  });
});
