package io.github.airbytejava.internal.auth;

import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for logs and exception messages: JSON and form values of secret-looking keys,
 * {@code Basic}/{@code Bearer} credentials, JWTs, and passwords in URLs. A safety net, not a parser: it works on
 * any text, including truncated bodies that are not valid JSON.
 */
final class Redactor {
  static final String MASK = "██";

  /**
   * Keys whose values are secrets: client_secret, access_token, refresh_token, password, api_key, and anything
   * ending in secret, password, token or key-like suffixes, in any case (so {@code accessToken} and
   * {@code tunnel_user_password} too). Keys such as {@code token_type} or {@code token_url} do not end so.
   */
  private static final String SECRET_KEY =
      "[^\"\\\\=&?\\s]*?(?:secret|password|passwd|token|api[_-]?key|private[_-]?key|access[_-]?key)";

  /** {@code "key" : "value"} or {@code "key": 123}; escaped quotes inside the value are skipped. */
  private static final Pattern JSON_VALUE = Pattern.compile(
      "(\"" + SECRET_KEY + "\"\\s*:\\s*)(?:\"(?:[^\"\\\\]|\\\\.)*+\"|-?[0-9][0-9.eE+-]*)",
      Pattern.CASE_INSENSITIVE);
  /** {@code key=value} in form bodies and query strings. */
  private static final Pattern FORM_VALUE = Pattern.compile(
      "((?:^|[?&\\s])" + SECRET_KEY + "=)[^&\\s]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTH_SCHEME = Pattern.compile(
      "\\b(Basic|Bearer)\\s+[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern JWT = Pattern.compile(
      "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern URL_PASSWORD = Pattern.compile(
      "\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+):[^/\\s@]+@", Pattern.CASE_INSENSITIVE);

  private Redactor() {}

  static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = JSON_VALUE.matcher(text).replaceAll("$1\"" + MASK + "\"");
    result = FORM_VALUE.matcher(result).replaceAll("$1" + MASK);
    result = AUTH_SCHEME.matcher(result).replaceAll("$1 " + MASK);
    result = JWT.matcher(result).replaceAll(MASK);
    return URL_PASSWORD.matcher(result).replaceAll("$1:" + MASK + "@");
  }

  /** Like {@link #redact(String)}, and also masks every occurrence of {@code secret} itself. */
  static String redact(String text, String secret) {
    String result = redact(text);
    // Very short secrets are skipped: masking every "ab" would garble the message and hide nothing.
    return result == null || secret == null || secret.length() < 4 ? result : result.replace(secret, MASK);
  }

  /** The first {@code max} characters of {@code text}, marked when cut. */
  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
