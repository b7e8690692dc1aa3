// Owner cells read back as people type them: whose step it is, and the names in the cell.
import { classifyOwner, splitOwners, type OwnerContext } from '../../../src/core/reading/cell-owner';
import type { Side } from '../../../src/core/plan';

const CTX: OwnerContext = {
  yourCompany: 'Acme',
  theirCompany: 'Globex',
  ourPeople: ['Priya Nair', 'Sam Ortiz'],
  theirPeople: ['Ana Lopez', 'Bo Chen', 'Sam Park', 'José Núñez'],
};

describe('classifyOwner', () => {
  test.each<[string, Side]>([
    ['Both', 'both'],
    ['both', 'both'],
    ['Both legal teams', 'both'],
    ['Joint', 'both'],
    ['Acme sends, Globex IT reviews', 'both'],
    ['[Your company] sends, [Their IT] reviews', 'both'],
    ['Acme + Globex', 'both'],
    ['AE + champion', 'both'],
    ['[Your AE] + [Champion]', 'both'],
    ['Priya and Ana', 'both'],
    ['SE with Globex IT', 'both'],
  ])('both sides: %p', (text, side) => {
    expect(classifyOwner(text, CTX)).toBe(side);
  });

  test.each<[string, Side]>([
    ['Acme', 'ours'],
    ['acme', 'ours'],
    ['Vendor', 'ours'],
    ['Vendor CS', 'ours'],
    ['AE', 'ours'],
    ['SE', 'ours'],
    ['SE/SA', 'ours'],
    ['our CS team', 'ours'],
    ['[Your AE]', 'ours'],
    ['[Your CS team]', 'ours'],
    ['[Your company]', 'ours'],
    ['Account executive', 'ours'],
    ['Customer Success', 'ours'],
    ['Solutions engineer', 'ours'],
    ['Acme legal', 'ours'],
    ["Acme's legal team", 'ours'],
  ])('ours: %p', (text, side) => {
    expect(classifyOwner(text, CTX)).toBe(side);
  });

  test.each<[string, Side]>([
    ['Globex', 'theirs'],
    ['Prospect procurement', 'theirs'],
    ['Champion', 'theirs'],
    ['EB', 'theirs'],
    ['Economic buyer', 'theirs'],
    ['Authorized signer', 'theirs'],
    ['Authorised signatory', 'theirs'],
    ['[EB or authorized signer]', 'theirs'],
    ['Legal', 'theirs'],
    ['IT', 'theirs'],
    ['[Their IT]', 'theirs'],
    ['[Their procurement]', 'theirs'],
    ['Procurement', 'theirs'],
    ['Security', 'theirs'],
    ['Finance', 'theirs'],
    ['CFO', 'theirs'],
    ['VP Sales', 'theirs'],
    ['Head of Sales', 'theirs'],
    ['Globex legal + procurement', 'theirs'],
  ])('theirs: %p', (text, side) => {
    expect(classifyOwner(text, CTX)).toBe(side);
  });

  test('"vendor management" is the prospect\'s procurement, not the vendor', () => {
    expect(classifyOwner('Vendor management', CTX)).toBe('theirs');
    expect(classifyOwner('vendor risk review', CTX)).toBe('theirs');
    expect(classifyOwner('Globex vendor management', CTX)).toBe('theirs');
    expect(classifyOwner('Vendor management + AE', CTX)).toBe('both');
  });

  test("a stakeholder's full, first or last name gives that person's side", () => {
    expect(classifyOwner('Ana Lopez', CTX)).toBe('theirs');
    expect(classifyOwner('Ana', CTX)).toBe('theirs');
    expect(classifyOwner('Lopez', CTX)).toBe('theirs');
    expect(classifyOwner('Priya', CTX)).toBe('ours');
    expect(classifyOwner('priya nair', CTX)).toBe('ours');
    expect(classifyOwner('José Núñez', CTX)).toBe('theirs');
  });

  test('a first name shared by both sides says nothing; the full name still does', () => {
    expect(classifyOwner('Sam', CTX)).toBe('unknown');
    expect(classifyOwner('Sam Park', CTX)).toBe('theirs');
    expect(classifyOwner('Sam Ortiz', CTX)).toBe('ours');
  });

  test('a name settles its own owner before role words do', () => {
    // Priya is ours, whatever "legal" suggests.
    expect(classifyOwner('Priya (legal)', CTX)).toBe('ours');
  });

  test('a company name with "&" or "and" is one owner, not two', () => {
    const ctx = { ...CTX, theirCompany: 'Procter & Gamble' };
    expect(classifyOwner('Procter & Gamble', ctx)).toBe('theirs');
    expect(classifyOwner('Procter & Gamble IT', ctx)).toBe('theirs');
  });

  test('the longer company name wins when one contains the other', () => {
    const ctx = { ...CTX, yourCompany: 'Acme', theirCompany: 'Acme Health' };
    expect(classifyOwner('Acme Health', ctx)).toBe('theirs');
    expect(classifyOwner('Acme', ctx)).toBe('ours');
  });

  test('known and unknown owners together give the known side', () => {
    expect(classifyOwner('Ana + someone', CTX)).toBe('theirs');
  });

  test.each(['', 'TBD', 'Someone', 'Cy', 'Exec sponsor'])('unknown: %p', (text) => {
    expect(classifyOwner(text, CTX)).toBe('unknown');
  });

  test('empty company names and placeholder people are ignored', () => {
    const ctx: OwnerContext = { yourCompany: '', theirCompany: ' ', ourPeople: ['[Your AE]'], theirPeople: ['[Champion name]'] };
    expect(classifyOwner('Ana', ctx)).toBe('unknown');
    expect(classifyOwner('name', ctx)).toBe('unknown');
    expect(classifyOwner('Champion', ctx)).toBe('theirs');
  });
});

