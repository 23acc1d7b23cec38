package io.github.airbytejava;

import io.github.airbytejava.generated.api.ApplicationsApi;
import io.github.airbytejava.generated.api.ConnectionsApi;
import io.github.airbytejava.generated.api.ConnectorDefinitionsApi;
import io.github.airbytejava.generated.api.DataplanesApi;
import io.github.airbytejava.generated.api.DeclarativeSourceDefinitionsApi;
import io.github.airbytejava.generated.api.DestinationDefinitionsApi;
import io.github.airbytejava.generated.api.DestinationsApi;
import io.github.airbytejava.generated.api.EmbeddedApi;
import io.github.airbytejava.generated.api.GroupsApi;
import io.github.airbytejava.generated.api.HealthApi;
import io.github.airbytejava.generated.api.JobsApi;
import io.github.airbytejava.generated.api.OAuthApi;
import io.github.airbytejava.generated.api.OrganizationsApi;
import io.github.airbytejava.generated.api.PermissionsApi;
import io.github.airbytejava.generated.api.RegionsApi;
import io.github.airbytejava.generated.api.RootApi;
import io.github.airbytejava.generated.api.SourceDefinitionsApi;
import io.github.airbytejava.generated.api.SourcesApi;
import io.github.airbytejava.generated.api.StreamsApi;
import io.github.airbytejava.generated.api.TagsApi;
import io.github.airbytejava.generated.api.UsersApi;
import io.github.airbytejava.generated.api.WorkspacesApi;
import io.github.airbytejava.configapi.InternalConfigApi;
import io.github.airbytejava.internal.BodyMasker;
import io.github.airbytejava.internal.ConfigApiClient;
import io.github.airbytejava.internal.Durations;
import io.github.airbytejava.internal.Failures;
import io.github.airbytejava.internal.HttpLogger;
import io.github.airbytejava.internal.HttpTransport;
import io.github.airbytejava.internal.RetryInterceptor;
import io.github.airbytejava.internal.Calls;
import io.github.airbytejava.internal.Version;
import io.github.airbytejava.internal.auth.AuthInterceptor;
import io.github.airbytejava.webhook.Webhooks;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The Airbyte API client: every generated API, plus retries, typed errors, pagination and sync-and-wait.
 *
 * <pre>{@code
 * try (AirbyteClient client = AirbyteClient.builder()
 *     .credentials(Credentials.clientCredentials(clientId, clientSecret))
 *     .build()) {
 *   SourceResponse source = client.sources().getSource(sourceId).execute();
 *   List<JobResponse> running = client.jobs().listJobs().connectionId(connectionId)
 *       .status(JobStatusEnum.RUNNING).orderBy(JobOrderByEnum.CREATED_AT_DESC).execute().getData();
 *   client.paginate().connections().forEach(c -> System.out.println(c.getName()));
 *   SyncOutcome outcome = client.syncs().run(connectionId);
 * }
 * }</pre>
 *
 * <p>Each operation is a method of its API that takes the required parameters and returns a request object: set
 * the optional parameters on it, then {@code execute()} it ({@code executeRaw()} also returns the status, headers
 * and raw body; {@code executeAsync()} returns a {@link java.util.concurrent.CompletableFuture}).
 *
 * <p>Thread-safe, and meant to be shared: all APIs use one OkHttp client, one connection pool and one token
 * cache, and so do the scoped clients {@link #withOptions} derives for other timeouts, retries or headers. Nothing
 * is set up until the first API is used. Calls throw only unchecked {@link AirbyteException}s:
 * {@link AirbyteHttpException} and its subclasses for a non-2xx status, {@link AirbyteTransportException} when
 * there was no response, {@link MalformedResponseException} when a 2xx body does not parse. A request given a bad
 * argument (null for a required parameter, a blank id, {@code limit} over 100) throws
 * {@link IllegalArgumentException} before any request is made.
 *
 * <p>{@link #close()} stops background token refreshes and waits in {@code *Async} syncs, and, when the client
 * created its own OkHttp client, releases its threads and connections. A client given to
 * {@link Builder#okHttpClient(OkHttpClient)} is left open: it is yours.
 */
public final class AirbyteClient implements AutoCloseable {
  /** Airbyte Cloud's API base URL. */
  public static final String CLOUD_BASE_URL = "https://api.airbyte.com/v1";
  /** What {@link Builder#selfManaged(String)} appends to a host URL. */
  public static final String SELF_MANAGED_API_PATH = "/api/public/v1";

  /** How much of each HTTP exchange {@link Builder#logLevel(LogLevel)} logs; secrets are always masked. */
  public enum LogLevel {
    /** Nothing. */
    NONE,
    /** Request and response lines, with durations. */
    BASIC,
    /** Lines and headers. */
    HEADERS,
    /** Lines, headers and bodies. */
    BODY
  }

  /** What every view of one client shares: the configuration, the OkHttp client, the token cache, the executor. */
  private final Shared shared;
  /** This view's options; {@link RequestOptions#none()} for the client {@link Builder#build()} made. */
  private final RequestOptions options;
  private final Syncs syncs;
  private final Paginator paginator;
  /** Made on first use; a race makes two equal ones, which is harmless. */
  private HttpTransport transport;

  private AirbyteClient(Shared shared, RequestOptions options) {
    this.shared = shared;
    this.options = options;
    this.syncs = new Syncs(this, shared.clock, shared.sleeper, shared.listener, shared::syncExecutor);
    this.paginator = new Paginator(this);
  }

  /** A builder with the defaults stated on each setter (Airbyte Cloud, no credentials). */
  public static Builder builder() {
    return new Builder();
  }

  /** Same as {@link #fromEnv(Map)} with {@link System#getenv()}. */
  public static AirbyteClient fromEnv() {
    return fromEnv(System.getenv());
  }

  /**
   * A client configured from these variables (blank counts as unset):
   * <ul>
   *   <li>{@code AIRBYTE_API_URL}: the API base URL, {@value #CLOUD_BASE_URL} if unset. A URL without a path
   *       ({@code http://host:8000}) is a self-managed install's host, mapped as by
   *       {@link Builder#selfManaged(String)} ({@code https://api.airbyte.com} alone means Cloud); any other is
   *       used as given.
   *   <li>{@code AIRBYTE_CLIENT_ID} and {@code AIRBYTE_CLIENT_SECRET}: client credentials; or
   *   <li>{@code AIRBYTE_ACCESS_TOKEN}: a fixed bearer token.
   * </ul>
   * With neither, no {@code Authorization} header is sent ({@link Credentials#none()}).
   *
   * @throws IllegalArgumentException if only one of id and secret is set, if a token is set as well, or if the
   *     URL is invalid; the message names the variable, never its value
   */
  public static AirbyteClient fromEnv(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    Builder builder = builder();
    String url = text(env, "AIRBYTE_API_URL");
    if (url != null) {
      HttpUrl parsed = HttpUrl.parse(url.trim());
      if (parsed != null && "/".equals(parsed.encodedPath()) && parsed.host().equals("api.airbyte.com")) {
        builder.baseUrl(CLOUD_BASE_URL);
      } else if (parsed != null && "/".equals(parsed.encodedPath())) {
        builder.selfManaged(url);
      } else {
        builder.baseUrl(url);
      }
    }
    String clientId = text(env, "AIRBYTE_CLIENT_ID");
    String clientSecret = text(env, "AIRBYTE_CLIENT_SECRET");
    String accessToken = text(env, "AIRBYTE_ACCESS_TOKEN");
    if ((clientId == null) != (clientSecret == null)) {
      throw new IllegalArgumentException(clientId == null
          ? "AIRBYTE_CLIENT_SECRET is set but AIRBYTE_CLIENT_ID is not"
          : "AIRBYTE_CLIENT_ID is set but AIRBYTE_CLIENT_SECRET is not");
    }
    if (clientId != null && accessToken != null) {
      throw new IllegalArgumentException(
          "Set either AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET, or AIRBYTE_ACCESS_TOKEN, not both");
    }
    if (clientId != null) {
      builder.credentials(Credentials.clientCredentials(clientId, clientSecret));
    } else if (accessToken != null) {
      builder.credentials(Credentials.bearerToken(accessToken));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("AIRBYTE_API_URL: " + e.getMessage(), e);
    }
  }

  private static String text(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /**
   * This client with {@code options} applied to every call made through it, over the options it already has:
   * a deadline, a read timeout, a retry policy, extra headers. It shares this client's connection pool, token cache
   * and threads: deriving one makes no request and costs well under a microsecond, so make one per call if that
   * reads best:
   * <pre>{@code
   * client.withOptions(RequestOptions.builder().timeout(Duration.ofMinutes(5)).build())
   *     .jobs().createJob(request).execute();
   * }</pre>
   * Closing a scoped client does nothing; close the client {@link Builder#build()} made.
   */
  public AirbyteClient withOptions(RequestOptions options) {
    Objects.requireNonNull(options, "options");
    return options.isEmpty() ? this : new AirbyteClient(shared, this.options.with(options));
  }

  /** {@link #withOptions(RequestOptions)} with options set on a new builder: {@code withOptions(o -> o.timeout(d))}. */
  public AirbyteClient withOptions(Consumer<RequestOptions.Builder> options) {
    RequestOptions.Builder builder = RequestOptions.builder();
    options.accept(builder);
    return withOptions(builder.build());
  }

  /** The options of this scoped client; {@link RequestOptions#none()} for a client made by {@link Builder#build()}. */
  public RequestOptions options() {
    return options;
  }

  /**
   * A builder holding this client's configuration, to build a separate client: it gets its own connection pool and
   * token cache. For the same client with other timeouts, retries or headers, see {@link #withOptions}.
   */
  public Builder toBuilder() {
    return new Builder(shared);
  }

  /** Same as {@link #toBuilder()}, in OkHttp's words. */
  public Builder newBuilder() {
    return toBuilder();
  }

  // ---- The generated APIs: immutable objects over this client's transport, one per call of the accessor.

  public SourcesApi sources() {
    return new SourcesApi(transport());
  }

  public DestinationsApi destinations() {
    return new DestinationsApi(transport());
  }

  public ConnectionsApi connections() {
    return new ConnectionsApi(transport());
  }

  /** Jobs. To start one without risking a second, and to wait for it, see {@link #syncs()}. */
  public JobsApi jobs() {
    return new JobsApi(transport());
  }

  public WorkspacesApi workspaces() {
    return new WorkspacesApi(transport());
  }

  public SourceDefinitionsApi sourceDefinitions() {
    return new SourceDefinitionsApi(transport());
  }

  public DestinationDefinitionsApi destinationDefinitions() {
    return new DestinationDefinitionsApi(transport());
  }

  public DeclarativeSourceDefinitionsApi declarativeSourceDefinitions() {
    return new DeclarativeSourceDefinitionsApi(transport());
  }

  public ConnectorDefinitionsApi connectorDefinitions() {
    return new ConnectorDefinitionsApi(transport());
  }

  public StreamsApi streams() {
    return new StreamsApi(transport());
  }

  public PermissionsApi permissions() {
    return new PermissionsApi(transport());
  }

  public OrganizationsApi organizations() {
    return new OrganizationsApi(transport());
  }

  public UsersApi users() {
    return new UsersApi(transport());
  }

  public GroupsApi groups() {
    return new GroupsApi(transport());
  }

  public TagsApi tags() {
    return new TagsApi(transport());
  }

  public ApplicationsApi applications() {
    return new ApplicationsApi(transport());
  }

  public RegionsApi regions() {
    return new RegionsApi(transport());
  }

  public DataplanesApi dataplanes() {
    return new DataplanesApi(transport());
  }

  public OAuthApi oauth() {
    return new OAuthApi(transport());
  }

  public EmbeddedApi embedded() {
    return new EmbeddedApi(transport());
  }

  public HealthApi health() {
    return new HealthApi(transport());
  }

  public RootApi root() {
    return new RootApi(transport());
  }

  /** Every item of the paged list operations as lazy streams. */
  public Paginator paginate() {
    return paginator;
  }

  /** Start jobs without ever starting two, and wait for them. */
  public Syncs syncs() {
    return syncs;
  }

  /**
   * Airbyte's <strong>internal, unversioned</strong> Config API, for what the public API does not tell about a job:
   * its attempts, failure reasons and logs. Off unless the builder turned it on
   * ({@link Builder#enableInternalConfigApi()}); when off, its methods throw
   * {@link io.github.airbytejava.configapi.DetailsUnavailableException} saying so.
   */
  public InternalConfigApi internalConfigApi() {
    return configApiClient();
  }

  ConfigApiClient configApiClient() {
    return shared.configApiRoot == null ? ConfigApiClient.disabled() : shared.wiring().configApi;
  }

  /** Parse, confirm and configure Airbyte's notification webhooks. */
  public Webhooks webhooks() {
    return new Webhooks(this);
  }

  /** The API base URL, such as {@value #CLOUD_BASE_URL}, without a trailing slash. */
  public String baseUrl() {
    return shared.baseUrlText;
  }

  /** The {@code User-Agent} sent with every request. */
  public String userAgent() {
    return shared.userAgent;
  }

  /** The retry policy of this client's calls: this scoped client's, else the builder's. */
  public RetryPolicy retryPolicy() {
    return options.retries() != null ? options.retries() : shared.retryPolicy;
  }

  public Duration connectTimeout() {
    return shared.connectTimeout;
  }

  /** The read timeout of this client's calls: this scoped client's, else the builder's. */
  public Duration readTimeout() {
    return options.readTimeout() != null ? options.readTimeout() : shared.readTimeout;
  }

  public Duration writeTimeout() {
    return shared.writeTimeout;
  }

  /** The limit on a whole call, retries included (this scoped client's, else the builder's); zero means none. */
  public Duration callTimeout() {
    return options.timeout() != null ? options.timeout() : shared.callTimeout;
  }

  /**
   * The access token this client sends, fetched first if it has none that is valid (cached and refreshed as for any
   * call); a {@link Credentials#bearerToken(String) bearer token} as given; null for Basic and no authentication.
   * For handing a token to another tool, such as {@code curl}. Never logged by the client.
   *
   * @throws AuthenticationException when no token can be had
   * @throws AirbyteTransportException when the token endpoint cannot be reached
   */
  public AccessToken accessToken() {
    try {
      return shared.wiring().auth.currentToken();
    } catch (AirbyteException e) {
      throw e;
    } catch (IOException e) {
      throw new AirbyteTransportException("POST", shared.baseUrl.encodedPath() + "/applications/token", e);
    }
  }

  /**
   * The OkHttp client this client sends its API calls with: authentication (only to the API's own scheme, host and
   * port), retries, the user agent and logging as configured, this client's {@link #options()} excepted. For
   * endpoints the typed APIs do not have; build URLs from {@link #baseUrl()}. A failure the client recognises (a
   * token that cannot be had, say) is thrown from {@code execute()} as an {@link java.io.IOException} whose cause is
   * that {@link AirbyteException}; HTTP errors come back as responses. Do not shut it down: {@link #close()} does.
   */
  public OkHttpClient httpClient() {
    return shared.wiring().httpClient;
  }

  /**
   * {@code text} with its secrets masked exactly as this client's logs mask them: secret headers, keys whose names
   * look secret, tokens, and the connector configuration values its {@link Builder#secretFields(SecretFields)} does
   * not allow (all of them by default). JSON is masked field by field; other text by pattern.
   */
  public String maskSecrets(String text) {
    return shared.wiring().masker.mask(text, null);
  }

  /** The transport every API of this client sends through; created with the shared wiring on first use. */
  HttpTransport transport() {
    Wiring wiring = shared.wiring();
    HttpTransport current = transport;
    if (current == null) {
      current = options.isEmpty() ? wiring.transport : wiring.transport.withOptions(options);
      transport = current;
    }
    return current;
  }

  /**
   * Stops background token refreshes and interrupts {@code *Async} waits (their futures fail); when the client
   * built its own OkHttp client, shuts down its dispatcher and closes idle connections. Calls already running
   * finish. Afterwards the API accessors throw {@link IllegalStateException}. Closing twice does nothing, and so
   * does closing a scoped client ({@link #withOptions}): close the one {@link Builder#build()} made.
   */
  @Override
  public void close() {
    if (shared.root == this) shared.close();
  }

  @Override
  public String toString() {
    return "AirbyteClient{baseUrl=" + baseUrl() + ", credentials=" + shared.credentials
        + (options.isEmpty() ? "" : ", options=" + options) + '}';
  }

  /** The configuration, fixed at build time, and what exists once the client is first used. */
  private static final class Shared {
    final HttpUrl baseUrl;
    final String baseUrlText;
    final Credentials credentials;
    final Duration connectTimeout;
    final Duration readTimeout;
    final Duration writeTimeout;
    final Duration callTimeout;
    final OkHttpClient userHttpClient;
    final String userAgent;
    final RetryPolicy retryPolicy;
    final Clock clock;
    final Sleeper sleeper;
    final DoubleSupplier jitter;
    final LogLevel logLevel;
    final SecretFields secretFields;
    final AirbyteListener listener;
    final TokenStore tokenStore;
    /** The internal Config API's root, or null when it is off. */
    final HttpUrl configApiRoot;
    /** What the builder was told, for {@link Builder#Builder(Shared)}. */
    final boolean configApiEnabled;
    final String configApiUrl;
    /** The client {@link Builder#build()} returned: only it closes this. */
    AirbyteClient root;

    private final Object lock = new Object();
    private volatile Wiring wiring;
    private ExecutorService syncExecutor;
    private volatile boolean closed;

    Shared(Builder builder, HttpUrl baseUrl, HttpUrl configApiRoot) {
      this.baseUrl = baseUrl;
      this.configApiRoot = configApiRoot;
      this.configApiEnabled = builder.configApiEnabled;
      this.configApiUrl = builder.configApiUrl;
      String url = baseUrl.toString();
      this.baseUrlText = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      this.credentials = builder.credentials;
      this.connectTimeout = builder.connectTimeout;
      this.readTimeout = builder.readTimeout;
      this.writeTimeout = builder.writeTimeout;
      this.callTimeout = builder.callTimeout;
      this.userHttpClient = builder.okHttpClient;
      this.userAgent = builder.userAgent;
      this.retryPolicy = builder.retryPolicy;
      this.clock = builder.clock;
      this.sleeper = builder.sleeper;
      this.jitter = builder.jitter;
      this.logLevel = builder.logLevel;
      this.secretFields = builder.secretFields;
      this.listener = builder.listener;
      this.tokenStore = builder.tokenStore;
    }

    Wiring wiring() {
      Wiring current = wiring;
      if (current != null && !closed) return current;
      synchronized (lock) {
        if (closed) throw new IllegalStateException("This AirbyteClient is closed");
        if (wiring == null) wiring = new Wiring(this);
        return wiring;
      }
    }

    ExecutorService syncExecutor() {
      synchronized (lock) {
        if (closed) throw new IllegalStateException("This AirbyteClient is closed");
        if (syncExecutor == null) {
          AtomicInteger count = new AtomicInteger();
          syncExecutor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "airbyte-sync-" + count.incrementAndGet());
            thread.setDaemon(true); // a forgotten wait must not keep the JVM alive
            return thread;
          });
        }
        return syncExecutor;
      }
    }

    void close() {
      Wiring toClose;
      ExecutorService executor;
      synchronized (lock) {
        if (closed) return;
        closed = true;
        toClose = wiring;
        executor = syncExecutor;
      }
      if (executor != null) executor.shutdownNow();
      if (toClose != null) toClose.close();
    }
  }

  /** What exists once the client is first used. */
  private static final class Wiring {
    final OkHttpClient httpClient;
    final AuthInterceptor auth;
    final HttpTransport transport;
    final ConfigApiClient configApi;
    final boolean ownsHttpClient;
    final BodyMasker masker;

    Wiring(Shared config) {
      ownsHttpClient = config.userHttpClient == null;
      // newBuilder() keeps the user's proxy, TLS settings, interceptors, dispatcher and connection pool.
      OkHttpClient base = (ownsHttpClient ? new OkHttpClient() : config.userHttpClient).newBuilder()
          .connectTimeout(config.connectTimeout)
          .readTimeout(config.readTimeout)
          .writeTimeout(config.writeTimeout)
          .callTimeout(config.callTimeout)
          // This client decides what may be sent again (RetryInterceptor): OkHttp's own silent retries would
          // exceed the retry policy's attempts.
          .retryOnConnectionFailure(false)
          .build();
      String userAgent = config.userAgent;
      Interceptor addUserAgent = chain -> chain.request().header("User-Agent") != null
          ? chain.proceed(chain.request())
          : chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
      Interceptor logging = config.logLevel == LogLevel.NONE
          ? null : new HttpLogger(config.logLevel, new BodyMasker(config.secretFields));

      // Token requests: no API retries (the token endpoint has its own) and no Authorization; and none of the
      // user's interceptors, which would see the client secret and the token (a body logger, say). The proxy, TLS
      // settings, dispatcher and pool stay.
      OkHttpClient.Builder token = base.newBuilder();
      token.interceptors().clear();
      token.networkInterceptors().clear();
      token.addInterceptor(addUserAgent);
      if (logging != null) token.addInterceptor(logging);
      Calls calls = new Calls(config.clock);
      masker = new BodyMasker(config.secretFields);
      AuthInterceptor apiAuth = AuthInterceptor.create(config.credentials, config.baseUrl, token.build(),
          config.clock, config.sleeper, config.jitter, calls, config.listener, masker);
      apiAuth.useStore(config.tokenStore); // on the token cache, which alsoFor shares
      // The user turned the Config API on for these credentials; on Cloud it lives on another host.
      auth = config.configApiRoot == null ? apiAuth : apiAuth.alsoFor(config.configApiRoot);

      // Order matters: retries outside authentication (each attempt gets a current token), logging inside it
      // (each attempt is logged, the header masked), one-shot bodies last (see Calls).
      OkHttpClient.Builder api = base.newBuilder()
          .addInterceptor(Failures.carryingOwnExceptions())
          .addInterceptor(addUserAgent)
          .addInterceptor(new RetryInterceptor(config.retryPolicy, calls, config.clock, config.sleeper,
              config.jitter, config.listener))
          .addInterceptor(auth);
      if (logging != null) api.addInterceptor(logging);
      api.addInterceptor(calls.oneShotBodies()).addNetworkInterceptor(calls.networkInterceptor());
      httpClient = api.build();
      transport = new HttpTransport(httpClient, config.baseUrl, config.clock, config.listener, masker);
      configApi = config.configApiRoot == null ? ConfigApiClient.disabled()
          : new ConfigApiClient(httpClient, config.configApiRoot, masker, config.listener, config.clock);
    }

    void close() {
      auth.close();
      if (ownsHttpClient) {
        httpClient.dispatcher().executorService().shutdown();
        httpClient.connectionPool().evictAll();
      }
    }
  }

  /**
   * Builds an {@link AirbyteClient}. AWS SDK style: setters without {@code set}, each stating its default. Build
   * as many clients from one builder as you like; changing the builder afterwards changes none of them.
   */
  public static final class Builder {
    private String baseUrl = CLOUD_BASE_URL;
    private boolean selfManaged = false;
    private Credentials credentials = Credentials.none();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofMinutes(3);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ZERO;
    private OkHttpClient okHttpClient;
    private String userAgent = Version.userAgent();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private LogLevel logLevel = LogLevel.NONE;
    private SecretFields secretFields = SecretFields.ALL;
    private AirbyteListener listener = AirbyteListener.NONE;
    private TokenStore tokenStore;
    private boolean configApiEnabled = false;
    private String configApiUrl;

    private Builder() {}

    private Builder(Shared client) {
      this.baseUrl = client.baseUrlText;
      this.credentials = client.credentials;
      this.connectTimeout = client.connectTimeout;
      this.readTimeout = client.readTimeout;
      this.writeTimeout = client.writeTimeout;
      this.callTimeout = client.callTimeout;
      this.okHttpClient = client.userHttpClient;
      this.userAgent = client.userAgent;
      this.retryPolicy = client.retryPolicy;
      this.clock = client.clock;
      this.sleeper = client.sleeper;
      this.jitter = client.jitter;
      this.logLevel = client.logLevel;
      this.secretFields = client.secretFields;
      this.listener = client.listener;
      this.tokenStore = client.tokenStore;
      this.configApiEnabled = client.configApiEnabled;
      this.configApiUrl = client.configApiUrl;
    }

    /**
     * The API base URL, used as given (a trailing slash is dropped), for example
     * {@code https://airbyte.example.com/api/public/v1}. If not specified, Airbyte Cloud's
     * {@value AirbyteClient#CLOUD_BASE_URL} is used. Checked by {@link #build()}. Replaces
     * {@link #selfManaged(String)}.
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      this.selfManaged = false;
      return this;
    }

    /**
     * A self-managed Airbyte, given by the URL its web app is served at: {@code http://host:8000} means the API
     * base {@code http://host:8000/api/public/v1} (a path prefix is kept: {@code https://example.com/airbyte}
     * means {@code https://example.com/airbyte/api/public/v1}; a URL that already ends in
     * {@value AirbyteClient#SELF_MANAGED_API_PATH} is used as is). Checked by {@link #build()}. Replaces
     * {@link #baseUrl(String)}.
     */
    public Builder selfManaged(String hostUrl) {
      this.baseUrl = hostUrl;
      this.selfManaged = true;
      return this;
    }

    /**
     * How to authenticate. If not specified, {@link Credentials#none()} is used (no {@code Authorization}
     * header), since only the caller knows the credentials; Airbyte Cloud answers 401 without them.
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * The limit on opening a connection (TCP and TLS). If not specified, 10 s is used: a reachable server
     * connects in well under a second, and an unreachable one should fail fast, since a POST is only retried
     * when it could not connect.
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Durations.timeout("connectTimeout", connectTimeout);
      return this;
    }

    /**
     * The limit on waiting for the next bytes of a response. If not specified, 3 minutes is used: Airbyte
     * answers {@code POST /jobs} and connection creation only when done, and loaded self-managed servers took
     * up to 130 s for them. Zero means no limit.
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Durations.timeout("readTimeout", readTimeout);
      return this;
    }

    /**
     * The limit on sending the next bytes of a request. If not specified, 30 s is used: request bodies are small
     * JSON documents. Zero means no limit.
     */
    public Builder writeTimeout(Duration writeTimeout) {
      this.writeTimeout = Durations.timeout("writeTimeout", writeTimeout);
      return this;
    }

    /**
     * The limit on a whole call, from the first attempt to the last response byte, retries and their waits
     * included. If not specified, zero (none) is used: the connect, read and write timeouts already bound every
     * attempt, and {@link RetryPolicy#maxElapsed()} bounds the retries; set it for a hard deadline per call.
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Durations.timeout("callTimeout", callTimeout);
      return this;
    }

    /**
     * An OkHttp client to build on: its proxy, TLS settings (custom CA, client certificates), interceptors,
     * dispatcher and connection pool are kept; this builder's timeouts replace its own, and the client adds its
     * own interceptors after yours (so yours see each call once, before retries and authentication). Token requests
     * go without your interceptors: they carry the client secret and the token. If not
     * specified, a new OkHttp client is created. Closing the {@code AirbyteClient} does not shut a given client
     * down.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /**
     * The {@code User-Agent} header. If not specified, {@code airbyte-java-client/<version>} is used, so that
     * server logs tell this client's requests apart.
     */
    public Builder userAgent(String userAgent) {
      if (userAgent == null || userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent must not be null or blank");
      }
      this.userAgent = userAgent.trim();
      return this;
    }

    /**
     * When to retry. If not specified, {@link RetryPolicy#defaults()} is used: 429s, 502-504s and connection
     * failures do happen, and only GET, PUT and DELETE (and POST or PATCH that could not connect) are retried.
     * {@link RetryPolicy#none()} turns retries off.
     */
    public Builder retries(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * The clock for token expiry, {@code Retry-After} dates, retry budgets and sync deadlines. If not specified,
     * {@link Clock#systemUTC()} is used. Tests pass a fake one.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How much of each HTTP exchange to log, through SLF4J: the logger {@value HttpLogger#LOGGER} at DEBUG, one event
     * per request and one per response. If not specified, {@link LogLevel#NONE} is used (and nothing is added to a
     * call): bodies can be large and hold connector configuration. {@code Authorization}, cookies, client secrets,
     * tokens, passwords and connector configuration values (see {@link #secretFields(SecretFields)}) are always
     * masked.
     */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel");
      return this;
    }

    /**
     * Who hears each call's start and end, each retry, each token refresh and each sync poll, for metrics and
     * traces. If not specified, {@link AirbyteListener#NONE} is used, and the client builds no event at all.
     */
    public Builder listener(AirbyteListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Which values of a connector configuration logged bodies may show. If not specified, {@link SecretFields#ALL}
     * is used: every configuration value is masked, since only the connector's schema can say which are secret.
     */
    public Builder secretFields(SecretFields secretFields) {
      this.secretFields = Objects.requireNonNull(secretFields, "secretFields");
      return this;
    }

    /**
     * How the client waits between retries, for a {@code Retry-After}, between sync polls and between token request
     * attempts. If not specified, {@link Sleeper#SYSTEM} is used. Tests pass one that advances their clock
     * ({@link #clock(Clock)}) instead of sleeping, so that a 30-second {@code Retry-After} takes no time.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Where access tokens are shared with other clients and processes, so that many short-lived processes make one
     * token request per token lifetime (see {@link TokenStore}). Used with client credentials only. If not
     * specified, none: each client fetches its own first token. Null removes one set before.
     */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = tokenStore;
      return this;
    }

    /**
     * Turns on Airbyte's <strong>internal</strong> Config API ({@link AirbyteClient#internalConfigApi()}), at the
     * root derived from the base URL: a self-managed {@code .../api/public/v1} means {@code .../api/v1}, Airbyte
     * Cloud means {@code https://cloud.airbyte.com/api/v1}; for any other base URL, give it with
     * {@link #internalConfigApiUrl(String)}. It gets the client's credentials. If not specified, it is off: the
     * Config API is unversioned and may be refused, and {@link Syncs#run} then reports a failed job without its
     * reason.
     */
    public Builder enableInternalConfigApi() {
      this.configApiEnabled = true;
      return this;
    }

    /**
     * Turns on Airbyte's <strong>internal</strong> Config API at this root, such as
     * {@code https://airbyte.example.com/api/v1}; it gets the client's credentials. See
     * {@link #enableInternalConfigApi()}. Checked by {@link #build()}.
     */
    public Builder internalConfigApiUrl(String rootUrl) {
      this.configApiUrl = Objects.requireNonNull(rootUrl, "rootUrl");
      this.configApiEnabled = true;
      return this;
    }

    /** Test hook: values in [0, 1) for backoff jitter. */
    Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /**
     * Builds the client. Nothing is connected and no thread is started until the first API is used.
     *
     * @throws IllegalArgumentException if the base URL is null, blank, not an absolute http or https URL, or
     *     carries a query, a fragment or a user name; or if the internal Config API is on at a URL that is not
     *     such a URL, or at none that can be derived
     */
    public AirbyteClient build() {
      HttpUrl base = resolveBaseUrl();
      Shared shared = new Shared(this, base, resolveConfigApiRoot(base));
      AirbyteClient client = new AirbyteClient(shared, RequestOptions.none());
      shared.root = client;
      return client;
    }

    private HttpUrl resolveConfigApiRoot(HttpUrl base) {
      if (!configApiEnabled) return null;
      if (configApiUrl == null) {
        HttpUrl derived = ConfigApiClient.derivedRoot(base);
        if (derived == null) {
          throw new IllegalArgumentException("The internal Config API's URL cannot be derived from the base URL "
              + base + " (only from a self-managed .../api/public/v1 or Airbyte Cloud's); give it with "
              + "internalConfigApiUrl(...)");
        }
        return derived;
      }
      HttpUrl url = HttpUrl.parse(configApiUrl.trim());
      if (url == null || !url.username().isEmpty() || !url.password().isEmpty() || url.encodedQuery() != null
          || url.encodedFragment() != null) {
        throw new IllegalArgumentException("internalConfigApiUrl is not an absolute http or https URL without user, "
            + "query or fragment");
      }
      String path = url.encodedPath().replaceAll("/+$", "");
      return url.newBuilder().encodedPath(path + "/").build();
    }

    private HttpUrl resolveBaseUrl() {
      String what = selfManaged ? "selfManaged host URL" : "baseUrl";
      if (baseUrl == null || baseUrl.isBlank()) {
        throw new IllegalArgumentException(what + " must not be null or blank");
      }
      HttpUrl url = HttpUrl.parse(baseUrl.trim());
      if (url == null) {
        throw new IllegalArgumentException(what + " is not an absolute http or https URL: \""
            + baseUrl.trim().replaceAll("[^/?#@\\s]+@", "***@") + '"');
      }
      if (!url.username().isEmpty() || !url.password().isEmpty()) {
        // Not repeated: it holds a password. Basic authentication is Credentials.basic(user, password).
        throw new IllegalArgumentException(what + " must not contain a user name or password; use Credentials.basic");
      }
      if (url.encodedQuery() != null || url.encodedFragment() != null) {
        throw new IllegalArgumentException(what + " must not have a query or fragment: \"" + url.newBuilder()
            .query(null).fragment(null).build() + "?...\"");
      }
      String path = url.encodedPath().replaceAll("/+$", "");
      if (selfManaged && !path.endsWith(SELF_MANAGED_API_PATH)) path = path + SELF_MANAGED_API_PATH;
      return url.newBuilder().encodedPath(path.isEmpty() ? "/" : path).build();
    }

  }
}
