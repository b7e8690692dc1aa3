/** "Name specific people": placeholders still to fill in, steps owned by a role instead of a person, and no economic buyer named. */
import { championName } from '../context';
import { isNamed, ownerContextOf, roleOnlyOwners, stepOwners } from '../people';
import type { StepColumn } from '../../../reading/parsed-plan';
import type { Side } from '../../../plan';
import { comparePlaces, itemPlace, sectionPlace, stepPlace } from '../places';
import type { DocumentPlace, Rule } from '../types';
import { capital, count, listWords, partName, placeholdersIn, stepName } from '../words';

const NAME_PEOPLE =
  'Name specific people. Not "stakeholder review." "[VP name] reviews the business case on [date]." Named people with dates create accountability.';

/** Bracketed placeholders the seller still has to fill in; the success criteria have their own rules. */
export const placeholders: Rule = {
  id: 'placeholders',
  severity: 'warning',
  method: NAME_PEOPLE,
  check({ plan }) {
    const found = new Map<string, string[]>();
    let place: DocumentPlace | null = null;
    // The first placeholder in the document, whichever part it is in.
    const at = (p: DocumentPlace | null): void => {
      if (p !== null && (place === null || comparePlaces(p, place) < 0)) place = p;
    };
    const note = (text: string, where: string, p: DocumentPlace | null): void => {
      for (const placeholder of placeholdersIn(text)) {
        const wheres = found.get(placeholder) ?? [];
        if (!wheres.includes(where)) wheres.push(where);
        found.set(placeholder, wheres);
        at(p);
      }
    };
    if (plan.goal) note(plan.goal, 'the goal', sectionPlace(plan, 'goal'));
    for (const name of ['evaluationStart', 'decisionTarget', 'goLiveTarget'] as const) {
      const line = plan.keyDates[name];
      if (line) note(line.text, 'the key dates', { kind: 'paragraph', index: line.paragraphIndex });
    }
    const stepsWith = new Map<string, number[]>();
    for (const s of plan.steps) {
      for (const [column, text] of [['action', s.action], ['owner', s.owner]] as const) {
        for (const p of placeholdersIn(text)) {
          const numbers = stepsWith.get(p) ?? [];
          if (!numbers.includes(s.number)) numbers.push(s.number);
          stepsWith.set(p, numbers);
          at(stepPlace(s, column));
        }
      }
    }
    for (const [p, numbers] of stepsWith) {
      found.set(p, [`${numbers.length === 1 ? 'step' : 'steps'} ${listWords(numbers.map(String))}`, ...(found.get(p) ?? [])]);
    }
    for (const person of plan.stakeholders) note(`${person.name} ${person.title} ${person.responsibility}`, partName(plan, 'stakeholders'), itemPlace(person));
    for (const risk of plan.risks) note(`${risk.risk} ${risk.impact} ${risk.mitigation}`, partName(plan, 'risks'), itemPlace(risk));
    if (found.size === 0) return null;
    const shown = [...found].slice(0, 5).map(([p, wheres]) => `${p} (${listWords(wheres)})`);
    const more = found.size > 5 ? `, and ${found.size - 5} more` : '';
    return {
      title: 'Placeholders still to fill in',
      detail: `Still to fill in: ${shown.join('; ')}${more}.`,
      action: "Find out who or what each one is and write it in, with each person's title in the Stakeholders table.",
      say: null,
      place,
    };
  },
};

export const roleOwners: Rule = {
  id: 'role-owners',
  severity: 'warning',
  method: NAME_PEOPLE,
  check({ plan, open, people, companies, us, them }) {
    const context = ownerContextOf(plan.stakeholders, companies);
    // Each owner judged on its own, per side: "Sam Lee (Acme) + Globex legal" leaves Globex's side to a team.
    const flagged = open.flatMap((s) => {
      if (s.owner.trim() === '' || /[[\]]/.test(s.owner)) return [];
      const owners = stepOwners(s, context, people, companies);
      const roles = roleOnlyOwners(owners);
      return roles.length > 0 ? [{ step: s, roles, alone: roles.length === owners.length && owners.length === 1 }] : [];
    });
    const first = flagged[0];
    if (!first) return null;
    const sideName = (side: Side): string => (side === 'ours' ? `${us}'s side` : side === 'theirs' ? `${them}'s side` : '');
    const named = (f: (typeof flagged)[number]): string =>
      listWords(f.roles.map((o) => (f.alone || !sideName(o.side) ? `"${o.text}"` : `"${o.text}" (${sideName(o.side)})`)));
    const many = flagged.some((f) => f.roles.length > 1);
    const detail =
      flagged.length <= 3
        ? `${capital(listWords(flagged.map((f) => `${stepName(f.step)} is owned by ${named(f)}`)))}: ${many ? 'teams or roles, not people' : 'a team or role, not a person'}.`
        : `${capital(count(flagged.length, 'step'))} name a team or role instead of a person: steps ${listWords(flagged.map((f) => f.step.label || String(f.step.number)))}.`;
    const theirsToo = flagged.some((f) => f.roles.some((o) => o.side === 'theirs' || o.side === 'both'));
    const column = (side: Side): StepColumn => (first.step.sideOwners ? (side === 'theirs' ? 'ownerTheirs' : 'ownerOurs') : 'owner');
    return {
      severity: theirsToo ? 'warning' : 'info',
      title: 'Steps owned by a role, not a person',
      detail,
      action: 'Ask who on each team owns the step and write their name, e.g. "Tom Price (Globex procurement)".',
      say: null,
      place: stepPlace(first.step, column(first.roles[0]?.side ?? 'unknown')),
    };
  },
};

export const noEconomicBuyer: Rule = {
  id: 'no-economic-buyer',
  severity: 'warning',
  method: "Share the MAP with the economic buyer. The EB should have visibility into the plan, even if they're not involved in every step.",
  check(context) {
    const { plan, economicBuyer: eb } = context;
    if (eb && isNamed(eb)) return null;
    return {
      title: 'No economic buyer named',
      detail: eb
        ? `The economic buyer is still "${eb.name.trim() || 'unnamed'}" in ${partName(plan, 'stakeholders')}.`
        : plan.stakeholders.length === 0
          ? 'The plan has no Stakeholders table, so nobody is named as the economic buyer.'
          : `Nobody in ${partName(plan, 'stakeholders')} is the economic buyer: the person who approves the budget.`,
      action: `Ask ${championName(context, 'the champion')} who approves the budget, add them to ${partName(plan, 'stakeholders')} with their title ("Budget approval. Business case sign-off"), and share the plan with them.`,
      say: null,
      place: eb ? itemPlace(eb) : sectionPlace(plan, 'stakeholders'),
    };
  },
};
