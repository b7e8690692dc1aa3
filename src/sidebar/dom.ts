/** DOM building for the sidebar: elements from code, where every string becomes a text node and never markup. */

/** An attribute value; `true` sets a boolean attribute, `false`/null/undefined leave it out. */
type AttrValue = string | number | boolean | null | undefined;
/** Attributes, plus `on<event>` listeners (e.g. `onclick`). */
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element. Strings (children and attribute values alike) can only ever be text: data
 * from the document or the server goes through here, so nothing it holds can run as HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  append(node, ...children);
  return node;
}

/** An element with a class and no other attribute: the most common shape, written short (the sidebar has a size budget). */
export function tagged<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  return el(tag, { class: cls }, ...children);
}

/** The class of a tab's main action. */
export const PRIMARY = 'button primary';

/** A button that never submits a form: class "button" unless another is given. */
export function button(id: string | null, label: Child, cls = 'button', onclick?: (event: Event) => void): HTMLButtonElement {
  return el('button', { type: 'button', id, class: cls, onclick }, label);
}

/** Appends children to a node, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces a node's content (text-only for strings, as in `el`). */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** The element with this id from the page template; its absence is a build defect, so fail loudly. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The sidebar page has no #${id}`);
  return found as T;
}
