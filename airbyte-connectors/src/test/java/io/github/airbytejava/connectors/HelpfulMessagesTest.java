package io.github.airbytejava.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.airbytejava.connectors.sources.SourcePostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Messages that say what was probably meant: misspelt fields and slugs, and the connector a class stands for. */
class HelpfulMessagesTest {

  @Test
  void aMisspeltFieldWhereTheSchemaAllowsOthersIsAWarningThatSaysWhatWasMeant() {
    Connector postgres = Connectors.source("postgres");
    Map<String, Object> config = Map.of("hots", "db", "port", 5432, "database", "app", "username", "airbyte");
    // The root of Postgres' schema takes fields it does not name: not an error, so only host is missing.
    assertEquals(List.of("host: is required"), postgres.problems(config).stream().map(Object::toString).toList());
    assertEquals(List.of("hots: is not a field of this schema; did you mean host?"),
        postgres.warnings(config).stream().map(Object::toString).toList());

    SourcePostgres typed = SourcePostgres.builder().host("db").port(5432L).database("app").username("airbyte")
        .put("pasword", "x").build();
    assertEquals(List.of(), typed.problems());
    assertEquals(List.of("pasword: is not a field of this schema; did you mean password?"),
        typed.warnings().stream().map(Object::toString).toList());
    // A field far from every name gets no guess, and one already set is not suggested again.
    assertEquals(List.of(), postgres.warnings(Map.of("unrelated_setting", 1, "host", "db")));
    assertEquals(List.of(), postgres.warnings(Map.of("host", "db", "hots", "x")).stream()
        .filter(w -> w.message().contains("host")).toList());
  }

  @Test
  void aMisspeltFieldOfAClosedObjectIsAnErrorThatSaysWhatWasMeant() {
    Connector elasticsearch = Connectors.destination("elasticsearch");
    List<String> problems = elasticsearch.problems(Map.of("endpoint", "https://es", "authenticationMethod",
        Map.of("method", "basic", "username", "u", "pasword", "p"))).stream().map(Object::toString).toList();
    assertTrue(problems.contains("authenticationMethod.pasword: is not a field of this object; did you mean password?"),
        problems::toString);
  }

  @Test
  void anUnknownSlugSuggestsTheNearestOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Connectors.source("postgress"));
    assertEquals("No source connector is named postgress; did you mean postgres? (see Connectors.all())",
        e.getMessage());
    IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
        () -> Connectors.destination("no-such-thing-at-all"));
    assertEquals("No destination connector is named no-such-thing-at-all (see Connectors.all())", far.getMessage());
  }

  @Test
  void connectorsWhoseSlugStartsWithADigitAreNamedAsTheOfficialSdkNamesThem() {
    assertEquals("Source7shifts", Connectors.source("7shifts").configurationClass().getSimpleName());
    assertEquals("Source100ms", Connectors.source("100ms").configurationClass().getSimpleName());
    assertEquals(List.of(), Connectors.all().stream().map(c -> c.configurationClass().getSimpleName())
        .filter(name -> name.contains("_")).toList());
  }
}