describe('splitOwners', () => {
  test.each<[string, string[]]>([
    ['Ana, Bo and Cy', ['Ana', 'Bo', 'Cy']],
    ['Ana, Bo, and Cy', ['Ana', 'Bo', 'Cy']],
    ['Ana + Bo', ['Ana', 'Bo']],
    ['Ana/Bo', ['Ana', 'Bo']],
    ['Ana & Bo', ['Ana', 'Bo']],
    ['Ana; Bo', ['Ana', 'Bo']],
    ['Ana with Bo', ['Ana', 'Bo']],
    ['[Your AE] + [Champion]', ['Your AE', 'Champion']],
    ['Ana Lopez', ['Ana Lopez']],
    ['Sandra Anderson', ['Sandra Anderson']],
    ['', []],
  ])('%p', (text, names) => {
    expect(splitOwners(text)).toEqual(names);
  });
});

describe('classifyOwner: company names as people shorten them (one rule for steps, stakeholders and chips)', () => {
  const REAL: OwnerContext = { yourCompany: 'Acme Analytics', theirCompany: 'Brightline Health', ourPeople: [], theirPeople: [] };
  test.each<[string, Side]>([
    ['Acme Analytics', 'ours'],
    ['Acme', 'ours'],
    ['Acme CS', 'ours'],
    ['acme legal', 'ours'],
    ['AA team', 'ours'],
    ['sam@acmeanalytics.com', 'ours'],
    ['Brightline Health', 'theirs'],
    ['Brightline', 'theirs'],
    ['Brightline legal', 'theirs'],
    // "CS" is a role word of ours, but the company named first says whose team it is.
    ['Brightline CS', 'theirs'],
    ['Brightline IT', 'theirs'],
    ['BH procurement', 'theirs'],
    ['dana@brightline.com', 'theirs'],
    ['Acme sends, Brightline IT reviews', 'both'],
    ['Acme + Brightline', 'both'],
    ['Acme CS with Brightline legal', 'both'],
  ])('%p', (text, side) => {
    expect(classifyOwner(text, REAL)).toBe(side);
  });

  test('"Acme sends, Globex IT reviews" is both with Globex as the prospect', () => {
    expect(classifyOwner('Acme sends, Globex IT reviews', { yourCompany: 'Acme Analytics', theirCompany: 'Globex', ourPeople: [], theirPeople: [] })).toBe('both');
  });

  test('a shared or generic first word names neither company', () => {
    const shared: OwnerContext = { yourCompany: 'Acme Analytics', theirCompany: 'Acme Health', ourPeople: [], theirPeople: [] };
    expect(classifyOwner('Acme', shared)).toBe('unknown');
    expect(classifyOwner('Acme Health legal', shared)).toBe('theirs');
    const generic: OwnerContext = { yourCompany: 'Global Analytics', theirCompany: 'Brightline Health', ourPeople: [], theirPeople: [] };
    expect(classifyOwner('Global', generic)).toBe('unknown');
  });

  test('the stakeholder table\'s addresses say whose a domain is', () => {
    const ctx: OwnerContext = { yourCompany: 'Acme Analytics', theirCompany: 'Brightline Health', ourPeople: [], theirPeople: [], theirDomains: ['bl-health.org'] };
    expect(classifyOwner('lee@bl-health.org', ctx)).toBe('theirs');
    expect(classifyOwner('lee@elsewhere.org', ctx)).toBe('unknown');
  });
});
