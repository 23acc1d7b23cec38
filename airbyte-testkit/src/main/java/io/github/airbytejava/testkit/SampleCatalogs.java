package io.github.airbytejava.testkit;

import static io.github.airbytejava.testkit.FakeStream.SyncMode.FULL_REFRESH;
import static io.github.airbytejava.testkit.FakeStream.SyncMode.INCREMENTAL;

import java.util.List;

/**
 * What discovery finds in a source nobody gave streams to: Faker's three streams as the real connector has them
 * (incremental with a source-defined cursor {@code updated_at} and key {@code id}), Postgres tables in {@code public}
 * whose cursor the user picks, and one {@code records} stream for any other connector.
 */
final class SampleCatalogs {

  static final List<FakeStream> FAKER = List.of(
      FakeStream.builder("users").syncModes(FULL_REFRESH, INCREMENTAL)
          .fields("id", "created_at", "updated_at", "name", "email", "age")
          .field("address", "city").field("address", "country_code")
          .defaultCursorField("updated_at").sourceDefinedCursor(true).sourceDefinedPrimaryKey(List.of("id"))
          .build(),
      FakeStream.builder("products").syncModes(FULL_REFRESH, INCREMENTAL)
          .fields("id", "make", "model", "year", "price", "created_at", "updated_at")
          .defaultCursorField("updated_at").sourceDefinedCursor(true).sourceDefinedPrimaryKey(List.of("id"))
          .build(),
      FakeStream.builder("purchases").syncModes(FULL_REFRESH, INCREMENTAL)
          .fields("id", "user_id", "product_id", "added_to_cart_at", "purchased_at", "returned_at", "created_at",
              "updated_at")
          .defaultCursorField("updated_at").sourceDefinedCursor(true).sourceDefinedPrimaryKey(List.of("id"))
          .build());

  static final List<FakeStream> POSTGRES = List.of(
      FakeStream.builder("users").namespace("public").syncModes(FULL_REFRESH, INCREMENTAL)
          .fields("id", "email", "created_at", "updated_at").sourceDefinedPrimaryKey(List.of("id"))
          .build(),
      FakeStream.builder("orders").namespace("public").syncModes(FULL_REFRESH, INCREMENTAL)
          .fields("id", "user_id", "total", "created_at", "updated_at").sourceDefinedPrimaryKey(List.of("id"))
          .build());

  static final List<FakeStream> OTHER = List.of(
      FakeStream.builder("records").syncModes(FULL_REFRESH, INCREMENTAL)
          .fields("id", "updated_at", "data")
          .build());

  private SampleCatalogs() {
  }

  static List<FakeStream> of(Definition definition) {
    return switch (definition.shortName()) {
      case "faker" -> FAKER;
      case "postgres" -> POSTGRES;
      default -> OTHER;
    };
  }
}
