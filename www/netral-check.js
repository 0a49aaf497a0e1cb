// Registers <netral-check> (the package's `./define`): importing this module defines the tag
// once; the class itself, without side effects, is `netral-check-element.js` (`./element`).
//
//   <script type="module" src="/netral/netral-check.js"></script>
//   <netral-check lang="id" name="netralitas"></netral-check>

import { NetralCheck } from './netral-check-element.js';

if (!customElements.get('netral-check')) customElements.define('netral-check', NetralCheck);

export { NetralCheck };
