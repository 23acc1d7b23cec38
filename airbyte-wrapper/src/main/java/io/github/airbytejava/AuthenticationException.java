package io.github.airbytejava;

/**
 * No valid credentials could be used: the token endpoint refused or failed (then {@link #getTokenUrl()} names
 * it), or an API call was still answered 401 after one fresh token. Never carries the secret or a token.
 */
public class AuthenticationException extends AirbyteHttpException {
  private static final long serialVersionUID = 1L;

  private final String tokenUrl;

  public AuthenticationException(String method, String path, int statusCode, String title, String detail,
      String problemType, String rawBody, String tokenUrl, Throwable cause) {
    super(method, path, statusCode, title, detail, problemType, rawBody, cause);
    this.tokenUrl = tokenUrl;
  }

  /** The token URL when the token exchange failed; null when an API call was refused. */
  public String getTokenUrl() {
    return tokenUrl;
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return tokenUrl == null ? message : message + " (token URL " + tokenUrl + ")";
  }
}
