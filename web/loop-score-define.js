// Defines <loop-score> once, however many times this module is loaded (the guarded define entry).
import { LoopScoreElement } from './loop-score.js';

export { LoopScoreElement };

if (!customElements.get('loop-score')) {
  window.LoopScoreElement = LoopScoreElement;
  customElements.define('loop-score', LoopScoreElement);
}
