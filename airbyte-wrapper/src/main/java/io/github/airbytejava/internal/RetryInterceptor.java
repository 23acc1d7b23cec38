package io.github.airbytejava.internal;

import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.RequestOptions;
import io.github.airbytejava.RetryPolicy;
import io.github.airbytejava.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries calls by the rules of {@link RetryPolicy}: the client's, or the one of a scoped client's
 * {@link RequestOptions} (tagged on the request), which also sets the read timeout. An application interceptor
 * placed outside the authentication interceptor, so every attempt gets a current token, and inside the user's own
 * interceptors.
 *
 * <p>Whether a POST or PATCH may be sent again is decided with {@link Calls}: once an attempt had a connection, the
 * request may have reached the server. No wait goes past the call's deadline, and a cancelled call stops waiting.
 */
public final class RetryInterceptor implements Interceptor {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
  private static final Set<Integer> RETRIABLE_STATUS = Set.of(429, 502, 503, 504);
  private static final Logger LOG = LoggerFactory.getLogger("io.github.airbytejava.retry");

  private final RetryPolicy defaultPolicy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final Calls calls;
  private final AirbyteListener listener;

  public RetryInterceptor(RetryPolicy policy, Calls calls, Clock clock, Sleeper sleeper, DoubleSupplier jitter,
      AirbyteListener listener) {
    this.defaultPolicy = policy;
    this.calls = calls;
    this.listener = listener;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = jitter;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Call call = chain.call();
    RequestOptions options = request.tag(RequestOptions.class);
    RetryPolicy policy = options == null || options.retries() == null ? defaultPolicy : options.retries();
    if (options != null && options.readTimeout() != null) {
      chain = chain.withReadTimeout((int) options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    boolean idempotent = IDEMPOTENT.contains(request.method());
    Instant start = clock.instant();
    Calls.State state = calls.begin(call);
    try {
      for (int attempt = 1; ; attempt++) {
        state.connected = false;
        state.socket = null;
        Response response;
        try {
          response = chain.proceed(request);
          if (request.method().equals("GET")) {
            // Read the whole body here, so that a connection broken or stalled mid-body is one more failed
            // attempt of a read, not an error after the retries are over. (A PUT or DELETE has acted once its
            // status came back; what is left of its body is the caller's business.)
            readFully(response, state);
          }
        } catch (IOException e) {
          // A POST whose connection was open may have been received: sending it again could act twice.
          boolean mayRetry = (idempotent || !state.connected) && isTransient(e) && !call.isCanceled();
          Duration delay = backoff(policy, attempt);
          if (!mayRetry || !withinBudget(policy, attempt, start, delay, state)) throw e;
          retrying(request, attempt, 0, e, delay);
          calls.sleep(call, sleeper, delay);
          continue;
        }
        if (!idempotent || !RETRIABLE_STATUS.contains(response.code())) return response;
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
        // A server that asks for a longer pause than the policy allows, or than the call has left, is answered
        // by the caller, who sees getRetryAfter().
        if (retryAfter != null && retryAfter.compareTo(policy.maxDelay()) > 0) return response;
        Duration delay = retryAfter != null ? retryAfter : backoff(policy, attempt);
        if (!withinBudget(policy, attempt, start, delay, state)) return response;
        response.close();
        retrying(request, attempt, response.code(), null, delay);
        calls.sleep(call, sleeper, delay);
      }
    } finally {
      calls.end(call);
    }
  }

  private void retrying(Request request, int attempt, int status, IOException failure, Duration delay) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: attempt {} {}; retrying in {} ms", request.method(), request.url().encodedPath(), attempt,
          status == 0 ? "failed: " + failure.getClass().getSimpleName() : "answered " + status, delay.toMillis());
    }
    Listeners.tell(listener, l -> l.onRetry(new AirbyteListener.Retry(request.method(), request.url().encodedPath(),
        attempt, status, failure, delay)));
  }

  private static void readFully(Response response, Calls.State state) throws IOException {
    try {
      response.body().source().request(Long.MAX_VALUE);
    } catch (IOException e) {
      // Closing an HTTP/1 body that stalled makes OkHttp drain it first, for up to one more read timeout: the
      // connection cannot be reused anyway, so close its socket and let the close fail fast.
      Socket socket = state.socket;
      Protocol protocol = response.protocol();
      if (socket != null && (protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0)) closeQuietly(socket);
      response.close();
      throw e;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Already broken: the point was only to stop the drain.
    }
  }

  /** Whether another attempt may start after {@code delay}: attempts, elapsed time and the call's deadline allow it. */
  private boolean withinBudget(RetryPolicy policy, int attempt, Instant start, Duration delay, Calls.State state) {
    if (attempt >= policy.maxAttempts()) return false;
    Instant nextStart = clock.instant().plus(delay);
    if (state.deadline != null && !nextStart.isBefore(state.deadline)) return false;
    return !nextStart.isAfter(start.plus(policy.maxElapsed()));
  }

  /** Full jitter: uniform in [0, min(maxDelay, initialDelay * 2^(attempt-1))]. */
  private Duration backoff(RetryPolicy policy, int attempt) {
    long ceiling = policy.initialDelay().toMillis();
    for (int i = 1; i < attempt && ceiling < policy.maxDelay().toMillis(); i++) ceiling *= 2;
    ceiling = Math.min(ceiling, policy.maxDelay().toMillis());
    return Duration.ofMillis((long) (ceiling * Math.min(1.0, Math.max(0.0, jitter.getAsDouble()))));
  }

  /** Whether another attempt may cure the failure; a certificate the client does not trust stays untrusted. */
  private static boolean isTransient(IOException e) {
    // A bare InterruptedIOException is a thread interrupt or the whole-call timeout, not a slow server.
    if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) return false;
    if (e instanceof SSLPeerUnverifiedException) return false;
    if (e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException) return false;
    return true;
  }
}
