package io.github.airbytejava.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The spec and the generated code cannot drift apart: every operation is a method of a generated API. */
class SpecCoverageTest {
  private static final String SPEC = "io/github/airbytejava/spec/airbyte-api.yaml";
  private static final String API_PACKAGE = "io.github.airbytejava.generated.api";

  @Test
  void everyOperationIdInTheSpecIsAMethodOfAGeneratedApi() throws Exception {
    Set<String> operationIds = operationIds();
    Set<String> methods = new TreeSet<>();
    for (Class<?> api : apiClasses()) {
      for (Method m : api.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers())) {
          methods.add(m.getName());
        }
      }
    }

    // Counted, not hard-coded: bringing an operation in must not mean editing a number here.
    assertEquals(operationIdLines(), operationIds.size(), "operationIds in the spec must be unique");
    assertTrue(operationIds.size() > 0, "operations in the spec");
    List<String> missing = operationIds.stream().filter(id -> !methods.contains(id)).collect(Collectors.toList());
    assertTrue(missing.isEmpty(), "operations without a generated method: " + missing);
  }

  @Test
  void eachTagIsOneApiClassAndNoOperationIsGeneratedTwice() throws Exception {
    List<String> generated = new ArrayList<>();
    for (Class<?> api : apiClasses()) {
      for (Method m : api.getDeclaredMethods()) {
        if (Modifier.isPublic(m.getModifiers()) && operationIds().contains(m.getName())) {
          generated.add(m.getName());
        }
      }
    }
    assertEquals(operationIds().size(), generated.size(),
        "one method per operation, in exactly one API class: " + generated);
  }

  @Test
  void everyReferenceResolves() throws Exception {
    // The validator catches a missing schema but not a missing response or parameter: check them all here.
    String yaml = spec();
    List<String> dangling = new ArrayList<>();
    Matcher ref = Pattern.compile("\\$ref: '#/components/(\\w+)/([\\w.-]+)'").matcher(yaml);
    while (ref.find()) {
      if (!componentNames(yaml, ref.group(1)).contains(ref.group(2))) {
        dangling.add(ref.group(1) + "/" + ref.group(2));
      }
    }
    assertTrue(dangling.isEmpty(), "references to nothing: " + dangling);
  }

  /** Names defined under components/{kind}: the keys indented four spaces in that section. */
  private static Set<String> componentNames(String yaml, String kind) {
    Set<String> names = new TreeSet<>();
    int components = yaml.indexOf("\ncomponents:\n");
    int section = yaml.indexOf("\n  " + kind + ":\n", components);
    if (components < 0 || section < 0) {
      return names;
    }
    for (String line : yaml.substring(section + kind.length() + 5).split("\n")) {
      if (!line.startsWith("  ") || (line.length() > 2 && line.charAt(2) != ' ')) {
        break; // the next section of components, or the end of components
      }
      Matcher name = Pattern.compile("^    ([\\w.-]+):").matcher(line);
      if (name.find()) {
        names.add(name.group(1));
      }
    }
    return names;
  }

  private static String spec() throws IOException {
    try (InputStream in = SpecCoverageTest.class.getClassLoader().getResourceAsStream(SPEC)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> operationIds() throws IOException {
    String yaml = spec();
    Set<String> ids = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\s+operationId:\\s*(\\w+)\\s*$").matcher(yaml);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static int operationIdLines() throws IOException {
    Matcher m = Pattern.compile("(?m)^\\s+operationId:").matcher(spec());
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  private static List<Class<?>> apiClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    URL dir = SpecCoverageTest.class.getClassLoader().getResource(API_PACKAGE.replace('.', '/'));
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        String name = file.getFileName().toString();
        if (name.endsWith("Api.class")) {
          classes.add(Class.forName(API_PACKAGE + "." + name.substring(0, name.length() - ".class".length())));
        }
      }
    }
    assertTrue(classes.size() >= 20, "generated API classes found: " + classes);
    return classes;
  }
}
