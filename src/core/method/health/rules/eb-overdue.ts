/** "EB won't schedule the business case meeting": an overdue step the economic buyer owns (judged by its owner, not by the words of its action). */
import type { ParsedStep } from '../../../reading/parsed-plan';
import { dueSignal } from '../../status-style';
import { championName } from '../context';
import { EB_WORDS, isNamed, mentions } from '../people';
import { stepPlace } from '../places';
import type { Rule } from '../types';
import { capital, listWords, ownersOf, stepName } from '../words';

export const ebOverdue: Rule = {
  id: 'eb-overdue',
  severity: 'warning',
  method: "EB won't schedule the business case meeting: EB is not bought in or deal isn't a priority.",
  check(context) {
    const { economicBuyer: eb, people, open, today, calendar } = context;
    // The owner says whose step it is; an action that names the economic buyer ("Business case
    // presentation to Maria Chen") may well be ours to deliver.
    const owns = (s: ParsedStep): boolean =>
      ownersOf(s).some((owner) => EB_WORDS.test(owner) || (eb !== null && eb.name.trim() !== '' && mentions(owner, eb.name, people)));
    const overdue = open.filter((s) => owns(s) && dueSignal(s, today, calendar) === 'overdue');
    const first = overdue[0];
    if (!first) return null;
    const name = eb && isNamed(eb) ? eb.name.trim() : null;
    const champion = championName(context, '');
    const via = champion ? `${champion}, the champion` : 'the champion';
    return {
      title: "The economic buyer's step is overdue",
      detail: `${capital(listWords(overdue.map((s) => `${stepName(s)} ${context.dueWords(s)}`)))}.`,
      action: `Escalate through ${via}${name ? '' : ', and find out who the economic buyer is'}.`,
      say: `What would help get ${name ?? 'the economic buyer'} to commit 15 minutes?`,
      place: stepPlace(first, 'due'),
    };
  },
};
