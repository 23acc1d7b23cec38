package io.github.airbytejava.internal.auth;

import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * OkHttp's {@link HttpLoggingInterceptor} with secrets masked as {@code ██}: the {@code Authorization},
 * {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} headers, and in every logged line (URLs, headers
 * and bodies) the values of secret-looking JSON and form keys ({@code client_secret}, {@code access_token},
 * {@code password}, anything ending in secret, password or token), {@code Basic}/{@code Bearer} credentials and JWTs.
 * OkHttp's own interceptor masks only the headers it is told to and would log a token request's
 * {@code client_secret} and a token response's {@code access_token} at {@code BODY} level.
 */
public final class HttpLogging {

  /** How much to log, as in {@link HttpLoggingInterceptor.Level}. */
  public enum Level {
    /** Nothing. */
    NONE,
    /** Request and response lines. */
    BASIC,
    /** Lines and headers. */
    HEADERS,
    /** Lines, headers and bodies. */
    BODY
  }

  private static final String[] SECRET_QUERY_PARAMETERS = {
    "client_secret", "access_token", "refresh_token", "token", "password", "api_key", "apiKey", "secret"
  };

  private HttpLogging() {}

  /** An interceptor that logs at {@code level}, one line (or one whole body) per {@code sink} call. */
  public static Interceptor create(Level level, Consumer<String> sink) {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(sink, "sink");
    HttpLoggingInterceptor interceptor = new HttpLoggingInterceptor(message -> sink.accept(Redactor.redact(message)));
    interceptor.setLevel(HttpLoggingInterceptor.Level.valueOf(level.name()));
    interceptor.redactHeader("Authorization");
    interceptor.redactHeader("Proxy-Authorization");
    interceptor.redactHeader("Cookie");
    interceptor.redactHeader("Set-Cookie");
    interceptor.redactQueryParams(SECRET_QUERY_PARAMETERS);
    return interceptor;
  }
}
