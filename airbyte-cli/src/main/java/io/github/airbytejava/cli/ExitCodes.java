package io.github.airbytejava.cli;

/** The exit codes, documented in the README's table; a failing command never exits 0. */
final class ExitCodes {
  static final int OK = 0;
  /** Any failure without a code of its own: an API error, an unreachable server, a failed apply. */
  static final int ERROR = 1;
  /** {@code plan --detailed-exitcode}: the plan has changes (Terraform's convention). */
  static final int CHANGES = 2;
  /** An unknown command or option, a missing argument, a malformed file: nothing was sent. */
  static final int USAGE = 3;
  /** The credentials were refused (token endpoint or a 401), or none are configured where needed. */
  static final int AUTH = 4;
  /** The resource named does not exist (404, or no match by name). */
  static final int NOT_FOUND = 5;
  /** A waited-for sync or job ended {@code failed} or {@code cancelled}. */
  static final int SYNC_FAILED = 6;
  /** A wait outlived its {@code --timeout}. */
  static final int TIMEOUT = 7;

  private ExitCodes() {}
}
