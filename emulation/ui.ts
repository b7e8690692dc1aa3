/** Emulated editor Ui: menus, alerts and prompts answered by the test, sidebars and dialogs recorded for assertions. */
import { CallLog, countCalls } from './calls';
import { HtmlOutputEmulation, type HtmlSnapshot } from './html';
import { SCOPES, type AuthGate } from './session';

/** /apps-script/reference/base/button (Apps Script's enum values print as these names). */
export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const);
export type ButtonName = keyof typeof Button;
/** /apps-script/reference/base/button-set */
export const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const);
export type ButtonSetName = keyof typeof ButtonSet;

/** The buttons each set shows; CLOSE (the title bar's X) is always possible. */
const BUTTONS_OF: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export type MenuItem = { caption: string; functionName: string } | 'separator' | { subMenu: string; items: MenuItem[] };

export interface RecordedMenu {
  /** null for the add-on menu: Google titles it with the add-on's name, not the script. */
  title: string | null;
  addon: boolean;
  items: MenuItem[];
}

export interface Answer {
  button: ButtonName;
  text?: string;
}

export interface RecordedDialog {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: ButtonSetName;
  /** What the emulated person did. */
  answer: Required<Answer>;
}

export interface RecordedHtmlDialog extends HtmlSnapshot {
  kind: 'modal' | 'modeless';
  /** The title given to showModalDialog/showModelessDialog (it wins over HtmlOutput.setTitle). */
  dialogTitle: string;
}

function signatureError(method: string, args: readonly unknown[]): Error {
  const types = args.map((a) => (typeof a === 'string' ? 'String' : a === null ? 'null' : typeof a === 'object' ? 'Object' : typeof a)).join(',');
  return new Error(`The parameters (${types}) don't match the method signature for Ui.${method}.`);
}

function isButtonSet(value: unknown): value is ButtonSetName {
  return typeof value === 'string' && Object.hasOwn(ButtonSet, value);
}

/** /apps-script/reference/base/menu */
export class MenuEmulation implements Pick<GoogleAppsScript.Base.Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  private readonly items: MenuItem[] = [];

  constructor(
    readonly calls: CallLog,
    private readonly ui: UiEmulation,
    private readonly title: string | null,
  ) {}

  addItem(caption: string, functionName: string): MenuEmulation {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw new Error(`The parameters (${typeof caption},${typeof functionName}) don't match the method signature for Menu.addItem.`);
    }
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): MenuEmulation {
    this.items.push('separator');
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): MenuEmulation {
    if (!(menu instanceof MenuEmulation)) throw new Error("The parameters (Object) don't match the method signature for Menu.addSubMenu.");
    this.items.push({ subMenu: menu.title ?? '', items: menu._items() });
    return this;
  }

  addToUi(): void {
    this.ui._addMenu({ title: this.title, addon: this.title === null, items: this._items() });
  }

  _items(): MenuItem[] {
    return structuredClone(this.items);
  }
}
countCalls(MenuEmulation, 'Menu');

/** /apps-script/reference/base/prompt-response */
export class PromptResponseEmulation implements Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'> {
  constructor(
    readonly calls: CallLog,
    private readonly answer: Required<Answer>,
  ) {}

  getResponseText(): string {
    return this.answer.text;
  }

  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this.answer.button as unknown as GoogleAppsScript.Base.Button;
  }
}
countCalls(PromptResponseEmulation, 'PromptResponse');

/**
 * /apps-script/reference/base/ui, as DocumentApp.getUi() returns it. Dialogs block the script
 * until the person answers, so tests queue the answers before the call (`_answerNext`). With
 * nothing queued: an alert is confirmed (its OK or YES button), a prompt is closed with its X
 * (Button.CLOSE, empty text), the outcome that needs no typing.
 */
export class UiEmulation implements GoogleAppsScript.Base.Ui {
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  private readonly menus: RecordedMenu[] = [];
  private readonly answers: Answer[] = [];
  private readonly dialogs: RecordedDialog[] = [];
  private readonly htmlDialogs: RecordedHtmlDialog[] = [];
  private sidebar: HtmlSnapshot | null = null;

  constructor(
    readonly calls: CallLog,
    private readonly auth: AuthGate,
  ) {}

