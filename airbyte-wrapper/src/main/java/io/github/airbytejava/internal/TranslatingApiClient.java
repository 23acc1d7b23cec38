package io.github.airbytejava.internal;

import com.google.gson.stream.MalformedJsonException;
import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.AirbyteHttpException;
import io.github.airbytejava.MalformedResponseException;
import io.github.airbytejava.generated.invoker.ApiCallback;
import io.github.airbytejava.generated.invoker.ApiClient;
import io.github.airbytejava.generated.invoker.ApiException;
import io.github.airbytejava.generated.invoker.ApiResponse;
import io.github.airbytejava.generated.invoker.JSON;
import io.github.airbytejava.generated.invoker.Pair;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The generated {@link ApiClient}, with every failure turned into the typed exceptions: a non-2xx status into
 * an {@link AirbyteHttpException} subclass, no response into an
 * {@link io.github.airbytejava.AirbyteTransportException}, a 2xx body that does not parse into a
 * {@link MalformedResponseException}. Gson's exceptions, the generated models' {@code IllegalArgumentException}s
 * and the generated {@link ApiException} never reach the caller of a synchronous call.
 *
 * <p>Asynchronous calls ({@code *Async} methods) must report through the generated {@link ApiCallback}, whose
 * {@code onFailure} takes an {@link ApiException}: it carries the typed exception as its cause, and its message.
 *
 * <p>Its configuration is fixed once built: the client it sends through, the base path and debugging (which
 * would log the {@code Authorization} header) cannot be changed.
 */
public final class TranslatingApiClient extends ApiClient {
  private final Clock clock;
  private final boolean frozen;

  public TranslatingApiClient(OkHttpClient httpClient, String basePath, String userAgent, Clock clock) {
    super(httpClient);
    this.clock = clock;
    setBasePath(basePath);
    setUserAgent(userAgent);
    this.frozen = true;
  }

  @Override
  public ApiClient setBasePath(String basePath) {
    if (frozen) throw new UnsupportedOperationException("The base URL is set with AirbyteClient.Builder");
    return super.setBasePath(basePath);
  }

  @Override
  public ApiClient setHttpClient(OkHttpClient newHttpClient) {
    if (frozen) throw new UnsupportedOperationException("The HTTP client is set with AirbyteClient.Builder");
    return super.setHttpClient(newHttpClient);
  }

  @Override
  public ApiClient setDebugging(boolean debugging) {
    // The generated logging prints the Authorization header; the client's own logging redacts it.
    throw new UnsupportedOperationException("Use AirbyteClient.Builder.logLevel, which redacts credentials");
  }

  @Override
  public Call buildCall(String baseUrl, String path, String method, List<Pair> queryParams,
      List<Pair> collectionQueryParams, Object body, Map<String, String> headerParams,
      Map<String, String> cookieParams, Map<String, Object> formParams, String[] authNames, ApiCallback callback) {
    try {
      return super.buildCall(baseUrl, path, method, queryParams, collectionQueryParams, body, headerParams,
          cookieParams, formParams, authNames, callback);
    } catch (AirbyteException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AirbyteException(method + ' ' + path + ": the request could not be built: " + e.getMessage(), e);
    }
  }

  @Override
  public <T> ApiResponse<T> execute(Call call, Type returnType) {
    Request request = call.request();
    Response response;
    try {
      response = call.execute();
    } catch (IOException | RuntimeException e) {
      throw Failures.fromFailure(request, e);
    }
    try (response) {
      T data = handleResponse(response, returnType);
      return new ApiResponse<>(response.code(), response.headers().toMultimap(), data);
    }
  }

