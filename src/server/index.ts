/**
 * The one barrel of entry points: every export becomes a top-level function of build/Code.js
 * (gas-webpack-plugin), which is what menus, triggers and google.script.run can call. Nothing
 * here holds logic: it wires Apps Script's globals to the code in ui/, services/ and domain/.
 */
import { buildAddonMenu } from '../ui/server/menu';
import { archiveFromMenu, connectMailboxFromMenu, postersFromMenu, resyncFromMenu, setupFromMenu, sidebarFromMenu } from '../ui/server/admin-menu';
import { sidebarState, submitStaffCase as submitStaffCaseRpc, type SidebarState } from '../ui/server/staff-rpc';
import { handleFormSubmit, type IntakeOutcome } from '../services/intake/intake';
import type { MaintenanceResult } from '../services/jobs/maintenance';
import { hourlyFromTrigger } from '../ui/server/triggers';
import { staffEdited, structureChanged } from '../ui/server/edits';
import type { StaffCaseInput, StaffCaseResult } from '../services/intake/staff-entry';
import { caseAction as caseActionRpc, caseDocument, caseView, contactDetails, groupAnswerSheets, inbox, newLookupKey, senderSearch, type CaseView, type InboxResponse } from '../ui/server/cases-rpc';
import type { SenderSearchResult } from '../services/cases/sender-search';
import type { InboxQuery } from '../domain/inbox';
import type { ActionInput } from '../domain/lifecycle';
import type { ContactDetails } from '../services/cases/actions';
import { dashboard, links, posters, publication, report, paperSlips, stickers } from '../ui/server/reports-rpc';
import type { PlaceLink } from '../services/documents/posters';
import type { PaperSlipRequest } from '../services/documents/paper-slips';
import type { Dashboard } from '../domain/report/dashboard';
import { board, followUp, lookup, portal, portalAction, rate, residentForm, answerWebGet } from '../ui/server/webapp';
import type { ResidentFormResult } from '../services/intake/web-form';
import { receiveMailboxPost } from '../ui/server/mailbox-post';
import type { PortalInput, PortalPage } from '../services/public/portal';
import { linkRows, revokeLinks, sendLink, type LinkRow } from '../ui/server/links-rpc';
import type { BoardPage } from '../services/public/board';
import type { PublicCase } from '../services/public/lookup';
import type { ReportRequest } from '../services/reports/report';
import type { WrittenDoc } from '../services/platform/doc-writer';
import { casePhotos, portalPhotos, reviewCasePhoto as reviewCasePhotoRpc, type CasePhotos } from '../ui/server/photos-rpc';

/** Simple trigger: the spreadsheet was opened (called from anywhere else, there is no menu to build). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu();
}

/** Simple trigger: the add-on was installed from the Marketplace. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu "Mở hòm thư". */
export function showSidebar(): void {
  sidebarFromMenu();
}

/** Menu "Thiết lập hòm thư". */
export function setupMailbox(): void {
  setupFromMenu();
}

/** Menu "Đồng bộ lại". */
export function resyncMailbox(): void {
  resyncFromMenu();
}

/** Menu "In mã QR": the posters of every place a code is posted. */
export function printQrPosters(): void {
  postersFromMenu('posters');
}

/** Menu "In tem dán mã QR": the sticker sheet. */
export function printQrStickers(): void {
  postersFromMenu('stickers');
}

/** Menu "Lưu trữ ý kiến các năm trước": closed cases of past years to their year's archive tab (admins). */
export function archivePastCases(): void {
  archiveFromMenu();
}

/** Menu "Kết nối hộp thư chính thức": a new shared secret for the official mailbox's project, shown once with the web app's address (admins). */
export function connectOfficialMailbox(): void {
  connectMailboxFromMenu();
}

/** Installed trigger: a resident submitted the form. */
export function onFormSubmitIntake(e: GoogleAppsScript.Events.SheetsOnFormSubmit): IntakeOutcome {
  return handleFormSubmit(e);
}

/** Installed trigger, hourly: reconcile, outbox, settings, headroom. Runs only as that trigger. */
export function hourlyMaintenance(e?: GoogleAppsScript.Events.TimeDriven): MaintenanceResult | null {
  return hourlyFromTrigger(e);
}

/** Simple trigger: a cell edited by hand (an edit of the staff tab takes effect at once). */
export function onEdit(e?: unknown): void {
  staffEdited(e);
}

/** Installed trigger: rows or columns inserted or removed by hand. */
export function onSpreadsheetChange(e?: unknown): void {
  structureChanged(e);
}

/** RPC: who is here and what the sidebar may offer them. */
export function getSidebarState(): SidebarState {
  return sidebarState();
}

/** RPC: a case from the paper mailbox, in person, phone, e-mail or Zalo. */
export function submitStaffCase(input: StaffCaseInput): StaffCaseResult {
  return submitStaffCaseRpc(input);
}

/** RPC: the inbox — counters, filters, one page of cases. */
export function getInbox(query: InboxQuery): InboxResponse {
  return inbox(query);
}

/** RPC: one case, with its history and what the caller may do with it. */
export function getCase(code: string, row?: number): CaseView {
  return caseView(code, row);
}

