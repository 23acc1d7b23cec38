package io.github.airbytejava.internal;

import io.github.airbytejava.AirbyteClient.LogLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each HTTP exchange to the SLF4J logger {@value #LOGGER} at DEBUG: one event for the request, one for the
 * response (or the failure), as much as the {@link LogLevel} asks for. Secrets are masked at every level: the
 * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} headers and any header
 * or query parameter with a secret-looking name; bodies through {@link BodyMasker}.
 *
 * <p>Placed inside the authentication interceptor, so that each attempt is logged with the header it really sends.
 * Costs one {@code isDebugEnabled()} per call while DEBUG is off.
 */
public final class HttpLogger implements Interceptor {
  public static final String LOGGER = "io.github.airbytejava.http";
  /** Bodies longer than this are logged cut short. */
  private static final int MAX_LOGGED_BODY = 64 * 1024;
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private final Logger log;
  private final LogLevel level;
  private final BodyMasker masker;

  public HttpLogger(LogLevel level, BodyMasker masker) {
    this(LoggerFactory.getLogger(LOGGER), level, masker);
  }

  HttpLogger(Logger log, LogLevel level, BodyMasker masker) {
    this.log = log;
    this.level = level;
    this.masker = masker;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == LogLevel.NONE || !log.isDebugEnabled()) return chain.proceed(request);
    boolean headers = level != LogLevel.BASIC;
    boolean bodies = level == LogLevel.BODY;

    StringBuilder out = new StringBuilder("--> ").append(request.method()).append(' ').append(url(request.url()));
    RequestBody body = request.body();
    if (headers) appendHeaders(out, request.headers());
    if (bodies && body != null) appendBody(out, requestText(body), request.url());
    if (body != null) out.append(headers ? "\n--> END " + request.method() : "").append(" (").append(length(body))
        .append(')');
    log.debug(out.toString());

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      log.debug("<-- HTTP FAILED: {} {}: {}", request.method(), url(request.url()),
          Redactor.redact(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    out = new StringBuilder("<-- ").append(response.code())
        .append(response.message().isEmpty() ? "" : " " + response.message()).append(' ')
        .append(url(response.request().url())).append(" (").append(millis).append(" ms)");
    if (headers) appendHeaders(out, response.headers());
    if (bodies) {
      ResponseBody peeked = response.peekBody(MAX_LOGGED_BODY);
      String text = peeked.string();
      if (!text.isEmpty()) appendBody(out, text, request.url());
      if (headers) out.append("\n<-- END HTTP (").append(text.length()).append("-char body)");
    }
    log.debug(out.toString());
    return response;
  }

  private void appendBody(StringBuilder out, String text, HttpUrl url) {
    out.append('\n').append(text == null ? "(body not logged: binary, one-shot or too long)" : masker.mask(text, url));
  }

  private static void appendHeaders(StringBuilder out, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean secret = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || Redactor.isSecretKey(name);
      out.append('\n').append(name).append(": ").append(secret ? Redactor.MASK : Redactor.redact(headers.value(i)));
    }
  }

  /** The request body as text, or null when it is not text, can be sent only once, or is too long to log. */
  private static String requestText(RequestBody body) throws IOException {
    MediaType type = body.contentType();
    boolean text = type == null || type.type().equals("text") || type.subtype().contains("json")
        || type.subtype().contains("form") || type.subtype().contains("xml");
    if (!text || body.isOneShot() || body.isDuplex() || body.contentLength() > MAX_LOGGED_BODY) return null;
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readString(type != null && type.charset() != null ? type.charset() : StandardCharsets.UTF_8);
  }

  private static String length(RequestBody body) throws IOException {
    long length = body.contentLength();
    return length < 0 ? "unknown-length body" : length + "-byte body";
  }

  /**
   * Whether a query parameter's value is secret: a secret-looking name, or {@code code}, the authorization code an
   * OAuth provider passes through the callback (masked only in URLs: a {@code code} field of a body is an error code).
   */
  private static boolean isSecretQuery(String name) {
    return Redactor.isSecretKey(name) || name.equals("code");
  }

  /** The URL with the values of secret-looking query parameters and any password masked. */
  static String url(HttpUrl url) {
    HttpUrl.Builder shown = url.newBuilder().password("").query(null);
    StringBuilder text = new StringBuilder(shown.build().toString());
    if (!url.password().isEmpty() && text.indexOf("@") > 0) text.insert(text.indexOf("@"), ":" + Redactor.MASK);
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      text.append(i == 0 ? '?' : '&').append(name);
      if (value != null) text.append('=').append(isSecretQuery(name) ? Redactor.MASK : value);
    }
    return text.toString();
  }
}
