package io.github.airbytejava.internal.auth;

import io.github.airbytejava.AccessToken;
import io.github.airbytejava.AirbyteListener;
import io.github.airbytejava.AuthenticationException;
import io.github.airbytejava.SecretFields;
import io.github.airbytejava.Credentials;
import io.github.airbytejava.TokenSource;
import io.github.airbytejava.TokenStore;
import io.github.airbytejava.generated.invoker.ApiOperation;
import io.github.airbytejava.internal.BodyMasker;
import io.github.airbytejava.internal.Calls;
import io.github.airbytejava.internal.ErrorBody;
import io.github.airbytejava.internal.Redactor;
import io.github.airbytejava.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Adds {@code Authorization} to API requests, an application interceptor. See {@link Credentials} for the modes
 * and {@link TokenLifetime} for when tokens are refreshed.
 *
 * <ul>
 *   <li>Only requests to the scheme, host and port of the API base URL get the header; a request that already
 *       carries one passes through unchanged, and so do a request to the token URL itself and the operations the
 *       spec declares without security (so a {@link TokenSource} may call the token exchange through the client).
 *   <li>Client credentials and token sources: one cached token, refreshed ahead of expiry in the background, fetched
 *       once for many concurrent callers ({@link TokenCache}). A 401 drops the token, fetches a new one and replays
 *       the call once; a second 401 throws {@link AuthenticationException}. A one-shot request body is not
 *       replayed: the first 401 is returned. A 403 is a permission error and is returned as is.
 *   <li>Static bearer and Basic: the header is added; a 401 is returned as is, there is nothing to refresh.
 * </ul>
 *
 * <p>Token and replay failures are thrown as {@link AuthenticationException} (unchecked), which {@code Call.execute()}
 * passes through unchanged. Nothing thrown or logged here contains a secret or a token.
 */
public final class AuthInterceptor implements Interceptor {
  private static final int MAX_BODY_IN_EXCEPTION = 2000;

  private final HttpUrl apiBaseUrl;
  /** {@code Bearer ...} or {@code Basic ...} for static modes; null otherwise. */
  private final String staticAuthorization;
  /** For client credentials and token sources; null otherwise. */
  private final TokenCache tokenCache;
  /** The token endpoint, which needs no Authorization; null unless client credentials. */
  private final HttpUrl tokenUrl;
  private final AtomicLong tokenRequests;
  private final AtomicLong unauthorizedResponses = new AtomicLong();
  private final Calls calls;
  private final BodyMasker masker;
  /** What a {@link TokenStore} keeps this client's tokens under; null unless client credentials. */
  private String storeKey;
  /** A second origin that gets the credentials: the internal Config API's, when it is on another host; or null. */
  private final HttpUrl alsoFor;

  private AuthInterceptor(HttpUrl apiBaseUrl, String staticAuthorization, TokenCache tokenCache, HttpUrl tokenUrl,
      AtomicLong tokenRequests, Calls calls, BodyMasker masker) {
    this(apiBaseUrl, staticAuthorization, tokenCache, tokenUrl, tokenRequests, calls, masker, null);
  }

  private AuthInterceptor(HttpUrl apiBaseUrl, String staticAuthorization, TokenCache tokenCache, HttpUrl tokenUrl,
      AtomicLong tokenRequests, Calls calls, BodyMasker masker, HttpUrl alsoFor) {
    this.alsoFor = alsoFor;
    this.calls = calls;
    this.masker = masker;
    this.apiBaseUrl = apiBaseUrl;
    this.staticAuthorization = staticAuthorization;
    this.tokenCache = tokenCache;
    this.tokenUrl = tokenUrl;
    this.tokenRequests = tokenRequests;
  }

  /**
   * @param tokenHttpClient the client for token requests: the facade's shared client (same connection pool and
   *     timeouts) without this interceptor, and best without the facade's own retries, since token requests are
   *     retried here
   * @param jitter values in [0, 1), for the refresh time and the token request backoff
   */
  public static AuthInterceptor create(Credentials credentials, HttpUrl apiBaseUrl, OkHttpClient tokenHttpClient,
      Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
    return create(credentials, apiBaseUrl, tokenHttpClient, clock, sleeper, jitter, new Calls(clock),
        AirbyteListener.NONE, new BodyMasker(SecretFields.ALL), null);
  }

  /**
   * @param calls the client's calls in flight: a wait for a token ends at the call's deadline or when it is
   *     cancelled
   * @param listener hears each token refresh
   * @param masker masks the body kept in the exception of a call whose fresh token was refused too
   */
  public static AuthInterceptor create(Credentials credentials, HttpUrl apiBaseUrl, OkHttpClient tokenHttpClient,
      Clock clock, Sleeper sleeper, DoubleSupplier jitter, Calls calls, AirbyteListener listener, BodyMasker masker) {
    return create(credentials, apiBaseUrl, tokenHttpClient, clock, sleeper, jitter, calls, listener, masker, null);
  }

