/**
 * domain/permissions: the one table of who may do what. The expected table below is written out
 * by hand from the security model (/work/shared/architecture.md, "Who reaches what") — admins do
 * everything from the spreadsheet and hold no links; a handling body's member reads their body's
 * cases in the spreadsheet and records progress and drafts answers through their link; a viewer
 * reads (and sees the dashboard) — and compared with `can()` for every role × reach × capability.
 * It is never derived from PERMISSIONS: a capability added, dropped or moved fails here until the
 * table in this file is changed on purpose.
 */
import { can, canSee, capabilitiesOf, mayHoldLink, seesEveryCase, staffWith, worksOnBodyByLink, type Actor, type Capability, type Reach } from '../../src/domain/permissions';
import type { Role } from '../../src/domain/settings';

const ROLES: Role[] = ['admin', 'handler', 'viewer'];
const REACHES: Reach[] = ['spreadsheet', 'link'];

/**
 * Columns: admin in the spreadsheet, admin by link, handler in the spreadsheet, handler by link,
 * viewer in the spreadsheet, viewer by link. 'x' = allowed, '.' = refused.
 */
const EXPECTED: Array<[Capability, string]> = [
  //                 aS aL hS hL vS vL
  ['classify',       'x  .  .  .  .  .'],
  ['assign',         'x  .  .  .  .  .'],
  ['note',           'x  .  .  .  .  .'],
  ['progress',       'x  .  .  x  .  .'],
  ['answer',         'x  .  .  x  .  .'],
  ['approve',        'x  .  .  .  .  .'],
  ['sendAnswer',     'x  .  .  .  .  .'],
  ['recordCall',     'x  .  .  .  .  .'],
  ['recordLetter',   'x  .  .  .  .  .'],
  ['setPublic',      'x  .  .  .  .  .'],
  ['close',          'x  .  .  .  .  .'],
  ['reopen',         'x  .  .  .  .  .'],
  ['duplicate',      'x  .  .  .  .  .'],
  ['misuse',         'x  .  .  .  .  .'],
  ['followUp',       'x  .  .  .  .  .'],
  ['viewInbox',      'x  .  x  .  x  .'],
  ['viewCase',       'x  .  x  x  x  x'],
  ['viewContact',    'x  .  .  .  .  .'],
  // Finding cases by the sender's phone or name reveals contacts: admins only (issue 18, item 7).
  ['findSender',     'x  .  .  .  .  .'],
  ['issueLookupKey', 'x  .  .  .  .  .'],
  ['editPublic',     'x  .  .  .  .  .'],
  ['makeDocuments',  'x  .  .  .  .  .'],
  ['makeReports',    'x  .  .  .  .  .'],
  ['viewDashboard',  'x  .  .  .  x  .'],
  ['manageLinks',    'x  .  .  .  .  .'],
  ['enterCase',      'x  .  .  .  .  .'],
  ['setup',          'x  .  .  .  .  .'],
  ['resync',         'x  .  .  .  .  .'],
  // Moving closed cases of past years to their archive tab (issue 19, item 4).
  ['archive',        'x  .  .  .  .  .'],
  // Approving a resident's photo for public use, hiding it (issue 20, item 2).
  ['reviewPhotos',   'x  .  .  .  .  .'],
];

const actor = (role: Role, via: Reach, body = role === 'handler' ? 'UBND phường' : ''): Actor => ({ email: `${role}@luukiem.example`, role, body, via });

/** The table as [capability, role, reach, allowed] rows, read off EXPECTED. */
const CELLS = EXPECTED.flatMap(([capability, marks]) => {
  const cols = marks.split(/\s+/);
  return ROLES.flatMap((role, r) => REACHES.map((via, v) => [capability, role, via, cols[r * 2 + v] === 'x'] as const));
});

describe('the permissions table, cell by cell', () => {
  it('has 30 capabilities × 3 roles × 2 reaches written out here', () => {
    expect(EXPECTED).toHaveLength(30);
    expect(new Set(EXPECTED.map(([c]) => c)).size).toBe(30);
    expect(CELLS).toHaveLength(30 * 6);
  });

  it.each(CELLS)('%s — %s by %s: %s', (capability, role, via, allowed) => {
    expect(can(actor(role, via), capability)).toBe(allowed);
  });

  it.each(ROLES.flatMap((role) => REACHES.map((via) => [role, via] as const)))('%s by %s holds exactly the capabilities of its column, nothing more', (role, via) => {
    const expected = CELLS.filter(([, r, v, ok]) => r === role && v === via && ok).map(([c]) => c);
    expect([...capabilitiesOf(actor(role, via))].sort()).toEqual([...expected].sort());
  });

  it('nobody (no actor) may do anything, and has no capabilities', () => {
    for (const [capability] of EXPECTED) expect(can(null, capability)).toBe(false);
    expect(capabilitiesOf(null)).toEqual([]);
  });

  it('a role or reach outside the table gets nothing (no crash, no default)', () => {
    const stranger = { email: 'x@luukiem.example', role: 'owner' as Role, body: '', via: 'spreadsheet' as Reach };
    const oddReach = { email: 'x@luukiem.example', role: 'admin' as Role, body: '', via: 'api' as Reach };
    for (const [capability] of EXPECTED) {
      expect(can(stranger, capability)).toBe(false);
      expect(can(oddReach, capability)).toBe(false);
    }
    expect(capabilitiesOf(stranger)).toEqual([]);
    expect(mayHoldLink('owner' as Role)).toBe(false);
  });
});

