/** Google Picker's stand-in in `npm start`: gapi.load('picker') and google.picker's builder, drawing the emulated Drive's spreadsheets to pick from; a pick grants the file to the add-on (drive.file) as Google's does when the app id is set. */

export {};

interface Listed {
  id: string;
  name: string;
}

interface PickedDoc {
  id: string;
  name: string;
  mimeType: string;
  url: string;
}

type Callback = (data: Record<string, unknown>) => void;

// The names Google's API gives these constants' values (/workspace/drive/picker/reference).
const Action = { PICKED: 'picked', CANCEL: 'cancel', LOADED: 'loaded' } as const;
const PickerResponse = { ACTION: 'action', DOCUMENTS: 'docs', VIEW: 'viewToken' } as const;
const PickerDocument = { ID: 'id', NAME: 'name', MIME_TYPE: 'mimeType', URL: 'url' } as const;
const ViewId = { DOCS: 'all', SPREADSHEETS: 'spreadsheets', DOCUMENTS: 'documents', FOLDERS: 'folders' } as const;
const DocsViewMode = { GRID: 'grid', LIST: 'list' } as const;
const Feature = { NAV_HIDDEN: 'navHidden', MULTISELECT_ENABLED: 'multiselectEnabled', SUPPORT_DRIVES: 'sdr' } as const;

class DocsView {
  constructor(readonly viewId: string = ViewId.DOCS) {}
  setMode(): this {
    return this;
  }
  setIncludeFolders(): this {
    return this;
  }
  setOwnedByMe(): this {
    return this;
  }
  setMimeTypes(): this {
    return this;
  }
}

interface Settings {
  views: DocsView[];
  token: string | null;
  developerKey: string | null;
  appId: string | null;
  origin: string | null;
  callback: Callback | null;
}

class PickerBuilder {
  private readonly settings: Settings = { views: [], token: null, developerKey: null, appId: null, origin: null, callback: null };
  addView(view: DocsView | string): this {
    this.settings.views.push(typeof view === 'string' ? new DocsView(view) : view);
    return this;
  }
  enableFeature(): this {
    return this;
  }
  hideTitleBar(): this {
    return this;
  }
  setSize(): this {
    return this;
  }
  setTitle(): this {
    return this;
  }
  setOAuthToken(token: string): this {
    this.settings.token = token;
    return this;
  }
  setDeveloperKey(key: string): this {
    this.settings.developerKey = key;
    return this;
  }
  setAppId(appId: string): this {
    this.settings.appId = appId;
    return this;
  }
  setOrigin(origin: string): this {
    this.settings.origin = origin;
    return this;
  }
  setCallback(callback: Callback): this {
    this.settings.callback = callback;
    return this;
  }
  build(): Picker {
    return new Picker(this.settings);
  }
}

async function json<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const value = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(value.error ?? `${response.status}`);
  return value;
}

function node<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

class Picker {
  private layer: HTMLElement | null = null;

  constructor(private readonly settings: Settings) {}

  setVisible(visible: boolean): void {
    if (!visible) {
      this.dispose();
      return;
    }
    void this.show();
  }

  dispose(): void {
    this.layer?.remove();
    this.layer = null;
  }

  private answer(data: Record<string, unknown>): void {
    this.dispose();
    this.settings.callback?.(data);
  }

  private async show(): Promise<void> {
    this.dispose();
    const s = this.settings;
    const box = node('div', { role: 'dialog', 'aria-label': 'Google Picker (preview stand-in)', class: 'picker-stand-in', style: 'position:fixed;inset:0;background:#fff;display:flex;flex-direction:column;font:14px Arial,sans-serif;padding:12px;gap:8px' });
    this.layer = box;
    document.body.append(box);
    // Google's Picker refuses to open without a token and a key; without an app id a drive.file pick grants nothing.
    if (!s.token || !s.developerKey || !s.origin) {
      box.append(node('p', { role: 'alert' }, 'The Picker was built without an OAuth token, a developer key or an origin: Google would not open it.'));
      return;
    }
    const onlySpreadsheets = s.views.every((v) => v.viewId === ViewId.SPREADSHEETS);
    const files = await json<Listed[]>('GET', '/api/picker/files');
    let chosen: Listed | null = null;
    const select = node('button', { type: 'button', id: 'picker-select', disabled: '' }, 'Select');
    const list = node('ul', { role: 'listbox', 'aria-label': onlySpreadsheets ? 'Spreadsheets' : 'Files', style: 'list-style:none;margin:0;padding:0;overflow:auto;flex:1;border:1px solid #dadce0' });
    for (const file of files) {
      const item = node('li', { role: 'option', 'aria-selected': 'false', tabindex: '0', 'data-id': file.id, style: 'padding:8px 12px;cursor:pointer' }, file.name);
      const choose = (): void => {
        chosen = file;
        for (const other of Array.from(list.children)) other.setAttribute('aria-selected', String(other === item));
        for (const other of Array.from(list.children)) (other as HTMLElement).style.background = other === item ? '#e8f0fe' : '';
        select.removeAttribute('disabled');
      };
      item.onclick = choose;
      item.onkeydown = (event) => {
        if (event.key === 'Enter' || event.key === ' ') choose();
      };
      list.append(item);
    }
    const cancel = node('button', { type: 'button', id: 'picker-cancel' }, 'Cancel');
    cancel.onclick = () => this.answer({ [PickerResponse.ACTION]: Action.CANCEL });
    select.onclick = async () => {
      if (!chosen) return;
      const doc = await json<PickedDoc>('POST', '/api/picker/pick', { id: chosen.id, grant: Boolean(s.appId) });
      this.answer({ [PickerResponse.ACTION]: Action.PICKED, [PickerResponse.DOCUMENTS]: [{ [PickerDocument.ID]: doc.id, [PickerDocument.NAME]: doc.name, [PickerDocument.MIME_TYPE]: doc.mimeType, [PickerDocument.URL]: doc.url }] });
    };
    box.append(
      node('p', { style: 'margin:0;color:#5f6368' }, 'Google Picker stand-in (npm start): the spreadsheets in the emulated Drive.'),
      files.length === 0 ? node('p', {}, 'No spreadsheets in Drive.') : list,
      node('div', { style: 'display:flex;gap:8px;justify-content:flex-end' }, cancel, select),
    );
    (list.firstElementChild as HTMLElement | null)?.focus();
  }
}

declare global {
  interface Window {
    gapi?: { load(name: string, options: { callback?: () => void } | (() => void)): void };
  }
}

const holder = window as unknown as { google?: Record<string, unknown> };
holder.google = holder.google ?? {};
holder.google.picker = { PickerBuilder, DocsView, View: DocsView, Action, Response: PickerResponse, Document: PickerDocument, ViewId, DocsViewMode, Feature };
window.gapi = {
  load(_name, options) {
    const done = typeof options === 'function' ? options : options.callback;
    setTimeout(() => done?.(), 0);
  },
};
