package io.github.airbytejava.internal;

import io.github.airbytejava.AirbyteException;
import io.github.airbytejava.AirbyteHttpException;
import io.github.airbytejava.AirbyteTransportException;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.BadRequestException;
import io.github.airbytejava.ConflictException;
import io.github.airbytejava.NotFoundException;
import io.github.airbytejava.PermissionDeniedException;
import io.github.airbytejava.RateLimitException;
import io.github.airbytejava.ServerException;
import io.github.airbytejava.UnprocessableEntityException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** Turns failed calls into the typed exceptions. Messages carry the method and the URL path, never the query. */
public final class Failures {
  private Failures() {}

  /**
   * The exception for a non-2xx {@code response}; reads (a bounded part of) its body and closes it. The raw body it
   * keeps, and the title and detail read from it, are masked as a logged body is: an error may quote the request.
   */
  public static AirbyteHttpException fromResponse(Response response, Clock clock, BodyMasker masker) {
    Request request = response.request();
    String method = request.method();
    String path = request.url().encodedPath();
    int status = response.code();
    String raw = masker.mask(readCapped(response), request.url());
    ErrorBody body = ErrorBody.parse(status, response.message(), raw);
    String title = Redactor.redact(body.title());
    String detail = Redactor.redact(body.detail());
    String type = Redactor.redact(body.problemType());
    switch (status) {
      case 400: return new BadRequestException(method, path, status, title, detail, type, raw, null);
      case 401: return new AuthenticationException(method, path, status, title, detail, type, raw, null, null);
      case 403: return new PermissionDeniedException(method, path, status, title, detail, type, raw, null);
      case 404: return new NotFoundException(method, path, status, title, detail, type, raw, null);
      case 409: return new ConflictException(method, path, status, title, detail, type, raw, null);
      case 422: return new UnprocessableEntityException(method, path, status, title, detail, type, raw, null);
      case 429:
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock);
        return new RateLimitException(method, path, status, title, detail, type, raw, retryAfter, null);
      default:
        if (status >= 500 && status <= 599) {
          return new ServerException(method, path, status, title, detail, type, raw, null);
        }
        return new AirbyteHttpException(method, path, status, title, detail, type, raw, null);
    }
  }

  /**
   * An interceptor, the first of the client's, that carries the client's own exceptions out of the chain inside an
   * {@link IOException}: OkHttp hands an IOException to an asynchronous call's callback, but rethrows any other
   * exception on its dispatcher thread, which prints it as uncaught. {@link #fromFailure} takes it out again, so a
   * synchronous caller gets the very same exception.
   */
  public static Interceptor carryingOwnExceptions() {
    return chain -> {
      try {
        return chain.proceed(chain.request());
      } catch (AirbyteException own) {
        throw new Carried(own);
      }
    };
  }

  private static final class Carried extends IOException {
    private static final long serialVersionUID = 1L;

    Carried(AirbyteException own) {
      super(own.getMessage(), own);
    }
  }

  /**
   * The exception for a call that produced no usable response. An {@link AirbyteException} raised inside the
   * chain (by the token exchange, say) is returned as it is, also when OkHttp's asynchronous path wrapped it.
   */
  public static AirbyteException fromFailure(Request request, Throwable failure) {
    AirbyteException own = findOwn(failure);
    if (own != null) return own;
    String method = request.method();
    String path = request.url().encodedPath();
    if (failure instanceof IOException) return new AirbyteTransportException(method, path, failure);
    return new AirbyteException(method + ' ' + path + " failed: " + failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), failure);
  }

  /**
   * {@code failure} for an exception's cause, its message masked: what a parser throws quotes the document it could
   * not read. The copy keeps the type's name (in its message) and the stack trace, and so do its causes.
   */
  static RuntimeException scrubbed(Throwable failure) {
    return failure == null ? null : new ScrubbedFailure(failure, 0);
  }

  /** A masked copy of another throwable; see {@link #scrubbed(Throwable)}. */
  private static final class ScrubbedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ScrubbedFailure(Throwable original, int depth) {
      super(original.getClass().getName() + (original.getMessage() == null ? ""
          : ": " + withoutQuotedJson(original.getMessage())),
          original.getCause() == null || depth > 8 ? null : new ScrubbedFailure(original.getCause(), depth + 1));
      setStackTrace(original.getStackTrace());
    }
  }

  /**
   * A parser's complaint without the JSON the generated models and Gson quote after "but got" or "in the JSON
   * string" (it could be a large document holding secrets), cut to 300 characters and masked.
   */
  static String withoutQuotedJson(String message) {
    for (String marker : new String[] {" but got `", " in the JSON string"}) {
      int at = message.indexOf(marker);
      if (at >= 0) message = message.substring(0, at);
    }
    return Redactor.redact(Redactor.truncate(message, 300));
  }

  private static AirbyteException findOwn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AirbyteException) return (AirbyteException) t;
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof AirbyteException) return (AirbyteException) suppressed;
      }
    }
    return null;
  }

  /** Up to {@link ErrorBody#RAW_BODY_LIMIT} characters of the body, or null; never throws. */
  static String readCapped(Response response) {
    try (ResponseBody body = response.body()) {
      if (body == null) return null;
      okio.BufferedSource source = body.source();
      source.request(ErrorBody.RAW_BODY_LIMIT);
      long available = Math.min(source.getBuffer().size(), ErrorBody.RAW_BODY_LIMIT);
      java.nio.charset.Charset charset = body.contentType() == null ? null : body.contentType().charset();
      String text = source.getBuffer().readString(available,
          charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset);
      return text.isEmpty() ? null : text;
    } catch (IOException | RuntimeException e) {
      return null; // the body broke off: the status alone still says what happened
    }
  }
}
