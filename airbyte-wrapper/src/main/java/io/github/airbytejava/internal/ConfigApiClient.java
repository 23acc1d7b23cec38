package io.github.airbytejava.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.configapi.DetailsUnavailableException;
import io.github.airbytejava.configapi.DetailsUnavailableException.Reason;
import io.github.airbytejava.configapi.InternalConfigApi;
import io.github.airbytejava.configapi.JobAttempt;
import io.github.airbytejava.configapi.JobDetails;
import io.github.airbytejava.configapi.LogLine;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The internal Config API over the client's OkHttp client (its token, retries of connection failures, logging). Each
 * read is a {@code POST} with a JSON body; every failure becomes a {@link DetailsUnavailableException}.
 */
public final class ConfigApiClient implements InternalConfigApi {
  public static final String DISABLED_REASON = "the internal Config API is off (turn it on with "
      + "AirbyteClient.builder().enableInternalConfigApi())";
  private static final MediaType JSON = MediaType.get("application/json");
  /** How much of a refusal's body a message quotes. */
  private static final int QUOTED = 300;
  private static final ConfigApiClient DISABLED = new ConfigApiClient(null, null, null, AirbyteListener.NONE,
      Clock.systemUTC());
  /** The Config API's own operation ids (its config.yaml), which the listener hears, prefixed "internal.". */
  private static final Map<String, String> OPERATION_IDS = Map.of("jobs/get_without_logs", "getJobInfoWithoutLogs",
      "jobs/get", "getJobInfo", "attempt/get_for_job", "getAttemptForJob");

  private final OkHttpClient http;
  private final HttpUrl root;
  private final BodyMasker masker;
  private final AirbyteListener listener;
  private final Clock clock;

  public ConfigApiClient(OkHttpClient http, HttpUrl root, BodyMasker masker, AirbyteListener listener, Clock clock) {
    this.http = http;
    this.root = root;
    this.masker = masker;
    this.listener = listener;
    this.clock = clock;
  }

  public static ConfigApiClient disabled() {
    return DISABLED;
  }

  /**
   * The Config API root for an API base URL: a self-managed install's {@code .../api/public/v1} becomes
   * {@code .../api/v1}, Airbyte Cloud's {@code https://api.airbyte.com/v1} becomes
   * {@code https://cloud.airbyte.com/api/v1}; null for any other, which must be given.
   */
  public static HttpUrl derivedRoot(HttpUrl apiBaseUrl) {
    String path = apiBaseUrl.encodedPath().replaceAll("/+$", "");
    if (path.endsWith("/api/public/v1")) {
      return apiBaseUrl.newBuilder().encodedPath(path.substring(0, path.length() - "/api/public/v1".length())
          + "/api/v1").build();
    }
    if (apiBaseUrl.host().equals("api.airbyte.com")) return HttpUrl.get("https://cloud.airbyte.com/api/v1");
    return null;
  }

  @Override
  public boolean enabled() {
    return http != null;
  }

  @Override
  public String rootUrl() {
    return root == null ? null : root.toString().replaceAll("/$", "");
  }

  @Override
  public JobDetails jobDetails(long jobId, boolean withStackTraces) {
    return jobDetails(jobId, withStackTraces, null);
  }

  /** As {@link #jobDetails(long, boolean)}, the whole call bounded by {@code timeout} (null: the client's own). */
  public JobDetails jobDetails(long jobId, boolean withStackTraces, Duration timeout) {
    checkJobId(jobId);
    String operation = "jobs/get_without_logs";
    JsonObject body = readObject(operation, jobId, "{\"id\":" + jobId + "}", timeout);
    try {
      return ConfigApiJson.details(body, jobId, withStackTraces);
    } catch (RuntimeException e) {
      throw unexpected(operation, jobId, "an answer of an unknown shape: " + Redactor.truncate(e.getMessage(), 200),
          e);
    }
  }

  @Override
  public JobAttempt attempt(long jobId, int attemptNumber) {
    checkJobId(jobId);
    if (attemptNumber < 0) throw new IllegalArgumentException("attemptNumber must not be negative: " + attemptNumber);
    String operation = "attempt/get_for_job";
    JsonObject body = readObject(operation, jobId, "{\"jobId\":" + jobId + ",\"attemptNumber\":" + attemptNumber + "}",
        null);
    try {
      JsonElement attempt = body.get("attempt");
      if (attempt == null || !attempt.isJsonObject()) throw new IllegalStateException("no attempt in the answer");
      return ConfigApiJson.attempt(attempt.getAsJsonObject(), attemptNumber, false);
    } catch (RuntimeException e) {
      throw unexpected(operation, jobId, "an answer of an unknown shape: " + Redactor.truncate(e.getMessage(), 200),
          e);
    }
  }

