package io.github.airbytejava.generated.invoker;

import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Sends what the generated APIs build. The generated classes only turn an operation's parameters into an OkHttp
 * {@link Request}; authentication, retries, timeouts, logging and turning failures into exceptions are the
 * transport's. airbyte-wrapper's {@code AirbyteClient} is the transport users get: through it every failure is an
 * unchecked {@code io.github.airbytejava.AirbyteException}.
 *
 * <p>Implementations are thread-safe: one transport serves every API object made over it.
 */
public interface ApiTransport {

  /** The API base URL, such as {@code https://api.airbyte.com/v1}; an operation's path is appended to it. */
  HttpUrl baseUrl();

  /**
   * Sends {@code request} and returns its parsed body.
   *
   * @param responseType what the 2xx body is parsed into; null when the operation returns nothing
   * @return the parsed body, null when {@code responseType} is null
   */
  <T> T execute(ApiOperation operation, Request request, Type responseType);

  /** As {@link #execute}, also returning the status, the headers and the body as received. */
  <T> ApiResponse<T> executeRaw(ApiOperation operation, Request request, Type responseType);

  /**
   * As {@link #execute}, without blocking: the future completes with the parsed body or with what {@link #execute}
   * would have thrown. Cancelling the future cancels the HTTP call.
   */
  <T> CompletableFuture<T> executeAsync(ApiOperation operation, Request request, Type responseType);
}
