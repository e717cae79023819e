/** HtmlService and the container Ui: https://developers.google.com/apps-script/reference/html/html-service */
import { AppsScriptException, signatureMismatch } from '../../core/errors';
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { HtmlModule, MenuModel, ShownHtml, UiEvent } from '../../core/modules';
import { publish } from '../../core/published';
import { HtmlOutput, SandboxMode, XFrameOptionsMode } from './output';
import { evaluateTemplate } from './template';
import { Ui, type UiState } from './ui';

class HtmlModuleImpl implements HtmlModule {
  readonly name = 'html' as const;
  private state: UiState = { menus: [], shown: [], events: [], responses: [] };

  constructor(readonly kernel: Kernel) {}

  menus(): MenuModel[] {
    return this.state.menus;
  }
  shown(): ShownHtml[] {
    return this.state.shown;
  }
  uiEvents(): UiEvent[] {
    return this.state.events;
  }
  queueUiResponse(response: { button: string; text?: string }): void {
    this.state.responses.push(response);
  }
  uiFacade(): GoogleAppsScript.Base.Ui {
    return expose(this.kernel, 'SpreadsheetApp', 'Ui', new Ui(this.kernel, this.state)) as unknown as GoogleAppsScript.Base.Ui;
  }
  recordToast(title: string, message: string): void {
    this.state.events.push({ kind: 'toast', title, message, user: this.kernel.current().user, at: this.kernel.now() });
  }

  private output(content: string): HtmlOutput {
    const out = new HtmlOutput(this.kernel);
    out._content = content;
    return publish(this.kernel, 'HtmlService', 'HtmlOutput', out);
  }

  private file(name: unknown, method: string): string {
    if (typeof name !== 'string') throw signatureMismatch(`HtmlService.${method}`, [name]);
    const content = this.kernel.script?.htmlFile(name);
    if (content === undefined) throw new AppsScriptException(`No HTML file named ${name} was found.`);
    return content;
  }

  /** A template accepts variables as properties; its methods are metered like any other call. */
  private template(source: string): unknown {
    const vars: Record<string, unknown> = {};
    const methods: Record<string, (...a: unknown[]) => unknown> = {
      evaluate: () => this.output(evaluateTemplate(this.kernel, source, vars)),
      getRawContent: () => source,
      getCode: () => source,
      getCodeWithComments: () => source,
    };
    return new Proxy(vars, {
      get: (t, p) => {
        if (typeof p === 'string' && p in methods) return (...a: unknown[]) => this.kernel.call('HtmlService', `HtmlTemplate.${p}`, () => methods[p](...a));
        if (p === 'toString') return () => 'HtmlTemplate';
        return Reflect.get(t, p);
      },
    });
  }

  globals(): Record<string, unknown> {
    const m = this;
    class HtmlService {
      readonly SandboxMode = SandboxMode;
      readonly XFrameOptionsMode = XFrameOptionsMode;
      createHtmlOutput(html?: unknown): unknown {
        if (html !== undefined && typeof html !== 'string') throw signatureMismatch('HtmlService.createHtmlOutput', [html]);
        return m.output(html ?? '');
      }
      createHtmlOutputFromFile(filename: string): unknown {
        return m.output(m.file(filename, 'createHtmlOutputFromFile'));
      }
      createTemplate(html: string): unknown {
        if (typeof html !== 'string') throw signatureMismatch('HtmlService.createTemplate', [html]);
        return m.template(html);
      }
      createTemplateFromFile(filename: string): unknown {
        return m.template(m.file(filename, 'createTemplateFromFile'));
      }
    }
    return { HtmlService: expose(this.kernel, 'HtmlService', 'HtmlService', new HtmlService()) };
  }

  save(): unknown {
    return { menus: this.state.menus, shown: this.state.shown, events: this.state.events };
  }

  restore(state: unknown): void {
    const s = state as Omit<UiState, 'responses'>;
    this.state = { ...s, responses: [] };
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new HtmlModuleImpl(kernel));
}
