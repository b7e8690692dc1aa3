/** What the preview's two pages (the Doc and the team workbook) share: DOM built from text, their elements found by id, the "Running script" notice, and google.script.host.close() from an add-on frame. */

// Every string from the document, the workbook or the add-on becomes a text node, never markup.
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;
export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The preview page has no #${id}`);
  return found as T;
}

/** A menu item's script: Google shows "Running script" only when it takes a moment, never for a quick one. */
export async function whileRunning<T>(work: () => Promise<T>, afterMs: number): Promise<T> {
  const running = byId('running');
  const timer = window.setTimeout(() => (running.hidden = false), afterMs);
  try {
    return await work();
  } finally {
    window.clearTimeout(timer);
    running.hidden = true;
  }
}

/** google.script.host.close() in the sidebar or a dialog asks the page (same origin) to close that frame. */
export function onHostClose(close: (from: MessageEventSource | null) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== window.location.origin) return;
    const data = event.data;
    if (data === null || typeof data !== 'object' || !('source' in data) || data.source !== 'map-preview-host' || !('action' in data)) return;
    if (data.action === 'close') close(event.source);
  });
}

let sidebarGeneration = -1;

/** The add-on's sidebar, shown with its title; its frame loads again only for a new showSidebar (a new generation), as in Google's editors. */
export function drawSidebarFrame(sidebar: { readonly title: string; readonly generation: number } | null, src: (generation: number) => string): void {
  const box = byId('sidebar');
  const frame = byId<HTMLIFrameElement>('sidebar-frame');
  if (sidebar) {
    byId('sidebar-title').textContent = sidebar.title;
    box.hidden = false;
    if (sidebar.generation !== sidebarGeneration) {
      sidebarGeneration = sidebar.generation;
      frame.src = src(sidebar.generation);
    }
  } else if (!box.hidden) {
    box.hidden = true;
    sidebarGeneration = -1;
    frame.src = 'about:blank';
  }
}

/** Asks the server, then draws the answer; a failure goes to the page's own report (a banner or a toast), never uncaught. */
export async function askAndDraw<T>(ask: () => Promise<T>, draw: (value: T) => void, report: (error: unknown) => void): Promise<void> {
  try {
    draw(await ask());
  } catch (error) {
    report(error);
  }
}

let toastTimer: number | undefined;

/** The editors' small message at the bottom, gone after `ms`. */
export function toast(message: string, ms: number): void {
  const box = byId('toast');
  box.textContent = message;
  box.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => (box.hidden = true), ms);
}
