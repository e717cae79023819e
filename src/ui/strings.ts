/**
 * Every Vietnamese string the staff see in menus and server-side messages lives here, so wording
 * is reviewed in one place. (The sidebar's client strings live in ui/client/strings.ts.)
 */
export const MENU = {
  /** The add-on menu itself carries the add-on's name, "Hòm thư số". */
  openSidebar: 'Mở hòm thư',
} as const;

export const SIDEBAR = {
  title: 'Hòm thư số',
} as const;

export const GREETING = {
  hello: 'Xin chào',
  anonymousUser: 'bạn',
} as const;
