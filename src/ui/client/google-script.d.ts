/** The client-side API HtmlService injects into sidebar pages. */
interface GoogleScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: Error, userObject?: unknown) => void): GoogleScriptRunner;
  withUserObject(object: unknown): GoogleScriptRunner;
  [serverFunction: string]: (...args: unknown[]) => unknown;
}

interface Window {
  google: {
    script: {
      run: GoogleScriptRunner;
      host: { close(): void; editor: { focus(): void } };
    };
  };
}
