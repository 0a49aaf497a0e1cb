// DOM helpers of the page and of <netral-check>: text only goes in as text (a text node or
// textContent), never as HTML, so rule and user text cannot inject markup.

/** The element with this id in the page. */
export const $ = (id) => document.getElementById(id);

/** Appends children, skipping null, undefined and false (Element.append would write "null"). */
export function put(node, ...children) {
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

/**
 * Creates an element. String children become text nodes; null, undefined and false are skipped.
 * Attributes: `class`, `text` (textContent), `onX` (a listener for event X), any other as an
 * attribute (`true` as present and empty; null, undefined and false leave it out).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}