  @Override
  public <T> void executeAsync(Call call, Type returnType, ApiCallback<T> callback) {
    call.enqueue(new Callback() {
      @Override
      public void onFailure(Call failed, IOException e) {
        AirbyteException error = Failures.fromFailure(failed.request(), e);
        callback.onFailure(new TypedApiException(error, 0, null, null), 0, null);
      }

      @Override
      public void onResponse(Call done, Response response) {
        Map<String, List<String>> headers = response.headers().toMultimap();
        T result;
        try (response) {
          result = handleResponse(response, returnType);
        } catch (AirbyteException error) {
          String raw = error instanceof AirbyteHttpException ? ((AirbyteHttpException) error).getRawBody() : null;
          callback.onFailure(new TypedApiException(error, response.code(), headers, raw), response.code(), headers);
          return;
        }
        callback.onSuccess(result, response.code(), headers);
      }
    });
  }

  @Override
  public <T> T handleResponse(Response response, Type returnType) {
    if (!response.isSuccessful()) throw Failures.fromResponse(response, clock);
    if (returnType == null || response.code() == 204) {
      response.close();
      return null;
    }
    return deserialize(response, returnType);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T deserialize(Response response, Type returnType) {
    Request request = response.request();
    String method = request.method();
    String path = request.url().encodedPath();
    String contentType = response.header("Content-Type");
    try (ResponseBody body = response.body()) {
      if (returnType == String.class) return (T) body.string();
      // Parsed straight from the (usually already buffered) body: no byte[] and String copies of a whole page.
      // peek() leaves the bytes in place, so a body that fails to parse can still be quoted.
      BufferedSource source = body.source();
      int first = firstNonBlank(source.peek());
      if (first < 0) {
        throw new MalformedResponseException(method, path, response.code(), contentType, "the body is empty", null,
            null);
      }
      if (first == '<') {
        String raw = rawPrefix(source);
        ErrorBody page = ErrorBody.parse(response.code(), response.message(), raw);
        throw new MalformedResponseException(method, path, response.code(), contentType,
            "an HTML page" + (page.title() == null ? "" : " titled \"" + page.title() + "\"")
                + " instead of JSON; is the base URL the API's (for example http://HOST:8000/api/public/v1)?",
            raw, null);
      }
      T data;
      try (Reader reader = new InputStreamReader(source.peek().inputStream(), StandardCharsets.UTF_8)) {
        data = JSON.getGson().fromJson(reader, returnType);
      } catch (RuntimeException e) {
        IOException broken = transportFailure(e);
        if (broken != null) throw broken;
        throw malformed(response, returnType, e, rawPrefix(source));
      }
      if (data == null) {
        throw new MalformedResponseException(method, path, response.code(), contentType,
            "no " + typeName(returnType) + " in the body", rawPrefix(source), null);
      }
      return data;
    } catch (IOException e) {
      throw Failures.fromFailure(request, e); // the connection broke while the body was read
    }
  }

  private static MalformedResponseException malformed(Response response, Type returnType, RuntimeException e,
      String raw) {
    return new MalformedResponseException(response.request().method(), response.request().url().encodedPath(),
        response.code(), response.header("Content-Type"), "not a valid " + typeName(returnType) + ": " + reason(e),
        raw, e);
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

  /**
   * What the generated async callback receives: the typed exception as cause, and its message. The generated
   * {@link ApiException#getMessage()} would append the response headers, which may hold cookies.
   */
  private static final class TypedApiException extends ApiException {
    private static final long serialVersionUID = 1L;

    TypedApiException(AirbyteException cause, int code, Map<String, List<String>> headers, String body) {
      super(cause.getMessage(), cause, code, headers, body);
    }

    @Override
    public String getMessage() {
      return getCause().getMessage();
    }
  }

  private static String typeName(Type type) {
    return type instanceof Class ? ((Class<?>) type).getSimpleName() : type.getTypeName();
  }

  /**
   * The parser's complaint. Neither Gson nor the generated models quote the body in it (they name the JSON path and
   * the kinds of value expected and found), so it can go into a message; capped all the same.
   */
  private static String reason(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() <= 300 ? message : message.substring(0, 300) + "...";
  }
}
