package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.generated.model.SourceResponse;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class AirbyteClientTest extends FacadeTestSupport {
  private static final String SOURCE_ID = "0c5d2a4e-7b1f-4a55-9a0e-2f1d3c4b5a69";

  @Test
  void defaultsSuitAirbyteCloudAndSlowEndpoints() {
    AirbyteClient client = track(AirbyteClient.builder().build());
    assertEquals("https://api.airbyte.com/v1", client.baseUrl());
    assertEquals(Duration.ofSeconds(10), client.connectTimeout());
    assertEquals(Duration.ofMinutes(3), client.readTimeout());
    assertEquals(Duration.ofSeconds(30), client.writeTimeout());
    assertEquals(Duration.ZERO, client.callTimeout());
    assertEquals(RetryPolicy.defaults(), client.retryPolicy());
    assertEquals(4, client.retryPolicy().maxAttempts());
    assertEquals("airbyte-java-client/0.3.0", client.userAgent());
  }

  @Test
  void selfManagedHostUrlMeansItsPublicApi() {
    assertEquals("http://host:8000/api/public/v1", selfManaged("http://host:8000"));
    assertEquals("http://host:8000/api/public/v1", selfManaged("http://host:8000/"));
    assertEquals("http://host:8000/api/public/v1", selfManaged(" http://host:8000/api/public/v1/ "));
    assertEquals("https://example.com/airbyte/api/public/v1", selfManaged("https://example.com/airbyte"));
    assertEquals("http://host:8000/custom/v1", track(AirbyteClient.builder().baseUrl("http://host:8000/custom/v1/")
        .build()).baseUrl());
  }

  private String selfManaged(String hostUrl) {
    return track(AirbyteClient.builder().selfManaged(hostUrl).build()).baseUrl();
  }

  @Test
  void badBaseUrlFailsAtBuildWithAClearMessage() {
    assertEquals("baseUrl must not be null or blank", badUrl(AirbyteClient.builder().baseUrl(null)));
    assertEquals("baseUrl must not be null or blank", badUrl(AirbyteClient.builder().baseUrl("  ")));
    assertEquals("selfManaged host URL must not be null or blank", badUrl(AirbyteClient.builder().selfManaged("")));
    assertEquals("baseUrl is not an absolute http or https URL: \"api.airbyte.com/v1\"",
        badUrl(AirbyteClient.builder().baseUrl("api.airbyte.com/v1")));
    assertEquals("baseUrl is not an absolute http or https URL: \"ftp://host/v1\"",
        badUrl(AirbyteClient.builder().baseUrl("ftp://host/v1")));
    assertEquals("baseUrl must not have a query or fragment: \"http://host/v1?...\"",
        badUrl(AirbyteClient.builder().baseUrl("http://host/v1?key=s3cr3t")));
    String withPassword = badUrl(AirbyteClient.builder().baseUrl("http://admin:s3cr3t@host:8000/api/public/v1"));
    assertEquals("baseUrl must not contain a user name or password; use Credentials.basic", withPassword);
    assertFalse(badUrl(AirbyteClient.builder().baseUrl("htp:/admin:s3cr3t@host")).contains("s3cr3t"));
  }

  private static String badUrl(AirbyteClient.Builder builder) {
    return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
  }

  @Test
  void sendsTheUserAgentOnEveryRequest() throws Exception {
    routes.on("GET /v1/health", response(200, null, ""));
    client().health().getHealthCheck().execute();
    assertTrue(server.takeRequest().getHeaders().get("User-Agent").startsWith("airbyte-java-client/"));

    track(builder().userAgent("my-app/2.0").build()).health().getHealthCheck().execute();
    assertEquals("my-app/2.0", server.takeRequest().getHeaders().get("User-Agent"));
  }

  @Test
  void honoursTheUsersOkHttpClientAndItsInterceptorsSeeEachCallOnce() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    ConnectionPool pool = new ConnectionPool();
    OkHttpClient mine = new OkHttpClient.Builder()
        .connectionPool(pool)
        .addInterceptor(chain -> {
          seen.incrementAndGet();
          return chain.proceed(chain.request().newBuilder().header("X-Tenant", "acme").build());
        })
        .build();
    routes.on("GET /v1/health", response(503, null, ""), response(200, null, ""));
    AirbyteClient client = track(builder().okHttpClient(mine).build());

    client.health().getHealthCheck().execute();

    assertEquals(1, seen.get(), "outside the retries");
    assertEquals(2, server.getRequestCount());
    assertEquals("acme", server.takeRequest().getHeaders().get("X-Tenant"));
    assertEquals("acme", server.takeRequest().getHeaders().get("X-Tenant"));
    assertSame(pool, client.transport().httpClient().connectionPool());
    client.close();
    assertFalse(mine.dispatcher().executorService().isShutdown(), "the user's client stays open");
  }

  @Test
  void everyApiSharesOneConnectionPoolAndNoneExposesAClientToReconfigure() throws Exception {
    AirbyteClient client = client();
    Set<String> accessors = Set.of("sources", "destinations", "connections", "jobs", "workspaces",
        "sourceDefinitions", "destinationDefinitions", "declarativeSourceDefinitions", "connectorDefinitions",
        "permissions", "organizations", "users", "tags", "applications", "groups", "regions", "dataplanes",
        "streams", "health", "oauth", "embedded", "root");
    for (String name : accessors) {
      Object api = AirbyteClient.class.getMethod(name).invoke(client);
      for (Method method : api.getClass().getMethods()) {
        // What the generated API class once had: getApiClient() let one caller change the shared client for all.
        assertFalse(method.getName().startsWith("set") || method.getName().endsWith("ApiClient")
            || method.getReturnType().getName().startsWith("okhttp3") || method.getReturnType()
                .getName().endsWith("ApiTransport"), name + "()." + method.getName() + " exposes the client");
      }
    }
    assertEquals(22, accessors.size());

    routes.on("GET /v1/health", response(200, null, ""))
        .on("GET /v1/sources/" + SOURCE_ID, json(200, "{\"sourceId\":\"" + SOURCE_ID + "\",\"name\":\"pg\"}"))
        .on("GET /v1/jobs/7", json(200, job(7, "running")))
        .on("GET /v1/tags", json(200, "{\"data\":[]}"))
        .on("GET /v1/workspaces", json(200, "{\"data\":[]}"));
    client.health().getHealthCheck().execute();
    SourceResponse source = client.sources().getSource(UUID.fromString(SOURCE_ID)).execute();
    assertEquals("pg", source.getName());
    assertEquals(7L, client.jobs().getJob(7L).execute().getJobId());
    client.tags().listTags().execute();
    client.workspaces().listWorkspaces().execute();
    for (int i = 0; i < 5; i++) {
      RecordedRequest request = server.takeRequest();
      assertEquals(0, request.getConnectionIndex(), "one pooled connection: " + request.getTarget());
    }
  }

  @Test
  void fromEnvReadsUrlAndCredentials() throws Exception {
    AirbyteClient cloud = track(AirbyteClient.fromEnv(Map.of()));
    assertEquals(AirbyteClient.CLOUD_BASE_URL, cloud.baseUrl());

    String host = "http://" + server.getHostName() + ":" + server.getPort();
    assertEquals(host + "/api/public/v1", track(AirbyteClient.fromEnv(Map.of("AIRBYTE_API_URL", host))).baseUrl());
    assertEquals(AirbyteClient.CLOUD_BASE_URL,
        track(AirbyteClient.fromEnv(Map.of("AIRBYTE_API_URL", "https://api.airbyte.com/"))).baseUrl());

    Map<String, String> env = new HashMap<>();
    env.put("AIRBYTE_API_URL", server.url("/v1").toString());
    env.put("AIRBYTE_ACCESS_TOKEN", "fixed-token");
    env.put("AIRBYTE_CLIENT_ID", " ");
    routes.on("GET /v1/tags", json(200, "{\"data\":[]}"));
    track(AirbyteClient.fromEnv(env)).tags().listTags().execute();
    assertEquals("Bearer fixed-token", server.takeRequest().getHeaders().get("Authorization"));

    routes.on("POST /v1/applications/token",
        json(200, "{\"access_token\":\"from-credentials\",\"token_type\":\"Bearer\",\"expires_in\":900}"));
    env.remove("AIRBYTE_ACCESS_TOKEN");
    env.put("AIRBYTE_CLIENT_ID", "id-1");
    env.put("AIRBYTE_CLIENT_SECRET", "secret-1");
    track(AirbyteClient.fromEnv(env)).tags().listTags().execute();
    RecordedRequest tokenRequest = server.takeRequest();
    assertEquals("/v1/applications/token", tokenRequest.getUrl().encodedPath());
    assertTrue(tokenRequest.getHeaders().get("User-Agent").startsWith("airbyte-java-client/"));
    assertEquals("Bearer from-credentials", server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void fromEnvRejectsHalfOrDoubleCredentialsWithoutRepeatingThem() {
    String halfMessage = assertThrows(IllegalArgumentException.class,
        () -> AirbyteClient.fromEnv(Map.of("AIRBYTE_CLIENT_ID", "id-1"))).getMessage();
    assertEquals("AIRBYTE_CLIENT_ID is set but AIRBYTE_CLIENT_SECRET is not", halfMessage);
    String both = assertThrows(IllegalArgumentException.class, () -> AirbyteClient.fromEnv(Map.of(
        "AIRBYTE_CLIENT_ID", "id-1", "AIRBYTE_CLIENT_SECRET", "s3cr3t", "AIRBYTE_ACCESS_TOKEN", "t0ken")))
        .getMessage();
    assertFalse(both.contains("s3cr3t") || both.contains("t0ken"), both);
    assertEquals("AIRBYTE_API_URL: baseUrl is not an absolute http or https URL: \"nonsense\"",
        assertThrows(IllegalArgumentException.class,
            () -> AirbyteClient.fromEnv(Map.of("AIRBYTE_API_URL", "nonsense"))).getMessage());
  }

  @Test
  void concurrentFirstUseSetsUpOnce() throws Exception {
    AirbyteClient client = client();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) results.add(pool.submit(() -> client.transport().httpClient()));
      Object first = results.get(0).get();
      for (java.util.concurrent.Future<Object> result : results) assertSame(first, result.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void noCredentialsSendsNoAuthorization() throws Exception {
    routes.on("GET /v1/health", response(200, null, ""));
    client().health().getHealthCheck().execute();
    assertNull(server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void toBuilderDerivesAVariantAndLeavesTheOriginalAlone() {
    AirbyteClient original = client();
    AirbyteClient variant = track(original.toBuilder().readTimeout(Duration.ofSeconds(5))
        .retries(RetryPolicy.none()).selfManaged("http://other:8000").build());
    assertEquals(Duration.ofMinutes(3), original.readTimeout());
    assertEquals(RetryPolicy.defaults(), original.retryPolicy());
    assertEquals(server.url("/v1").toString(), original.baseUrl());
    assertEquals(Duration.ofSeconds(5), variant.readTimeout());
    assertEquals(1, variant.retryPolicy().maxAttempts());
    assertEquals("http://other:8000/api/public/v1", variant.baseUrl());
    assertEquals(original.userAgent(), original.newBuilder().build().userAgent());
  }

  @Test
  void aClosedClientRefusesNewCalls() {
    AirbyteClient client = client();
    client.jobs();
    client.close();
    client.close();
    assertEquals("This AirbyteClient is closed",
        assertThrows(IllegalStateException.class, client::sources).getMessage());
  }

  @Test
  void logsThroughSlf4jWithTheTokenMasked() {
    RecordingSlf4j.clear();
    routes.on("GET /v1/tags", json(200, "{\"data\":[]}"));
    track(builder().credentials(Credentials.bearerToken("very-secret-token"))
        .logLevel(AirbyteClient.LogLevel.HEADERS).build()).tags().listTags().execute();
    List<String> lines = RecordingSlf4j.events("io.github.airbytejava.http").stream()
        .flatMap(e -> e.text().lines()).toList();
    assertTrue(RecordingSlf4j.events("io.github.airbytejava.http").stream()
        .allMatch(e -> e.level() == org.slf4j.event.Level.DEBUG));
    assertTrue(lines.stream().anyMatch(line -> line.contains("GET " + server.url("/v1/tags"))), lines::toString);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("Authorization")), lines::toString);
    assertTrue(lines.stream().noneMatch(line -> line.contains("very-secret-token")), lines::toString);
  }

  @Test
  void operationsTheSpecDeclaresWithoutSecuritySendNoCredentials() throws Exception {
    routes.on("GET /v1/health", response(200, null, ""));
    track(builder().credentials(Credentials.bearerToken("very-secret-token")).build()).health().getHealthCheck()
        .execute();
    assertNull(server.takeRequest().getHeaders().get("Authorization"));
  }

  @Test
  void durationsThatOkHttpOrJavaTimeWouldRejectFailWhenSet() {
    AirbyteClient.Builder builder = builder();
    assertEquals("callTimeout must be zero (no limit) or at least 1 ms: PT0.00000001S",
        assertThrows(IllegalArgumentException.class, () -> builder.callTimeout(Duration.ofNanos(10))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.readTimeout(Duration.ofDays(25)))
        .getMessage().startsWith("readTimeout must be at most PT596H31M23.647S"));
    assertThrows(IllegalArgumentException.class,
        () -> RetryPolicy.builder().maxElapsed(java.time.temporal.ChronoUnit.FOREVER.getDuration()));
    assertThrows(IllegalArgumentException.class,
        () -> SyncOptions.builder().timeout(java.time.temporal.ChronoUnit.FOREVER.getDuration()));
    assertEquals(Duration.ZERO, track(builder.callTimeout(Duration.ZERO).build()).callTimeout(), "zero: no limit");
  }
}
