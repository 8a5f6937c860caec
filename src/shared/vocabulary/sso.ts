// Plain values of the sso feature, without zod: the web app imports these, so its bundle carries no schema library.

/** Where the identity provider sends people back to (a page of the web app, which hands the answer to the API). */
export const SSO_CALLBACK_PATH = '/sso/callback';
