/** A second plan in the same document: the check says it judged only the first, so nobody takes silence about the second for a clean bill. */
import type { Rule } from '../types';

export const secondPlan: Rule = {
  id: 'second-plan',
  severity: 'warning',
  method: 'One plan per deal: the MAP is the single shared document both sides work from.',
  check({ plan }) {
    const second = plan.diagnostics.find((d) => d.where === 'Second plan');
    if (!second) return null;
    return {
      title: 'Only the first plan was checked',
      detail: `This document also holds "${second.text ?? 'a second plan'}", below the first plan. Nothing in it was read or checked.`,
      action: 'Move the second plan into a document of its own, then run the health check there.',
      say: null,
      place: null,
    };
  },
};
