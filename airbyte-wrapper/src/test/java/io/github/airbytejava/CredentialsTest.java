package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CredentialsTest {

  @Test
  void nullOrBlankArgumentsAreRejectedAtOnceNamingTheArgument() {
    assertRejected("clientId", () -> Credentials.clientCredentials(null, "secret"));
    assertRejected("clientId", () -> Credentials.clientCredentials(" ", "secret"));
    assertRejected("clientSecret", () -> Credentials.clientCredentials("id", null));
    assertRejected("clientSecret", () -> Credentials.clientCredentials("id", ""));
    assertRejected("tokenUrl", () -> Credentials.clientCredentials("id", "secret", null));
    assertRejected("tokenUrl", () -> Credentials.clientCredentials("id", "secret", "/applications/token"));
    assertRejected("accessToken", () -> Credentials.bearerToken(null));
    assertRejected("accessToken", () -> Credentials.bearerToken("\t"));
    assertRejected("username", () -> Credentials.basic(null, "password"));
    assertRejected("password", () -> Credentials.basic("airbyte", ""));
    assertRejected("source", () -> Credentials.tokenSource(null));
    assertRejected("token", () -> new AccessToken(" ", null));
  }

  @Test
  void aSecretPassedAsTheTokenUrlByMistakeIsNotEchoed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Credentials.clientCredentials("id", "https://api.airbyte.com/v1/applications/token", "s3cr3t-value"));
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
  }

  @Test
  void toStringNamesTheModeButNeverASecretOrToken() {
    assertEquals("Credentials{clientCredentials, clientId=abcd…}",
        Credentials.clientCredentials("abcdef-0123", "s3cr3t-value").toString());
    assertEquals("Credentials{clientCredentials, clientId=abcd…, tokenUrl=http://host:8000/api/public/v1/applications/token}",
        Credentials.clientCredentials("abcdef-0123", "s3cr3t-value", "http://host:8000/api/public/v1/applications/token")
            .toString());
    assertEquals("Credentials{clientCredentials, clientId=abcd…, tokenUrl=https://sso.example.com/token}",
        Credentials.clientCredentials("abcdef-0123", "s3cr3t-value", "https://proxy-user:proxy-pass@sso.example.com/token")
            .toString(), "the token URL's user and password are not shown");
    assertEquals("Credentials{bearerToken}", Credentials.bearerToken("eyJ-token-value").toString());
    assertEquals("Credentials{basic, username=airbyte}", Credentials.basic("airbyte", "s3cr3t-value").toString());
    assertEquals("Credentials{none}", Credentials.none().toString());
    TokenSource source = () -> new AccessToken("s3cr3t-value", null);
    String custom = Credentials.tokenSource(source).toString();
    assertTrue(custom.startsWith("Credentials{tokenSource="), custom);
    assertFalse(custom.contains("s3cr3t"), custom);
  }

  @Test
  void credentialsAreValues() {
    assertEquals(Credentials.clientCredentials("id", "secret"), Credentials.clientCredentials("id", "secret"));
    assertNotEquals(Credentials.clientCredentials("id", "secret"), Credentials.clientCredentials("id", "other"));
    assertSame(Credentials.none(), Credentials.none());
  }

  @Test
  void accessTokenIsAValueWithARedactedToString() {
    Instant expiry = Instant.parse("2026-11-28T10:15:00Z");
    AccessToken token = new AccessToken("eyJ-token-value", expiry);
    assertEquals("AccessToken{token=██, expiresAt=2026-11-28T10:15:00Z}", token.toString());
    assertEquals(new AccessToken("eyJ-token-value", expiry), token);
    assertEquals("eyJ-token-value", token.token());
    assertEquals(expiry, token.expiresAt());
  }

  private static void assertRejected(String argument, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(argument + " "), e.getMessage());
  }
}
