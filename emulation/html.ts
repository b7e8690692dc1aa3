/** Emulated HtmlService: HtmlOutput built from strings or from the project's HTML files, as sidebars and dialogs show them. */
import { CallLog, countCalls } from './calls';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** Methods hand back Google's types (the add-on's view); the object behind them is the emulation. */
function asGoogle<T>(emulated: object): T {
  return emulated as unknown as T;
}

/**
 * /apps-script/reference/html/sandbox-mode: IFRAME is the only mode left; NATIVE and EMULATED
 * were sunset and now fall back to IFRAME, so whatever is set, IFRAME is what is recorded.
 */
export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);
/** /apps-script/reference/html/x-frame-options-mode */
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);

/** /apps-script/reference/html/html-output-meta-tag */
export class HtmlOutputMetaTagEmulation implements Pick<GoogleAppsScript.HTML.HtmlOutputMetaTag, 'getName' | 'getContent'> {
  constructor(
    readonly calls: CallLog,
    private readonly name: string,
    private readonly content: string,
  ) {}

  getName(): string {
    return this.name;
  }

  getContent(): string {
    return this.content;
  }
}
countCalls(HtmlOutputMetaTagEmulation, 'HtmlOutputMetaTag');

/** What a sidebar or dialog shows, read by the Ui without counting calls. */
export interface HtmlSnapshot {
  title: string;
  html: string;
  /** null: the size Google chooses (a sidebar is about 300 px wide; unverified exact). */
  width: number | null;
  height: number | null;
  sandboxMode: 'IFRAME';
  xFrameOptionsMode: 'ALLOWALL' | 'DEFAULT';
  metaTags: { name: string; content: string }[];
}

/**
 * /apps-script/reference/html/html-output. Content is kept as given: HtmlService's own
 * sanitising of the page is not emulated.
 */
export class HtmlOutputEmulation
  implements
    Pick<
      GoogleAppsScript.HTML.HtmlOutput,
      | 'addMetaTag'
      | 'append'
      | 'clear'
      | 'getContent'
      | 'getMetaTags'
      | 'getTitle'
      | 'setContent'
      | 'setHeight'
      | 'setSandboxMode'
      | 'setTitle'
      | 'setWidth'
      | 'setXFrameOptionsMode'
    >
{
  private content: string;
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private xFrameOptionsMode: 'ALLOWALL' | 'DEFAULT' = 'DEFAULT';
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    readonly calls: CallLog,
    content = '',
  ) {
    this.content = content;
  }

  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return asGoogle(this);
  }

  /** Trusted content only: "it is not escaped". */
  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return asGoogle(this);
  }

  clear(): HtmlOutput {
    this.content = '';
    return asGoogle(this);
  }

  getContent(): string {
    return this.content;
  }

  getMetaTags(): GoogleAppsScript.HTML.HtmlOutputMetaTag[] {
    return this.metaTags.map((tag) => asGoogle(new HtmlOutputMetaTagEmulation(this.calls, tag.name, tag.content)));
  }

  getTitle(): string {
    return this.title;
  }

  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return asGoogle(this);
  }

  /** Ignored for sidebars by Google (they have a fixed width); kept for dialogs. */
  setHeight(height: number): HtmlOutput {
    this.height = requireSize(height, 'setHeight');
    return asGoogle(this);
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    if (!Object.values(SandboxMode).includes(mode as unknown as keyof typeof SandboxMode)) {
      throw new Error(`The parameters (${typeof mode}) don't match the method signature for HtmlService.HtmlOutput.setSandboxMode.`);
    }
    return asGoogle(this);
  }

  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return asGoogle(this);
  }

  setWidth(width: number): HtmlOutput {
    this.width = requireSize(width, 'setWidth');
    return asGoogle(this);
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    const value = mode as unknown as string;
    if (value !== 'ALLOWALL' && value !== 'DEFAULT') {
      throw new Error(`The parameters (${typeof mode}) don't match the method signature for HtmlService.HtmlOutput.setXFrameOptionsMode.`);
    }
    this.xFrameOptionsMode = value;
    return asGoogle(this);
  }

  /** Test plumbing: everything the page would show, without touching the call ledger. */
  _snapshot(): HtmlSnapshot {
    return {
      title: this.title,
      html: this.content,
      width: this.width,
      height: this.height,
      sandboxMode: 'IFRAME',
      xFrameOptionsMode: this.xFrameOptionsMode,
      metaTags: this.metaTags.map((tag) => ({ ...tag })),
    };
  }
}
countCalls(HtmlOutputEmulation, 'HtmlOutput');

function requireSize(value: number, method: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`The parameters (${typeof value}) don't match the method signature for HtmlService.HtmlOutput.${method}.`);
  }
  return value;
}

/**
 * /apps-script/reference/html/html-service. Templates (createTemplate*, scriptlets) are not
 * emulated: the add-on builds one self-contained Sidebar.html and serves it as is.
 */
export class HtmlServiceEmulation
  implements Pick<GoogleAppsScript.HTML.HtmlService, 'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile'>
{
  readonly SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

  /** @param files the project's HTML files by name without ".html" ({ Sidebar: '<!doctype html>...' }). */
  constructor(
    readonly calls: CallLog,
    private readonly files: Readonly<Record<string, string>>,
  ) {}

  /** From a string; the Blob overload is not emulated. */
  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    if (html !== undefined && typeof html !== 'string') {
      throw new Error('Emulation: HtmlService.createHtmlOutput(blob) is not emulated; pass the HTML as a string.');
    }
    return asGoogle(new HtmlOutputEmulation(this.calls, html ?? ''));
  }

  /**
   * 'Sidebar' names Sidebar.html in the project; the extension may be given too. An unknown
   * name fails with Google's message ("No HTML file named Index was found.", widely reported).
   */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename);
    const key = [name, name.replace(/\.html$/, '')].find((candidate) => Object.hasOwn(this.files, candidate));
    const content = key === undefined ? undefined : this.files[key];
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return asGoogle(new HtmlOutputEmulation(this.calls, content));
  }
}
countCalls(HtmlServiceEmulation, 'HtmlService');
