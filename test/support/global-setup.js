// Apps Script evaluates a script's local-time Date methods in the project's time zone; the
// emulated scripts run in this Node process, so the whole test run uses the project's zone.
// Every test loads build/: if any source is newer than it (jest run without `npm test`), build
// first, so no test ever passes against stale code.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function buildIsFresh() {
  const stamp = path.join(ROOT, 'build/.stamp');
  if (!['Code.js', 'Sidebar.html', 'appsscript.json', '.stamp', 'mailbox/Code.js', 'mailbox/appsscript.json'].every((f) => fs.existsSync(path.join(ROOT, 'build', f)))) return false;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = Math.max(newest(path.join(ROOT, 'src')), ...['webpack.config.js', 'appsscript.json'].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs));
  return built >= sources;
}

module.exports = async () => {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
  if (!buildIsFresh()) execSync('npm run build --silent', { cwd: ROOT, stdio: 'inherit' });
};
