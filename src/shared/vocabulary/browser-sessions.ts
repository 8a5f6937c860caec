// Plain values of the browser-sessions feature, without zod: the web app imports these, so its bundle carries no schema library.

export const SIGN_OUT_EVERYWHERE_PATH = '/api/v1/auth/sign-out-everywhere';
