/**
 * An operator mistake the CLI explains in one message and an exit code, without
 * a stack trace: 2 for bad input (usage, weak password, duplicate e-mail),
 * 3 for a data folder that another process holds.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}
