package io.github.airbytejava.internal;

import java.util.Locale;

/**
 * {@link Redactor} for text read in bulk (log lines, failure messages): most lines hold nothing to mask, and running
 * every pattern over each of ten thousand lines costs more than reading them. A line runs through the patterns only
 * when it holds one of the words every pattern needs (a secret-looking key's part, an auth scheme, a JWT's or a PEM
 * key's start, a URL); the words are those of {@link Redactor}'s patterns, and a change there must come here too.
 */
public final class LogMasking {
  private static final String[] TRIGGERS = {
    "secret", "passw", "passphrase", "token", "credential", "key", "service", "account", "jwt", "cookie",
    "authorization", "signature", "session", "bearer", "basic", "eyj", "-----begin", "://"
  };

  private LogMasking() {}

  public static String mask(String text) {
    return text == null || !mightHoldSecret(text) ? text : Redactor.redact(text);
  }

  static boolean mightHoldSecret(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String trigger : TRIGGERS) {
      if (lower.contains(trigger)) return true;
    }
    return false;
  }
}
