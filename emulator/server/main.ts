/**
 * npm start: builds (done by the npm script), loads build/ into a workspace restored from the
 * last snapshot (or a fresh ward with --reset), opens the bound spreadsheet (onOpen builds the
 * menu) and serves the local ward.
 *   npm start                    → http://localhost:8080 (PORT overrides)
 *   npm start -- --reset         → a fresh ward
 *   npm start -- --data DIR      → keep the snapshot in DIR (default .ward/)
 *   npm start -- --no-setup      → a fresh ward that is not set up yet
 */
import fs from 'node:fs';
import path from 'node:path';
import { createWorkspace } from '../index';
import { startWard } from './ward';
import { openLocalMailbox } from './mailbox';

const ROOT = path.resolve(__dirname, '../..');
/** The bound spreadsheet of a fresh ward: the committee's central database. */
export const WARD_SPREADSHEET_NAME = 'Hòm thư số — Cơ sở dữ liệu góp ý';
export const WARD_ADMIN = 'admin@luukiem.example';

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * A fresh ward to try and to train on: one handler for each handling body and a viewer, typed
 * into "Cán bộ" by hand as the admin would (so the add-on's edit trigger takes them in at once).
 */
export const DEMO_STAFF: Array<[string, string, string]> = [
  ['ubnd@luukiem.example', 'Xử lý', 'UBND phường'],
  ['congan@luukiem.example', 'Xử lý', 'Công an phường'],
  ['mttq@luukiem.example', 'Xử lý', 'Ủy ban MTTQ Việt Nam phường'],
  ['kinhte@luukiem.example', 'Xử lý', 'Phòng Kinh tế, Hạ tầng và Đô thị'],
  ['vanhoa@luukiem.example', 'Xử lý', 'Phòng Văn hóa - Xã hội'],
  ['bandtdp@luukiem.example', 'Xử lý', 'Ban Công tác Mặt trận tổ dân phố'],
  ['xem@luukiem.example', 'Xem', ''],
];

function addDemoStaff(ws: ReturnType<typeof createWorkspace>): void {
  const range = { sheet: 'Cán bộ', row: 3, column: 1, numRows: DEMO_STAFF.length, numColumns: 3 };
  ws.handEdit((ss) => ss.getSheetByName('Cán bộ')?.getRange(range.row, 1, DEMO_STAFF.length, 3).setValues(DEMO_STAFF), { user: WARD_ADMIN, range });
  // Sheet protections follow the staff list at the hourly run; "Đồng bộ lại" does it now, so the
  // demo handlers can save from the first minute.
  ws.ui.runMenuItem('resyncMailbox', { user: WARD_ADMIN });
}

export async function main(args: string[]): Promise<void> {
  const dataDir = path.resolve(argValue(args, '--data') ?? path.join(ROOT, '.ward'));
  const buildDir = path.resolve(argValue(args, '--build') ?? path.join(ROOT, 'build'));
  const snapshotFile = path.join(dataDir, 'workspace.json');
  if (args.includes('--reset') && fs.existsSync(snapshotFile)) fs.rmSync(snapshotFile);

  const restored = fs.existsSync(snapshotFile);
  const ws = restored
    ? createWorkspace({ snapshot: fs.readFileSync(snapshotFile, 'utf8') })
    : createWorkspace({ user: WARD_ADMIN, now: Date.now() });
  if (!restored) ws.spreadsheets.setActive(ws.spreadsheets.create(WARD_SPREADSHEET_NAME, { owner: WARD_ADMIN }));
  ws.load(buildDir);
  ws.open('LIMITED');
  // A fresh ward is set up as its first admin would do: menu "Thiết lập hòm thư".
  if (!restored && !args.includes('--no-setup') && ws.app?.functionNames().includes('setupMailbox')) {
    ws.ui.runMenuItem('setupMailbox');
    addDemoStaff(ws);
  }

  // Saved at once: a ward that was only opened and set up is still there next time.
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(snapshotFile, ws.snapshot());

  const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
  // The official mailbox's own project beside the ward, when it was built (npm run build makes both);
  // a fresh ward gets a fresh mailbox.
  const mailboxBuild = path.join(buildDir, 'mailbox');
  const mailboxFile = path.join(dataDir, 'mailbox.json');
  if (!restored && fs.existsSync(mailboxFile)) fs.rmSync(mailboxFile);
  const mailbox = fs.existsSync(path.join(mailboxBuild, 'appsscript.json')) ? openLocalMailbox(ws, { buildDir: mailboxBuild, snapshotFile: mailboxFile }) : undefined;
  mailbox?.persist();
  const ward = await startWard({ ws, port, snapshotFile, mailbox });
  console.log(`Hòm thư số (local ward) ${restored ? `restored from ${snapshotFile}` : 'fresh'} at ${ward.url}`);
  const stop = (): void => {
    void ward.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
