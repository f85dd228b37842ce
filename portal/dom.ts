// A tiny element builder: text goes in as text (never HTML), so nothing a server or a file says can run here.
export type Child = Node | string | number | null | undefined | false
export type Attrs = { [name: string]: string | number | boolean | EventListener | undefined | null }

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Array<Child | Child[]>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  if (attrs) {
    for (const name of Object.keys(attrs)) {
      const value = attrs[name]
      if (value === undefined || value === null || value === false) continue
      if (typeof value === 'function') el.addEventListener(name.slice(2), value)
      else if (value === true) el.setAttribute(name, '')
      else el.setAttribute(name, String(value))
    }
  }
  append(el, children)
  return el
}

export function append(el: Node, children: Array<Child | Child[]>): void {
  for (const child of children) {
    if (Array.isArray(child)) append(el, child)
    else if (child === null || child === undefined || child === false) continue
    else el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
}

/** Replaces an element's content. */
export function fill(el: Element, ...children: Array<Child | Child[]>): void {
  while (el.firstChild) el.removeChild(el.firstChild)
  append(el, children)
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id)
  if (!el) throw new Error('missing #' + id)
  return el as T
}

/** A bar as wide as `part / whole` (set through the CSSOM, which a strict style-src allows). */
export function bar(part: number, whole: number, label: string): HTMLElement {
  const inner = h('span', { class: 'meter-fill' })
  inner.style.width = (whole > 0 ? Math.max(0, Math.min(1, part / whole)) * 100 : 0).toFixed(1) + '%'
  return h('span', { class: 'meter', role: 'img', 'aria-label': label }, inner)
}
