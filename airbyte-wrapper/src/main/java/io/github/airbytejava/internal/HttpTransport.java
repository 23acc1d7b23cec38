package io.github.airbytejava.internal;

import com.google.gson.stream.MalformedJsonException;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.AirbyteHttpException;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.MalformedResponseException;
import io.github.airbytejava.RequestOptions;
import io.github.airbytejava.generated.invoker.ApiOperation;
import io.github.airbytejava.generated.invoker.ApiResponse;
import io.github.airbytejava.generated.invoker.ApiTransport;
import io.github.airbytejava.generated.invoker.JSON;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Sends the generated APIs' requests through the client's OkHttp client and turns every failure into the typed
 * exceptions: a non-2xx status into an {@link io.github.airbytejava.AirbyteHttpException} subclass, no response into
 * an {@link io.github.airbytejava.AirbyteTransportException}, a 2xx body that does not parse into a
 * {@link MalformedResponseException}. Gson's exceptions and the generated models' {@code IllegalArgumentException}s
 * never reach the caller.
 *
 * <p>One per scoped client: {@link #withOptions(RequestOptions)} shares the OkHttp client (its pool, dispatcher and
 * interceptors, the token cache among them) and differs only in what it adds to each call. Without options a call
 * is exactly the generated request, so the common path allocates nothing of its own.
 */
public final class HttpTransport implements ApiTransport {
  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final Clock clock;
  private final AirbyteListener listener;
  private final BodyMasker masker;
  /** Null when there are none. */
  private final RequestOptions options;
  private final Map<String, String> extraHeaders;
  private final long timeoutNanos;

  /**
   * @param listener hears each call's start and end
   * @param masker masks the raw bodies kept in exceptions
   */
  public HttpTransport(OkHttpClient http, HttpUrl baseUrl, Clock clock, AirbyteListener listener,
      BodyMasker masker) {
    this(http, baseUrl, clock, listener, masker, null);
  }

