/** Step numbers as people write them ("3", "#3", "Step 3", "5a", "2.1", "3b"): the label as written and the number it starts with. */

/** A number cell: an optional "Step"/"#", digits, then optionally ".1", "a" or both ("2.1a"), then a "." or ")". */
const LABEL_CELL = /^(?:step\s*)?#?\s*(\d{1,4}(?:\.\d{1,3})*[a-z]?)\s*[.):]?$/i;

export interface StepLabel {
  /** As written, without "Step", "#" or a closing "." ("5a", "2.1"), lower case letters kept as typed. */
  label: string;
  /** The number it starts with: 5 for "5a", 2 for "2.1". */
  number: number;
}

export function readStepLabel(text: string): StepLabel | null {
  const m = LABEL_CELL.exec(text.trim());
  const label = m?.[1];
  if (!label) return null;
  return { label, number: Number(/^\d+/.exec(label)?.[0] ?? '0') };
}
