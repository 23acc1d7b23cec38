package io.github.airbytejava.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.Credentials;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client-credentials exchange, through a real OkHttpClient against MockWebServer. */
class TokenExchangeTest extends AuthTestSupport {

  @Test
  void postsJsonWithHyphenatedGrantTypeToBaseUrlPlusApplicationsToken() throws IOException {
    OkHttpClient client = apiClient(interceptor(CLIENT_CREDENTIALS));

    assertEquals(200, get(client));

    RecordedRequest tokenRequest = tokenRequests.get(0);
    assertEquals("POST", tokenRequest.getMethod());
    assertEquals("/v1/applications/token", tokenRequest.getUrl().encodedPath());
    assertTrue(tokenRequest.getHeaders().get("Content-Type").startsWith("application/json"));
    assertNull(tokenRequest.getHeaders().get("Authorization"), "the token endpoint is anonymous");
    JsonObject body = JsonParser.parseString(tokenRequest.getBody().utf8()).getAsJsonObject();
    assertEquals(CLIENT_ID, body.get("client_id").getAsString());
    assertEquals(CLIENT_SECRET, body.get("client_secret").getAsString());
    assertEquals("client_credentials", body.get("grant-type").getAsString());
    assertEquals(3, body.size());
    assertEquals("Bearer tok-1", lastApiAuthorization());
  }

  @Test
  void selfManagedBasePathKeepsItsPath() throws IOException {
    OkHttpClient client = apiClient(interceptor(CLIENT_CREDENTIALS, server.url("/api/public/v1")));

    assertEquals(200, get(client, server.url("/api/public/v1/workspaces")));

    assertEquals("/api/public/v1/applications/token", tokenRequests.get(0).getUrl().encodedPath());
  }

  @ParameterizedTest
  @CsvSource({
    "https://api.airbyte.com/v1,                 https://api.airbyte.com/v1/applications/token",
    "https://api.airbyte.com/v1/,                https://api.airbyte.com/v1/applications/token",
    "http://localhost:8000/api/public/v1,        http://localhost:8000/api/public/v1/applications/token",
    "http://airbyte.internal:8000/api/public/v1/, http://airbyte.internal:8000/api/public/v1/applications/token",
    "https://airbyte.example.com,                https://airbyte.example.com/applications/token",
  })
  void tokenUrlIsTheBaseUrlPlusApplicationsTokenJoinedAsStrings(String baseUrl, String tokenUrl) {
    // Resolving "/applications/token" against the base, as the official SDKs do, would drop /v1.
    assertEquals(tokenUrl, TokenEndpoint.defaultTokenUrl(HttpUrl.get(baseUrl)).toString());
  }

  @Test
  void tokenUrlOverrideWins() throws IOException {
    String override = server.url("/auth/realms/airbyte/oauth/token").toString();
    OkHttpClient client = apiClient(interceptor(Credentials.clientCredentials(CLIENT_ID, CLIENT_SECRET, override)));

    assertEquals(200, get(client));

    assertEquals("/auth/realms/airbyte/oauth/token", tokenRequests.get(0).getUrl().encodedPath());
  }

  @Test
  void expiryComesFromExpiresIn() throws IOException {
    tokenEndpoint = request -> token(nextToken(), 900);
    assertFirstRefreshAt(Duration.ofSeconds(900 - 60));
  }

  @Test
  void expiryComesFromJwtExpWhenEarlierThanExpiresIn() throws IOException {
    long now = START.getEpochSecond();
    tokenEndpoint = request -> token(jwt(now, now + 180), 900);
    assertFirstRefreshAt(Duration.ofSeconds(180 - 36));
  }

  @Test
  void expiryComesFromJwtExpWhenExpiresInIsMissing() throws IOException {
    long now = START.getEpochSecond();
    tokenEndpoint = request -> token(jwt(now, now + 600), null);
    assertFirstRefreshAt(Duration.ofSeconds(600 - 60));
  }

  @Test
  void expiryDefaultsToThreeMinutesWithNeitherExpiresInNorJwt() throws IOException {
    // The config-API token path answers with access_token only.
    tokenEndpoint = request -> json(200, "{\"access_token\":\"" + nextToken() + "\"}");
    assertFirstRefreshAt(Duration.ofSeconds(180 - 36));
  }

