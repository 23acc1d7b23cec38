package io.github.airbytejava.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.airbytejava.AccessToken;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenLifetimeTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @ParameterizedTest(name = "{0} s token: refresh {1} ms early, must refresh {2} ms early")
  @CsvSource({
    "60,    12000, 3000",
    "180,   36000, 9000",
    "900,   60000, 10000",
    "86400, 60000, 10000",
    "10,    2000,  500",
    "0,     0,     0",
  })
  void marginsScaleWithTheLifetime(long lifetimeSeconds, long refreshAheadMillis, long mustRefreshAheadMillis) {
    Duration lifetime = Duration.ofSeconds(lifetimeSeconds);
    assertEquals(Duration.ofMillis(refreshAheadMillis), TokenLifetime.refreshAhead(lifetime, 0));
    assertEquals(Duration.ofMillis(mustRefreshAheadMillis), TokenLifetime.mustRefreshAhead(lifetime));
  }

  @ParameterizedTest(name = "{0} s token: jitter moves the refresh at most a quarter earlier")
  @ValueSource(longs = {60, 180, 900})
  void jitterMovesTheRefreshEarlierByAtMostAQuarterOfTheMargin(long lifetimeSeconds) {
    Duration lifetime = Duration.ofSeconds(lifetimeSeconds);
    Duration base = TokenLifetime.refreshAhead(lifetime, 0);
    Duration almostOne = TokenLifetime.refreshAhead(lifetime, 0.999999);
    Duration half = TokenLifetime.refreshAhead(lifetime, 0.5);

    assertEquals(base.plus(Duration.ofMillis(base.toMillis() / 8)), half);
    assertEquals(true, almostOne.compareTo(base.plus(Duration.ofMillis(base.toMillis() / 4))) <= 0, "at most +25 %");
    assertEquals(true, almostOne.compareTo(base.plus(Duration.ofMillis(base.toMillis() / 5))) > 0, "close to +25 %");
    // The refresh never moves into the must-refresh window, and never before the token was fetched.
    assertEquals(true, base.compareTo(TokenLifetime.mustRefreshAhead(lifetime)) > 0);
    assertEquals(true, almostOne.compareTo(lifetime) < 0);
  }

  @Test
  void jitterOutsideZeroToOneIsClamped() {
    Duration lifetime = Duration.ofSeconds(900);
    assertEquals(TokenLifetime.refreshAhead(lifetime, 0), TokenLifetime.refreshAhead(lifetime, -3));
    assertEquals(TokenLifetime.refreshAhead(lifetime, 0), TokenLifetime.refreshAhead(lifetime, Double.NaN));
    assertEquals(TokenLifetime.refreshAhead(lifetime, 1), TokenLifetime.refreshAhead(lifetime, 7));
    assertEquals(Duration.ofSeconds(75), TokenLifetime.refreshAhead(lifetime, 1));
  }

  @Test
  void cachedTokenScheduleForAFifteenMinuteToken() {
    CachedToken token = CachedToken.of(new AccessToken("opaque", NOW.plusSeconds(900)), NOW, 0);
    assertEquals(NOW.plusSeconds(900), token.expiresAt());
    assertEquals(NOW.plusSeconds(840), token.refreshAt());
    assertEquals(NOW.plusSeconds(890), token.mustRefreshAt());
    assertEquals("Bearer opaque", token.authorization());
    assertEquals(false, token.toString().contains("opaque"));
  }

  @Test
  void expiryIsTheDeclaredOneForOpaqueTokens() {
    assertEquals(NOW.plusSeconds(900), TokenLifetime.expiresAt(new AccessToken("opaque", NOW.plusSeconds(900)), NOW));
  }

  @Test
  void jwtExpWinsWhenEarlierThanTheDeclaredExpiry() {
    // python-sdk#118: expires_in said 900 while the JWT expired 180 s later.
    String jwt = AuthTestSupport.jwt(NOW.getEpochSecond(), NOW.getEpochSecond() + 180);
    assertEquals(NOW.plusSeconds(180), TokenLifetime.expiresAt(new AccessToken(jwt, NOW.plusSeconds(900)), NOW));
  }

  @Test
  void declaredExpiryWinsWhenEarlierThanJwtExp() {
    String jwt = AuthTestSupport.jwt(null, NOW.getEpochSecond() + 3600);
    assertEquals(NOW.plusSeconds(900), TokenLifetime.expiresAt(new AccessToken(jwt, NOW.plusSeconds(900)), NOW));
  }

  @Test
  void jwtExpAloneIsUsed() {
    String jwt = AuthTestSupport.jwt(null, NOW.getEpochSecond() + 600);
    assertEquals(NOW.plusSeconds(600), TokenLifetime.expiresAt(new AccessToken(jwt, null), NOW));
  }

  @Test
  void jwtExpNotAfterTheRequestIsIgnoredAsClockSkew() {
    String jwt = AuthTestSupport.jwt(null, NOW.getEpochSecond() - 30);
    assertEquals(NOW.plusSeconds(900), TokenLifetime.expiresAt(new AccessToken(jwt, NOW.plusSeconds(900)), NOW));
    assertEquals(NOW.plus(TokenLifetime.DEFAULT_LIFETIME), TokenLifetime.expiresAt(new AccessToken(jwt, null), NOW));
  }

  @Test
  void withNeitherTheDefaultLifetimeOfThreeMinutesApplies() {
    assertEquals(Duration.ofMinutes(3), TokenLifetime.DEFAULT_LIFETIME);
    assertEquals(NOW.plusSeconds(180), TokenLifetime.expiresAt(new AccessToken("opaque", null), NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"opaque", "a.b.c", "eyJhbGciOi.not-base64!.sig", "eyJ.e30.sig", "x.bnVsbA.y",
      "x.eyJleHAiOiJzb29uIn0.y", "x.eyJleHAiOjF9OTk.y", "...", "a.b.c.d.e"})
  void tokensThatAreNotReadableJwtsAreTolerated(String token) {
    assertNull(Jwt.expiry(token));
    assertEquals(NOW.plusSeconds(180), TokenLifetime.expiresAt(new AccessToken(token, null), NOW));
  }
}
