/**
 * DataValidation and its builder (dropdowns in the settings tabs):
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 */
import { signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import { Published, publish } from '../../core/published';
import { links } from './links';
import type { ValidationData } from './model';

export class DataValidation {
  constructor(readonly _data: ValidationData) {}
  getCriteriaType(): string {
    return this._data.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._data.criteria === 'VALUE_IN_LIST' ? [this._data.values.slice(), this._data.showDropdown] : [];
  }
  getAllowInvalid(): boolean {
    return this._data.allowInvalid;
  }
  getHelpText(): string {
    return this._data.helpText;
  }
}

export function makeDataValidation(kernel: Kernel, data: ValidationData): DataValidation {
  return expose(kernel, 'SpreadsheetApp', 'DataValidation', new DataValidation({ ...data, values: [...data.values] }));
}
links.makeDataValidation = makeDataValidation;

export class DataValidationBuilder extends Published {
  _data: ValidationData = { criteria: 'VALUE_IN_LIST', values: [], showDropdown: true, allowInvalid: true, helpText: '' };
  _hasCriteria = false;

  constructor(readonly _kernel: Kernel) {
    super();
  }

  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilder {
    if (!Array.isArray(values)) throw signatureMismatch('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    this._data = { ...this._data, criteria: 'VALUE_IN_LIST', values: values.map(String), showDropdown: showDropdown ?? true };
    this._hasCriteria = true;
    return this._self;
  }

  requireCheckbox(): DataValidationBuilder {
    this._data = { ...this._data, criteria: 'CHECKBOX', values: [] };
    this._hasCriteria = true;
    return this._self;
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this._data = { ...this._data, allowInvalid: allowInvalidData };
    return this._self;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    this._data = { ...this._data, helpText };
    return this._self;
  }

  build(): DataValidation {
    if (!this._hasCriteria) throw new Error('You must specify a criteria type for data validation rules.');
    return makeDataValidation(this._kernel, this._data);
  }
}

export function newDataValidation(kernel: Kernel): DataValidationBuilder {
  return publish(kernel, 'SpreadsheetApp', 'DataValidationBuilder', new DataValidationBuilder(kernel));
}
