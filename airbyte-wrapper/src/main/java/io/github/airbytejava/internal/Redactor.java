package io.github.airbytejava.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks secrets in text bound for logs and exception messages: JSON and form values of secret-looking keys,
 * {@code Basic}/{@code Bearer} credentials, JWTs, PEM private keys and passwords in URLs. A safety net, not a
 * parser: it works on any text, including truncated bodies that are not valid JSON. {@link BodyMasker} does the
 * structural work on JSON bodies and calls this for every string in them.
 */
public final class Redactor {
  public static final String MASK = "██";

  /**
   * What a secret-looking key contains once lower-cased and stripped of {@code _} and {@code -}: {@code secret},
   * {@code password}, {@code token}, {@code credential}, {@code ssh_key}, {@code service_account}, {@code api_key},
   * ... A key that ends in {@code key} is secret too (the API's own {@code key} is an encryption mapper's AES key):
   * those that are not, such as {@code primaryKey}, and keys such as {@code token_type} are named in
   * {@link #NOT_SECRET}.
   */
  private static final String[] SECRET_PARTS = {
    "secret", "password", "passwd", "passphrase", "token", "credential", "apikey", "privatekey", "accesskey",
    "sshkey", "serviceaccount", "jwt", "cookie", "authorization", "signature", "sessionid"
  };
  private static final Set<String> NOT_SECRET =
      Set.of("tokentype", "tokenurl", "expiresin", "primarykey", "sourcedefinedprimarykey", "publickey");

  /** A key whose value the patterns below mask in any text; kept in step with {@link #isSecretKey}. */
  private static final String SECRET_KEY =
      "(?:[^\"\\\\=&?\\s]*?(?:secret|password|passwd|passphrase|token|credential|api[_-]?key|private[_-]?key"
          + "|access[_-]?key|ssh[_-]?key|service[_-]?account|jwt|cookie|authorization|signature|session[_-]?id)"
          + "[^\"\\\\=&?\\s]*?|(?!(?:primary|public)[_-]?key)[^\"\\\\=&?\\s]*?key)";

  /**
   * {@code "key" : "value"} or {@code "key": 123}; escaped quotes inside the value are skipped, and a value the text
   * ends in (a body cut short) is masked too.
   */
  private static final Pattern JSON_VALUE = Pattern.compile(
      "(\"(?!token_type\")(?!expires_in\")" + SECRET_KEY + "\"\\s*:\\s*)(?:\"(?:[^\"\\\\]|\\\\.)*+(?:\"|\\\\?$)"
          + "|-?[0-9][0-9.eE+-]*)",
      Pattern.CASE_INSENSITIVE);
  /** The same inside a JSON string that holds JSON: {@code \"key\": \"value\"}. */
  private static final Pattern ESCAPED_JSON_VALUE = Pattern.compile(
      "(\\\\\"" + SECRET_KEY + "\\\\\"\\s*:\\s*)\\\\\"(?:[^\\\\]|\\\\(?!\"))*+\\\\\"", Pattern.CASE_INSENSITIVE);
  /** {@code key=value} in form bodies and query strings. */
  private static final Pattern FORM_VALUE = Pattern.compile(
      "((?:^|[?&\\s\"'(,;])(?!token_type=)" + SECRET_KEY + "=)[^&\\s\"']*", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTH_SCHEME = Pattern.compile(
      "\\b(Basic|Bearer)\\s+[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);
  private static final Pattern JWT = Pattern.compile(
      "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z ]*PRIVATE KEY)-----.*?(?:-----END \\1-----|$)", Pattern.DOTALL);
  private static final Pattern URL_PASSWORD = Pattern.compile(
      "\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+):[^/\\s@]+@", Pattern.CASE_INSENSITIVE);

  private Redactor() {}

  /** Whether a JSON, form or query key names a secret: see {@link #SECRET_PARTS}. */
  public static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    if (NOT_SECRET.contains(k)) return false;
    if (k.endsWith("key")) return true;
    for (String part : SECRET_PARTS) {
      if (k.contains(part)) return true;
    }
    return false;
  }

  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = JSON_VALUE.matcher(text).replaceAll("$1\"" + MASK + "\"");
    result = ESCAPED_JSON_VALUE.matcher(result).replaceAll("$1\\\\\"" + MASK + "\\\\\"");
    result = FORM_VALUE.matcher(result).replaceAll("$1" + MASK);
    result = AUTH_SCHEME.matcher(result).replaceAll("$1 " + MASK);
    result = JWT.matcher(result).replaceAll(MASK);
    result = PEM.matcher(result).replaceAll(MASK);
    return URL_PASSWORD.matcher(result).replaceAll("$1:" + MASK + "@");
  }

  /** Like {@link #redact(String)}, and also masks every occurrence of {@code secret} itself. */
  public static String redact(String text, String secret) {
    String result = redact(text);
    // Very short secrets are skipped: masking every "ab" would garble the message and hide nothing.
    return result == null || secret == null || secret.length() < 4 ? result : result.replace(secret, MASK);
  }

  /** The first {@code max} characters of {@code text}, marked when cut. */
  public static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
