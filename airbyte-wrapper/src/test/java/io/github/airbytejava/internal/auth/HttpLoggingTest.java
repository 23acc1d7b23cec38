package io.github.airbytejava.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.AirbyteClient;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.RecordingSlf4j;
import io.github.airbytejava.SecretFields;
import io.github.airbytejava.internal.BodyMasker;
import io.github.airbytejava.internal.HttpLogger;
import io.github.airbytejava.internal.Redactor;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpLoggingTest extends AuthTestSupport {
  private static Interceptor logging(AirbyteClient.LogLevel level) {
    RecordingSlf4j.clear();
    return new HttpLogger(level, new BodyMasker(SecretFields.ALL));
  }

  private static String logged() {
    return RecordingSlf4j.events(HttpLogger.LOGGER).stream().map(RecordingSlf4j.Event::text)
        .collect(Collectors.joining("\n"));
  }

  @Test
  void bodyLogsOfTheTokenExchangeAndApiCallsShowNoSecretOrToken() throws IOException {
    long now = START.getEpochSecond();
    String accessToken = jwt(now, now + 900);
    tokenEndpoint = request -> token(accessToken, 900);
    api = request -> json(200, "{\"sourceId\":\"s1\",\"configuration\":{\"host\":\"db\",\"password\":\"db-pass-123\","
        + "\"tunnel_method\":{\"tunnel_user_password\":\"ssh-pass-456\"},\"credentials\":{\"refresh_token\":\"rt-789\"}}}");
    // Logging on the shared client, so it sees the token exchange too; as a network interceptor, it also sees
    // the Authorization header the auth interceptor adds.
    baseClient = baseClient.newBuilder()
        .addNetworkInterceptor(logging(AirbyteClient.LogLevel.BODY)).build();
    OkHttpClient client = apiClient(interceptor(CLIENT_CREDENTIALS));

    try (Response response = client.newCall(new Request.Builder().url(server.url("/v1/sources?api_key=k-000"))
        .post(RequestBody.create("{\"name\":\"pg\",\"configuration\":{\"password\":\"db-pass-123\"}}",
            MediaType.get("application/json")))
        .build()).execute()) {
      assertEquals(200, response.code());
      response.body().string();
    }

    String all = logged();
    for (String secret : List.of(CLIENT_SECRET, accessToken, "db-pass-123", "ssh-pass-456", "rt-789", "k-000")) {
      assertFalse(all.contains(secret), "leaked " + secret + " in:\n" + all);
    }
    assertTrue(all.contains("\"client_secret\":\"██\""), all);
    assertTrue(all.contains("\"access_token\":\"██\""), all);
    assertTrue(all.contains("Authorization: ██"), all);
    assertTrue(all.contains("\"client_id\":\"" + CLIENT_ID + "\""), "what is not secret stays readable: " + all);
    assertTrue(all.contains("\"grant-type\":\"client_credentials\""), all);
    assertTrue(all.contains("\"token_type\":\"Bearer\""), all);
    assertTrue(all.contains("\"sourceId\":\"s1\""), all);
    assertTrue(all.contains("\"configuration\":{\"host\":\"██\""), "a configuration is masked whole by default: " + all);
  }

  @Test
  void basicCredentialsAreNotLogged() throws IOException {
    baseClient = baseClient.newBuilder()
        .addNetworkInterceptor(logging(AirbyteClient.LogLevel.HEADERS)).build();

    get(apiClient(interceptor(Credentials.basic("airbyte", "my-basic-password"))));

    String all = logged();
    assertTrue(all.contains("Authorization: ██"), all);
    assertFalse(all.contains(okhttp3.Credentials.basic("airbyte", "my-basic-password").substring(6)), all);
  }

  @Test
  void levelNoneLogsNothing() throws IOException {
    baseClient = baseClient.newBuilder()
        .addNetworkInterceptor(logging(AirbyteClient.LogLevel.NONE)).build();

    get(apiClient(interceptor(CLIENT_CREDENTIALS)));

    assertEquals("", logged());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"client_secret\":\"abc\"}                       | {\"client_secret\":\"██\"}",
    "{\"accessToken\" : \"abc\", \"n\":1}              | {\"accessToken\" : \"██\", \"n\":1}",
    "{\"api_key\":\"a\\\"b\",\"x\":\"y\"}              | {\"api_key\":\"██\",\"x\":\"y\"}",
    "{\"pin_password\":12345}                          | {\"pin_password\":\"██\"}",
    "{\"token_type\":\"Bearer\",\"expires_in\":900}    | {\"token_type\":\"Bearer\",\"expires_in\":900}",
    "client_id=me&client_secret=abc&grant_type=x       | client_id=me&client_secret=██&grant_type=x",
    "GET /v1/x?token=abc&page=2                        | GET /v1/x?token=██&page=2",
    "Authorization: Bearer abc.def-ghi                 | Authorization: Bearer ██",
    "proxy said: Basic YWlyYnl0ZTpwYXNzd29yZA==        | proxy said: Basic ██",
    "https://airbyte:hunter2@host:8000/api             | https://airbyte:██@host:8000/api",
    "echo eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc end | echo ██ end",
  })
  void redactsSecretLookingValuesInAnyText(String input, String expected) {
    assertEquals(expected.strip(), Redactor.redact(input.strip()));
  }

  @Test
  void redactsAGivenSecretWherever() {
    assertEquals("bad secret ██ here", Redactor.redact("bad secret abcd1234 here", "abcd1234"));
  }
}
