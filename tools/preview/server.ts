/** `npm start`: serves the add-on on an emulated Google Doc at localhost, with the real sidebar, menus, dialogs and an editable document. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import vm from 'node:vm';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { build } from 'esbuild';
import { z } from 'zod';
import type { ButtonName } from '../../emulation/ui';
import { DIALOG_BUTTONS, type Json as JsonValue, type DocumentView, type PendingDialog, type PreviewEvent, type WorkerMessage, type WorkerReply, type WorkerRequest } from './protocol';
import { openDocument, rememberLast, shown, type OpenedDocument } from './storage';
import type { WorkerData } from './worker';

export interface PreviewOptions {
  /** The repository: dist/ and tools/preview/ are read from here. Found from this file when omitted. */
  root?: string;
  /** The built add-on (Code.js, Sidebar.html); default <root>/dist. Tests point it at a small add-on of their own. */
  distDir?: string;
  /** The Markdown file to open; null or omitted: the last document, or a new one. */
  file?: string | null;
  /** 0 picks a free port. */
  port?: number;
  /** A port the person asked for is not swapped for another: taken means failure. */
  strictPort?: boolean;
  host?: string;
  /** Where the last document, sidecars and properties are kept (default: <cwd>/.preview). */
  previewDir?: string;
  cwd?: string;
  locale?: string;
  timeZone?: string;
  /** YYYY-MM-DD: fixes "today" for the add-on (tests, screenshots). */
  today?: string | null;
  /** Read table cells that are exactly a date ("Dec 12, 2025") as date chips, as Docs exported them. */
  datesAsChips?: boolean;
  /** The name Google shows for the add-on's menu under Extensions. */
  addOnName?: string;
  /** How long an alert or prompt waits for an answer; an Apps Script execution ends after 6 minutes. */
  executionLimitMs?: number;
  /** No start-up lines on the console (tests). */
  quiet?: boolean;
}

export interface PreviewServer {
  readonly url: string;
  readonly port: number;
  /** Where the document is saved. */
  readonly file: string;
  close(): Promise<void>;
}

/** A start-up problem with a message for the person (the CLI prints it and exits with 1). */
export class PreviewError extends Error {
  override readonly name = 'PreviewError';
}

const DEFAULT_PORT = 8080;
/** Ports tried after the default one when it is taken. */
const PORT_ATTEMPTS = 10;
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
const MAX_BODY_BYTES = 1024 * 1024;

/** The repository: above this file (tools/preview/ or the .build/ bundle), else above where the server was started. */
function findRoot(...starts: string[]): string {
  for (const from of starts) {
    for (let dir = from; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, 'build.mjs')) && existsSync(path.join(dir, 'tools', 'preview', 'page.html'))) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new PreviewError(`Could not find the repository (build.mjs, tools/preview/) above ${starts.join(' or ')}.`);
}

// ---------------------------------------------------------------------------------------------
// Bundles made at start-up, as build.mjs makes the sidebar's

interface Assets {
  pageHtml: string;
  pageCss: string;
  pageJs: string;
  shimJs: string;
  workerJs: string;
  code: string;
  sidebarHtml: string;
  /** The Google Picker dialog (null for a test's own small add-on) and the stand-in for Google's Picker script. */
  pickerHtml: string | null;
  pickerStandInJs: string;
  /** The workbook page and the Sheets add-on (null when dist/sheets/ is not built, e.g. a test's own small add-on). */
  sheetsHtml: string;
  sheetsJs: string;
  sheetsCss: string;
  sheetsCode: string | null;
  sheetsSidebarHtml: string | null;
  /** The Docs add-on's appsscript.json (null for a test's own small add-on): its scopes are enforced. */
  manifest: string | null;
}

async function bundle(entry: string, platform: 'browser' | 'node'): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: platform === 'node' ? 'cjs' : 'iife',
    platform,
    target: platform === 'node' ? 'node20' : 'es2020',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const output = result.outputFiles[0];
  if (!output) throw new PreviewError(`esbuild produced nothing for ${entry}`);
  return output.text;
}

const SIDEBAR_MARKER = '<!--ADD-ON SIDEBAR: tools/preview/sidebar-frame.html-->';

