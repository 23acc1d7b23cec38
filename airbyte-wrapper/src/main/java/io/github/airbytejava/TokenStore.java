package io.github.airbytejava;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps access tokens outside the client, so that short-lived processes (a command-line tool, a cron job) share one
 * token instead of each fetching its own. Set it with {@link AirbyteClient.Builder#tokenStore(TokenStore)}; it is used
 * with {@link Credentials#clientCredentials client credentials} only.
 *
 * <p>Before its first token request a client asks the store for a token under its key; a stored token is used only
 * while it is before the client's own refresh point (the margins described in {@link Credentials}), counted from when
 * it was obtained. Each token the client fetches is then saved under the key. The key names the token endpoint, the
 * client id and a fingerprint of the secret (the first 64 bits of its SHA-256), so a token stored for one server,
 * client id or secret is never used for another. A store that fails (an {@link IOException} or a runtime exception) is ignored: the client fetches a token
 * as if there were no store. Implementations must be safe to call from several threads and processes at once.
 */
public interface TokenStore {

  /**
   * The token stored under {@code key}, or null when there is none, it cannot be read, or it is corrupt.
   *
   * @param key {@code TOKEN_URL CLIENT_ID FINGERPRINT}, never the secret; may be long
   */
  Entry load(String key) throws IOException;

  /** Stores {@code entry} under {@code key}, replacing what was there. */
  void save(String key, Entry entry) throws IOException;

  /** A token and when it was obtained (the instant its request was sent), from which its margins are counted. */
  record Entry(AccessToken token, Instant obtainedAt) {
    /** @throws NullPointerException if either is null */
    public Entry {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(obtainedAt, "obtainedAt");
    }
  }
}