  @Override
  public Stream<LogLine> logs(long jobId) {
    checkJobId(jobId);
    String operation = "jobs/get";
    Response response = send(operation, jobId, "{\"id\":" + jobId + "}", null);
    try {
      BufferedSource source = jsonBody(response, operation, jobId);
      JsonReader reader = new JsonReader(new InputStreamReader(source.inputStream(), StandardCharsets.UTF_8));
      LogLines lines = new LogLines(reader, failure -> isBrokenConnection(failure)
          ? failed(operation, jobId, "the connection broke while the log was read: " + failure.getMessage(), failure)
          : unexpected(operation, jobId, "a log of an unknown shape: " + Redactor.truncate(failure.getMessage(), 200),
              failure));
      return StreamSupport.stream(lines, false).onClose(response::close);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
  }

  private static void checkJobId(long jobId) {
    if (jobId < 0) throw new IllegalArgumentException("jobId must not be negative: " + jobId);
  }

  private JsonObject readObject(String operation, long jobId, String json, Duration timeout) {
    try (Response response = send(operation, jobId, json, timeout)) {
      BufferedSource source = jsonBody(response, operation, jobId);
      JsonElement element;
      try {
        element = JsonParser.parseReader(new InputStreamReader(source.inputStream(), StandardCharsets.UTF_8));
      } catch (JsonParseException e) {
        if (isBrokenConnection(e.getCause())) {
          Throwable broken = e.getCause();
          throw failed(operation, jobId, "the connection broke while the answer was read: " + broken.getMessage(),
              broken);
        }
        throw unexpected(operation, jobId, "an answer that is not valid JSON", e);
      }
      if (!element.isJsonObject()) throw unexpected(operation, jobId, "an answer that is not a JSON object", null);
      return element.getAsJsonObject();
    }
  }

  /**
   * Sends the request; a non-2xx answer or no answer is thrown as the reason it gives. The listener hears the call
   * as it does the public API's, its duration up to the answer's headers (a log is read after).
   */
  private Response send(String operation, long jobId, String json, Duration timeout) {
    if (http == null) throw new DetailsUnavailableException(Reason.DISABLED, "No details of job " + jobId + ": "
        + DISABLED_REASON, null);
    Request request = new Request.Builder().url(root.newBuilder().addPathSegments(operation).build())
        .post(RequestBody.create(json, JSON)).header("Accept", "application/json").build();
    String operationId = "internal." + OPERATION_IDS.getOrDefault(operation, operation);
    String path = request.url().encodedPath();
    Instant startedAt = clock.instant();
    long startNanos = System.nanoTime();
    Listeners.tell(listener, l -> l.onRequestStart(new AirbyteListener.RequestStart(operationId, "POST", path,
        startedAt)));
    int status = 0;
    AirbyteException failure = null;
    try {
      Response response = exchange(operation, jobId, request, timeout);
      status = response.code();
      return successful(operation, jobId, request, response);
    } catch (DetailsUnavailableException e) {
      failure = e;
      throw e;
    } finally {
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
      int endStatus = status;
      AirbyteException endFailure = failure;
      Listeners.tell(listener, l -> l.onRequestEnd(new AirbyteListener.RequestEnd(operationId, "POST", path,
          startedAt, took, endStatus, endFailure)));
    }
  }

  /** The answer, whatever its status; no answer is thrown as the reason. */
  private Response exchange(String operation, long jobId, Request request, Duration timeout) {
    Call call = http.newCall(request);
    if (timeout != null) call.timeout().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    Response response;
    try {
      response = call.execute();
    } catch (IOException | AirbyteException e) {
      throw failed(operation, jobId, "no answer: " + Failures.fromFailure(request, e).getMessage(), e);
    }
    return response;
  }

  /** A 2xx answer as is; any other is closed and thrown as the reason it gives. */
  private Response successful(String operation, long jobId, Request request, Response response) {
    if (response.isSuccessful()) return response;
    try (response) {
      int code = response.code();
      String quoted = quote(response, request.url());
      if (code == 401 || code == 403) {
        throw new DetailsUnavailableException(Reason.REFUSED, prefix(operation, jobId) + code + ": the Config API "
            + "refused the client (an account or a proxy may block Airbyte's internal API where the public one "
            + "works)" + quoted, null);
      }
      if (code == 404) {
        throw new DetailsUnavailableException(Reason.NOT_FOUND, prefix(operation, jobId) + "404: no such job, or no "
            + "Config API at " + rootUrl() + quoted, null);
      }
      throw failed(operation, jobId, "status " + code + quoted, null);
    }
  }

  /** The body, checked to be JSON: an HTML page (a login page, a proxy's) is said as such. */
  private BufferedSource jsonBody(Response response, String operation, long jobId) {
    try {
      BufferedSource source = response.body().source();
      BufferedSource peek = source.peek();
      while (peek.request(1)) {
        byte b = peek.readByte();
        if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
        if (b == '<') {
          throw unexpected(operation, jobId, "an HTML page instead of JSON; is " + rootUrl() + " the Config API?",
              null);
        }
        return source;
      }
      throw unexpected(operation, jobId, "an empty answer", null);
    } catch (IOException e) {
      response.close();
      throw failed(operation, jobId, "the connection broke while the answer was read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      response.close();
      throw e;
    }
  }

  /** An I/O failure of the connection; a body that ends early but cleanly, or is not JSON, is the server's doing. */
  private static boolean isBrokenConnection(Throwable failure) {
    return failure instanceof IOException && !(failure instanceof EOFException)
        && !(failure instanceof MalformedJsonException);
  }

  private String quote(Response response, HttpUrl url) {
    try {
      BufferedSource source = response.body().source();
      source.request(QUOTED);
      String text = source.getBuffer().snapshot((int) Math.min(QUOTED, source.getBuffer().size())).utf8();
      if (text.isBlank()) return "";
      String masked = masker.mask(text, url);
      return ": " + (masked.stripLeading().startsWith("<") ? "an HTML page" : Redactor.truncate(masked, QUOTED));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String prefix(String operation, long jobId) {
    return "No details of job " + jobId + " (Config API " + operation + "): ";
  }

  private DetailsUnavailableException unexpected(String operation, long jobId, String what, Throwable cause) {
    return new DetailsUnavailableException(Reason.UNEXPECTED_RESPONSE, prefix(operation, jobId) + what,
        cause == null ? null : Failures.scrubbed(cause));
  }

  private DetailsUnavailableException failed(String operation, long jobId, String what, Throwable cause) {
    return new DetailsUnavailableException(Reason.FAILED, prefix(operation, jobId) + what, cause);
  }

  @Override
  public String toString() {
    return "InternalConfigApi{" + (enabled() ? rootUrl() : "off") + '}';
  }
}
