/**
 * RangeElement: what findText returns — a Text element and the inclusive character offsets of the
 * match. https://developers.google.com/apps-script/reference/document/range-element
 */
import { NotImplementedInEmulator } from '../../../core/errors';
import type { Kernel } from '../../../core/kernel';
import type { RichText } from '../model';
import { makeText } from '../text';

export class RangeElement {
  constructor(
    readonly _kernel: Kernel,
    readonly _rich: RichText,
    readonly _start: number,
    readonly _end: number,
  ) {}

  /** The Text element that holds the match. */
  getElement(): unknown {
    return makeText(this._kernel, this._rich);
  }
  getStartOffset(): number {
    return this._start;
  }
  getEndOffsetInclusive(): number {
    return this._end;
  }
  /**
   * A match inside a longer text covers part of its Text element. Whether Apps Script calls a
   * match of the whole text partial is not documented: not modelled.
   */
  isPartial(): boolean {
    if (this._start === 0 && this._end === this._rich.text.length - 1) throw new NotImplementedInEmulator('RangeElement.isPartial of a match that covers its whole Text element');
    return true;
  }
}
