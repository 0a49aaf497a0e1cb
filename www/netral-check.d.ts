// Types of www/netral-check.js (the package's `./define`): importing it registers <netral-check>.
import type { NetralCheck } from './netral-check-element.js';

export { NetralCheck };

declare global {
  interface HTMLElementTagNameMap {
    'netral-check': NetralCheck;
  }
}
