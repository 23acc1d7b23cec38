package io.github.airbytejava.generated.invoker;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The generated models' {@code toString()}: what may be printed and what is masked.
 *
 * <p>Not part of the client's API: only the generated models call it, and it may change in any release.
 *
 * <p>A {@code toString()} ends up in logs and exception messages, so it never prints a secret:
 * <ul>
 *   <li>a property whose name says it holds one (a client secret, an access token, a password, a key, credentials)
 *       prints as {@value #MASK};
 *   <li>free-form JSON (a connector's or an OAuth configuration, a mapper's) prints its keys and structure with
 *       every value masked: the models cannot know which fields of a connector are secret;
 *   <li>unknown fields print their values, except those with a secret's name and free-form ones.
 * </ul>
 */
public final class ModelText {
  /** What a masked value prints as. */
  public static final String MASK = "****";

  private static final String[] SECRET_WORDS = {"secret", "password", "passwd", "token", "credential",
      "serviceaccount", "privatekey", "apikey", "accesskey", "sshkey", "jwt", "cookie"};

  private ModelText() {}

  /** One property of a model, by its JSON name. */
  public static String value(String name, Object value) {
    if (value == null) return "null";
    if (isSecretName(name)) return MASK;
    return indent(String.valueOf(value));
  }

  /** A free-form JSON value: its keys and structure, every value masked. */
  public static String masked(Object value) {
    StringBuilder out = new StringBuilder();
    appendMasked(out, value);
    return indent(out.toString());
  }

  /** The unknown fields a model keeps: names shown; values shown unless secret by name or free-form. */
  public static String additional(Map<String, Object> properties) {
    if (properties == null) return "null";
    StringBuilder out = new StringBuilder("{");
    for (Iterator<Map.Entry<String, Object>> it = properties.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Object> entry = it.next();
      Object value = entry.getValue();
      out.append(entry.getKey()).append('=');
      if (value != null && isSecretName(entry.getKey())) out.append(MASK);
      else if (value instanceof Map || value instanceof Collection) appendMasked(out, value);
      else out.append(value);
      if (it.hasNext()) out.append(", ");
    }
    return indent(out.append('}').toString());
  }

  /** A name such as {@code clientSecret}, {@code access_token}, {@code ssh_key}, {@code credentials_json}. */
  static boolean isSecretName(String name) {
    String plain = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    if (plain.endsWith("key")) return true;
    for (String word : SECRET_WORDS) {
      if (plain.contains(word)) return true;
    }
    return false;
  }

  private static void appendMasked(StringBuilder out, Object value) {
    if (value instanceof Map) {
      out.append('{');
      for (Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<?, ?> entry = it.next();
        out.append(entry.getKey()).append('=');
        appendMasked(out, entry.getValue());
        if (it.hasNext()) out.append(", ");
      }
      out.append('}');
    } else if (value instanceof Collection) {
      out.append('[');
      for (Iterator<?> it = ((Collection<?>) value).iterator(); it.hasNext(); ) {
        appendMasked(out, it.next());
        if (it.hasNext()) out.append(", ");
      }
      out.append(']');
    } else {
      out.append(value == null ? "null" : MASK);
    }
  }

  /** Each line after the first indented by 4 spaces, so nested models line up. */
  private static String indent(String text) {
    return text.replace("\n", "\n    ");
  }
}
