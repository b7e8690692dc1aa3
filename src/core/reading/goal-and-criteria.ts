/** The plan's words around its tables: the Goal, and the Success criteria (under their heading, or the list after a line asking what success looks like). */
import { keyDateNameOf, LABEL_LINE } from './key-dates';
import { isSectionLabel, type PlanDocument } from './sections';
import { clean } from './text';

const SUCCESS_LEAD_IN = /need to see|success criteria|what success looks like|definition of success/i;

/**
 * Lines of the Success criteria section, the method's question above them left out. Without that
 * heading, the list right after a line asking what success looks like ("What does Globex need to see..."),
 * whose body index is `leadIn` (the section's place when it has no heading).
 */
export function readSuccessCriteria(doc: PlanDocument): { lines: { text: string; index: number }[]; leadIn: number | null } {
  const hasSection = doc.sections.some((s) => s.name === 'successCriteria');
  const lines: { text: string; index: number }[] = [];
  let question: number | null = null;
  let leadIn: number | null = null;
  doc.blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph' || block.heading > 0 || i === doc.titleAt || doc.sections[i]?.changes) {
      question = null;
      return;
    }
    const text = clean(block.text);
    if (!text) return;
    if (hasSection) {
      const asks = block.list === null && (text.endsWith('?') || isSectionLabel(block));
      if (doc.sections[i]?.name === 'successCriteria' && !asks) lines.push({ text, index: block.index });
    } else if (block.list === null) question = SUCCESS_LEAD_IN.test(text) ? block.index : null;
    else if (question !== null) {
      lines.push({ text, index: block.index });
      leadIn ??= question;
    }
  });
  return { lines, leadIn };
}

/**
 * The Goal section's text; without that heading, the first plain paragraph after the title, with
 * its body index (the Goal section's place then). A goal under its heading gives no index: the
 * heading is the place.
 */
export function readGoal(doc: PlanDocument): { text: string; index: number | null } | null {
  const lines: string[] = [];
  doc.blocks.forEach((block, i) => {
    if (block.kind === 'paragraph' && doc.sections[i]?.name === 'goal' && block.heading === 0 && !isSectionLabel(block) && clean(block.text)) lines.push(clean(block.text));
  });
  if (lines.length > 0) return { text: lines.join('\n'), index: null };
  if (doc.sections.some((s) => s.name === 'goal') || doc.titleAt < 0) return null;
  for (let i = doc.titleAt + 1; i < doc.blocks.length; i++) {
    const block = doc.blocks[i];
    if (!block || block.kind === 'table' || doc.sections[i]?.name || doc.sections[i]?.changes) return null;
    const text = clean(block.text);
    if (!text || block.list !== null || keyDateNameOf(LABEL_LINE.exec(text)?.[1] ?? '') !== null) continue;
    if (block.heading > 0) return null;
    return { text, index: block.index };
  }
  return null;
}
