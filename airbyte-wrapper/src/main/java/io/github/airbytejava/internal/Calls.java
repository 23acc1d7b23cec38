package io.github.airbytejava.internal;

import io.github.airbytejava.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * What the client knows of each API call in flight, keyed by its {@link Call} (the same object through the whole
 * chain, so an interceptor that rebuilds the request, dropping its tags, changes nothing): its deadline, whether
 * its current attempt reached a connection (and which), and which thread waits on its behalf.
 *
 * <p><b>Deadline.</b> The call's whole-call timeout, counted on the client's clock from the moment the retry
 * interceptor first sees it. Every wait (a backoff, a {@code Retry-After}, a token being fetched) ends by then.
 *
 * <p><b>Cancellation.</b> However a call is cancelled (its future, {@link Call#cancel()}, the dispatcher's
 * {@code cancelAll()}), OkHttp tells the call's event listeners, and the thread waiting for it is interrupted, so a
 * cancelled call stops waiting at once; the interrupt is taken back once the wait is over, so it never leaks.
 *
 * <p><b>Sent or not.</b> A network interceptor runs only once OkHttp holds a connection, just before it writes the
 * request: if it never ran during an attempt, nothing was sent and a POST may be retried (a refused connection, a
 * connect timeout, a failed DNS look-up). OkHttp also resends a request on its own after some connection failures,
 * and after a 503 with {@code Retry-After: 0}, unless the body is one-shot: {@link #oneShotBodies()} marks POST and
 * PATCH bodies one-shot. It is the last application interceptor, so the authentication interceptor still sees a
 * body it may replay after a 401 (the server refused that request, so replaying it cannot act twice).
 */
public final class Calls {
  private final Map<Call, State> states = new ConcurrentHashMap<>();
  private final Clock clock;
  private final EventListener wakeOnCancel = new EventListener() {
    @Override
    public void canceled(Call call) {
      wake(call);
    }
  };

  public Calls(Clock clock) {
    this.clock = clock;
  }

  /** One call in flight. */
  static final class State {
    /** Null when the call has no whole-call timeout. */
    final Instant deadline;
    volatile boolean connected;
    /** The socket of the current attempt's connection; null until it has one. */
    volatile Socket socket;
    /** Guarded by this. */
    private Thread waiter;
    private boolean cancelled;

    State(Instant deadline) {
      this.deadline = deadline;
    }
  }

  /** Starts tracking {@code call}; its deadline is its whole-call timeout from now. */
  State begin(Call call) {
    long timeout = call.timeout().timeoutNanos();
    State state = new State(timeout > 0 ? clock.instant().plusNanos(timeout) : null);
    states.put(call, state);
    call.addEventListener(wakeOnCancel);
    return state;
  }

  void end(Call call) {
    states.remove(call);
  }

  /** What is left of {@code call}'s deadline (zero once passed), or null when it has none or is not tracked. */
  public Duration remaining(Call call) {
    State state = states.get(call);
    if (state == null || state.deadline == null) return null;
    Duration left = Duration.between(clock.instant(), state.deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Called back when {@code call} is cancelled: wakes the thread that waits for it, if any. */
  private void wake(Call call) {
    State state = states.get(call);
    if (state == null) return;
    synchronized (state) {
      state.cancelled = true;
      if (state.waiter != null) state.waiter.interrupt();
    }
  }

  /** Waits {@code delay} with {@code sleeper}; ends early, with an {@link IOException}, if the call is cancelled. */
  void sleep(Call call, Sleeper sleeper, Duration delay) throws IOException {
    waitFor(call, () -> {
      sleeper.sleep(delay);
      return null;
    });
  }

  /**
   * The result of {@code future}, waiting at most until {@code call}'s deadline (then an
   * {@link InterruptedIOException} "timeout", as OkHttp's own) and no longer than the call is not cancelled.
   *
   * @throws ExecutionException with what the future failed with
   */
  public <T> T await(Call call, CompletableFuture<T> future) throws IOException, ExecutionException {
    try {
      return waitFor(call, () -> {
        Duration left = remaining(call);
        if (left == null) return future.get();
        try {
          return future.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          throw new WaitFailed(new InterruptedIOException("timeout"));
        }
      });
    } catch (WaitFailed e) {
      if (e.getCause() instanceof ExecutionException failure) throw failure;
      throw (IOException) e.getCause();
    }
  }

  @FunctionalInterface
  private interface Wait<T> {
    T run() throws InterruptedException, ExecutionException;
  }

  /** Carries a checked failure of a wait through {@link #waitFor}. */
  private static final class WaitFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitFailed(Exception cause) {
      super(cause);
    }
  }

  private <T> T waitFor(Call call, Wait<T> wait) throws IOException {
    State state = states.get(call);
    if (call.isCanceled()) throw new IOException("Canceled");
    if (state != null) {
      synchronized (state) {
        if (state.cancelled) throw new IOException("Canceled");
        state.waiter = Thread.currentThread();
      }
    }
    try {
      return wait.run();
    } catch (InterruptedException e) {
      if (call.isCanceled()) throw new IOException("Canceled");
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting");
      interrupted.initCause(e);
      throw interrupted;
    } catch (ExecutionException e) {
      throw new WaitFailed(e);
    } finally {
      if (state != null) {
        boolean ours;
        synchronized (state) {
          state.waiter = null;
          ours = state.cancelled;
        }
        if (ours) Thread.interrupted(); // a cancel's interrupt that came as the wait ended: not the caller's
      }
    }
  }

  /** Marks the current attempt of each call as having a connection; add as a network interceptor. */
  public Interceptor networkInterceptor() {
    return chain -> {
      State state = states.get(chain.call());
      if (state != null) {
        state.connected = true;
        state.socket = chain.connection().socket();
      }
      return chain.proceed(chain.request());
    };
  }

  /** Makes POST and PATCH bodies one-shot; add as the last application interceptor. */
  public Interceptor oneShotBodies() {
    return chain -> {
      Request request = chain.request();
      String method = request.method();
      RequestBody body = request.body();
      if (body == null || body.isOneShot() || !("POST".equals(method) || "PATCH".equals(method))) {
        return chain.proceed(request);
      }
      return chain.proceed(request.newBuilder().method(method, new OneShot(body)).build());
    };
  }

  private static final class OneShot extends RequestBody {
    private final RequestBody delegate;

    OneShot(RequestBody delegate) {
      this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      delegate.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
