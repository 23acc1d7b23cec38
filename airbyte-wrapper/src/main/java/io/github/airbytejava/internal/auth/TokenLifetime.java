package io.github.airbytejava.internal.auth;

import io.github.airbytejava.AccessToken;
import java.time.Duration;
import java.time.Instant;

/**
 * When a token expires and when to replace it.
 *
 * <p>Expiry: the earlier of the declared expiry ({@code expires_in} counted from the request, or
 * {@link AccessToken#expiresAt()}) and a JWT's {@code exp}. A JWT {@code exp} that is not after the request time is
 * ignored: it means the clocks disagree, and trusting it would fetch a token on every call. With neither, the token
 * is assumed to live {@link #DEFAULT_LIFETIME} (3 minutes), the shortest lifetime Airbyte has documented: guessing
 * short costs a token request, guessing long costs a 401 and a replay.
 *
 * <p>Margins scale with the lifetime, because Airbyte tokens live 3 minutes (old docs), 15 (the server default) or
 * 24 hours (some enterprise installs), and a fixed margin of minutes would make a short token expired on arrival:
 * <ul>
 *   <li>refresh ahead: {@code min(60 s, 20 % of lifetime)} before expiry, moved earlier by up to 25 % more at random
 *       ({@code jitter} in [0, 1), drawn once per token), a background refresh starts while calls use the current
 *       token. 60 s token: 12 to 15 s early; 180 s: 36 to 45 s; 900 s and longer: 60 to 75 s.
 *   <li>must refresh: {@code min(10 s, 5 % of lifetime)} before expiry, calls wait for a new token. 60 s token: 3 s;
 *       180 s: 9 s; 900 s and longer: 10 s. Enough for a request to reach the server before the token lapses.
 * </ul>
 */
final class TokenLifetime {
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(3);
  static final Duration MAX_REFRESH_AHEAD = Duration.ofSeconds(60);
  static final double REFRESH_AHEAD_FRACTION = 0.20;
  static final double MAX_JITTER_FRACTION = 0.25;
  static final Duration MAX_MUST_REFRESH_AHEAD = Duration.ofSeconds(10);
  static final double MUST_REFRESH_AHEAD_FRACTION = 0.05;
  /** After a failed background refresh, the next one starts no sooner than this (the old token is still valid). */
  static final Duration EARLY_REFRESH_RETRY_DELAY = Duration.ofSeconds(5);

  private TokenLifetime() {}

  static Instant expiresAt(AccessToken token, Instant requestedAt) {
    Instant declared = token.expiresAt();
    Instant fromJwt = Jwt.expiry(token.token());
    if (fromJwt != null && !fromJwt.isAfter(requestedAt)) {
      fromJwt = null;
    }
    if (declared == null && fromJwt == null) {
      return requestedAt.plus(DEFAULT_LIFETIME);
    }
    if (declared == null) {
      return fromJwt;
    }
    if (fromJwt == null) {
      return declared;
    }
    return fromJwt.isBefore(declared) ? fromJwt : declared;
  }

  static Duration refreshAhead(Duration lifetime, double jitter) {
    Duration base = min(MAX_REFRESH_AHEAD, fraction(lifetime, REFRESH_AHEAD_FRACTION));
    return base.plus(fraction(base, MAX_JITTER_FRACTION * clampJitter(jitter)));
  }

  static Duration mustRefreshAhead(Duration lifetime) {
    return min(MAX_MUST_REFRESH_AHEAD, fraction(lifetime, MUST_REFRESH_AHEAD_FRACTION));
  }

  static double clampJitter(double jitter) {
    // A misbehaving supplier must not push a refresh before the token was even fetched, or past its expiry.
    return Double.isNaN(jitter) ? 0 : Math.max(0, Math.min(1, jitter));
  }

  private static Duration fraction(Duration duration, double fraction) {
    return duration.isNegative() ? Duration.ZERO : Duration.ofMillis((long) (duration.toMillis() * fraction));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
