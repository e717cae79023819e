/**
 * PageBreak and HorizontalRule: elements with nothing to edit.
 * https://developers.google.com/apps-script/reference/document/page-break
 * https://developers.google.com/apps-script/reference/document/horizontal-rule
 */
import { ElementType } from '../enums';

export class Leaf {
  constructor(readonly _type: 'PAGE_BREAK' | 'HORIZONTAL_RULE') {}
  getType(): unknown {
    return ElementType[this._type];
  }
}
