package io.github.airbytejava.connectortools;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generates the {@code airbyte-connectors} classes from the facts file: one class per connector
 * ({@code io.github.airbytejava.connectors.sources.SourcePostgres}), with nested classes for its oneOf fields (one
 * subclass per variant), nested objects and enums, each a typed view over the configuration's JSON; plus the
 * resources the module reads at run time (an index, and one schema file per connector).
 *
 * <pre>Generate FACTS_JSON JAVA_OUTPUT_DIR RESOURCE_OUTPUT_DIR</pre>
 */
public final class Generate {
  static final String BASE_PACKAGE = "io.github.airbytejava.connectors";
  static final String RESOURCES = "io/github/airbytejava/connectors/facts/";
  private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

  private Generate() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: Generate FACTS_JSON JAVA_OUTPUT_DIR RESOURCE_OUTPUT_DIR");
      System.exit(2);
    }
    Path facts = Path.of(args[0]);
    Path javaDir = Path.of(args[1]);
    Path resourceDir = Path.of(args[2]);
    // Unchanged facts and generator: keep the files (and their times), so javac has nothing to recompile.
    Path stamp = javaDir.resolveSibling(javaDir.getFileName() + ".stamp");
    String fingerprint = fingerprint(facts);
    if (Files.isDirectory(javaDir) && Files.isDirectory(resourceDir) && Files.exists(stamp)
        && Files.readString(stamp).equals(fingerprint)) {
      return;
    }
    delete(javaDir);
    delete(resourceDir);
    // Nothing printed: the build runs this on every generation, and `mvn -q` promises only errors.
    generate(FactsFile.read(facts), javaDir, resourceDir);
    Files.writeString(stamp, fingerprint);
  }

  /** A hash of the facts file and of the generator's own code. */
  private static String fingerprint(Path facts) throws IOException {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      digest.update(Files.readAllBytes(facts));
      Path code = Path.of(Generate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(code)) {
        try (var files = Files.walk(code)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            digest.update(f.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
          }
        }
      } else {
        digest.update(Files.readAllBytes(code));
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException | java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  static int generate(JsonObject facts, Path javaDir, Path resourceDir) throws IOException {
    StringBuilder index = new StringBuilder(
        "actorType\tslug\tdefinitionId\tname\tdockerRepository\tinServerNameMap\tclassName\n");
    Set<String> classNames = new HashSet<>();
    int count = 0;
    for (JsonElement element : facts.getAsJsonArray("connectors")) {
      JsonObject connector = element.getAsJsonObject();
      String actorType = connector.get("actorType").getAsString();
      String slug = connector.get("slug").getAsString();
      String prefix = actorType.equals("source") ? "Source" : "Destination";
      // Behind the prefix a name may start with a digit: Source7shifts, as the official SDK names it.
      String base = prefix + Names.pascal(slug).replaceFirst("^_(?=[0-9])", "");
      String simpleName = base;
      for (int i = 2; !classNames.add(simpleName.toLowerCase(java.util.Locale.ROOT)); i++) {
        simpleName = base + i;
      }
      String pkg = BASE_PACKAGE + "." + actorType + "s";
      String source = new ConnectorClass(connector, pkg, simpleName).render();
      Path file = javaDir.resolve(pkg.replace('.', '/')).resolve(simpleName + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);

      Path schemaFile = resourceDir.resolve(RESOURCES + actorType + "/" + slug + ".json");
      Files.createDirectories(schemaFile.getParent());
      Files.writeString(schemaFile, COMPACT.toJson(connector.get("schema")), StandardCharsets.UTF_8);
      index.append(actorType).append('\t').append(slug).append('\t').append(text(connector, "definitionId"))
          .append('\t').append(text(connector, "name")).append('\t').append(text(connector, "dockerRepository"))
          .append('\t').append(connector.get("inServerNameMap").getAsBoolean()).append('\t')
          .append(pkg).append('.').append(simpleName).append('\n');
      count++;
    }
    Path indexFile = resourceDir.resolve(RESOURCES + "index.tsv");
    Files.createDirectories(indexFile.getParent());
    Files.writeString(indexFile, index.toString(), StandardCharsets.UTF_8);
    return count;
  }

  private static String text(JsonObject object, String key) {
    JsonElement value = object.get(key);
    return value == null || value.isJsonNull() ? "" : value.getAsString().replace('\t', ' ').replace('\n', ' ');
  }

  // ------------------------------------------------------------------------------------------------ rendering

  /** Source text with indentation. */
  static final class Src {
    private final StringBuilder out = new StringBuilder();
    private int indent;

    Src line(String text) {
      if (!text.isEmpty()) {
        out.append("  ".repeat(indent)).append(text);
      }
      out.append('\n');
      return this;
    }

    Src open(String text) {
      line(text + " {");
      indent++;
      return this;
    }

    Src close() {
      indent--;
      return line("}");
    }

    void doc(String text) {
      List<String> lines = wrap(text, 110 - 2 * indent - 3);
      if (lines.size() == 1 && lines.get(0).length() <= 110 - 2 * indent - 7) {
        line("/** " + lines.get(0) + " */");
        return;
      }
      line("/**");
      lines.forEach(l -> line(l.isEmpty() ? " *" : " * " + l));
      line(" */");
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** Text for a javadoc comment: HTML escaped, and nothing javadoc or javac reads ({@code @}, braces, backslashes). */
  static String html(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '@' -> out.append("&#64;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '\\' -> out.append("&#92;");
        case '*' -> out.append("&#42;");
        case '/' -> out.append("&#47;");
        case ' ' -> out.append("&nbsp;"); // keeps a value on one line when the comment is wrapped
        default -> out.append(c < 0x20 ? ' ' : c);
      }
    }
    return out.toString();
  }

  static String code(String text) {
    return "<code>" + html(text) + "</code>";
  }

  /** A Java string literal. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\%03o", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String json(JsonElement element) {
    return element.isJsonPrimitive() && element.getAsJsonPrimitive().isString() ? element.getAsString()
        : COMPACT.toJson(element);
  }

  // ---------------------------------------------------------------------------------------------- the model

  /** What a field's accessor returns and its setters take. */
  record FieldType(String javaType, String getter, List<String[]> setters, String doc) {
  }

  /** Names the generated code uses unqualified: a nested class must not hide them. */
  static final Set<String> TYPES_IN_SCOPE = Set.of("Builder", "Shape", "ActorType", "ConfigBuilder", "ConfigEnum",
      "ConfigObject", "SecretReference", "SourceConfiguration", "DestinationConfiguration", "BigDecimal", "List", "Map",
      "Object", "String", "Long", "Boolean", "Integer", "Double", "Override", "SuppressWarnings", "Function", "Class",
      "System");

  /** A class being generated for an object schema, and what it needs nested in it. */
  abstract static class ObjectClass {
    final String simpleName;
    /** How javadoc links name it from the top class, such as {@code SourcePostgres.SslMode.VerifyCa}. */
    final String qualifiedName;
    final JsonObject schema;
    final String shapeExpression;
    final List<String> enclosingNames;
    final Names.Scope nestedNames;
    final List<Consumer<Src>> nested = new ArrayList<>();

    ObjectClass(String simpleName, String qualifiedName, JsonObject schema, String shapeExpression,
        List<String> enclosingNames) {
      this.simpleName = simpleName;
      this.qualifiedName = qualifiedName;
      this.schema = schema;
      this.shapeExpression = shapeExpression;
      this.enclosingNames = new ArrayList<>(enclosingNames);
      this.enclosingNames.add(simpleName);
      Set<String> reserved = new LinkedHashSet<>(this.enclosingNames);
      reserved.addAll(TYPES_IN_SCOPE);
      this.nestedNames = new Names.Scope(reserved);
    }

    /** Properties in form order ({@code order}, then name), skipping {@code skip}. */
    List<Map.Entry<String, JsonElement>> fields(String skip) {
      List<Map.Entry<String, JsonElement>> fields = new ArrayList<>();
      if (schema.has("properties")) {
        for (Map.Entry<String, JsonElement> e : schema.getAsJsonObject("properties").entrySet()) {
          if (!e.getKey().equals(skip)) {
            fields.add(e);
          }
        }
      }
      fields.sort(Comparator.comparingInt((Map.Entry<String, JsonElement> e) -> order(e.getValue()))
          .thenComparing(Map.Entry::getKey));
      return fields;
    }

    static int order(JsonElement schema) {
      JsonElement order = schema.getAsJsonObject().get("order");
      return order != null && order.isJsonPrimitive() && order.getAsJsonPrimitive().isNumber() ? order.getAsInt()
          : Integer.MAX_VALUE;
    }

    Set<String> required() {
      Set<String> required = new LinkedHashSet<>();
      if (schema.has("required")) {
        schema.getAsJsonArray("required").forEach(r -> required.add(r.getAsString()));
      }
      return required;
    }

    /** The type of a field, declaring the nested classes it needs. */
    FieldType fieldType(String key, JsonObject property, boolean required) {
      String shape = "SHAPE.child(" + literal(key) + ")";
      FieldType type = type(key, property, shape, true);
      String doc = code(key) + ": " + type.doc() + (required ? "; required" : "") + constraints(property) + ".";
      return new FieldType(type.javaType(), type.getter(), type.setters(), doc);
    }

    private FieldType type(String key, JsonObject property, String shape, boolean field) {
      Set<String> types = types(property);
      String k = literal(key);
      if (property.has("oneOf") && FactsDiff.discriminator(property.getAsJsonArray("oneOf")) != null) {
        String name = nestedNames.claim(Names.pascal(key), "Variant", "Type");
        OneOfClass oneOf = new OneOfClass(name, qualifiedName + "." + name, property, simpleName + "." + shape,
            enclosingNames, key);
        nested.add(oneOf::render);
        return new FieldType(name, field ? "object(" + k + ", " + name + "::read)" : name + "::read",
            setter(name), "one of the variants " + oneOf.variantLinks());
      }
      if (types.size() == 1 && types.contains("object") && property.has("properties")
          && !property.getAsJsonObject("properties").isEmpty()) {
        String name = nestedNames.claim(Names.pascal(key), "Value", "Type");
        NestedClass nestedClass = new NestedClass(name, qualifiedName + "." + name, property,
            simpleName + "." + shape, enclosingNames, key);
        nested.add(nestedClass::render);
        return new FieldType(name, field ? "object(" + k + ", " + name + "::read)" : name + "::read", setter(name),
            "an object ({@link " + name + "})");
      }
      if (enumOfStrings(property) && !property.has("const")) {
        String name = nestedNames.claim(Names.pascal(key), "Value", "Type");
        List<String> values = new ArrayList<>();
        property.getAsJsonArray("enum").forEach(v -> values.add(v.getAsString()));
        nested.add(src -> renderEnum(src, name, key, values));
        return new FieldType(name, field ? "object(" + k + ", " + name + "::read)" : name + "::read", setter(name),
            "one of " + String.join(", ", values.stream().map(Generate::code).toList()) + " ({@link " + name + "})");
      }
      if (types.size() == 1 && types.contains("array")) {
        JsonObject items = property.has("items") && property.get("items").isJsonObject()
            ? property.getAsJsonObject("items") : new JsonObject();
        String itemKey = singular(key);
        FieldType item = type(itemKey, items, shape + ".items()", false);
        if (item.getter() == null) {
          item = new FieldType("Object", null, List.of(), "JSON values");
        }
        String element = item.javaType().equals("Object") ? "java.util.function.Function.identity()" : item.getter();
        return new FieldType("List<" + item.javaType() + ">", field ? "list(" + k + ", " + element + ")" : null,
            setters(new String[] {"List<" + item.javaType() + ">", "v"}), "a list of " + plural(item.doc()));
      }
      if (types.size() == 1) {
        switch (types.iterator().next()) {
          case "string" -> {
            FieldType string = simple("String", "string", "ConfigObject::asString", k, field, "a string", "String");
            if (field && property.has("airbyte_secret") && property.get("airbyte_secret").getAsBoolean()) {
              // A secret may also be given by reference (${NAME}), resolved only when the configuration is sent.
              return new FieldType(string.javaType(), string.getter(), setters(new String[] {"String", "v"},
                  new String[] {"SecretReference", "v"}), string.doc());
            }
            return string;
          }
          case "integer" -> {
            return simple("Long", "integer", "ConfigObject::asLong", k, field, "an integer", "long");
          }
          case "number" -> {
            FieldType t = simple("BigDecimal", "number", "ConfigObject::asDecimal", k, field, "a number", "BigDecimal");
            return new FieldType(t.javaType(), t.getter(), setters(new String[] {"BigDecimal", "v"},
                new String[] {"double", "v"}), t.doc());
          }
          case "boolean" -> {
            return simple("Boolean", "bool", "ConfigObject::asBoolean", k, field, "a boolean", "boolean");
          }
          case "object" -> {
            return new FieldType("Map<String, Object>", field ? "map(" + k + ")" : "ConfigObject::asMap",
                setters(new String[] {"Map<String, ?>", "v"}), "a JSON object");
          }
          default -> {
          }
        }
      }
      return new FieldType("Object", field ? "get(" + k + ")" : null, setters(new String[] {"Object", "v"}),
          types.isEmpty() ? "any JSON value" : "any of " + String.join(", ", types));
    }

    private static FieldType simple(String javaType, String reader, String itemReader, String k, boolean field,
        String doc, String setterType) {
      return new FieldType(javaType, field ? reader + "(" + k + ")" : itemReader, setters(new String[] {setterType, "v"}),
          doc);
    }

    private static List<String[]> setter(String type) {
      return setters(new String[] {type, "v"});
    }

    private static List<String[]> setters(String[]... setters) {
      return List.of(setters);
    }

    /** The JSON types a schema allows, without {@code null}; {@code object} when it has properties but no type. */
    static Set<String> types(JsonObject schema) {
      Set<String> types = new LinkedHashSet<>();
      JsonElement type = schema.get("type");
      if (type != null && type.isJsonArray()) {
        type.getAsJsonArray().forEach(t -> types.add(t.getAsString()));
      } else if (type != null) {
        types.add(type.getAsString());
      } else if (schema.has("properties")) {
        types.add("object");
      } else if (enumOfStrings(schema)) {
        types.add("string");
      }
      types.remove("null");
      return types;
    }

    static boolean enumOfStrings(JsonObject schema) {
      if (!schema.has("enum") || schema.getAsJsonArray("enum").isEmpty()) {
        return false;
      }
      for (JsonElement v : schema.getAsJsonArray("enum")) {
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
          return false;
        }
      }
      Set<String> types = new HashSet<>();
      JsonElement type = schema.get("type");
      if (type == null) {
        return true;
      }
      if (type.isJsonArray()) {
        type.getAsJsonArray().forEach(t -> types.add(t.getAsString()));
      } else {
        types.add(type.getAsString());
      }
      types.remove("null");
      return types.equals(Set.of("string"));
    }

    /** The facts a field's javadoc states after its type: default, bounds, pattern, format, secret. */
    static String constraints(JsonObject p) {
      List<String> parts = new ArrayList<>();
      if (p.has("const")) {
        parts.add("always " + code(json(p.get("const"))));
      } else if (p.has("enum") && !enumOfStrings(p)) {
        List<String> values = new ArrayList<>();
        p.getAsJsonArray("enum").forEach(v -> values.add(code(json(v))));
        parts.add("one of " + String.join(", ", values));
      }
      if (p.has("default")) {
        parts.add("default " + code(json(p.get("default"))));
      }
      bound(parts, p, "minimum", "at least ");
      bound(parts, p, "exclusiveMinimum", "greater than ");
      bound(parts, p, "maximum", "at most ");
      bound(parts, p, "exclusiveMaximum", "less than ");
      bound(parts, p, "minLength", "at least ", " characters");
      bound(parts, p, "maxLength", "at most ", " characters");
      bound(parts, p, "minItems", "at least ", " items");
      bound(parts, p, "maxItems", "at most ", " items");
      if (p.has("uniqueItems") && p.get("uniqueItems").getAsBoolean()) {
        parts.add("no item twice");
      }
      if (p.has("pattern")) {
        parts.add("matching " + code(p.get("pattern").getAsString()));
      }
      if (p.has("format")) {
        parts.add("format " + code(p.get("format").getAsString()));
      }
      if (p.has("airbyte_secret") && p.get("airbyte_secret").getAsBoolean()) {
        parts.add("<b>secret</b> (masked in {@code toString()}; Airbyte returns it masked)");
      }
      return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
    }

    private static void bound(List<String> parts, JsonObject p, String keyword, String text) {
      bound(parts, p, keyword, text, "");
    }

    private static void bound(List<String> parts, JsonObject p, String keyword, String text, String unit) {
      if (p.has(keyword)) {
        parts.add(text + p.get(keyword).getAsBigDecimal().toPlainString() + unit);
      }
    }

    static String singular(String key) {
      if (key.endsWith("ies") && key.length() > 4) {
        return key.substring(0, key.length() - 3) + "y";
      }
      if (key.endsWith("s") && !key.endsWith("ss") && !key.endsWith("us") && !key.endsWith("is") && key.length() > 2) {
        return key.substring(0, key.length() - 1);
      }
      return key + "_item";
    }

    static String plural(String doc) {
      return doc.replaceFirst("^an? ", "").replaceFirst("^(string|integer|number|boolean)", "$1s")
          .replaceFirst("^JSON object", "JSON objects").replaceFirst("^object ", "objects ");
    }

    /** Accessors and, in {@code builder}, setters for each field; names from {@code methods}. */
    void renderAccessors(Src src, List<Map.Entry<String, JsonElement>> fields, Map<String, String> methodNames,
        List<String[]> builderMethods) {
      Set<String> required = required();
      for (Map.Entry<String, JsonElement> f : fields) {
        String key = f.getKey();
        FieldType type = fieldType(key, f.getValue().getAsJsonObject(), required.contains(key));
        String method = methodNames.get(key);
        src.line("");
        src.doc(type.doc());
        src.open("public " + type.javaType() + " " + method + "()");
        src.line("return " + type.getter() + ";");
        src.close();
        for (String[] setter : type.setters()) {
          builderMethods.add(new String[] {method, setter[0], key, type.doc()});
        }
      }
    }

    void renderBuilder(Src src, String builtType, List<String[]> builderMethods, String buildExpression,
        Set<String> required) {
      src.line("");
      src.doc("Builds a {@link " + builtType + "}; each setter sets one field, null removes it.");
      src.open("public static final class Builder extends ConfigBuilder<Builder>");
      src.open("private Builder(Map<String, Object> values)");
      src.line("super(values);");
      src.close();
      for (String[] m : builderMethods) {
        src.line("");
        src.doc("Sets {@link " + builtType + "#" + m[0] + "()}.");
        src.open("public Builder " + m[0] + "(" + m[1] + " " + m[0] + ")");
        src.line("return set(" + literal(m[2]) + ", " + m[0] + ");");
        src.close();
      }
      src.line("");
      if (required.isEmpty()) {
        src.doc("The built configuration; not validated (see {@code validate()}).");
        src.open("public " + builtType + " build()");
        src.line("return " + buildExpression + ";");
        src.close();
      } else {
        // As the Stainless SDKs' builders: a missing required field fails here, where it was forgotten, with the
        // message validation gives. buildPartial() is for a PATCH, whose missing fields the server keeps.
        src.doc("The built configuration, once every required field (" + String.join(", ",
            required.stream().map(Generate::code).toList()) + ") is set, else an {@code InvalidConfigurationException} "
            + "naming each missing one; the rest is checked by {@code validate()} and by each request made from it. "
            + "For the fields of a PATCH, see {@link #buildPartial()}.");
        src.open("public " + builtType + " build()");
        src.line("return requireFields(" + buildExpression + ", " + String.join(", ",
            required.stream().map(Generate::literal).toList()) + ");");
        src.close();
        src.line("");
        src.doc("The built configuration, required fields or not: the fields of a {@code patchRequest()}, which the "
            + "server merges into the stored ones.");
        src.open("public " + builtType + " buildPartial()");
        src.line("return " + buildExpression + ";");
        src.close();
      }
      src.close();
    }

    /** The rest of a class that is not a oneOf: builder factories, accessors, its builder, nested classes, the end. */
    void renderBuildable(Src src, String toBuilderDoc) {
      src.line("");
      src.doc("An empty builder.");
      src.open("public static Builder builder()");
      src.line("return new Builder(Map.of());");
      src.close();
      src.line("");
      src.doc(toBuilderDoc);
      src.open("public Builder toBuilder()");
      src.line("return new Builder(frozenValues());");
      src.close();
      List<Map.Entry<String, JsonElement>> fields = fields(null);
      List<String[]> builderMethods = new ArrayList<>();
      renderAccessors(src, fields, methodNames(fields, Set.of()), builderMethods);
      renderBuilder(src, simpleName, builderMethods, "new " + simpleName + "(frozenValues())", required());
      renderNested(src);
      src.close();
    }

    Map<String, String> methodNames(List<Map.Entry<String, JsonElement>> fields, Set<String> reserved) {
      Set<String> all = new LinkedHashSet<>(Names.RESERVED_METHODS);
      all.addAll(reserved);
      Names.Scope scope = new Names.Scope(all);
      Map<String, String> names = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> f : fields) {
        names.put(f.getKey(), scope.claim(Names.camel(f.getKey()), "field", "Field"));
      }
      return names;
    }

    void renderNested(Src src) {
      // Rendering a nested class can declare more nested classes (of its own): render until none are left.
      for (int i = 0; i < nested.size(); i++) {
        src.line("");
        nested.get(i).accept(src);
      }
    }

    void renderEnum(Src src, String name, String key, List<String> values) {
      src.doc("The values of " + code(key) + ": " + String.join(", ", values.stream().map(Generate::code).toList())
          + ". {@link #of(String)} keeps any other value with its string.");
      src.open("public static final class " + name + " extends ConfigEnum");
      Names.Scope constants = new Names.Scope(Set.of());
      List<String> names = new ArrayList<>();
      for (String value : values) {
        String constant = constants.claim(Names.constant(value), "EMPTY", "_VALUE");
        names.add(constant);
        src.line("public static final " + name + " " + constant + " = new " + name + "(" + literal(value) + ", true);");
      }
      src.line("private static final List<" + name + "> known = List.of(" + String.join(", ", names) + ");");
      src.line("");
      src.open("private " + name + "(String value, boolean known)");
      src.line("super(value, known);");
      src.close();
      src.line("");
      src.doc("The constant for {@code value}, or an unknown value keeping its string.");
      src.open("public static " + name + " of(String value)");
      src.line("return of(known, value, v -> new " + name + "(v, false));");
      src.close();
      src.line("");
      src.doc("Every value the facts list.");
      src.open("public static List<" + name + "> values()");
      src.line("return known;");
      src.close();
      src.line("");
      src.open("static " + name + " read(Object value)");
      src.line("return of(String.valueOf(value));");
      src.close();
      src.close();
    }
  }

  /** The top-level class of one connector. */
  static final class ConnectorClass extends ObjectClass {
    private final JsonObject connector;
    private final String pkg;
    private final String base;
    private final String actorType;

    ConnectorClass(JsonObject connector, String pkg, String simpleName) {
      super(simpleName, simpleName, connector.getAsJsonObject("schema"),
          "Shape.root(ActorType." + connector.get("actorType").getAsString().toUpperCase(java.util.Locale.ROOT) + ", "
              + literal(connector.get("slug").getAsString()) + ")", List.of());
      this.connector = connector;
      this.pkg = pkg;
      this.actorType = connector.get("actorType").getAsString();
      this.base = actorType.equals("source") ? "SourceConfiguration" : "DestinationConfiguration";
    }

    String render() {
      Src src = new Src();
      src.line("// Generated by airbyte-connector-tools from connector-facts.json: do not edit.");
      src.line("package " + pkg + ";");
      src.line("");
      src.line("import " + BASE_PACKAGE + ".ActorType;");
      src.line("import " + BASE_PACKAGE + ".ConfigBuilder;");
      src.line("import " + BASE_PACKAGE + ".ConfigEnum;");
      src.line("import " + BASE_PACKAGE + ".ConfigObject;");
      src.line("import " + BASE_PACKAGE + ".SecretReference;");
      src.line("import " + BASE_PACKAGE + "." + base + ";");
      src.line("import " + BASE_PACKAGE + ".internal.Shape;");
      src.line("import java.math.BigDecimal;");
      src.line("import java.util.List;");
      src.line("import java.util.Map;");
      src.line("");
      src.doc(classDoc());
      src.open("public final class " + simpleName + " extends " + base);
      src.line("static final Shape SHAPE = " + shapeExpression + ";");
      src.line("");
      src.open("private " + simpleName + "(Map<String, Object> values)");
      src.line("super(SHAPE, values);");
      src.close();
      src.line("");
      src.doc("A typed view of a plain configuration, copied; not validated (see {@code validate()}).");
      src.open("public static " + simpleName + " of(Map<String, ?> configuration)");
      src.line("return new " + simpleName + "(frozen(configuration));");
      src.close();
      renderBuildable(src, "A builder holding this configuration's fields, to change some; this one is not changed.");
      return src.toString();
    }

    private String classDoc() {
      String name = connector.has("name") && !connector.get("name").isJsonNull() ? connector.get("name").getAsString()
          : connector.get("slug").getAsString();
      StringBuilder doc = new StringBuilder("The configuration of Airbyte's " + html(name) + " " + actorType + ": "
          + actorType + "Type " + code(connector.get("slug").getAsString()));
      if (connector.has("definitionId") && !connector.get("definitionId").isJsonNull()) {
        doc.append(", definition id ").append(code(connector.get("definitionId").getAsString()));
      }
      if (connector.has("dockerRepository") && !connector.get("dockerRepository").isJsonNull()) {
        doc.append(", Docker image ").append(code(connector.get("dockerRepository").getAsString()));
      }
      doc.append(".");
      if (!connector.get("inServerNameMap").getAsBoolean()) {
        doc.append(" The server cannot find this connector by its name alone; the requests made from this class"
            + " carry its definition id.");
      }
      Set<String> required = required();
      doc.append("\n<p>").append(required.isEmpty() ? "No field is required."
          : "Required: " + String.join(", ", required.stream().map(Generate::code).toList()) + ".");
      doc.append(" Accessors return null for a field that is absent. Build one with {@link #builder()}; read one back"
          + " with {@code " + base + ".of(response, " + simpleName + ".class)}.");
      return doc.toString();
    }
  }

  /** A nested object that is not a oneOf. */
  static final class NestedClass extends ObjectClass {
    private final String key;

    NestedClass(String simpleName, String qualifiedName, JsonObject schema, String shape, List<String> enclosing,
        String key) {
      super(simpleName, qualifiedName, schema, shape, enclosing);
      this.key = key;
    }

    void render(Src src) {
      src.doc("The object in " + code(key) + "; accessors return null for a field that is absent.");
      src.open("public static final class " + simpleName + " extends ConfigObject");
      src.line("static final Shape SHAPE = " + shapeExpression + ";");
      src.line("");
      src.open("private " + simpleName + "(Map<String, Object> values)");
      src.line("super(SHAPE, values);");
      src.close();
      src.line("");
      src.open("static " + simpleName + " read(Object value)");
      src.line("return new " + simpleName + "(asMap(value, " + literal(key) + "));");
      src.close();
      renderBuildable(src, "A builder holding this object's fields.");
    }
  }

  /** A oneOf with a discriminator: a sealed base class, one subclass per variant. */
  static final class OneOfClass extends ObjectClass {
    private final String key;
    private final String discriminator;
    private final List<VariantClass> variants = new ArrayList<>();
    private final String discriminatorMethod;

    OneOfClass(String simpleName, String qualifiedName, JsonObject schema, String shape, List<String> enclosing,
        String key) {
      super(simpleName, qualifiedName, schema, shape, enclosing);
      this.key = key;
      JsonArray oneOf = schema.getAsJsonArray("oneOf");
      this.discriminator = FactsDiff.discriminator(oneOf);
      Names.Scope methods = new Names.Scope(Names.RESERVED_METHODS);
      this.discriminatorMethod = methods.claim(Names.camel(discriminator), "kind", "Field");
      for (int i = 0; i < oneOf.size(); i++) {
        JsonObject variant = oneOf.get(i).getAsJsonObject();
        String value = FactsDiff.fixedValue(variant.getAsJsonObject("properties").getAsJsonObject(discriminator));
        String name = nestedNames.claim(Names.pascal(value), "Variant", "Variant");
        variants.add(new VariantClass(name, qualifiedName + "." + name, variant, simpleName + ".SHAPE.variant(" + i + ")",
            this.enclosingNames, this, value));
      }
      // Static factories of the base and accessors of the variants share one namespace (a subclass's instance
      // method cannot hide a static one).
      Set<String> accessors = new HashSet<>();
      for (VariantClass v : variants) {
        v.methodNames = v.methodNames(v.fields(discriminator), Set.of(discriminatorMethod));
        accessors.addAll(v.methodNames.values());
      }
      Set<String> reserved = new HashSet<>(Names.RESERVED_METHODS);
      reserved.addAll(accessors);
      reserved.add(discriminatorMethod);
      Names.Scope factories = new Names.Scope(reserved);
      for (VariantClass v : variants) {
        v.factoryName = factories.claim(Names.camel(v.value), "variant", "Variant");
      }
    }

    String variantLinks() {
      return String.join(", ", variants.stream().map(v -> "{@link " + qualifiedName + "." + v.simpleName + " "
          + html(v.value) + "}").toList());
    }

    void render(Src src) {
      src.doc("The variants of " + code(key) + ", named by " + code(discriminator) + ": " + variantLinks()
          + ". An instance of this class itself is a variant the facts do not know; its {@link #"
          + discriminatorMethod + "()} names it.");
      src.open("public static sealed class " + simpleName + " extends ConfigObject");
      src.line("static final Shape SHAPE = " + shapeExpression + ";");
      src.line("");
      src.open("private " + simpleName + "(Shape shape, Map<String, Object> values)");
      src.line("super(shape, values);");
      src.close();
      src.line("");
      src.open("static " + simpleName + " read(Object value)");
      src.line("Map<String, Object> values = asMap(value, " + literal(key) + ");");
      src.line("Object name = values.get(" + literal(discriminator) + ");");
      for (VariantClass v : variants) {
        src.open("if (" + literal(v.value) + ".equals(name))");
        src.line("return new " + v.simpleName + "(values);");
        src.close();
      }
      src.line("return new " + simpleName + "(SHAPE, values);");
      src.close();
      src.line("");
      src.doc(code(discriminator) + ": which variant this is.");
      src.open("public final String " + discriminatorMethod + "()");
      src.line("return string(" + literal(discriminator) + ");");
      src.close();
      for (VariantClass v : variants) {
        src.line("");
        String literalMap = "Map.of(" + literal(discriminator) + ", " + literal(v.value) + ")";
        if (v.hasFields()) {
          src.doc("A builder of the " + code(v.value) + " variant.");
          src.open("public static " + v.simpleName + ".Builder " + v.factoryName + "()");
          src.line("return new " + v.simpleName + ".Builder(" + literalMap + ");");
        } else {
          src.doc("The " + code(v.value) + " variant.");
          src.open("public static " + v.simpleName + " " + v.factoryName + "()");
          src.line("return new " + v.simpleName + "(" + literalMap + ");");
        }
        src.close();
      }
      for (VariantClass v : variants) {
        src.line("");
        v.render(src);
      }
      renderNested(src);
      src.close();
    }
  }

  /** One variant of a oneOf. */
  static final class VariantClass extends ObjectClass {
    private final OneOfClass base;
    final String value;
    Map<String, String> methodNames;
    String factoryName;

    VariantClass(String simpleName, String qualifiedName, JsonObject schema, String shape, List<String> enclosing,
        OneOfClass base, String value) {
      super(simpleName, qualifiedName, schema, shape, enclosing);
      this.base = base;
      this.value = value;
    }

    boolean hasFields() {
      return !fields(base.discriminator).isEmpty();
    }

    void render(Src src) {
      Set<String> required = required();
      required.remove(base.discriminator);
      src.doc("The " + code(value) + " variant of {@link " + base.qualifiedName + "}."
          + (required.isEmpty() ? "" : " Required: " + String.join(", ", required.stream().map(Generate::code).toList())
          + "."));
      src.open("public static final class " + simpleName + " extends " + base.simpleName);
      src.line("static final Shape SHAPE = " + shapeExpression + ";");
      src.line("");
      src.open("private " + simpleName + "(Map<String, Object> values)");
      src.line("super(SHAPE, values);");
      src.close();
      List<Map.Entry<String, JsonElement>> fields = fields(base.discriminator);
      if (!fields.isEmpty()) {
        src.line("");
        src.doc("A builder holding this variant's fields.");
        src.open("public Builder toBuilder()");
        src.line("return new Builder(frozenValues());");
        src.close();
        List<String[]> builderMethods = new ArrayList<>();
        renderAccessors(src, fields, methodNames, builderMethods);
        renderBuilder(src, simpleName, builderMethods, "new " + simpleName + "(frozenValues())", required);
      }
      renderNested(src);
      src.close();
    }
  }
}