describe('which cases each role sees', () => {
  const ubnd = { assignedBody: 'UBND phường' };
  const police = { assignedBody: 'Công an phường' };
  const unassigned = { assignedBody: '' };

  it('admins and viewers see every case, assigned or not', () => {
    for (const role of ['admin', 'viewer'] as Role[]) {
      for (const via of REACHES) {
        for (const c of [ubnd, police, unassigned]) expect(canSee(actor(role, via), c)).toBe(true);
        expect(seesEveryCase(actor(role, via))).toBe(true);
      }
    }
  });

  it('a handler sees their own body\'s cases only, not another body\'s nor unassigned ones', () => {
    for (const via of REACHES) {
      const h = actor('handler', via);
      expect([canSee(h, ubnd), canSee(h, police), canSee(h, unassigned)]).toEqual([true, false, false]);
      expect(seesEveryCase(h)).toBe(false);
      expect(can(h, 'viewCase', ubnd)).toBe(true);
      expect(can(h, 'viewCase', police)).toBe(false);
    }
    expect(can(actor('handler', 'link'), 'progress', ubnd)).toBe(true);
    expect(can(actor('handler', 'link'), 'progress', police)).toBe(false);
  });

  it('a handler whose body cell is blank sees no case at all — above all not the unassigned ones (body "" = assignedBody "")', () => {
    for (const via of REACHES) {
      const h = actor('handler', via, '');
      for (const c of [ubnd, police, unassigned]) expect(canSee(h, c)).toBe(false);
      for (const capability of ['viewCase', 'viewInbox', 'progress', 'answer'] as Capability[]) expect(can(h, capability, unassigned)).toBe(false);
    }
    expect(worksOnBodyByLink({ email: 'h@luukiem.example', role: 'handler', body: '' }, '')).toBe(false);
  });

  it('a capability the reach lacks is refused even on a case the actor sees', () => {
    expect(can(actor('handler', 'spreadsheet'), 'progress', ubnd)).toBe(false);
    expect(can(actor('admin', 'link'), 'viewCase', ubnd)).toBe(false);
    expect(can(actor('viewer', 'link'), 'viewInbox', ubnd)).toBe(false);
  });
});

describe('the helpers over the table', () => {
  it('handlers and viewers may hold a personal link; admins may not', () => {
    expect(ROLES.map((r) => [r, mayHoldLink(r)])).toEqual([['admin', false], ['handler', true], ['viewer', true]]);
  });

  it('worksOnBodyByLink: a handler of that very body', () => {
    const h = { email: 'ubnd@luukiem.example', role: 'handler' as Role, body: 'UBND phường' };
    expect(worksOnBodyByLink(h, 'UBND phường')).toBe(true);
    expect(worksOnBodyByLink(h, 'Công an phường')).toBe(false);
    expect(worksOnBodyByLink({ ...h, role: 'viewer' }, 'UBND phường')).toBe(false);
    expect(worksOnBodyByLink({ ...h, role: 'admin' }, 'UBND phường')).toBe(false);
  });

  it('staffWith: who holds a capability from the spreadsheet', () => {
    const staff = [
      { email: 'a@x.vn', role: 'admin' as Role, body: '' },
      { email: 'h@x.vn', role: 'handler' as Role, body: 'UBND phường' },
      { email: 'v@x.vn', role: 'viewer' as Role, body: '' },
    ];
    const who = (c: Capability) => staffWith(staff, c).map((m) => m.email);
    expect(who('setup')).toEqual(['a@x.vn']);
    expect(who('viewInbox')).toEqual(['a@x.vn', 'h@x.vn', 'v@x.vn']);
    expect(who('viewDashboard')).toEqual(['a@x.vn', 'v@x.vn']);
    expect(who('progress')).toEqual(['a@x.vn']);
  });
});
