/**
 * The container's Ui and Menu, reached through SpreadsheetApp.getUi():
 * https://developers.google.com/apps-script/reference/base/ui
 * https://developers.google.com/apps-script/reference/base/menu
 */
import { signatureMismatch } from '../../core/errors';
import { makeEnum, isEnumValue } from '../../core/enums';
import { expose, unwrap } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { MenuModel, ShownHtml, UiEvent } from '../../core/modules';
import { Published, publish } from '../../core/published';
import { HtmlOutput } from './output';

export const Button = makeEnum('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);

export interface UiState {
  menus: MenuModel[];
  shown: ShownHtml[];
  events: UiEvent[];
  responses: Array<{ button: string; text?: string }>;
}

class Menu extends Published {
  constructor(
    readonly _kernel: Kernel,
    readonly _state: UiState,
    readonly _model: MenuModel,
  ) {
    super();
  }

  addItem(caption: string, functionName: string): Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') throw signatureMismatch('Menu.addItem', [caption, functionName]);
    this._model.items.push({ caption, functionName });
    return this._self;
  }

  addSeparator(): Menu {
    this._model.items.push({ separator: true });
    return this._self;
  }

  addSubMenu(menu: unknown): Menu {
    const sub = unwrap(menu) as Menu;
    if (!(sub instanceof Menu)) throw signatureMismatch('Menu.addSubMenu', [menu]);
    this._model.items.push({ caption: sub._model.title, submenu: sub._model });
    return this._self;
  }

  /** Re-running onOpen replaces the menu of the same title. */
  addToUi(): void {
    const others = this._state.menus.filter((m) => !(m.title === this._model.title && m.addon === this._model.addon));
    this._state.menus = [...others, this._model];
  }
}

class PromptResponse {
  constructor(
    readonly _button: unknown,
    readonly _text: string,
  ) {}
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): unknown {
    return this._button;
  }
}

export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    readonly _kernel: Kernel,
    readonly _state: UiState,
  ) {}

  createMenu(caption: string): Menu {
    if (typeof caption !== 'string') throw signatureMismatch('Ui.createMenu', [caption]);
    return publish(this._kernel, 'SpreadsheetApp', 'Menu', new Menu(this._kernel, this._state, { title: caption, addon: false, items: [] }));
  }

  createAddonMenu(): Menu {
    return publish(this._kernel, 'SpreadsheetApp', 'Menu', new Menu(this._kernel, this._state, { title: this._kernel.projectName, addon: true, items: [] }));
  }

  private _show(kind: ShownHtml['kind'], output: unknown, title: string | undefined, method: string): void {
    const html = unwrap(output) as HtmlOutput;
    if (!(html instanceof HtmlOutput)) throw signatureMismatch(`Ui.${method}`, [output]);
    this._state.shown.push({
      kind,
      title: title ?? html._title,
      content: html._content,
      width: kind === 'sidebar' ? 300 : html._width,
      height: html._height,
      user: this._kernel.current().user,
      shownAt: this._kernel.now(),
    });
  }

  showSidebar(userInterface: unknown): void {
    this._show('sidebar', userInterface, undefined, 'showSidebar');
  }

  showModalDialog(userInterface: unknown, title: string): void {
    this._show('modal', userInterface, String(title), 'showModalDialog');
  }

  showModelessDialog(userInterface: unknown, title: string): void {
    this._show('modeless', userInterface, String(title), 'showModelessDialog');
  }

  private _record(kind: UiEvent['kind'], title: string, message: string): void {
    this._state.events.push({ kind, title, message, user: this._kernel.current().user, at: this._kernel.now() });
  }

  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons) */
  alert(a: unknown, b?: unknown, c?: unknown): unknown {
    let title = '';
    let message: unknown = a;
    if (c !== undefined) [title, message] = [String(a), b];
    else if (b !== undefined && !isEnumValue(b, ButtonSet)) throw signatureMismatch('Ui.alert', [a, b]);
    if (typeof message !== 'string') throw signatureMismatch('Ui.alert', [a, b, c].filter((x) => x !== undefined));
    this._record('alert', title, message);
    const answer = this._state.responses.shift();
    return answer ? Button[answer.button as keyof typeof Button] : Button.OK;
  }

  prompt(a: unknown, b?: unknown, c?: unknown): unknown {
    let title = '';
    let message: unknown = a;
    if (c !== undefined) [title, message] = [String(a), b];
    if (typeof message !== 'string') throw signatureMismatch('Ui.prompt', [a, b, c].filter((x) => x !== undefined));
    this._record('prompt', title, message);
    const answer = this._state.responses.shift();
    return expose(this._kernel, 'SpreadsheetApp', 'PromptResponse', new PromptResponse(answer ? Button[answer.button as keyof typeof Button] : Button.OK, answer?.text ?? ''));
  }
}
