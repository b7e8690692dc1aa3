/** "Choose a workbook": the Google Picker dialog that links a manager's existing team workbook (under drive.file, picking a file is what lets the add-on open it). */
import * as z from 'zod/mini';
import { onFirstUse } from '../core/on-first-use';
import { UserError } from '../core/errors';
import { PICKER_API_KEY, PICKER_APP_ID, pickerSetup, showPickerDialog } from '../adapters/picker-dialog';
import { answer } from './errors';
import type { PickerSettings } from './contract';

/** The sidebar's "Choose a workbook" (and the dialog's "Choose again"): opens the Picker dialog. */
export function showWorkbookPicker(): { ok: true } {
  return answer('opening Google Picker', () => {
    showPickerDialog();
    return { ok: true };
  });
}

// An API key is 39 characters of letters, digits, "-" and "_"; the app id is the Cloud project number.
const SETUP = onFirstUse(() =>
  z.object({
    developerKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/)),
    appId: z.string().check(z.regex(/^\d{5,20}$/)),
    oauthToken: z.string().check(z.minLength(1)),
  }),
);

/** What the Picker dialog asks for when it opens; a deployment without the Picker's setup is told so, plainly. */
export function pickerSettings(): PickerSettings {
  return answer('opening Google Picker', () => {
    const parsed = SETUP().safeParse(pickerSetup());
    if (!parsed.success) {
      throw new UserError(
        `Choosing an existing workbook is not set up for this add-on yet: its script properties ${PICKER_API_KEY} (an API key) and ${PICKER_APP_ID} (the Cloud project number) are missing or malformed. Ask whoever deployed it, or create a workbook instead.`,
      );
    }
    return { ok: true, ...parsed.data };
  });
}
