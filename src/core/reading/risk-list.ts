/** Risks written as list items or lines instead of a table ("Audit takes IT time — mitigation: book the review early (Priya)"): each risk, its impact, mitigation and owner. */
import type { ParsedRisk } from './parsed-plan';
import { isSectionLabel, type PlanDocument } from './sections';
import { clean } from './text';

/** Where a mitigation starts inside a risk's line: "— mitigation: …", "; Mitigation - …", "→ …", "mitigated by …". */
const MITIGATION =
  /\s*(?:[—–]|\s-|[;,.]|\()?\s*\b(?:(?:mitigation(?: plan)?|mitigations|response|countermeasure)\s*[:\-–—]|mitigated by|mitigate by)\s*|\s*(?:→|->|=>|⇒)\s*/i;
/** Where its impact starts: "— impact: …", "(impact: …". */
const IMPACT = /\s*(?:[—–]|\s-|[;,.]|\()?\s*\b(?:impact|effect|consequence|if it happens)\b\s*[:\-–—]\s*/i;
/** A line (or nested item) that is a mitigation or an impact on its own: "Mitigation: …", "Impact - …". */
const MITIGATION_LINE = /^(?:mitigation(?: plan)?|mitigations|mitigate|mitigated by|response|countermeasure|plan|action|next step)s?\s*[:\-–—]\s*/i;
const IMPACT_LINE = /^(?:impact|effect|consequence|if it happens|severity)\s*[:\-–—]\s*/i;
const OWNER_LINE = /^(?:owner|owners|owned by|who|responsible)\s*[:\-–—]\s*/i;
/** Any other labelled item under a risk ("Likelihood: medium", "Status: open") says something else than how it is handled. */
const OTHER_LINE = /^[\p{L} ]{2,25}:\s/u;
/** "Risk 2: …", "Blocker - …": a label before the risk, not part of it. */
const RISK_LABEL = /^(?:risk|blocker|issue|concern|threat)\s*#?\d*\s*[:\-–—]\s*/i;
/** A list saying there is nothing to list ("None identified yet", "No known risks"). */
const NOTHING = /^(?:none\b|n\/?a$|nothing\b|no (?:known |major |open )?(?:risks?|blockers?)\b|tbd$|tbc$)/i;
/** A severity in parentheses is the impact ("(high)"); other short parentheses at the end name who handles it ("(Priya)"). */
const SEVERITY = /^(?:(?:very )?(?:high|medium|med|low|critical|severe|minor|major))(?:\s+(?:impact|risk|severity|likelihood))?$/i;
const TRAILING_PARENS = /\s*\(([^()]{1,60})\)\s*$/;

const tidy = (text: string): string => clean(text).replace(/^[\s:;,.\-–—]+|[\s;,.\-–—]+$/g, '');

/** A line's risk, impact, mitigation and owner. */
function readLine(text: string): Pick<ParsedRisk, 'risk' | 'impact' | 'mitigation'> & { owner: string } {
  let risk = clean(text).replace(RISK_LABEL, '');
  let mitigation = '';
  let impact = '';
  let owner = '';
  const m = MITIGATION.exec(risk);
  if (m && m.index > 0) {
    mitigation = risk.slice(m.index + m[0].length);
    if (m[0].includes('(')) mitigation = mitigation.replace(/\)[\s.]*$/, '');
    risk = risk.slice(0, m.index);
  }
  const i = IMPACT.exec(risk);
  if (i && i.index > 0) {
    impact = risk.slice(i.index + i[0].length);
    risk = risk.slice(0, i.index);
  }
  // Parentheses at the very end: a severity is the impact, else who handles the risk.
  const tail = mitigation ? 'mitigation' : 'risk';
  const value = tail === 'mitigation' ? mitigation : risk;
  const p = TRAILING_PARENS.exec(value.replace(/[\s.]+$/, ''));
  if (p?.[1]) {
    const inner = p[1].trim();
    const stripped = value.replace(/[\s.]+$/, '').slice(0, p.index);
    if (SEVERITY.test(inner) && !impact) impact = inner;
    else if (!SEVERITY.test(inner) && inner.split(/\s+/).length <= 5) owner = inner.replace(/^(?:owner|owned by|who)\s*[:\-–—]?\s*/i, '');
    if (impact === inner || owner) {
      if (tail === 'mitigation') mitigation = stripped;
      else risk = stripped;
    }
  }
  return { risk: tidy(risk), impact: tidy(impact.replace(/\)$/, '')), mitigation: tidy(mitigation), owner: tidy(owner) };
}

/**
 * The risks of the Risks section when it is a list or lines, not a table. A nested item, or a line
 * that starts "Mitigation:", belongs to the risk above it: its mitigation (or impact). Nothing said
 * about mitigation leaves it empty, as an empty Mitigation cell does.
 */
export function readRiskList(doc: PlanDocument): ParsedRisk[] {
  const out: ParsedRisk[] = [];
  let last: { risk: ParsedRisk; nesting: number } | null = null;
  // Beside list items, a plain line is a sentence about them ("Reviewed with Dana on Jan 5."), not a risk.
  const listed = doc.blocks.some((b, i) => b.kind === 'paragraph' && b.list !== null && doc.sections[i]?.name === 'risks' && clean(b.text) !== '');
  for (const [i, block] of doc.blocks.entries()) {
    if (block.kind !== 'paragraph' || doc.sections[i]?.name !== 'risks' || i === doc.titleAt || block.heading > 0 || isSectionLabel(block)) continue;
    const text = clean(block.text);
    if (!text) continue;
    const nesting = block.nesting ?? 0;
    const nested = last !== null && block.list !== null && nesting > last.nesting;
    if (last && (nested || MITIGATION_LINE.test(text) || IMPACT_LINE.test(text) || OWNER_LINE.test(text))) {
      const target = last.risk;
      const join = (was: string, more: string): string => [was, tidy(more)].filter(Boolean).join('; ');
      if (IMPACT_LINE.test(text)) target.impact = join(target.impact, text.replace(IMPACT_LINE, ''));
      else if (OWNER_LINE.test(text)) target.owner = join(target.owner ?? '', text.replace(OWNER_LINE, ''));
      else if (MITIGATION_LINE.test(text) || !OTHER_LINE.test(text)) target.mitigation = join(target.mitigation, text.replace(MITIGATION_LINE, ''));
      continue;
    }
    if ((listed && block.list === null) || NOTHING.test(text) || text.endsWith('?') || text.endsWith(':')) continue;
    const line = readLine(text);
    if (!line.risk) continue;
    const risk: ParsedRisk = { risk: line.risk, impact: line.impact, mitigation: line.mitigation, cell: null, paragraphIndex: block.index, ...(line.owner ? { owner: line.owner } : {}) };
    out.push(risk);
    last = { risk, nesting };
  }
  return out;
}