async function loadAssets(root: string, distDir: string): Promise<Assets> {
  const dist = (name: string): Promise<string> =>
    readFile(path.join(distDir, name), 'utf8').catch(() => {
      throw new PreviewError(`${path.join(path.relative(root, distDir) || '.', name)} is missing: run "npm run build" first ("npm start" builds it for you).`);
    });
  const here = path.join(root, 'tools', 'preview');
  const optional = (name: string): Promise<string | null> => readFile(path.join(distDir, 'sheets', name), 'utf8').catch(() => null);
  const [pageHtml, pageCss, pageJs, shimJs, workerJs, code, sidebarHtml, sheetsHtml, sheetsCss, sheetsJs, sheetsCode, sheetsSidebarHtml, manifest, pickerHtml, pickerStandInJs] = await Promise.all([
    readFile(path.join(here, 'page.html'), 'utf8'),
    readFile(path.join(here, 'page.css'), 'utf8'),
    bundle(path.join(here, 'page.ts'), 'browser'),
    bundle(path.join(here, 'shim.ts'), 'browser'),
    bundle(path.join(here, 'worker.ts'), 'node'),
    dist('Code.js'),
    dist('Sidebar.html'),
    readFile(path.join(here, 'sheets.html'), 'utf8'),
    readFile(path.join(here, 'sheets.css'), 'utf8'),
    bundle(path.join(here, 'sheets-page.ts'), 'browser'),
    optional('Code.js'),
    optional('Sidebar.html'),
    readFile(path.join(distDir, 'appsscript.json'), 'utf8').catch(() => null),
    readFile(path.join(distDir, 'Picker.html'), 'utf8').catch(() => null),
    bundle(path.join(here, 'picker-stand-in.ts'), 'browser'),
  ]);
  // The add-on's sidebar frame is the same on both pages: one fragment, put in place here.
  const sidebarFrame = await readFile(path.join(here, 'sidebar-frame.html'), 'utf8');
  const withSidebarFrame = (html: string): string => {
    if (!html.includes(SIDEBAR_MARKER)) throw new PreviewError(`A preview page lacks its ${SIDEBAR_MARKER} marker`);
    return html.replace(SIDEBAR_MARKER, () => sidebarFrame.trimEnd());
  };
  try {
    // A syntax error would otherwise only show as a worker that keeps failing to start.
    new vm.Script(code, { filename: 'Code.js' });
  } catch (error) {
    throw new PreviewError(`${path.relative(root, path.join(distDir, 'Code.js'))} does not compile: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    pageHtml: withSidebarFrame(pageHtml), pageCss, pageJs, shimJs, workerJs, code, sidebarHtml, pickerHtml, pickerStandInJs,
    sheetsHtml: withSidebarFrame(sheetsHtml), sheetsCss, sheetsJs, sheetsCode, sheetsSidebarHtml, manifest,
  };
}

/** JSON inside a script element: "<" escaped, so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The add-on's HTML with google.script.run in front of its own scripts, as Google's iframe has it. */
function withShim(html: string, functions: readonly string[], shimJs: string, endpoint = '/api/run'): string {
  const shim = `<script>window.__mapPreviewShim = ${scriptJson({ functions, endpoint })};</script>\n<script>${shimJs.replace(/<\/script/gi, '<\\/script')}</script>\n`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + shim + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + shim + html.slice(doctype[0].length) : shim + html;
}

// ---------------------------------------------------------------------------------------------
// The worker that runs the add-on

type Reply = WorkerReply;

/**
 * Owns the worker thread: requests in, replies out, dialogs answered through shared memory. A
 * worker that dies (or runs past Apps Script's time limit) is replaced by a new one that reopens
 * the document from its last save, so the server itself never goes down with it.
 */
class AddOnRuntime {
  private worker: Worker | null = null;
  private answers: MessagePort | null = null;
  private signal = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; timer: NodeJS.Timeout }>();
  private restarts: number[] = [];
  private stopped = false;
  dialog: PendingDialog | null = null;
  /** The document as it stood when the open dialog appeared: the worker is blocked until it is answered. */
  dialogDocument: DocumentView | null = null;

  constructor(
    private opened: OpenedDocument,
    private readonly base: Omit<WorkerData, 'opened' | 'signal' | 'answers'>,
    private readonly workerJs: string,
    private readonly reopen: () => OpenedDocument,
    private readonly emit: (event: PreviewEvent) => void,
    private readonly warn: (line: string) => void,
  ) {
    this.start();
  }

  private start(): void {
    const channel = new MessageChannel();
    this.signal = new Int32Array(new SharedArrayBuffer(4));
    this.answers = channel.port1;
    const workerData: WorkerData = { ...this.base, opened: this.opened, signal: this.signal.buffer as SharedArrayBuffer, answers: channel.port2 };
    const worker = new Worker(this.workerJs, { eval: true, workerData, transferList: [channel.port2] });
    this.worker = worker;
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) => {
      console.error('Preview: the add-on runtime failed:', error);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(`The add-on's runtime stopped (exit code ${code}); it has been restarted from the last save.`);
      this.restart();
    });
  }

  private restart(): void {
    if (this.stopped) return;
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < 60_000);
    if (this.restarts.length >= 5) {
      console.error('Preview: the add-on runtime keeps stopping; not restarting it. Restart the server.');
      return;
    }
    this.restarts.push(now);
    this.opened = this.reopen();
    this.start();
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'reply') {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      clearTimeout(waiting.timer);
      this.pending.delete(message.id);
      // A dialog lives inside one execution: when the reply comes, it is gone.
      this.closeDialog();
      waiting.resolve(message.reply);
    } else if (message.type === 'dialog') {
      this.dialog = message.dialog;
      this.dialogDocument = message.document;
      this.emit({ type: 'document', version: message.document.version });
      this.emit({ type: 'dialog', dialog: message.dialog });
    } else if (message.type === 'document') {
      this.emit({ type: 'document', version: message.version });
    } else if (message.type === 'workbook') {
      this.emit({ type: 'workbook', version: message.version });
    } else if (message.type === 'sheets-ui') {
      this.emit({ type: 'sheets-ui' });
    } else if (message.type === 'selection') {
      this.emit({ type: 'selection', selection: message.selection });
    } else {
      this.emit({ type: 'ui' });
    }
  }

  private closeDialog(): void {
    if (!this.dialog) return;
    this.emit({ type: 'dialog-closed', id: this.dialog.id });
    this.dialog = null;
    this.dialogDocument = null;
  }

  private failAll(message: string): void {
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.resolve({ ok: false, failure: { status: 500, message } });
      this.pending.delete(id);
    }
    this.closeDialog();
  }

  request(request: WorkerRequest): Promise<Reply> {
    const worker = this.worker;
    if (!worker) return Promise.resolve({ ok: false, failure: { status: 500, message: 'The add-on runtime is not running. Restart the preview server.' } });
    const id = ++this.nextId;
    return new Promise<Reply>((resolve) => {
      // Apps Script ends an execution after 6 minutes: a runaway add-on loop ends the same way here.
      const timer = setTimeout(() => {
        this.warn(`Preview: ${request.type === 'run' ? request.name : request.type} ran past the execution limit; the add-on runtime was restarted from the last save.`);
        this.pending.delete(id);
        resolve({ ok: false, failure: { status: 500, message: 'Exceeded maximum execution time' } });
        this.failAll('Exceeded maximum execution time');
        if (this.worker === worker) {
          // The new worker starts at once, so requests arriving meanwhile find one; the old one is ended alongside.
          this.worker = null;
          void worker.terminate();
          this.restart();
        }
        // A little past the limit, so an add-on waiting on a dialog times out inside the worker first, with Apps Script's message.
      }, this.base.dialogTimeoutMs + Math.min(5_000, this.base.dialogTimeoutMs));
      this.pending.set(id, { resolve, timer });
      worker.postMessage({ id, request });
    });
  }

  /** The person's answer to the open alert or prompt; false when that dialog is no longer open. */
  answer(id: number, button: ButtonName, text: string): boolean {
    if (!this.dialog || this.dialog.id !== id || !this.answers) return false;
    this.answers.postMessage({ id, button, text });
    Atomics.store(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
    this.closeDialog();
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.failAll('The preview server stopped.');
    const worker = this.worker;
    this.worker = null;
    this.answers?.close();
    if (worker) await worker.terminate();
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const Json: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(Json), z.record(z.string(), Json)]));
const Id = z.string().regex(/^e\d+$/, 'an element id such as "e12"');
const Schemas = {
  run: z.object({ name: z.string().regex(/^[A-Za-z_$][\w$]*$/, 'a function name'), args: z.array(Json).max(100) }),
  menu: z.object({ caption: z.string().min(1).max(500) }),
  edit: z.discriminatedUnion('op', [
    z.object({ op: z.literal('text'), id: Id, base: z.string().max(100_000), text: z.string().max(100_000), chips: z.array(z.number().int().nonnegative()).max(1000) }),
    z.object({ op: z.literal('insertRowBelow'), rowId: Id }),
    z.object({ op: z.literal('deleteRow'), rowId: Id }),
  ]),
  cursor: z.object({ id: Id, offset: z.number().int().nonnegative().max(1_000_000) }),
  cellEdit: z.object({ sheet: z.string().min(1).max(200), row: z.number().int().positive().max(10_000_000), column: z.number().int().positive().max(18_278), text: z.string().max(50_000) }),
  pick: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/), grant: z.boolean() }),
  dialog: z.object({ id: z.number().int().positive(), button: z.enum(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE']), text: z.string().max(100_000) }),
};

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new HttpError(400, `Bad request${where}: ${issue?.message ?? 'invalid body'}`);
}

async function readBody(request: http.IncomingMessage): Promise<unknown> {
  const type = request.headers['content-type'] ?? '';
  // Only JSON: a form post from another site cannot be JSON without a CORS preflight, which this server never grants.
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request is too large.');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `Malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function send(response: http.ServerResponse, status: number, type: string, body: string, extra: http.OutgoingHttpHeaders = {}): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extra,
  });
  response.end(body);
}

