package io.github.airbytejava.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret value given by reference: {@code ${PG_PASSWORD}}, resolved by a {@link SecretResolver} only when the
 * value must be sent. Put one in a configuration where a password goes; files write it as the string
 * {@code "${PG_PASSWORD}"}. A template may mix text and references ({@code "user:${PG_PASSWORD}"}); the whole
 * value is then secret.
 *
 * <p>{@link #toString()} prints the reference, never a value: a secret never appears in a plan, a log line or
 * an exported file.
 */
public final class Secret implements io.github.airbytejava.connectors.SecretReference {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final String template;
  private final List<String> names;

  private Secret(String template, List<String> names) {
    this.template = template;
    this.names = List.copyOf(names);
  }

  /** The secret named {@code name} ({@code PG_PASSWORD}, written {@code ${PG_PASSWORD}}). */
  public static Secret ref(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("A secret name is letters, digits, '_', '.' or '-', starting with a letter"
          + " or '_': '" + name + "'");
    }
    return new Secret("${" + name + "}", List.of(name));
  }

  /**
   * The secret a string stands for when it holds a {@code ${NAME}} reference, else null. {@code $${} is a
   * literal {@code ${}, for a value that really contains one.
   */
  static Secret parse(String text) {
    if (!text.contains("${")) return null;
    List<String> names = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      if (m.start() > 0 && text.charAt(m.start() - 1) == '$') continue; // escaped
      names.add(m.group(1));
    }
    return names.isEmpty() ? null : new Secret(text, names);
  }

  /** A string without references, with {@code $${} unescaped; strings holding references are {@link #parse}d. */
  static String unescape(String text) {
    return text.replace("$${", "${");
  }

  /** The names this value refers to, in order. */
  public List<String> names() {
    return names;
  }

  /** The value as written, references included ({@code ${PG_PASSWORD}}). */
  public String template() {
    return template;
  }

  /** The same as {@link #template()}: what a typed builder's secret field holds for this secret. */
  @Override
  public String reference() {
    return template;
  }

  /**
   * The value, or null when the resolver does not know one of the names or gives it empty: CI systems set an
   * undefined secret to {@code ""}, which sent would replace a real secret.
   */
  String resolve(SecretResolver resolver) {
    StringBuilder out = new StringBuilder();
    Matcher m = REFERENCE.matcher(template);
    int last = 0;
    while (m.find()) {
      if (m.start() > 0 && template.charAt(m.start() - 1) == '$') continue;
      String value = resolver.resolve(m.group(1));
      if (value == null || value.isEmpty()) return null;
      out.append(unescape(template.substring(last, m.start()))).append(value);
      last = m.end();
    }
    return out.append(unescape(template.substring(last))).toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && other.template.equals(template);
  }

  @Override
  public int hashCode() {
    return template.hashCode();
  }

  @Override
  public String toString() {
    return template;
  }
}
