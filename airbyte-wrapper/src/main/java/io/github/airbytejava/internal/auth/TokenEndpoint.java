package io.github.airbytejava.internal.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.airbytejava.AccessToken;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.internal.ErrorBody;
import io.github.airbytejava.internal.Redactor;
import io.github.airbytejava.internal.RetryAfter;
import io.github.airbytejava.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The client-credentials exchange: {@code POST {tokenUrl}} with the JSON body
 * {@code {"client_id", "client_secret", "grant-type": "client_credentials"}} (the hyphen is what the server reads;
 * self-managed servers reject form bodies).
 *
 * <p>Up to {@link #MAX_ATTEMPTS} attempts on 408, 429, 5xx and network errors, {@link #FIRST_BACKOFF} doubling
 * between them (up to a quarter shorter at random), or the server's {@code Retry-After} seconds up to
 * {@link #MAX_RETRY_AFTER}. 400, 401 and 403 mean the client id or secret were rejected: retrying cannot help. Every
 * failure is an {@link AuthenticationException} naming the token URL and the status (0 without a response).
 */
final class TokenEndpoint implements TokenCache.Fetcher {
  static final int MAX_ATTEMPTS = 3;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);
  /** A token response is a few KB; anything past this is not a token and need not be read. */
  private static final long MAX_BODY_BYTES = 64 * 1024;
  private static final int MAX_BODY_IN_EXCEPTION = 2000;
  private static final long MAX_EXPIRES_IN_SECONDS = Duration.ofDays(366).toSeconds();
  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl tokenUrl;
  /** The token URL as shown in messages: without any user info. */
  private final String shownTokenUrl;
  private final String clientSecret;
  private final Request request;
  private final OkHttpClient httpClient;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final AtomicLong requestCount;

  TokenEndpoint(HttpUrl tokenUrl, String clientId, String clientSecret, OkHttpClient httpClient, Clock clock,
      Sleeper sleeper, DoubleSupplier jitter, AtomicLong requestCount) {
    this.tokenUrl = tokenUrl;
    this.shownTokenUrl = tokenUrl.newBuilder().username("").password("").build().toString();
    this.clientSecret = clientSecret;
    this.httpClient = httpClient;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.requestCount = requestCount;
    JsonObject body = new JsonObject();
    body.addProperty("client_id", clientId);
    body.addProperty("client_secret", clientSecret);
    body.addProperty("grant-type", "client_credentials");
    this.request = new Request.Builder()
        .url(tokenUrl)
        .header("Accept", "application/json")
        .post(RequestBody.create(body.toString(), JSON))
        .build();
  }

  /**
   * {@code {baseUrl}/applications/token}, joined as strings. Resolving {@code /applications/token} as a URI
   * reference, as the official SDKs do, drops the base path: {@code https://api.airbyte.com/applications/token}.
   */
  static HttpUrl defaultTokenUrl(HttpUrl apiBaseUrl) {
    String base = apiBaseUrl.newBuilder().query(null).fragment(null).build().toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return HttpUrl.get(base + "/applications/token");
  }

  HttpUrl tokenUrl() {
    return tokenUrl;
  }

  @Override
  public AccessToken fetch() throws IOException {
    for (int attempt = 1; ; attempt++) {
      Instant requestedAt = clock.instant();
      requestCount.incrementAndGet();
      Duration retryAfter = null;
      try (Response response = httpClient.newCall(request).execute()) {
        String body = response.peekBody(MAX_BODY_BYTES).string();
        if (response.isSuccessful()) {
          return parseToken(response, body, requestedAt);
        }
        if (!isRetryable(response.code()) || attempt == MAX_ATTEMPTS) {
          throw refused(response.code(), body, attempt);
        }
        retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        if (attempt == MAX_ATTEMPTS) {
          throw failure(0, "the token endpoint could not be reached (" + attempt + " attempts)",
              e.getClass().getName() + ": " + e.getMessage(), null, null, e);
        }
      }
      sleep(backoff(attempt, retryAfter));
    }
  }

  private static boolean isRetryable(int code) {
    return code == 408 || code == 429 || code >= 500;
  }

  private AccessToken parseToken(Response response, String body, Instant requestedAt) {
    JsonObject json = parseObject(body);
    String token = json == null ? null : string(json.get("access_token"));
    if (token == null || token.isBlank()) {
      String contentType = response.header("Content-Type");
      throw failure(response.code(), "the token endpoint answered without an access_token",
          "expected a JSON object with access_token, got " + (contentType == null ? "no content type" : contentType),
          null, body, null);
    }
    String tokenType = string(json.get("token_type"));
    if (tokenType != null && !tokenType.equalsIgnoreCase("Bearer")) {
      throw failure(response.code(), "the token endpoint answered with an unsupported token_type",
          "expected Bearer, got " + Redactor.truncate(tokenType, 40), null, null, null);
    }
    return new AccessToken(token, expiresAt(json.get("expires_in"), requestedAt));
  }

  /** {@code requestedAt + expires_in}, or null when missing, not a positive number, or absurd. */
  private static Instant expiresAt(JsonElement expiresIn, Instant requestedAt) {
    double seconds;
    try {
      seconds = expiresIn == null || !expiresIn.isJsonPrimitive() ? Double.NaN : expiresIn.getAsDouble();
    } catch (RuntimeException notANumber) {
      return null;
    }
    if (!(seconds > 0)) {
      return null;
    }
    return requestedAt.plusMillis((long) (Math.min(seconds, MAX_EXPIRES_IN_SECONDS) * 1000));
  }

  private AuthenticationException refused(int code, String body, int attempts) {
    String title;
    if (code == 400 || code == 401 || code == 403) {
      title = "the token endpoint rejected the client id/secret";
    } else if (code == 404 || code == 405) {
      title = "no token endpoint at this URL; check the API base URL or the token URL";
    } else if (isRetryable(code)) {
      title = "the token endpoint failed (" + attempts + " attempts)";
    } else {
      title = "unexpected answer from the token endpoint";
    }
    ErrorBody error = ErrorBody.parse(code, null, body);
    return failure(code, title, join(error.title(), error.detail()), error.problemType(), body, null);
  }

  private AuthenticationException failure(int code, String title, String detail, String problemType, String body,
      Throwable cause) {
    return new AuthenticationException("POST", tokenUrl.encodedPath(), code, title,
        Redactor.redact(detail, clientSecret), Redactor.redact(problemType, clientSecret),
        Redactor.redact(Redactor.truncate(body, MAX_BODY_IN_EXCEPTION), clientSecret), shownTokenUrl, cause);
  }

  private Duration backoff(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
    }
    long millis = FIRST_BACKOFF.toMillis() << (attempt - 1);
    return Duration.ofMillis((long) (millis * (1 - 0.25 * TokenLifetime.clampJitter(jitter.getAsDouble()))));
  }

  private void sleep(Duration duration) throws InterruptedIOException {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry the token request");
    }
  }

  private static JsonObject parseObject(String text) {
    try {
      JsonElement json = JsonParser.parseString(text);
      return json.isJsonObject() ? json.getAsJsonObject() : null;
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static String string(JsonElement element) {
    return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
  }

  private static String join(String first, String second) {
    if (first == null) {
      return second;
    }
    return second == null || second.equals(first) ? first : first + ": " + second;
  }
}
