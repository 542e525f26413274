/**
 * A user's mistake (or a refusal that is the user's to fix: a file that exists, a full disk):
 * the command line prints it as a message, with no stack trace, and exits with `exitCode`.
 * It lives here, outside the command line's code, so that modules shared with the web app's
 * server (such as `writeFileAtomic`) throw the same error the command line recognises.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "UserError";
  }
}
