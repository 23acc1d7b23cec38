package io.github.airbytejava.connectortools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Java names from connector slugs, property names and enum values. */
final class Names {
  static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case", "catch",
      "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally",
      "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
      "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
      "null", "var", "record", "yield", "sealed", "permits", "non", "_");

  /**
   * Methods of the base classes and of {@code Object}, and the generated static methods: a field's accessor or
   * setter must not take these names.
   */
  static final Set<String> RESERVED_METHODS = Set.of("toMap", "toJson", "get", "unknownFields", "equals", "hashCode",
      "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "actorType", "connector",
      "definitionId", "isTyped", "problems", "warnings", "buildPartial", "requireFields", "validate", "createRequest", "putRequest", "patchRequest", "of", "raw",
      "builder", "toBuilder", "read", "build", "put", "remove", "set", "values", "frozenValues", "string", "integer",
      "number", "bool", "map", "object", "list", "asString", "asLong", "asDecimal", "asBoolean", "asMap", "frozen",
      "plain", "shape", "value", "isKnown", "known");

  private Names() {
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alnum = c < 128 && Character.isLetterOrDigit(c);
      boolean boundary = alnum && word.length() > 0 && Character.isUpperCase(c)
          && Character.isLowerCase(word.charAt(word.length() - 1));
      if (!alnum || boundary) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      }
      if (alnum) {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /** {@code ssl_mode} to {@code SslMode}, {@code NO_TUNNEL} to {@code NoTunnel}; "" for a name without letters. */
  static String pascal(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : words(text)) {
      boolean allUpper = word.equals(word.toUpperCase(Locale.ROOT));
      String rest = allUpper ? word.substring(1).toLowerCase(Locale.ROOT) : word.substring(1);
      out.append(Character.toUpperCase(word.charAt(0))).append(rest);
    }
    if (out.length() > 0 && Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  static String camel(String text) {
    String pascal = pascal(text);
    if (pascal.isEmpty()) {
      return "";
    }
    if (pascal.charAt(0) == '_') {
      return pascal;
    }
    return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
  }

  /** {@code Fail sync} to {@code FAIL_SYNC}, {@code verify-ca} to {@code VERIFY_CA}. */
  static String constant(String value) {
    List<String> words = words(value);
    String name = String.join("_", words).toUpperCase(Locale.ROOT);
    if (name.isEmpty()) {
      return "EMPTY";
    }
    return Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  /** Hands out names, each unique in its scope. */
  static final class Scope {
    private final Set<String> taken = new HashSet<>();

    Scope(Set<String> reserved) {
      reserved.forEach(n -> taken.add(n.toLowerCase(Locale.ROOT)));
    }

    /** {@code wanted} (or {@code fallback} when empty), then with 2, 3, ... until it is free. Case-insensitive. */
    String claim(String wanted, String fallback, String suffixForReserved) {
      String base = wanted.isEmpty() ? fallback : wanted;
      if (KEYWORDS.contains(base) || taken.contains(base.toLowerCase(Locale.ROOT))) {
        base = base + suffixForReserved;
      }
      String name = base;
      for (int i = 2; taken.contains(name.toLowerCase(Locale.ROOT)); i++) {
        name = base + i;
      }
      taken.add(name.toLowerCase(Locale.ROOT));
      return name;
    }

    void reserve(String name) {
      taken.add(name.toLowerCase(Locale.ROOT));
    }
  }
}