/** RPC: one action on a case, based on the version the caller saw. */
export function caseAction(code: string, row: number, version: number, input: ActionInput): { message: string; view: CaseView } {
  return caseActionRpc(code, row, version, input);
}

/** RPC: the submitter's contact details — admins only, with a reason that is logged. */
export function getContactDetails(code: string, reason: string): ContactDetails | { none: true } {
  return contactDetails(code, reason);
}

/** RPC: the cases of a resident who calls without their code, by their phone or name — admins only, with a reason that is logged. */
export function findCasesBySender(query: string, reason: string): SenderSearchResult {
  return senderSearch(query, reason);
}

/** RPC: a transfer slip (to the handling body) or a reply letter (to the resident) as a Doc. */
export function createCaseDocument(code: string, kind: 'slip' | 'letter'): WrittenDoc {
  return caseDocument(code, kind);
}

/** RPC: the printable answers per residential group, for residents without e-mail. */
export function createGroupAnswerSheets(): WrittenDoc {
  return groupAnswerSheets();
}

/** RPC: the periodic report (quarter, 6 months, year, month, custom) as a new Doc. */
export function createReportDocument(request: ReportRequest): WrittenDoc {
  return report(request);
}

/** RPC: "Tổng quan" — this month and quarter at a glance, cases per residential group. */
export function getDashboard(): Dashboard {
  return dashboard();
}

/** RPC: the month's anonymised results for the notice board, as a new Doc. */
export function createPublicationDocument(request: { year: number; month: number }): WrittenDoc {
  return publication(request);
}

/**
 * The public web app (results board, case lookup): deployed as the ward, open to anyone. With
 * ?photos=<ticket>: the photos a staff member's sidebar call asked for (JSON; services/photos/view).
 */
export function doGet(e?: GoogleAppsScript.Events.DoGet): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  return answerWebGet(e);
}

/** The web app's POST: only the official mailbox's signed polls (anything else is refused). */
export function doPost(e?: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return receiveMailboxPost(e);
}

/** RPC (web app): one residential group's results for a month. */
export function getPublicBoard(group: string, year: string, month: string): BoardPage {
  return board(group, year, month);
}

/** RPC (web app): a case by its code and lookup key — status, due date, the answer. */
export function lookupPublicCase(code: string, key: string): PublicCase {
  return lookup(code, key);
}

/** RPC (web app): the resident rates the answer, once. */
export function ratePublicAnswer(code: string, key: string, stars: number, comment: string): PublicCase {
  return rate(code, key, stars, comment);
}

/** RPC (web app): after rating the answer 1–2, the resident follows up — a new case linked to this one, once per rating. */
export function followUpPublicCase(code: string, key: string, content: string): PublicCase {
  return followUp(code, key, content);
}

/** RPC (web app): a resident's own form (?v=form) — the case filed at once, its code, due date and lookup key in the answer. */
export function submitResidentForm(input: unknown): ResidentFormResult {
  return residentForm(input);
}

/** RPC: a new lookup key for a case, to read out to its resident (admins; the old key stops working). */
export function issueCaseLookupKey(code: string): { key: string; message: string } {
  return newLookupKey(code);
}

/** RPC (web app): a handling body's or viewer's cases, by their personal link. */
export function getPortal(token: string): PortalPage {
  return portal(token);
}

/** RPC (web app): the photos of one of the link's cases, as data: URLs (never hidden ones). */
export function getPortalPhotos(token: string, code: string): CasePhotos {
  return portalPhotos(token, code);
}

/** RPC: a case's photos as data: URLs, for staff who may see the case (admins also see hidden ones). */
export function getCasePhotos(code: string): CasePhotos {
  return casePhotos(code);
}

/** RPC (admins): approve a photo for public use, hide it, or show it again — audited. */
export function reviewCasePhoto(code: string, source: string, index: number, review: 'approve' | 'hide' | 'show'): { message: string } {
  return reviewCasePhotoRpc(code, source, index, review);
}

/** RPC (web app): progress or a draft answer recorded through a personal link. */
export function portalCaseAction(token: string, code: string, row: number, version: number, input: PortalInput): PortalPage {
  return portalAction(token, code, row, version, input);
}

/** RPC: staff with a role other than admin, and until when their personal link is valid. */
export function getPortalLinks(): LinkRow[] {
  return linkRows();
}

/** RPC: e-mail a new personal link to a handling body's member or a viewer. */
export function sendPortalLink(email: string): { message: string; rows: LinkRow[] } {
  return sendLink(email);
}

/** RPC: revoke every link of a person. */
export function revokePortalLink(email: string): { message: string; rows: LinkRow[] } {
  return revokeLinks(email);
}

/** RPC: the QR posters, one A4 page per place a code is posted (groups, office, centre), as a new Doc. */
export function createQrPosters(place?: string): WrittenDoc {
  return posters(place);
}

/** RPC: every place's form link as text (to send in a group's Zalo). */
export function getPlaceFormLinks(): PlaceLink[] {
  return links();
}

/** RPC: the sheet of small QR stickers, one per place. */
export function createQrStickers(place?: string): WrittenDoc {
  return stickers(place);
}

/** RPC: paper slips for one residential group, each with its printed code and a stub with the lookup key. */
export function createPaperSlips(request: PaperSlipRequest): WrittenDoc {
  return paperSlips(request);
}
