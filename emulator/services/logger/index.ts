/**
 * Logger and console: https://developers.google.com/apps-script/reference/base/logger ,
 * https://developers.google.com/apps-script/reference/base/console . Every entry is kept whole
 * with its execution, so tests can prove no personal data reaches the logs. Logs are not part of
 * snapshots (Apps Script keeps them outside the document too).
 */
import { expose } from '../../core/facade';
import type { Kernel } from '../../core/kernel';
import type { LogEntry, LoggerModule } from '../../core/modules';

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

class LoggerModuleImpl implements LoggerModule {
  readonly name = 'logger' as const;
  private readonly log: LogEntry[] = [];
  private text: string[] = [];

  constructor(readonly kernel: Kernel) {}

  entries(): LogEntry[] {
    return [...this.log];
  }

  add(level: LogEntry['level'], message: string): void {
    this.log.push({ level, message, at: this.kernel.now(), executionId: this.kernel.current().id });
    this.text.push(message);
  }

  globals(): Record<string, unknown> {
    const module = this;
    class Logger {
      /** log(data) or log(format, ...values) with %s substitution. */
      log(format: unknown, ...values: unknown[]): Logger {
        let message = show(format);
        if (values.length && typeof format === 'string') {
          let i = 0;
          message = format.replace(/%s/g, () => (i < values.length ? show(values[i++]) : '%s'));
        }
        module.add('log', message);
        return loggerFacade;
      }
      getLog(): string {
        return module.text.join('\n');
      }
      clear(): void {
        module.text = [];
      }
    }
    class Console {
      log(...args: unknown[]): void {
        module.add('log', args.map(show).join(' '));
      }
      info(...args: unknown[]): void {
        module.add('info', args.map(show).join(' '));
      }
      warn(...args: unknown[]): void {
        module.add('warn', args.map(show).join(' '));
      }
      error(...args: unknown[]): void {
        module.add('error', args.map(show).join(' '));
      }
    }
    const loggerFacade = expose(this.kernel, 'Logger', 'Logger', new Logger());
    return { Logger: loggerFacade, console: expose(this.kernel, 'Logger', 'console', new Console()) };
  }

  save(): unknown {
    return null;
  }

  restore(): void {
    // Logs start empty in a restored workspace.
  }
}

export function install(kernel: Kernel): void {
  kernel.register(new LoggerModuleImpl(kernel));
}
