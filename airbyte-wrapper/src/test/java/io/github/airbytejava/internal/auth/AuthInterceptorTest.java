package io.github.airbytejava.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.AccessToken;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/** 401 replay, where the header goes, and the static and custom modes. */
class AuthInterceptorTest extends AuthTestSupport {
  private static final String PROBLEM_401 = "{\"status\":401,\"type\":\"error:invalid-api-key\","
      + "\"title\":\"Unauthorized\",\"detail\":\"The API key is invalid.\"}";

  @Test
  void a401DropsTheTokenFetchesANewOneAndReplaysTheCallOnceWithItsBody() throws IOException {
    api = request -> "Bearer tok-1".equals(request.getHeaders().get("Authorization"))
        ? json(401, PROBLEM_401) : json(201, "{\"jobId\":1}");
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    Request post = new Request.Builder().url(server.url("/v1/jobs"))
        .post(RequestBody.create("{\"connectionId\":\"c1\",\"jobType\":\"sync\"}", MediaType.get("application/json")))
        .build();

    try (Response response = apiClient(interceptor).newCall(post).execute()) {
      assertEquals(201, response.code());
    }

    assertEquals(2, apiRequests.size());
    assertEquals("Bearer tok-1", apiRequests.get(0).getHeaders().get("Authorization"));
    assertEquals("Bearer tok-2", apiRequests.get(1).getHeaders().get("Authorization"));
    assertEquals(apiRequests.get(0).getBody(), apiRequests.get(1).getBody(), "the body was sent again");
    assertEquals(2, interceptor.tokenRequestCount());
    assertEquals(1, interceptor.unauthorizedResponseCount());
  }

  @Test
  void aServerThatAnswers401ForeverGetsExactlyTwoRequestsAndATypedException() {
    api = request -> json(401, PROBLEM_401);
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(apiClient(interceptor)));

