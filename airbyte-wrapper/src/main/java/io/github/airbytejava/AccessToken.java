package io.github.airbytejava;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token sent as {@code Authorization: Bearer <token>}, with the instant it expires if known.
 * Immutable. {@link #toString()} never shows the token.
 */
public final class AccessToken {
  private final String token;
  private final Instant expiresAt;

  /**
   * @param token the token as sent after {@code Bearer }; not null or blank
   * @param expiresAt when the token stops being accepted, or null if unknown (the client then reads {@code exp}
   *     from a JWT, or assumes a 3-minute lifetime)
   * @throws IllegalArgumentException if {@code token} is null or blank
   */
  public AccessToken(String token, Instant expiresAt) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be null or blank");
    }
    this.token = token;
    this.expiresAt = expiresAt;
  }

  /** The token, as sent after {@code Bearer }. */
  public String token() {
    return token;
  }

  /** When the token expires, or null if unknown. */
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessToken
        && token.equals(((AccessToken) other).token)
        && Objects.equals(expiresAt, ((AccessToken) other).expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, expiresAt);
  }

  @Override
  public String toString() {
    return "AccessToken{token=██, expiresAt=" + expiresAt + "}";
  }
}
