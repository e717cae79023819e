/** Enums more than one service hands out (event objects carry ScriptApp.AuthMode). */
import { makeEnum } from './enums';

/** https://developers.google.com/apps-script/reference/script/auth-mode */
export const AuthMode = makeEnum('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
