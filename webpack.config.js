/**
 * Builds exactly what `clasp push` uploads (rootDir: build/):
 * - build/Code.js: src/server/index.ts and everything it imports, lowered to ES2019 by esbuild,
 *   bundled by webpack; gas-webpack-plugin turns every export of the barrel into a top-level
 *   function declaration, which is all Apps Script can call (menus, triggers, google.script.run).
 * - build/appsscript.json: the manifest, copied.
 * - build/<Page>.html: one self-contained page per file in src/ui/pages/*.html, with its client
 *   TypeScript bundled by esbuild and its CSS inlined (no CDN, no external script).
 */
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const GasPlugin = require('gas-webpack-plugin');

const ROOT = __dirname;
const PAGES = path.join(ROOT, 'src/ui/pages');
const CLIENT = path.join(ROOT, 'src/ui/client');

/** Turns src/ui/pages/X.html into build/X.html with /*@inline-js f.ts*\/ and /*@inline-css f.css*\/ filled in. */
class SidebarPagesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('SidebarPagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'SidebarPagesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          const { RawSource } = compiler.webpack.sources;
          compilation.emitAsset('appsscript.json', new RawSource(fs.readFileSync(path.join(ROOT, 'appsscript.json'))));
          for (const file of fs.readdirSync(PAGES).filter((f) => f.endsWith('.html'))) {
            const html = await buildPage(path.join(PAGES, file));
            compilation.emitAsset(file, new RawSource(html));
          }
          // Rebuild when the client or the pages change (watch mode).
          compilation.contextDependencies.add(PAGES);
          compilation.contextDependencies.add(CLIENT);
        },
      );
    });
  }
}

async function buildPage(pagePath) {
  let html = fs.readFileSync(pagePath, 'utf8');
  const jsMarks = [...html.matchAll(/\/\*@inline-js ([\w./-]+)\*\//g)];
  for (const [mark, entry] of jsMarks) {
    const result = await esbuild.build({
      entryPoints: [path.join(CLIENT, entry)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2019',
      // Apps Script's HTML files must not contain backticks: lower template literals.
      supported: { 'template-literal': false },
      // ASCII only: Vietnamese text travels as \u escapes, immune to any charset mix-up.
      charset: 'ascii',
      legalComments: 'none',
      tsconfig: path.join(CLIENT, 'tsconfig.json'),
    });
    // "</script" inside the code would close the inline <script> early.
    const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    html = html.replace(mark, () => js);
  }
  for (const [mark, file] of [...html.matchAll(/\/\*@inline-css ([\w./-]+)\*\//g)]) {
    html = html.replace(mark, () => fs.readFileSync(path.join(PAGES, file), 'utf8'));
  }
  for (const [forbidden, why] of [['`', 'a backtick'], ['<?', 'a scriptlet opener "<?"']]) {
    if (html.includes(forbidden)) throw new Error(`${path.basename(pagePath)}: the built page contains ${why}`);
  }
  return html;
}

const addOn = {
  name: 'add-on',
  mode: 'production',
  context: ROOT,
  entry: './src/server/index.ts',
  // build/mailbox/ is the other project's (below): cleaning build/ leaves it alone.
  output: { path: path.join(ROOT, 'build'), filename: 'Code.js', clean: { keep: /^mailbox\// } },
  target: ['web', 'es2019'],
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'esbuild-loader', options: { loader: 'ts', target: 'es2019' } }],
  },
  // The barrel's exports are consumed by gas-webpack-plugin's global assignments, which webpack
  // cannot see: keep every export (usedExports: false) rather than let tree-shaking drop them.
  optimization: { minimize: false, concatenateModules: true, usedExports: false },
  devtool: false,
  performance: { hints: false },
  plugins: [
    new GasPlugin({ autoGlobalExportsFiles: ['**/src/server/index.ts'], comment: true }),
    new SidebarPagesPlugin(),
    // build/.stamp says when build/ was last made from the sources (webpack leaves unchanged
    // assets untouched, so their times cannot tell); the tests check it. clasp pushes only
    // .js/.html/.json files, so the stamp never reaches Apps Script.
    { apply: (compiler) => compiler.hooks.done.tap('BuildStamp', (stats) => { if (!stats.hasErrors()) fs.writeFileSync(path.join(ROOT, 'build/.stamp'), new Date().toISOString()); }) },
  ],
};

/**
 * The official mailbox's own project (README "The official mailbox"): src/mailbox/index.ts and the
 * pure domain code it imports, into build/mailbox/Code.js with its own manifest
 * (src/mailbox/appsscript.json); pushed by `npm run deploy:mailbox` (.clasp.mailbox.json). The
 * add-on's .clasp.json skips subdirectories, so the add-on never carries it.
 */
const mailbox = {
  ...addOn,
  name: 'mailbox',
  entry: './src/mailbox/index.ts',
  output: { path: path.join(ROOT, 'build/mailbox'), filename: 'Code.js', clean: true },
  plugins: [
    new GasPlugin({ autoGlobalExportsFiles: ['**/src/mailbox/index.ts'], comment: true }),
    {
      apply: (compiler) =>
        compiler.hooks.thisCompilation.tap('MailboxManifest', (compilation) => {
          compilation.hooks.processAssets.tap({ name: 'MailboxManifest', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
            compilation.emitAsset('appsscript.json', new compiler.webpack.sources.RawSource(fs.readFileSync(path.join(ROOT, 'src/mailbox/appsscript.json'))));
          });
        }),
    },
  ],
};

module.exports = [addOn, mailbox];
