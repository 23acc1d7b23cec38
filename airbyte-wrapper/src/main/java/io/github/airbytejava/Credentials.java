package io.github.airbytejava;

import io.github.airbytejava.internal.auth.AuthMethod;
import io.github.airbytejava.internal.auth.CredentialsAccess;
import okhttp3.HttpUrl;

/**
 * How the client authenticates to the Airbyte API. Immutable; {@link #toString()} never shows a secret or token.
 *
 * <ul>
 *   <li>{@link #clientCredentials(String, String)}: the usual way, for Airbyte Cloud and self-managed. The client
 *       id and secret (from the Airbyte UI, Settings, Applications) are exchanged for an access token with
 *       {@code POST {baseUrl}/applications/token} and a JSON body. The token URL is the base URL with
 *       {@code /applications/token} appended as a string, so {@code https://api.airbyte.com/v1} and
 *       {@code http://host:8000/api/public/v1} both work; {@link #clientCredentials(String, String, String)}
 *       overrides it.
 *   <li>{@link #bearerToken(String)}: a token you already have, used as is and never refreshed.
 *   <li>{@link #basic(String, String)}: HTTP Basic, for self-managed installs that accept it.
 *   <li>{@link #none()}: no {@code Authorization} header, for installs with authentication turned off.
 *   <li>{@link #tokenSource(TokenSource)}: tokens from your own code.
 * </ul>
 *
 * <p><b>Token lifetime and refresh</b> (client credentials and token sources). The expiry is the earlier of
 * {@code expires_in} (counted from when the token was requested) and, when the token is a JWT, its {@code exp};
 * with neither, the token is assumed to live <b>3 minutes</b>, the shortest lifetime Airbyte has documented
 * (the current default is 15). Margins scale with the lifetime: a new token is fetched in the background
 * {@code min(60 s, 20 % of the lifetime)} before expiry, plus up to a quarter of that again at random so that many
 * clients do not refresh at the same instant, while calls go on with the current token; calls wait for a new one
 * only in the last {@code min(10 s, 5 % of the lifetime)}. Concurrent calls share one token request. A failed
 * background refresh keeps the still-valid token and is retried 5 s later. The token endpoint is tried up to 3 times
 * on 408, 429, 5xx and network errors; 400, 401 and 403 mean the id or secret were rejected and are not retried.
 * When the API answers 401, the token is dropped, a new one fetched and the call replayed once; a second 401
 * throws {@link AuthenticationException}.
 *
 * <p>The {@code Authorization} header is only sent to the scheme, host and port of the API base URL, and never
 * replaces one the request already carries.
 */
public final class Credentials {
  private static final Credentials NONE = new Credentials(new AuthMethod.None());

  static {
    CredentialsAccess.install(credentials -> credentials.method);
  }

  private final AuthMethod method;

  private Credentials(AuthMethod method) {
    this.method = method;
  }

  /**
   * Client id and secret, exchanged at {@code {baseUrl}/applications/token}.
   *
   * @throws IllegalArgumentException if either is null or blank
   */
  public static Credentials clientCredentials(String clientId, String clientSecret) {
    return new Credentials(new AuthMethod.ClientCredentials(
        requireText(clientId, "clientId"), requireText(clientSecret, "clientSecret"), null));
  }

  /**
   * Client id and secret, exchanged at {@code tokenUrl}, an absolute http or https URL used exactly as given
   * (for example {@code http://host:8000/api/public/v1/applications/token}).
   *
   * @throws IllegalArgumentException if an argument is null or blank, or {@code tokenUrl} is not an absolute
   *     http or https URL
   */
  public static Credentials clientCredentials(String clientId, String clientSecret, String tokenUrl) {
    requireText(clientId, "clientId");
    requireText(clientSecret, "clientSecret");
    requireText(tokenUrl, "tokenUrl");
    HttpUrl url = HttpUrl.parse(tokenUrl.strip());
    if (url == null) {
      // The value is not repeated: with the arguments swapped by mistake it would be the secret.
      throw new IllegalArgumentException("tokenUrl must be an absolute http or https URL");
    }
    return new Credentials(new AuthMethod.ClientCredentials(clientId, clientSecret, url));
  }

  /**
   * A token used as is, for example one generated in the Airbyte UI. It is never refreshed, so a 401 is not
   * replayed.
   *
   * @throws IllegalArgumentException if {@code accessToken} is null or blank
   */
  public static Credentials bearerToken(String accessToken) {
    return new Credentials(new AuthMethod.StaticBearer(requireText(accessToken, "accessToken")));
  }

  /**
   * HTTP Basic authentication, which self-managed installs may accept.
   *
   * @throws IllegalArgumentException if either is null or blank
   */
  public static Credentials basic(String username, String password) {
    return new Credentials(new AuthMethod.Basic(requireText(username, "username"), requireText(password, "password")));
  }

  /** No authentication: for self-managed installs with authentication turned off. */
  public static Credentials none() {
    return NONE;
  }

  /**
   * Tokens from {@code source}, cached and refreshed like client-credentials tokens.
   *
   * @throws IllegalArgumentException if {@code source} is null
   */
  public static Credentials tokenSource(TokenSource source) {
    if (source == null) {
      throw new IllegalArgumentException("source must not be null");
    }
    return new Credentials(new AuthMethod.CustomSource(source));
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Credentials && method.equals(((Credentials) other).method);
  }

  @Override
  public int hashCode() {
    return method.hashCode();
  }

  /** Names the mode and the non-secret fields only, such as {@code Credentials{clientCredentials, clientId=abcd…}}. */
  @Override
  public String toString() {
    return "Credentials{" + method + "}";
  }
}