function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function unwrap(reply: Reply): unknown {
  if (reply.ok) return reply.value;
  throw new HttpError(reply.failure.status, reply.failure.message);
}

/** Starts the preview; resolves once it listens. Throws PreviewError with a message for the person. */
export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const cwd = options.cwd ?? process.cwd();
  const root = options.root ?? findRoot(__dirname, cwd);
  const previewDir = path.resolve(cwd, options.previewDir ?? '.preview');
  const host = options.host ?? '127.0.0.1';
  const log = (line: string): void => {
    if (!options.quiet) console.log(line);
  };
  const assets = await loadAssets(root, options.distDir ?? path.join(root, 'dist'));

  const opened = openDocument(options.file ?? null, { previewDir, cwd });
  for (const message of opened.messages) log(message);
  // Opening is not a change, so the file is not rewritten; but it is the one `npm start` reopens next time.
  if (opened.markdown !== null) rememberLast(opened.file, previewDir);
  let savedTo = opened.file;

  const clients = new Set<http.ServerResponse>();
  const emit = (event: PreviewEvent): void => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of clients) client.write(line);
  };
  const limit = options.executionLimitMs ?? EXECUTION_LIMIT_MS;
  const runtime = new AddOnRuntime(
    opened,
    {
      previewDir,
      cwd,
      code: assets.code,
      sidebarHtml: assets.sidebarHtml,
      pickerHtml: assets.pickerHtml,
      sheetsCode: assets.sheetsCode,
      sheetsSidebarHtml: assets.sheetsSidebarHtml,
      manifest: assets.manifest,
      locale: options.locale ?? 'en_US',
      timeZone: options.timeZone ?? 'America/New_York',
      today: options.today ?? null,
      datesAsChips: options.datesAsChips ?? false,
      addOnName: options.addOnName ?? 'Mutual Action Plan',
      dialogTimeoutMs: limit,
      echoLogs: !options.quiet,
    },
    assets.workerJs,
    // After a crash: whatever was saved last (the worker may have moved to a recovery file).
    () => openDocument(savedTo, { previewDir, cwd }),
    emit,
    (line) => {
      if (!options.quiet) console.error(line);
    },
  );

  const ask = async (request: WorkerRequest): Promise<unknown> => unwrap(await runtime.request(request));

  const routes: Record<string, (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => Promise<void>> = {
    'GET /': async (_q, r) => send(r, 200, 'text/html; charset=utf-8', assets.pageHtml),
    'GET /page.js': async (_q, r) => send(r, 200, 'text/javascript; charset=utf-8', assets.pageJs),
    'GET /page.css': async (_q, r) => send(r, 200, 'text/css; charset=utf-8', assets.pageCss),
    'GET /favicon.ico': async (_q, r) => send(r, 204, 'text/plain', ''),
    'GET /api/document': async (_q, r) => {
      const view = runtime.dialogDocument ?? ((await ask({ type: 'document' })) as DocumentView);
      savedTo = path.resolve(cwd, view.file);
      sendJson(r, 200, view);
    },
    'GET /api/ui': async (_q, r) => sendJson(r, 200, await ask({ type: 'ui' })),
    'POST /api/open': async (q, r) => {
      await readBody(q);
      // A page opened (or reloaded) while an alert waits: the alert went with the old page, as in
      // Docs, so it is closed rather than shown again (the add-on sees the Close button).
      if (runtime.dialog) runtime.answer(runtime.dialog.id, 'CLOSE', '');
      sendJson(r, 200, await ask({ type: 'open' }));
    },
    'POST /api/menu': async (q, r) => sendJson(r, 200, await ask({ type: 'menu', caption: parse(Schemas.menu, await readBody(q)).caption })),
    'POST /api/run': async (q, r) => {
      const body = parse(Schemas.run, await readBody(q));
      // Checked above to be JSON values, which is all google.script.run can carry.
      sendJson(r, 200, await ask({ type: 'run', name: body.name, args: body.args as JsonValue[] }));
    },
    'POST /api/edit': async (q, r) => sendJson(r, 200, await ask({ type: 'edit', edit: parse(Schemas.edit, await readBody(q)) })),
    'POST /api/cursor': async (q, r) => sendJson(r, 200, await ask({ type: 'cursor', cursor: parse(Schemas.cursor, await readBody(q)) })),
    'POST /api/dialog': async (q, r) => {
      const answer = parse(Schemas.dialog, await readBody(q));
      const open = runtime.dialog;
      if (open && open.id === answer.id && answer.button !== 'CLOSE' && !DIALOG_BUTTONS[open.buttons].includes(answer.button)) {
        throw new HttpError(400, `Bad request: ${answer.button} is not a button of ButtonSet.${open.buttons}`);
      }
      if (!runtime.answer(answer.id, answer.button, answer.text)) throw new HttpError(409, 'That dialog is no longer open.');
      sendJson(r, 200, {});
    },
    'POST /api/sidebar/close': async (q, r) => {
      await readBody(q);
      sendJson(r, 200, await ask({ type: 'closeSidebar' }));
    },
    'POST /api/html-dialog/close': async (q, r) => {
      await readBody(q);
      sendJson(r, 200, await ask({ type: 'closeHtmlDialog' }));
    },
    'GET /api/markdown': async (_q, r) => {
      const { markdown, name } = (await ask({ type: 'markdown' })) as { markdown: string; name: string };
      const filename = `${name.replace(/[^\w.-]+/g, '_') || 'document'}.md`;
      send(r, 200, 'text/markdown; charset=utf-8', markdown, { 'Content-Disposition': `attachment; filename="${filename}"` });
    },
    'GET /api/events': async (q, r) => {
      r.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      r.write(': connected\n\n');
      clients.add(r);
      q.on('close', () => clients.delete(r));
    },
    // The team workbook with the Sheets add-on (reached from the Doc page's "Open the team workbook").
    'GET /sheets': async (_q, r) => send(r, 200, 'text/html; charset=utf-8', assets.sheetsHtml),
    'GET /sheets.js': async (_q, r) => send(r, 200, 'text/javascript; charset=utf-8', assets.sheetsJs),
    'GET /sheets.css': async (_q, r) => send(r, 200, 'text/css; charset=utf-8', assets.sheetsCss),
    'GET /api/workbook': async (_q, r) => sendJson(r, 200, await ask({ type: 'workbook' })),
    'GET /api/sheets/ui': async (_q, r) => sendJson(r, 200, await ask({ type: 'sheetsUi' })),
    'POST /api/sheets/open': async (q, r) => {
      await readBody(q);
      sendJson(r, 200, await ask({ type: 'sheetsOpen' }));
    },
    'POST /api/sheets/menu': async (q, r) => sendJson(r, 200, await ask({ type: 'sheetsMenu', caption: parse(Schemas.menu, await readBody(q)).caption })),
    'POST /api/sheets/run': async (q, r) => {
      const body = parse(Schemas.run, await readBody(q));
      sendJson(r, 200, await ask({ type: 'sheetsRun', name: body.name, args: body.args as JsonValue[] }));
    },
    'POST /api/sheets/edit': async (q, r) => sendJson(r, 200, await ask({ type: 'cellEdit', edit: parse(Schemas.cellEdit, await readBody(q)) })),
    'POST /api/sheets/sidebar/close': async (q, r) => {
      await readBody(q);
      sendJson(r, 200, await ask({ type: 'sheetsCloseSidebar' }));
    },
    'GET /sheets/sidebar': async (_q, r) => {
      const { html, functions } = (await ask({ type: 'sheetsSidebarHtml' })) as { html: string; functions: string[] };
      send(r, 200, 'text/html; charset=utf-8', withShim(html, functions, assets.shimJs, '/api/sheets/run'));
    },
    'GET /picker-stand-in.js': async (_q, r) => send(r, 200, 'text/javascript; charset=utf-8', assets.pickerStandInJs),
    'GET /api/picker/files': async (_q, r) => sendJson(r, 200, await ask({ type: 'pickerFiles' })),
    'POST /api/picker/pick': async (q, r) => {
      const body = parse(Schemas.pick, await readBody(q));
      sendJson(r, 200, await ask({ type: 'pickFile', id: body.id, grant: body.grant }));
    },
    'GET /sidebar': async (_q, r) => {
      const { html, functions } = (await ask({ type: 'sidebarHtml' })) as { html: string; functions: string[] };
      send(r, 200, 'text/html; charset=utf-8', withShim(html, functions, assets.shimJs));
    },
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Only this machine's names: a web page elsewhere cannot reach the server through DNS rebinding.
    const hostHeader = request.headers.host ?? '';
    if (!/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i.test(hostHeader)) throw new HttpError(403, 'The preview only answers requests to localhost.');
    const origin = request.headers.origin;
    if (request.method === 'POST' && origin !== undefined && origin !== `http://${hostHeader}`) throw new HttpError(403, 'Cross-origin requests are refused.');
    const dialogPage = /^\/dialog\/(\d+)$/.exec(url.pathname);
    if (dialogPage && request.method === 'GET') {
      const { html, functions } = (await ask({ type: 'htmlDialog', index: Number(dialogPage[1]) })) as { html: string; functions: string[] };
      // Google's Picker script cannot load here: its stand-in answers for it (same API, the emulated Drive).
      const local = html.replace(/https:\/\/apis\.google\.com\/js\/api\.js/g, '/picker-stand-in.js');
      send(response, 200, 'text/html; charset=utf-8', withShim(local, functions, assets.shimJs));
      return;
    }
    const route = routes[`${request.method ?? 'GET'} ${url.pathname}`];
    if (route) {
      await route(request, response, url);
      return;
    }
    const known = Object.keys(routes).some((key) => key.endsWith(` ${url.pathname}`));
    throw new HttpError(known ? 405 : 404, known ? `${request.method ?? ''} is not allowed on ${url.pathname}.` : `Nothing at ${url.pathname}.`);
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      // HttpErrors carry their own message to the page; anything else is a defect of the preview, for the console.
      if (!(error instanceof HttpError)) console.error('Preview:', error);
      if (response.headersSent) response.end();
      else sendJson(response, status, { error: message });
    });
  });
  // Keep-alive heartbeats: proxies and browsers drop event streams that stay silent.
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, 25_000);
  heartbeat.unref();

  let port: number;
  try {
    port = await listen(server, host, options.port ?? DEFAULT_PORT, options.strictPort ?? false, log);
  } catch (error) {
    clearInterval(heartbeat);
    await runtime.stop();
    throw error;
  }
  const url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/`;
  log(`Preview of the add-on on ${shown(opened.file, cwd)}: ${url}`);

  return {
    url,
    port,
    file: opened.file,
    async close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
      await runtime.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Listens on the port. A port the person chose (--port, PORT) that is taken is an error; the
 * default one is swapped for the next free one, and the console says so.
 */
async function listen(server: http.Server, host: string, first: number, strict: boolean, log: (line: string) => void): Promise<number> {
  const attempts = strict || first === 0 ? 1 : PORT_ATTEMPTS;
  for (let i = 0; i < attempts; i++) {
    const port = first + i;
    try {
      await new Promise<void>((resolve, reject) => {
        const fail = (error: Error): void => {
          server.off('listening', done);
          reject(error);
        };
        const done = (): void => {
          server.off('error', fail);
          resolve();
        };
        server.once('error', fail);
        server.once('listening', done);
        server.listen(port, host);
      });
      if (i > 0) log(`Port ${first} is in use; using ${port} instead.`);
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
      if (code === 'EADDRINUSE' && i < attempts - 1) continue;
      if (code === 'EADDRINUSE') {
        throw new PreviewError(strict
          ? `Port ${port} is in use. Stop whatever uses it, or choose another port: npm start -- --port ${port + 1}`
          : `Ports ${first} to ${port} are all in use. Choose a free one: npm start -- --port 9000`);
      }
      if (code === 'EACCES') throw new PreviewError(`Not allowed to listen on port ${port}. Choose a port above 1023: npm start -- --port 9000`);
      throw error;
    }
  }
  throw new PreviewError(`Could not listen on port ${first}.`);
}

// ---------------------------------------------------------------------------------------------
// The command line

const USAGE = `Usage: npm start -- [plan.md] [options]

