/** The Google Picker dialog's Apps Script side: opening it (Picker.html) and what it is given: the user's OAuth token, and the API key and Cloud project number from script properties. */

/** Script properties the developer sets once per deployment (README: "Google Picker"). */
export const PICKER_API_KEY = 'PICKER_API_KEY';
export const PICKER_APP_ID = 'PICKER_APP_ID';

/** A modal dialog: the Picker needs more room than the sidebar's 300 pixels. */
export function showPickerDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('Picker').setWidth(760).setHeight(520);
  DocumentApp.getUi().showModalDialog(html, 'Choose the team workbook');
}

export interface PickerSetup {
  developerKey: string | null;
  appId: string | null;
  /** The person's own token, so the Picker needs no second sign-in (Google's Apps Script recipe). */
  oauthToken: string;
}

export function pickerSetup(): PickerSetup {
  const properties = PropertiesService.getScriptProperties();
  return {
    developerKey: properties.getProperty(PICKER_API_KEY),
    appId: properties.getProperty(PICKER_APP_ID),
    oauthToken: ScriptApp.getOAuthToken(),
  };
}
