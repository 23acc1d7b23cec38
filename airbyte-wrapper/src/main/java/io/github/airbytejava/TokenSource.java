package io.github.airbytejava;

import java.io.IOException;

/**
 * Supplies access tokens from anywhere the built-in {@link Credentials} modes do not reach: a secret store, a
 * sidecar, another identity provider. Pass it to {@link Credentials#tokenSource(TokenSource)}.
 *
 * <p>The client caches what this returns exactly like a token from the Airbyte token endpoint: one token at a
 * time, refreshed ahead of its expiry on a background thread, fetched once for many concurrent callers, and
 * fetched again (and the call replayed once) when the API answers 401. So an implementation may simply fetch a
 * new token on every call; it is only called when a token is needed.
 */
@FunctionalInterface
public interface TokenSource {
  /**
   * Returns a token; never null. Set {@link AccessToken#expiresAt()} when the expiry is known; otherwise the
   * client reads {@code exp} from a JWT, or assumes a 3-minute lifetime.
   *
   * @throws IOException when no token can be had; API calls waiting for a token then fail with an
   *     {@link AuthenticationException} whose cause is this exception
   */
  AccessToken fetchToken() throws IOException;
}
