/**
 * Who may edit each managed tab. Sheets protections stop edits, not reading: a hidden, protected
 * tab keeps contact details away from casual view and from every edit but the admins', which is
 * what a spreadsheet can do (see README, "Limits").
 */
import type { Settings } from '../../domain/settings';
import type { Protection } from './sheets/schema';
import { staffWith } from '../../domain/permissions';

/**
 * Who may edit a protected tab: admins. Handling bodies work through their personal links to the
 * web app (services/public/portal), not the spreadsheet — Sheets protections cannot stop an
 * editor from reading the hidden submitters tab, so only MTTQ staff share the spreadsheet.
 */
export function editorsFor(level: Protection, settings: Settings): string[] {
  if (level === 'none') return [];
  return staffWith(settings.staff, 'viewContact').map((m) => m.email);
}

/** Protects the whole sheet for `editors` (plus the owner and whoever runs this, as Sheets keeps them). */
export function protectSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, description: string, editors: string[]): boolean {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  const protection = existing ?? sheet.protect();
  let changed = !existing;
  if (protection.getDescription() !== description) {
    protection.setDescription(description);
    changed = true;
  }
  if (protection.isWarningOnly()) {
    protection.setWarningOnly(false);
    changed = true;
  }
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const wanted = new Set(editors.map((e) => e.toLowerCase()));
  const extra = current.filter((e) => !wanted.has(e));
  const missing = [...wanted].filter((e) => !current.includes(e));
  if (extra.length) {
    const before = protection.getEditors().length;
    protection.removeEditors(extra);
    // The owner and the person running setup cannot be removed; that is not a change.
    if (protection.getEditors().length !== before) changed = true;
  }
  if (missing.length) {
    protection.addEditors(missing);
    changed = true;
  }
  if (protection.canDomainEdit()) {
    protection.setDomainEdit(false);
    changed = true;
  }
  return changed;
}
