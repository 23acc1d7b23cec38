package io.github.airbytejava.internal.auth;

import io.github.airbytejava.AccessToken;
import java.time.Duration;
import java.time.Instant;

/** A token with its refresh schedule, fixed when it arrives (see {@link TokenLifetime}). */
record CachedToken(AccessToken token, Instant expiresAt, Instant refreshAt, Instant mustRefreshAt) {

  static CachedToken of(AccessToken token, Instant requestedAt, double jitter) {
    Instant expiresAt = TokenLifetime.expiresAt(token, requestedAt);
    Duration lifetime = Duration.between(requestedAt, expiresAt);
    return new CachedToken(token, expiresAt,
        expiresAt.minus(TokenLifetime.refreshAhead(lifetime, jitter)),
        expiresAt.minus(TokenLifetime.mustRefreshAhead(lifetime)));
  }

  String authorization() {
    return "Bearer " + token.token();
  }

  @Override
  public String toString() {
    return "CachedToken{expiresAt=" + expiresAt + ", refreshAt=" + refreshAt + ", mustRefreshAt=" + mustRefreshAt + "}";
  }
}