  /** As above; tests pass {@code refreshExecutor} to run refreshes when they choose. Null means a daemon thread. */
  static AuthInterceptor create(Credentials credentials, HttpUrl apiBaseUrl, OkHttpClient tokenHttpClient,
      Clock clock, Sleeper sleeper, DoubleSupplier jitter, Executor refreshExecutor) {
    return create(credentials, apiBaseUrl, tokenHttpClient, clock, sleeper, jitter, new Calls(clock),
        AirbyteListener.NONE, new BodyMasker(SecretFields.ALL), refreshExecutor);
  }

  private static AuthInterceptor create(Credentials credentials, HttpUrl apiBaseUrl, OkHttpClient tokenHttpClient,
      Clock clock, Sleeper sleeper, DoubleSupplier jitter, Calls calls, AirbyteListener listener, BodyMasker masker,
      Executor refreshExecutor) {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
    Objects.requireNonNull(tokenHttpClient, "tokenHttpClient");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(jitter, "jitter");
    AuthMethod method = CredentialsAccess.authMethodOf(credentials);
    AtomicLong tokenRequests = new AtomicLong();
    if (method instanceof AuthMethod.StaticBearer bearer) {
      return new AuthInterceptor(apiBaseUrl, "Bearer " + bearer.accessToken(), null, null, tokenRequests, calls,
          masker);
    }
    if (method instanceof AuthMethod.Basic basic) {
      String header = okhttp3.Credentials.basic(basic.username(), basic.password(), StandardCharsets.UTF_8);
      return new AuthInterceptor(apiBaseUrl, header, null, null, tokenRequests, calls, masker);
    }
    if (method instanceof AuthMethod.None) {
      return new AuthInterceptor(apiBaseUrl, null, null, null, tokenRequests, calls, masker);
    }
    TokenCache.Fetcher fetcher;
    HttpUrl tokenUrl = null;
    if (method instanceof AuthMethod.ClientCredentials client) {
      tokenUrl = client.tokenUrl() != null ? client.tokenUrl() : TokenEndpoint.defaultTokenUrl(apiBaseUrl);
      fetcher = new TokenEndpoint(tokenUrl, client.clientId(), client.clientSecret(), tokenHttpClient, clock, sleeper,
          jitter, tokenRequests);
    } else {
      TokenSource source = ((AuthMethod.CustomSource) method).source();
      fetcher = () -> {
        tokenRequests.incrementAndGet();
        return source.fetchToken();
      };
    }
    Executor executor = refreshExecutor != null ? refreshExecutor : newRefreshExecutor();
    AuthInterceptor interceptor = new AuthInterceptor(apiBaseUrl, null,
        new TokenCache(fetcher, clock, jitter, executor, listener), tokenUrl, tokenRequests, calls, masker);
    if (method instanceof AuthMethod.ClientCredentials client) {
      // The token URL (without user info), the client id and a fingerprint of the secret, never the secret: a token
      // is only ever reused by a client that would send the same token request, so a wrong secret is not hidden by
      // a token another secret obtained.
      interceptor.storeKey = tokenUrl.newBuilder().username("").password("").build() + " " + client.clientId() + " "
          + fingerprint(client.clientSecret());
    }
    return interceptor;
  }