  /** The first token is replaced at {@code offset} after it was fetched, and not a millisecond before. */
  private void assertFirstRefreshAt(Duration offset) throws IOException {
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);
    clock.set(START.plus(offset).minusMillis(1));
    get(client);
    assertEquals(1, interceptor.tokenRequestCount(), "not refreshed before " + offset);
    clock.set(START.plus(offset));
    get(client);
    assertEquals(2, interceptor.tokenRequestCount(), "refreshed at " + offset);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "<html><body>502 Bad Gateway</body></html>",
    "{\"token\":\"abc\",\"expires_in\":900}",
    "{\"access_token\":\"\"}",
    "[]",
    "",
  })
  void aSuccessfulAnswerWithoutATokenIsAnAuthenticationException(String body) {
    tokenEndpoint = request -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html").body(body)
        .build();
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(apiClient(interceptor)));

    assertEquals(200, e.getStatusCode());
    assertEquals(server.url("/v1/applications/token").toString(), e.getTokenUrl());
    assertTrue(e.getMessage().contains("access_token"), e.getMessage());
    assertTrue(e.getMessage().contains(e.getTokenUrl()), e.getMessage());
    assertEquals(1, interceptor.tokenRequestCount(), "not retried");
    assertTrue(apiRequests.isEmpty(), "no API call without a token");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403})
  void rejectedCredentialsAreNotRetried(int status) {
    tokenEndpoint = request -> json(status,
        "{\"message\":\"Invalid client secret " + CLIENT_SECRET + "\",\"detail\":\"bad credentials\"}");
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(apiClient(interceptor)));

    assertEquals(1, interceptor.tokenRequestCount());
    assertEquals(List.of(), sleeper.sleeps);
    assertEquals(status, e.getStatusCode());
    assertEquals("POST", e.getMethod());
    assertEquals("/v1/applications/token", e.getPath());
    assertTrue(e.getMessage().contains("rejected the client id/secret"), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP " + status), e.getMessage());
    assertTrue(e.getMessage().contains(server.url("/v1/applications/token").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("bad credentials"), "the server's reason is kept: " + e.getMessage());
    assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());
    assertFalse(String.valueOf(e.getRawBody()).contains(CLIENT_SECRET), e.getRawBody());
    assertFalse(String.valueOf(e.getDetail()).contains(CLIENT_SECRET), e.getDetail());
  }

  @Test
  void aMissingTokenEndpointSaysToCheckTheUrl() {
    tokenEndpoint = request -> json(404, "{\"type\":\"about:blank\",\"status\":404}");
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(apiClient(interceptor)));

    assertEquals(404, e.getStatusCode());
    assertEquals(1, interceptor.tokenRequestCount());
    assertTrue(e.getMessage().contains("check the API base URL or the token URL"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503})
  void transientFailuresAreRetriedABoundedNumberOfTimesWithExponentialBackoff(int status) {
    tokenEndpoint = request -> json(status, "{\"title\":\"try later\"}");
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(apiClient(interceptor)));

    assertEquals(TokenEndpoint.MAX_ATTEMPTS, interceptor.tokenRequestCount());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), sleeper.sleeps);
    assertEquals(status, e.getStatusCode());
    assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
    assertTrue(e.getMessage().contains(e.getTokenUrl()), e.getMessage());
  }

  @Test
  void backoffIsShortenedByJitter() {
    jitter = 0.5;
    tokenEndpoint = request -> json(503, "");
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    assertThrows(AuthenticationException.class, () -> get(apiClient(interceptor)));

    assertEquals(List.of(Duration.ofMillis(437), Duration.ofMillis(875)), sleeper.sleeps);
  }

  @Test
  void retryAfterSecondsAreHonouredUpToTenSeconds() {
    tokenEndpoint = request -> new MockResponse.Builder().code(429)
        .addHeader("Retry-After", tokenRequests.size() == 1 ? "2" : "3600").build();
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    assertThrows(AuthenticationException.class, () -> get(apiClient(interceptor)));

    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(10)), sleeper.sleeps);
  }

  @Test
  void aTransientFailureThenATokenSucceeds() throws IOException {
    tokenEndpoint = request -> tokenRequests.size() < 3 ? json(503, "") : token(nextToken(), 900);
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    assertEquals(200, get(apiClient(interceptor)));

    assertEquals(3, interceptor.tokenRequestCount());
    assertEquals(2, sleeper.sleeps.size());
    assertEquals("Bearer tok-1", lastApiAuthorization());
  }

  @Test
  void networkFailuresAreRetriedThenReportedWithStatusZero() {
    // OkHttp's own silent retry is off so that the server sees exactly our attempts.
    baseClient = baseClient.newBuilder().retryOnConnectionFailure(false).build();
    tokenEndpoint = request -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(apiClient(interceptor)));

    assertEquals(TokenEndpoint.MAX_ATTEMPTS, interceptor.tokenRequestCount());
    assertEquals(TokenEndpoint.MAX_ATTEMPTS, tokenRequests.size());
    assertEquals(0, e.getStatusCode());
    assertInstanceOf(IOException.class, e.getCause());
    assertTrue(e.getMessage().contains("no HTTP response"), e.getMessage());
    assertTrue(e.getMessage().contains(e.getTokenUrl()), e.getMessage());
    assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());
  }
}
