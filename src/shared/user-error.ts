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

/**
 * The user stopped a long-running command with a signal (Ctrl+C in a terminal): the command line
 * prints the message as it is, not as an error, and exits the way shells expect of a process a
 * signal stopped, 128 + the signal's number (130 for SIGINT, 143 for SIGTERM).
 */
export class StoppedBySignal extends UserError {
  constructor(message: string, signal: "SIGINT" | "SIGTERM") {
    super(message, signal === "SIGINT" ? 130 : 143);
    this.name = "StoppedBySignal";
  }
}