  alert(prompt: string): GoogleAppsScript.Base.Button;
  alert(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = this._dialogArguments('alert', args);
    const answer = this._nextAnswer(buttons, BUTTONS_OF[buttons][0]!);
    this.dialogs.push({ kind: 'alert', title, prompt, buttons, answer });
    return answer.button as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = this._dialogArguments('prompt', args);
    const answer = this._nextAnswer(buttons, 'CLOSE');
    this.dialogs.push({ kind: 'prompt', title, prompt, buttons, answer });
    return new PromptResponseEmulation(this.calls, answer);
  }

  createAddonMenu(): MenuEmulation {
    return new MenuEmulation(this.calls, this, null);
  }

  createMenu(caption: string): MenuEmulation {
    if (typeof caption !== 'string') throw signatureError('createMenu', [caption]);
    return new MenuEmulation(this.calls, this, caption);
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.auth.check('Ui.showSidebar', 'FULL', [SCOPES.containerUi]);
    this.sidebar = this._htmlOf('showSidebar', userInterface);
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.auth.check('Ui.showModalDialog', 'FULL', [SCOPES.containerUi]);
    this.htmlDialogs.push({ ...this._htmlOf('showModalDialog', userInterface), kind: 'modal', dialogTitle: String(title) });
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.auth.check('Ui.showModelessDialog', 'FULL', [SCOPES.containerUi]);
    this.htmlDialogs.push({ ...this._htmlOf('showModelessDialog', userInterface), kind: 'modeless', dialogTitle: String(title) });
  }

  /** Deprecated by Google; present only so this class is a complete Ui. */
  showDialog(_userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    throw new Error('Ui.showDialog is deprecated; use showModalDialog or showModelessDialog.');
  }

  // ---- test plumbing (not on Google's interface, not counted) -------------------------------

  /** Queues what the person does in the next alert or prompt: a button, or a button and typed text. */
  _answerNext(answer: ButtonName | GoogleAppsScript.Base.Button | Answer): void {
    this.answers.push(typeof answer === 'object' ? { ...answer } : { button: answer as unknown as ButtonName });
  }

  /** Menus added to the UI, latest version of each (a menu added again replaces itself). */
  _menus(): RecordedMenu[] {
    return structuredClone(this.menus);
  }

  _dialogs(): RecordedDialog[] {
    return structuredClone(this.dialogs);
  }

  _htmlDialogs(): RecordedHtmlDialog[] {
    return structuredClone(this.htmlDialogs);
  }

  /** The open sidebar: { title, html, ... } or null. */
  _sidebar(): HtmlSnapshot | null {
    return this.sidebar && structuredClone(this.sidebar);
  }

  /** Answers queued but never asked for: a test that expected a dialog which never came. */
  _pendingAnswers(): Answer[] {
    return structuredClone(this.answers);
  }

  _closeSidebar(): void {
    this.sidebar = null;
  }

  _addMenu(menu: RecordedMenu): void {
    const same = this.menus.findIndex((m) => m.addon === menu.addon && m.title === menu.title);
    if (same >= 0) this.menus.splice(same, 1, menu);
    else this.menus.push(menu);
  }

  private _dialogArguments(method: 'alert' | 'prompt', args: readonly unknown[]): { title: string | null; prompt: string; buttons: ButtonSetName } {
    const [a, b, c] = args;
    if (args.length === 1 && typeof a === 'string') return { title: null, prompt: a, buttons: method === 'alert' ? 'OK' : 'OK' };
    if (args.length === 2 && typeof a === 'string' && isButtonSet(b)) return { title: null, prompt: a, buttons: b };
    if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && isButtonSet(c)) return { title: a, prompt: b, buttons: c };
    throw signatureError(method, args);
  }

  private _nextAnswer(buttons: ButtonSetName, fallback: ButtonName): Required<Answer> {
    const queued = this.answers.shift();
    const answer = { button: queued?.button ?? fallback, text: queued?.text ?? '' };
    if (!BUTTONS_OF[buttons].includes(answer.button)) {
      throw new Error(`Emulation: the queued answer ${answer.button} is not a button of ButtonSet.${buttons}`);
    }
    return answer;
  }

  private _htmlOf(method: string, userInterface: unknown): HtmlSnapshot {
    if (!(userInterface instanceof HtmlOutputEmulation)) throw signatureError(method, [userInterface]);
    return userInterface._snapshot();
  }
}
countCalls(UiEmulation, 'Ui');
