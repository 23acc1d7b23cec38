package io.github.airbytejava.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Questions asked on the terminal; a secret is read without echo. */
final class Terminal {
  private Terminal() {}

  static boolean confirm(Session session, String question) {
    String answer = readLine(session, question);
    return answer != null && (answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes"));
  }

  static String readLine(Session session, String prompt) {
    Console console = System.console();
    if (console != null) return console.readLine("%s", prompt);
    session.err.print(prompt);
    session.err.flush();
    return firstLine(session);
  }

  static String readSecret(Session session, String prompt) {
    Console console = System.console();
    if (console == null) throw CliException.usage("no terminal to read the secret from: use --client-secret-stdin");
    char[] secret = console.readPassword("%s", prompt);
    return secret == null ? null : new String(secret);
  }

  /** The first line of standard input, without its line break; null at its end. */
  static String firstLine(Session session) {
    try {
      return new BufferedReader(new InputStreamReader(session.stdin, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      throw new CliException(ExitCodes.ERROR, "cannot read standard input: " + e.getMessage(), e);
    }
  }
}