  private HttpTransport(OkHttpClient http, HttpUrl baseUrl, Clock clock, AirbyteListener listener,
      BodyMasker masker, RequestOptions options) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.listener = listener;
    this.masker = masker;
    this.options = options == null || options.isEmpty() ? null : options;
    this.extraHeaders = this.options == null ? Map.of() : this.options.headers();
    this.timeoutNanos = this.options == null || this.options.timeout() == null ? -1 : this.options.timeout().toNanos();
  }

  /** A transport over the same OkHttp client that applies {@code options} (over this one's) to every call. */
  public HttpTransport withOptions(RequestOptions options) {
    RequestOptions merged = this.options == null ? options : this.options.with(options);
    return new HttpTransport(http, baseUrl, clock, listener, masker, merged);
  }

  /** The OkHttp client every call goes through, shared by all scoped clients. */
  public OkHttpClient httpClient() {
    return http;
  }

  @Override
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  @Override
  public <T> T execute(ApiOperation operation, Request request, Type responseType) {
    if (listener != AirbyteListener.NONE) return observed(operation, request, () -> execute(request, responseType));
    return execute(request, responseType);
  }

  private <T> T execute(Request request, Type responseType) {
    try (Response response = send(newCall(request))) {
      return handle(response, responseType);
    }
  }

  @Override
  public <T> ApiResponse<T> executeRaw(ApiOperation operation, Request request, Type responseType) {
    Supplier<ApiResponse<T>> call = () -> {
      try (Response response = send(newCall(request))) {
        String raw = response.isSuccessful() ? bodyText(response) : null;
        return new ApiResponse<>(response.code(), response.headers(), raw, handle(response, responseType));
      }
    };
    return listener == AirbyteListener.NONE ? call.get() : observed(operation, request, call);
  }

  /** Runs a synchronous call, telling the listener of its start and end. */
  private <T> T observed(ApiOperation operation, Request request, Supplier<T> call) {
    Observation observation = new Observation(operation, request);
    try {
      T result = call.get();
      observation.end(result instanceof ApiResponse<?> raw ? raw.statusCode() : 200, null);
      return result;
    } catch (AirbyteException e) {
      observation.end(e instanceof AirbyteHttpException http ? http.getStatusCode() : 0, e);
      throw e;
    }
  }

  /** One call as the listener hears it. */
  private final class Observation {
    private final ApiOperation operation;
    private final Request request;
    private final Instant startedAt = clock.instant();
    private final long startNanos = System.nanoTime();

    Observation(ApiOperation operation, Request request) {
      this.operation = operation;
      this.request = request;
      Listeners.tell(listener, l -> l.onRequestStart(new AirbyteListener.RequestStart(operation.operationId(),
          request.method(), request.url().encodedPath(), startedAt)));
    }

    void end(int status, AirbyteException failure) {
      Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
      Listeners.tell(listener, l -> l.onRequestEnd(new AirbyteListener.RequestEnd(operation.operationId(),
          request.method(), request.url().encodedPath(), startedAt, took, status, failure)));
    }
  }

  @Override
  public <T> CompletableFuture<T> executeAsync(ApiOperation operation, Request request, Type responseType) {
    Call call = newCall(request);
    CompletableFuture<T> future = new CompletableFuture<>();
    Observation observation = listener == AirbyteListener.NONE ? null : new Observation(operation, request);
    future.whenComplete((result, failure) -> {
      if (future.isCancelled()) call.cancel();
    });
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call failed, IOException e) {
        AirbyteException failure = Failures.fromFailure(failed.request(), e);
        if (observation != null) observation.end(0, failure);
        future.completeExceptionally(failure);
      }

      @Override
      public void onResponse(Call done, Response response) {
        try (response) {
          T result = handle(response, responseType);
          if (observation != null) observation.end(response.code(), null);
          future.complete(result);
        } catch (AirbyteException e) {
          if (observation != null) {
            observation.end(e instanceof AirbyteHttpException http ? http.getStatusCode() : 0, e);
          }
          future.completeExceptionally(e);
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }
    });
    return future;
  }

  private Call newCall(Request request) {
    if (options == null) return http.newCall(request);
    Request.Builder tagged = request.newBuilder().tag(RequestOptions.class, options);
    extraHeaders.forEach(tagged::header);
    Call call = http.newCall(tagged.build());
    if (timeoutNanos >= 0) call.timeout().timeout(timeoutNanos, TimeUnit.NANOSECONDS);
    return call;
  }

  private static Response send(Call call) {
    try {
      return call.execute();
    } catch (IOException | RuntimeException e) {
      throw Failures.fromFailure(call.request(), e);
    }
  }

  /**
   * The parsed body of a 2xx response (null for an operation without one), or the typed exception. A 204 to an
   * operation that returns a body is malformed, as an empty 200 is: returning null would hand the caller a value the
   * spec says never comes.
   */
  private <T> T handle(Response response, Type responseType) {
    if (!response.isSuccessful()) throw Failures.fromResponse(response, clock, masker);
    try (ResponseBody body = response.body()) {
      if (responseType == null) return null;
      return parse(response, body.source(), responseType);
    } catch (IOException e) {
      throw Failures.fromFailure(response.request(), e); // the connection broke while the body was read
    }
  }

  /** The whole body as text, left in the buffer for the parser. */
  private static String bodyText(Response response) {
    try {
      BufferedSource source = response.body().source();
      source.request(Long.MAX_VALUE);
      return source.getBuffer().snapshot().utf8();
    } catch (IOException e) {
      throw Failures.fromFailure(response.request(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T parse(Response response, BufferedSource source, Type returnType) throws IOException {
    Request request = response.request();
    String method = request.method();
    String path = request.url().encodedPath();
    String contentType = response.header("Content-Type");
    if (returnType == String.class) return (T) source.readUtf8();
    // Parsed straight from the body: no byte[] and String copies of a whole page. peek() looks at its start
    // without taking it, so an empty body or an HTML page can be told and quoted.
    int first = firstNonBlank(source.peek());
    if (first < 0) {
      throw new MalformedResponseException(method, path, response.code(), contentType, response.code() == 204
          ? "no content, but the operation returns a " + typeName(returnType) : "the body is empty", null, null);
    }
    if (first == '<') {
      String raw = masker.mask(rawPrefix(source), request.url());
      ErrorBody page = ErrorBody.parse(response.code(), response.message(), raw);
      throw new MalformedResponseException(method, path, response.code(), contentType,
          "an HTML page" + (page.title() == null ? "" : " titled \"" + page.title() + "\"")
              + " instead of JSON; is the base URL the API's (for example http://HOST:8000/api/public/v1)?",
          raw, null);
    }
    // The body is parsed as it streams in, its bytes let go as they are read (a whole page held in the buffer would
    // cost its size in allocations on every call). Only its start is kept, shared with the buffer rather than
    // copied, for the message should it not parse.
    source.request(ErrorBody.RAW_BODY_LIMIT);
    Buffer buffer = source.getBuffer();
    ByteString head = buffer.snapshot((int) Math.min(buffer.size(), ErrorBody.RAW_BODY_LIMIT));
    T data;
    try (Reader reader = new InputStreamReader(source.inputStream(), StandardCharsets.UTF_8)) {
      data = JSON.getGson().fromJson(reader, returnType);
    } catch (RuntimeException e) {
      IOException broken = transportFailure(e);
      if (broken != null) throw broken;
      throw new MalformedResponseException(method, path, response.code(), contentType,
          "not a valid " + typeName(returnType) + ": " + reason(e), masker.mask(head.utf8(), request.url()),
          Failures.scrubbed(e));
    }
    if (data == null) {
      throw new MalformedResponseException(method, path, response.code(), contentType,
          "no " + typeName(returnType) + " in the body", masker.mask(head.utf8(), request.url()), null);
    }
    return data;
  }

  /**
   * The I/O failure behind a parse error, when the connection broke while Gson read (Gson wraps it); null when the
   * bytes themselves are bad: malformed JSON, or a body that ends early but cleanly (EOFException).
   */
  private static IOException transportFailure(RuntimeException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof MalformedJsonException || cause instanceof EOFException) return null;
      if (cause instanceof IOException) return (IOException) cause;
    }
    return null;
  }

  /** The first byte that is not JSON white space, or -1 when there is none. */
  private static int firstNonBlank(BufferedSource peek) throws IOException {
    while (peek.request(1)) {
      byte b = peek.readByte();
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') return b;
    }
    return -1;
  }

  /** The start of the body, for messages and {@code getRawBody()}; only built when something went wrong. */
  private static String rawPrefix(BufferedSource source) {
    try {
      source.request(ErrorBody.RAW_BODY_LIMIT);
    } catch (IOException e) {
      // quote what did arrive
    }
    Buffer buffer = source.getBuffer();
    return buffer.snapshot((int) Math.min(buffer.size(), ErrorBody.RAW_BODY_LIMIT)).utf8();
  }

  private static String typeName(Type type) {
    return type instanceof Class ? ((Class<?>) type).getSimpleName() : type.getTypeName();
  }

  /**
   * The parser's complaint. Neither Gson nor the generated models quote the body in it (they name the JSON path and
   * the kinds of value expected and found), so it can go into a message; capped and masked all the same.
   */
  private static String reason(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : Failures.withoutQuotedJson(e.getMessage());
  }
}
