// Types of www/netral-check-element.js (the package's `./element`): the class, not registered.
import type { FactInput, Verdict } from './netral.js';

/** `<netral-check>`: a neutrality self-check and form control (docs/embedding.md). */
export class NetralCheck extends HTMLElement {
  static formAssociated: true;
  static observedAttributes: string[];
  /** Facts the host form already knows, e.g. `{ subject: 'pns' }`; they win over the text. */
  facts: Record<string, FactInput>;
  /** The text typed in the box (the form submits the verdict: see `value-format`). */
  value: string;
  /** The last verdict, or null. */
  readonly verdict: Verdict | null;
  readonly form: HTMLFormElement | null;
  readonly name: string | null;
  readonly type: string;
  readonly validity: ValidityState;
  readonly validationMessage: string;
  readonly willValidate: boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  addEventListener<K extends keyof NetralCheckEventMap>(type: K, listener: (this: NetralCheck, ev: NetralCheckEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

export interface NetralCheckEventMap extends HTMLElementEventMap {
  /** A new verdict (bubbles, composed). */
  'netral-verdict': CustomEvent<Verdict>;
}
