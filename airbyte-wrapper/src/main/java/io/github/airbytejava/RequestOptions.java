package io.github.airbytejava;

import io.github.airbytejava.internal.Durations;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import okhttp3.Headers;

/**
 * What changes for the calls of a scoped client ({@link AirbyteClient#withOptions(RequestOptions)}): a deadline,
 * a read timeout, a retry policy, extra headers. Each option left unset keeps the client's own. Immutable.
 *
 * <pre>{@code
 * RequestOptions slow = RequestOptions.builder().timeout(Duration.ofMinutes(5)).retries(RetryPolicy.none()).build();
 * JobResponse job = client.withOptions(slow).jobs().createJob(request).execute();
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final Duration timeout;
  private final Duration readTimeout;
  private final RetryPolicy retries;
  /** Lower-cased name to value; insertion order kept for the wire. */
  private final Map<String, Header> headers;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.readTimeout = builder.readTimeout;
    this.retries = builder.retries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
  }

  /** Options that change nothing. */
  public static RequestOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The deadline of a whole call, retries and their waits included; null when the client's applies. */
  public Duration timeout() {
    return timeout;
  }

  /** The limit on waiting for the next bytes of a response; null when the client's applies. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The retry policy; null when the client's applies. */
  public RetryPolicy retries() {
    return retries;
  }

  /** The extra headers, name to value. */
  public Map<String, String> headers() {
    Map<String, String> byName = new LinkedHashMap<>();
    headers.values().forEach(header -> byName.put(header.name, header.value));
    return byName;
  }

  /** Whether these options change nothing. */
  public boolean isEmpty() {
    return timeout == null && readTimeout == null && retries == null && headers.isEmpty();
  }

  /** These options, with each one {@code overrides} sets replacing this one's (headers by name). */
  public RequestOptions with(RequestOptions overrides) {
    Objects.requireNonNull(overrides, "overrides");
    if (overrides.isEmpty()) return this;
    if (isEmpty()) return overrides;
    Builder merged = toBuilder();
    if (overrides.timeout != null) merged.timeout = overrides.timeout;
    if (overrides.readTimeout != null) merged.readTimeout = overrides.readTimeout;
    if (overrides.retries != null) merged.retries = overrides.retries;
    merged.headers.putAll(overrides.headers);
    return merged.build();
  }

  /** Header values are left out: one may be a credential. */
  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", readTimeout=" + readTimeout + ", retries=" + retries
        + ", headers=" + headers().keySet() + '}';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestOptions other && Objects.equals(timeout, other.timeout)
        && Objects.equals(readTimeout, other.readTimeout) && Objects.equals(retries, other.retries)
        && headers.equals(other.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, readTimeout, retries, headers);
  }

  private record Header(String name, String value) {}

  /** Builds {@link RequestOptions}; every option is unset until set, and an unset one keeps the client's. */
  public static final class Builder {
    private Duration timeout;
    private Duration readTimeout;
    private RetryPolicy retries;
    private final Map<String, Header> headers = new LinkedHashMap<>();

    private Builder() {}

    private Builder(RequestOptions options) {
      this.timeout = options.timeout;
      this.readTimeout = options.readTimeout;
      this.retries = options.retries;
      this.headers.putAll(options.headers);
    }

    /**
     * The deadline of a whole call, from the first attempt to the last response byte, retries, their waits and the
     * wait for an access token included; zero means none. A {@code Retry-After} longer than what is left fails at
     * once with {@link RateLimitException}. Replaces {@link AirbyteClient.Builder#callTimeout(Duration)}.
     *
     * @throws IllegalArgumentException if negative, under a millisecond, or over {@link Integer#MAX_VALUE} ms
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Durations.timeout("timeout", timeout);
      return this;
    }

    /**
     * The limit on waiting for the next bytes of a response, for an operation known to answer slowly; zero means
     * none. Replaces {@link AirbyteClient.Builder#readTimeout(Duration)}.
     *
     * @throws IllegalArgumentException if negative, under a millisecond, or over {@link Integer#MAX_VALUE} ms
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Durations.timeout("readTimeout", readTimeout);
      return this;
    }

    /** When to retry; replaces {@link AirbyteClient.Builder#retries(RetryPolicy)}. */
    public Builder retries(RetryPolicy retries) {
      this.retries = Objects.requireNonNull(retries, "retries");
      return this;
    }

    /**
     * A header to send with every call, replacing one of the same name (the name is case-insensitive).
     *
     * @throws IllegalArgumentException if the name or value is not valid in an HTTP header
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      new Headers.Builder().add(name, ""); // checks the name's characters, before anything is sent
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c != '\t' && (c < 0x20 || c > 0x7e)) {
          // Not OkHttp's own check: its message quotes the value unless it knows the name as secret, and any
          // header here may carry a key.
          throw new IllegalArgumentException("header " + name + ": the value holds a character no HTTP header may,"
              + " at index " + i + (c == '\n' || c == '\r' ? " (a line break)" : ""));
        }
      }
      headers.put(name.toLowerCase(Locale.ROOT), new Header(name, value));
      return this;
    }

    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