  /** The first 64 bits of the secret's SHA-256, in hex: tells secrets apart, reveals nothing usable. */
  private static String fingerprint(String secret) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) hex.append(String.format("%02x", hash[i]));
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * One daemon thread that ends when idle: nothing keeps the JVM alive, and nothing lingers if {@link #close()} is
   * never called.
   */
  private static Executor newRefreshExecutor() {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "airbyte-token-refresh");
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!isApiHost(request.url())) {
      return chain.proceed(request); // credentials go to the API's own host only
    }
    ApiOperation operation = request.tag(ApiOperation.class);
    if (request.header("Authorization") != null || isTokenRequest(request.url())
        || (operation != null && !operation.authenticated()) || (staticAuthorization == null && tokenCache == null)) {
      return counted(chain.proceed(request));
    }
    if (staticAuthorization != null) {
      return counted(chain.proceed(withAuthorization(request, staticAuthorization)));
    }
    return proceedWithToken(chain, request);
  }

  private Response proceedWithToken(Chain chain, Request request) throws IOException {
    CachedToken token = token(chain, request);
    Response response = chain.proceed(withAuthorization(request, token.authorization()));
    if (response.code() != 401) {
      tokenCache.accepted();
      return response;
    }
    unauthorizedResponses.incrementAndGet();
    if (tokenCache.pausing()) {
      return response; // a fresh token was refused moments ago: a new one would be too, so no token request
    }
    tokenCache.invalidate(token);
    if (!isReplayable(request.body())) {
      return response;
    }
    response.close();
    CachedToken fresh = token(chain, request);
    Response replayed = chain.proceed(withAuthorization(request, fresh.authorization()));
    if (replayed.code() != 401) {
      tokenCache.accepted();
      return replayed;
    }
    unauthorizedResponses.incrementAndGet();
    // Rejected with a token fetched just now: the credentials themselves are refused. No second replay, ever.
    tokenCache.rejected(fresh);
    throw stillUnauthorized(request, replayed);
  }

  private CachedToken token(Chain chain, Request request) throws IOException {
    try {
      return tokenCache.get(flight -> calls.await(chain.call(), flight));
    } catch (TokenCache.TokenUnavailable e) {
      throw forThisCaller(e.getCause(), request);
    }
  }

  /**
   * The refresh's failure as this caller's exception: a copy, so that each waiting thread throws its own instance
   * (OkHttp's async calls add suppressed exceptions to what an interceptor throws) with its own stack trace.
   */
  private static AuthenticationException forThisCaller(Throwable failure, Request request) {
    if (failure instanceof AuthenticationException shared) {
      return new AuthenticationException(shared.getMethod(), shared.getPath(), shared.getStatusCode(),
          shared.getTitle(), shared.getDetail(), shared.getProblemType(), shared.getRawBody(), shared.getTokenUrl(),
          shared.getCause());
    }
    if (failure instanceof TokenCache.ReentrantFetch) {
      return new AuthenticationException(request.method(), request.url().encodedPath(), 0,
          "could not obtain an access token", failure.getMessage(), null, null, null, null);
    }
    // From a TokenSource, or an interrupted fetch. The message is not repeated: it is user code's and may say anything.
    return new AuthenticationException(request.method(), request.url().encodedPath(), 0,
        "could not obtain an access token", "the token fetch failed with " + failure.getClass().getName(), null, null,
        null, failure);
  }

  private AuthenticationException stillUnauthorized(Request request, Response response) throws IOException {
    String body;
    try (response) {
      body = masker.mask(response.peekBody(64 * 1024).string(), request.url());
    }
    ErrorBody error = ErrorBody.parse(401, response.message(), body);
    String why = "rejected again after one fresh access token";
    return new AuthenticationException(request.method(), request.url().encodedPath(), 401,
        Redactor.redact(error.title()),
        Redactor.redact(error.detail() != null ? error.detail() + "; " + why : why), Redactor.redact(error.problemType()),
        Redactor.redact(Redactor.truncate(body, MAX_BODY_IN_EXCEPTION)), null, null);
  }

  private static boolean isReplayable(RequestBody body) {
    return body == null || !(body.isOneShot() || body.isDuplex());
  }

  /**
   * This interceptor, sharing its token cache, that also authenticates requests to {@code origin}'s scheme, host
   * and port: the user chose that origin (the internal Config API's) for the same credentials.
   */
  public AuthInterceptor alsoFor(HttpUrl origin) {
    return new AuthInterceptor(apiBaseUrl, staticAuthorization, tokenCache, tokenUrl, tokenRequests, calls, masker,
        origin);
  }

  private boolean isApiHost(HttpUrl url) {
    return sameOrigin(url, apiBaseUrl) || (alsoFor != null && sameOrigin(url, alsoFor));
  }

  private static boolean sameOrigin(HttpUrl url, HttpUrl origin) {
    return url.scheme().equals(origin.scheme()) && url.host().equals(origin.host()) && url.port() == origin.port();
  }

  private boolean isTokenRequest(HttpUrl url) {
    return tokenUrl != null && url.encodedPath().equals(tokenUrl.encodedPath()) && url.host().equals(tokenUrl.host())
        && url.port() == tokenUrl.port();
  }

  private static Request withAuthorization(Request request, String authorization) {
    return request.newBuilder().header("Authorization", authorization).build();
  }

  private Response counted(Response response) {
    if (response.code() == 401) {
      unauthorizedResponses.incrementAndGet();
    }
    return response;
  }

  /**
   * Shares tokens through {@code store} (see {@link TokenStore}); only for client credentials, ignored otherwise.
   * Call before the first request.
   */
  public void useStore(TokenStore store) {
    if (store != null && tokenCache != null && storeKey != null) {
      tokenCache.useStore(store, storeKey);
    }
  }

  /**
   * The token the next API call would send, fetched if there is none valid; a static bearer token as it is; null
   * for Basic and no authentication.
   *
   * @throws AuthenticationException when no token can be had
   */
  public AccessToken currentToken() throws IOException {
    if (tokenCache == null) {
      return staticAuthorization != null && staticAuthorization.startsWith("Bearer ")
          ? new AccessToken(staticAuthorization.substring("Bearer ".length()), null) : null;
    }
    try {
      return tokenCache.get().token();
    } catch (TokenCache.TokenUnavailable e) {
      throw forThisCaller(e.getCause(), new Request.Builder().url(tokenUrl != null ? tokenUrl : apiBaseUrl).build());
    }
  }

  /** Token requests made: HTTP requests to the token endpoint (each attempt), or calls to the TokenSource. */
  public long tokenRequestCount() {
    return tokenRequests.get();
  }

  /** 401 responses seen from API calls, replayed or not. */
  public long unauthorizedResponseCount() {
    return unauthorizedResponses.get();
  }

  /** Stops background refreshes; calls still work, fetching a token on the calling thread when one is needed. */
  public void close() {
    if (tokenCache != null) {
      tokenCache.close();
    }
  }
}
