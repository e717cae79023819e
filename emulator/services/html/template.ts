/**
 * HtmlTemplate: https://developers.google.com/apps-script/reference/html/html-template and the
 * scriptlet guide https://developers.google.com/apps-script/guides/html/templates :
 * <? code ?> runs, <?= expr ?> prints escaped, <?!= expr ?> prints as is. Variables are set as
 * properties of the template (so, unlike other Apps Script objects, it accepts writes) and
 * scriptlets see them plus the script's globals. The emulator escapes <?= ?> output as HTML text
 * everywhere; Apps Script escapes by context (also inside <script> and attributes), which this
 * does not model: keep <?= ?> out of scripts, as the project does.
 */
import vm from 'node:vm';
import type { Kernel } from '../../core/kernel';
import { ScriptRealm } from '../../core/realm';
import { escapeHtml } from './output';

export function compileTemplate(source: string): string {
  let code = '';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('<?', i);
    if (open < 0) {
      code += `__out.push(${JSON.stringify(source.slice(i))});\n`;
      break;
    }
    if (open > i) code += `__out.push(${JSON.stringify(source.slice(i, open))});\n`;
    const close = source.indexOf('?>', open + 2);
    if (close < 0) throw new SyntaxError('Unterminated scriptlet: "<?" without "?>"');
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!=')) code += `__out.push(String(${inner.slice(2)}));\n`;
    else if (inner.startsWith('=')) code += `__out.push(__escape(${inner.slice(1)}));\n`;
    else code += `${inner}\n`;
    i = close + 2;
  }
  return code;
}

export function evaluateTemplate(kernel: Kernel, source: string, variables: Record<string, unknown>): string {
  const body = `var __out = []; with (__vars) {\n${compileTemplate(source)}}\nreturn __out.join('');`;
  const script = kernel.script;
  const make =
    script instanceof ScriptRealm
      ? (vm.runInContext('Function', script.context) as FunctionConstructor)
      : (vm.runInNewContext('Function') as FunctionConstructor);
  const fn = new make('__vars', '__escape', body) as (vars: Record<string, unknown>, escape: (v: unknown) => string) => string;
  return fn(variables, (v) => escapeHtml(v === null || v === undefined ? '' : v));
}
