package io.github.airbytejava.spring;

import io.github.airbytejava.AirbyteClient;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code airbyte.*} properties the auto-configured {@link AirbyteClient} is built from. Every property is
 * optional; an unset one keeps the client builder's default. Checked when the client bean is created: a bad value
 * stops the application with a message naming the property (never a secret's value).
 */
@ConfigurationProperties("airbyte")
public class AirbyteProperties {

  /** The API base URL, used as given. Unset: Airbyte Cloud, https://api.airbyte.com/v1. */
  private String baseUrl;

  /**
   * A self-managed Airbyte, by the URL its web app is served at: http://host:8000 means the API at
   * http://host:8000/api/public/v1. Instead of airbyte.base-url.
   */
  private String selfManagedHost;

  /** The application's client id (client credentials); needs airbyte.client-secret. */
  private String clientId;

  /** The application's client secret (client credentials); never logged or shown. */
  private String clientSecret;

  /** A fixed bearer token, instead of a client id and secret; never logged or shown. */
  private String accessToken;

  /** The limit on opening a connection. Unset: 10 s. */
  private Duration connectTimeout;

  /** The limit on waiting for the next bytes of a response; 0 means none. Unset: 3 min. */
  private Duration readTimeout;

  /** The limit on sending the next bytes of a request; 0 means none. Unset: 30 s. */
  private Duration writeTimeout;

  /** The limit on a whole call, retries included; 0 means none. Unset: none. */
  private Duration callTimeout;

  /** The User-Agent header. Unset: airbyte-java-client/VERSION. */
  private String userAgent;

  /** How much of each exchange to log (logger io.github.airbytejava.http, DEBUG); secrets are always masked. */
  private AirbyteClient.LogLevel logLevel = AirbyteClient.LogLevel.NONE;

  private final Retries retries = new Retries();

  private final Health health = new Health();

  private final Metrics metrics = new Metrics();

  private final Fake fake = new Fake();

  private final InternalConfigApi internalConfigApi = new InternalConfigApi();

  /** When and how long the client retries (GET, PUT and DELETE on 429, 502-504 and I/O failures). */
  public static class Retries {
    /** Whether to retry at all. */
    private boolean enabled = true;

    /** Attempts in total, the first included. Unset: 4. */
    private Integer maxAttempts;

    /** The upper bound of the first backoff wait; it doubles with each retry. Unset: 500 ms. */
    private Duration initialDelay;

    /** The longest single wait, and the longest Retry-After obeyed. Unset: 60 s. */
    private Duration maxDelay;

    /** No retry starts later than this after the first attempt. Unset: 2 min. */
    private Duration maxElapsed;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Integer getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialDelay() {
      return initialDelay;
    }

    public void setInitialDelay(Duration initialDelay) {
      this.initialDelay = initialDelay;
    }

    public Duration getMaxDelay() {
      return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    public Duration getMaxElapsed() {
      return maxElapsed;
    }

    public void setMaxElapsed(Duration maxElapsed) {
      this.maxElapsed = maxElapsed;
    }
  }

  /**
   * Airbyte's internal, unversioned Config API, for why a sync failed (attempts, failure reasons, logs); off unless
   * turned on. It gets the client's credentials.
   */
  public static class InternalConfigApi {
    /** Whether to use it, at the root derived from the base URL (self-managed .../api/v1, or Airbyte Cloud's). */
    private boolean enabled;

    /** Its root, such as http://airbyte.internal:8000/api/v1, when it cannot be derived; setting it turns it on. */
    private String url;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }
  }

  /** The Actuator health indicator "airbyte" (GET /health of the Airbyte API), when Actuator is present. */
  public static class Health {
    /** Whether to contribute the indicator. */
    private boolean enabled = true;

    /** The limit on one health request (no retries). */
    private Duration timeout = Duration.ofSeconds(5);

    /** How long a result is reused, so that frequent health probes do not each call Airbyte. */
    private Duration cacheTtl = Duration.ofSeconds(30);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }

    public Duration getCacheTtl() {
      return cacheTtl;
    }

    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }
  }

  /** Micrometer meters for the client's calls, when a MeterRegistry bean is present. */
  public static class Metrics {
    /** Whether to record airbyte.client.* meters. */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The fake Airbyte of airbyte-testkit, for tests. */
  public static class Fake {
    /**
     * Whether to start the fake Airbyte (airbyte-testkit must be on the class path) and point the client at it,
     * with its credentials. For tests only.
     */
    private boolean enabled;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getSelfManagedHost() {
    return selfManagedHost;
  }

  public void setSelfManagedHost(String selfManagedHost) {
    this.selfManagedHost = selfManagedHost;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public String getAccessToken() {
    return accessToken;
  }

  public void setAccessToken(String accessToken) {
    this.accessToken = accessToken;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public Duration getWriteTimeout() {
    return writeTimeout;
  }

  public void setWriteTimeout(Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  public Duration getCallTimeout() {
    return callTimeout;
  }

  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  public String getUserAgent() {
    return userAgent;
  }

  public void setUserAgent(String userAgent) {
    this.userAgent = userAgent;
  }

  public AirbyteClient.LogLevel getLogLevel() {
    return logLevel;
  }

  public void setLogLevel(AirbyteClient.LogLevel logLevel) {
    this.logLevel = logLevel;
  }

  public Retries getRetries() {
    return retries;
  }

  public InternalConfigApi getInternalConfigApi() {
    return internalConfigApi;
  }

  public Health getHealth() {
    return health;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  public Fake getFake() {
    return fake;
  }

  /** Names the properties that are set, never their values: secrets must not reach a log through this. */
  @Override
  public String toString() {
    // A URL may carry a user and password too, so even it is only said to be set.
    return "AirbyteProperties{baseUrl=" + set(baseUrl) + ", selfManagedHost=" + set(selfManagedHost) + ", clientId="
        + set(clientId) + ", clientSecret=" + set(clientSecret) + ", accessToken=" + set(accessToken)
        + ", logLevel=" + logLevel + '}';
  }

  private static String set(String value) {
    return value == null ? "unset" : "set";
  }
}