    assertEquals(2, apiRequests.size(), "one replay, no loop");
    assertEquals(2, interceptor.tokenRequestCount());
    assertEquals(2, interceptor.unauthorizedResponseCount());
    assertEquals("GET", e.getMethod());
    assertEquals("/v1/workspaces", e.getPath());
    assertEquals(401, e.getStatusCode());
    assertNull(e.getTokenUrl(), "the API refused, not the token endpoint");
    assertEquals("error:invalid-api-key", e.getProblemType());
    assertTrue(e.getMessage().startsWith("GET /v1/workspaces failed: HTTP 401: Unauthorized"), e.getMessage());
    assertTrue(e.getMessage().contains("after one fresh access token"), e.getMessage());
    assertFalse(e.getMessage().contains("tok-"), e.getMessage());
    assertFalse(e.getMessage().contains(CLIENT_SECRET), e.getMessage());
  }

  @Test
  void aRejectedFreshTokenIsKeptForAPauseThenReplaced() throws IOException {
    api = request -> json(401, PROBLEM_401);
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    assertThrows(AuthenticationException.class, () -> get(client));
    assertEquals(2, tokenRequests.size());

    api = request -> "Bearer tok-2".equals(request.getHeaders().get("Authorization")) ? json(401, PROBLEM_401)
        : json(200, "{}");
    assertEquals(401, get(client), "during the pause: the server's 401, and no token request");
    assertEquals(2, tokenRequests.size());

    clock.advance(java.time.Duration.ofSeconds(1));
    assertEquals(200, get(client));
    assertEquals("Bearer tok-3", lastApiAuthorization(), "after the pause, a 401 replaces the token again");
  }

  @Test
  void anApiThatRefusesEveryTokenCostsABoundedNumberOfTokenRequests() throws IOException {
    api = request -> json(401, PROBLEM_401);
    OkHttpClient client = apiClient(interceptor(CLIENT_CREDENTIALS));

    assertThrows(AuthenticationException.class, () -> get(client));
    for (int i = 0; i < 50; i++) assertEquals(401, get(client));
    assertEquals(2, tokenRequests.size(), "the first token and one fresh one; then a pause");

    clock.advance(java.time.Duration.ofSeconds(1));
    assertThrows(AuthenticationException.class, () -> get(client));
    for (int i = 0; i < 50; i++) assertEquals(401, get(client));
    assertEquals(3, tokenRequests.size(), "one more after the first pause, which then doubles");
    clock.advance(java.time.Duration.ofSeconds(1));
    assertEquals(401, get(client));
    assertEquals(3, tokenRequests.size(), "2 s now");
    clock.advance(java.time.Duration.ofSeconds(1));
    assertThrows(AuthenticationException.class, () -> get(client));
    assertEquals(4, tokenRequests.size());
  }

  @Test
  void a403IsAPermissionErrorAndIsNotReplayed() throws IOException {
    api = request -> json(403, "{\"status\":403,\"title\":\"Forbidden\"}");
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    assertEquals(403, get(apiClient(interceptor)));

    assertEquals(1, apiRequests.size());
    assertEquals(1, interceptor.tokenRequestCount());
    assertEquals(0, interceptor.unauthorizedResponseCount());
  }

  @Test
  void aOneShotBodyIsNotReplayedButTheTokenIsStillDropped() throws IOException {
    api = request -> "Bearer tok-1".equals(request.getHeaders().get("Authorization"))
        ? json(401, PROBLEM_401) : json(200, "{}");
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    RequestBody oneShot = new RequestBody() {
      @Override
      public MediaType contentType() {
        return MediaType.get("application/json");
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.writeUtf8("{}");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };

    try (Response response = client.newCall(
        new Request.Builder().url(server.url("/v1/sources")).post(oneShot).build()).execute()) {
      assertEquals(401, response.code(), "returned as is");
    }
    assertEquals(1, apiRequests.size());

    assertEquals(200, get(client));
    assertEquals("Bearer tok-2", lastApiAuthorization());
  }

  @Test
  void fiftyCallsRejectedAtOnceCauseOneRefresh() throws Exception {
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    OkHttpClient client = apiClient(interceptor);
    get(client);
    api = request -> "Bearer tok-1".equals(request.getHeaders().get("Authorization"))
        ? json(401, PROBLEM_401) : json(200, "{}");

    List<Integer> statuses = TokenRefreshTest.runConcurrently(50, () -> get(client));

    assertEquals(50, statuses.stream().filter(s -> s == 200).count());
    assertEquals(2, interceptor.tokenRequestCount(), "the first token and one refresh");
  }

  @Test
  void aStaticBearerTokenIsSentAndA401IsNotReplayed() throws IOException {
    api = request -> json(401, PROBLEM_401);
    AuthInterceptor interceptor = interceptor(Credentials.bearerToken("static-token-from-ui"));

    assertEquals(401, get(apiClient(interceptor)));

    assertEquals(1, apiRequests.size());
    assertEquals("Bearer static-token-from-ui", lastApiAuthorization());
    assertEquals(0, interceptor.tokenRequestCount());
    assertEquals(1, interceptor.unauthorizedResponseCount());
  }

  @Test
  void basicCredentialsAreSentAsBasic() throws IOException {
    AuthInterceptor interceptor = interceptor(Credentials.basic("airbyte", "pässword"));

    assertEquals(200, get(apiClient(interceptor)));

    String expected = "Basic "
        + Base64.getEncoder().encodeToString("airbyte:pässword".getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, lastApiAuthorization());
    assertEquals(0, interceptor.tokenRequestCount());
  }

  @Test
  void noneSendsNoAuthorization() throws IOException {
    AuthInterceptor interceptor = interceptor(Credentials.none());

    assertEquals(200, get(apiClient(interceptor)));

    assertNull(lastApiAuthorization());
    assertEquals(0, interceptor.tokenRequestCount());
  }

  @Test
  void aTokenSourceIsCachedAndRefetchedAfterA401() throws IOException {
    AtomicInteger fetches = new AtomicInteger();
    Credentials credentials = Credentials.tokenSource(() -> new AccessToken("src-" + fetches.incrementAndGet(), null));
    api = request -> "Bearer src-1".equals(request.getHeaders().get("Authorization")) && apiRequests.size() == 3
        ? json(401, PROBLEM_401) : json(200, "{}");
    AuthInterceptor interceptor = interceptor(credentials);
    OkHttpClient client = apiClient(interceptor);

    get(client);
    get(client);
    assertEquals(1, fetches.get(), "cached");
    get(client); // 401, then replayed with src-2
    assertEquals(2, fetches.get());
    assertEquals("Bearer src-2", lastApiAuthorization());
    assertEquals(2, interceptor.tokenRequestCount());

    clock.set(START.plusSeconds(180)); // no expiry given: the 3-minute default applies
    get(client);
    assertEquals(3, fetches.get());
  }

  @Test
  void aFailingTokenSourceIsAnAuthenticationExceptionWithoutItsMessage() {
    IOException failure = new IOException("vault sealed; token was s3cr3t-vault-token");
    AuthInterceptor interceptor = interceptor(Credentials.tokenSource(() -> {
      throw failure;
    }));

    AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(apiClient(interceptor)));

    assertSame(failure, e.getCause());
    assertEquals(0, e.getStatusCode());
    assertEquals("/v1/workspaces", e.getPath());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    assertTrue(e.getMessage().contains("could not obtain an access token"), e.getMessage());
  }

  @Test
  void noAuthorizationIsSentToAnotherHost() throws IOException {
    try (MockWebServer other = new MockWebServer()) {
      other.enqueue(new MockResponse.Builder().code(200).build());
      other.start();
      AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
      OkHttpClient client = apiClient(interceptor);

      assertEquals(200, get(client, other.url("/v1/workspaces")));

      RecordedRequest request = other.takeRequest();
      assertNull(request.getHeaders().get("Authorization"));
      assertEquals(0, interceptor.tokenRequestCount(), "no token fetched for a foreign host");
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aRequestThatAlreadyCarriesAuthorizationPassesThroughUnchanged() throws IOException {
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);
    Request request = new Request.Builder().url(server.url("/v1/workspaces"))
        .header("Authorization", "Bearer caller-token").build();

    try (Response response = apiClient(interceptor).newCall(request).execute()) {
      assertEquals(200, response.code());
    }

    assertEquals("Bearer caller-token", lastApiAuthorization());
    assertEquals(0, interceptor.tokenRequestCount());
  }

  @Test
  void theTokenEndpointItselfGetsNoAuthorization() throws IOException {
    // For instance the generated createAccessToken operation called through the facade's client.
    AuthInterceptor interceptor = interceptor(CLIENT_CREDENTIALS);

    try (Response response = apiClient(interceptor).newCall(new Request.Builder()
        .url(server.url("/v1/applications/token"))
        .post(RequestBody.create("{}", MediaType.get("application/json"))).build()).execute()) {
      assertEquals(200, response.code());
    }

    assertEquals(1, tokenRequests.size());
    assertNull(tokenRequests.get(0).getHeaders().get("Authorization"));
    assertEquals(0, interceptor.tokenRequestCount());
  }
}
