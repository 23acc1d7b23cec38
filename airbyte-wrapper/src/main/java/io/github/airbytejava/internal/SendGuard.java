package io.github.airbytejava.internal;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Knows whether an attempt may have reached the server, and keeps OkHttp itself from sending a POST or PATCH
 * twice.
 *
 * <p>A network interceptor runs only once OkHttp holds a connection, just before it writes the request: if it
 * never ran, nothing was sent and a POST may be retried (a refused connection, a connect timeout, a failed DNS
 * look-up). Attempts are keyed by {@link Call}, which stays the same object through the whole chain, so an
 * interceptor that rebuilds the request (and drops its tags) cannot make an attempt look unsent.
 *
 * <p>OkHttp resends a request on its own after some connection failures, and after a 503 with
 * {@code Retry-After: 0}, unless the body is one-shot. {@link #oneShotBodies()} marks POST and PATCH bodies
 * one-shot; it is the last application interceptor, so the authentication interceptor still sees a body it may
 * replay after a 401 (the server refused that request, so replaying it cannot act twice).
 */
public final class SendGuard {
  private final Map<Call, AtomicBoolean> connected = new ConcurrentHashMap<>();

  /** Starts tracking an attempt of {@code call}; the flag turns true once the attempt has a connection. */
  AtomicBoolean begin(Call call) {
    AtomicBoolean flag = new AtomicBoolean();
    connected.put(call, flag);
    return flag;
  }

  void end(Call call) {
    connected.remove(call);
  }

  public Interceptor networkInterceptor() {
    return chain -> {
      AtomicBoolean flag = connected.get(chain.call());
      if (flag != null) flag.set(true);
      return chain.proceed(chain.request());
    };
  }

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