Opens plan.md (a Google Docs Markdown export) in a local preview of the add-on; without it, the
last document opened, or a new one. Changes are saved back to the file as you make them.

Options:
  --port N           port to listen on (or the PORT environment variable; default ${DEFAULT_PORT},
                     or the next free one)
  --preview-dir DIR  where the last document, sidecars and properties are kept (default .preview)
  --locale L         the user's locale, e.g. en_GB (default en_US)
  --time-zone TZ     the script's time zone (default America/New_York)
  --today YYYY-MM-DD fix "today" for the add-on
  --date-chips       read table cells that are exactly a date as date chips
  --help             this text`;

function cliOptions(argv: readonly string[], env: NodeJS.ProcessEnv): PreviewOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      port: { type: 'string' },
      'preview-dir': { type: 'string' },
      locale: { type: 'string' },
      'time-zone': { type: 'string' },
      today: { type: 'string' },
      'date-chips': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length > 1) throw new PreviewError(`Open one document at a time (got ${positionals.join(', ')}).`);
  const portText = values.port ?? env.PORT;
  let port: number | undefined;
  if (portText !== undefined && portText !== '') {
    port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new PreviewError(`"${portText}" is not a port number (0 to 65535).`);
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new PreviewError(`--today wants a date as YYYY-MM-DD, not "${values.today}".`);
  return {
    file: positionals[0] ?? null,
    ...(port !== undefined ? { port, strictPort: true } : {}),
    ...(values['preview-dir'] ? { previewDir: values['preview-dir'] } : env.PREVIEW_DIR ? { previewDir: env.PREVIEW_DIR } : {}),
    ...(values.locale ? { locale: values.locale } : {}),
    ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
    ...(values.today ? { today: values.today } : {}),
    datesAsChips: values['date-chips'] ?? false,
  };
}

async function main(): Promise<void> {
  let options: PreviewOptions | 'help';
  try {
    options = cliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(1);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  try {
    const preview = await startPreview(options);
    const stop = (): void => {
      console.log('\nStopping the preview; the document is saved.');
      void preview.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    if (error instanceof PreviewError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

if (require.main === module) void main();
