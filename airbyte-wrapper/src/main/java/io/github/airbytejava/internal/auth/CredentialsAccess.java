package io.github.airbytejava.internal.auth;

import io.github.airbytejava.Credentials;
import java.util.function.Function;

/**
 * Lets this package read what a {@link Credentials} holds without a public getter on {@code Credentials}: the
 * public class hands over a reader once, from its static initializer. So users see factories only, and the
 * secrets have no accessor to leak through.
 */
public final class CredentialsAccess {
  private static volatile Function<Credentials, AuthMethod> reader;

  private CredentialsAccess() {}

  /** Called once, by {@code Credentials}' static initializer. */
  public static void install(Function<Credentials, AuthMethod> credentialsReader) {
    synchronized (CredentialsAccess.class) {
      if (reader != null) {
        throw new IllegalStateException("already installed");
      }
      reader = credentialsReader;
    }
  }

  static AuthMethod authMethodOf(Credentials credentials) {
    // An instance exists, so Credentials is initialized and the reader installed.
    return reader.apply(credentials);
  }
}
