package io.github.airbytejava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.airbytejava.generated.model.ConnectionResponse;
import io.github.airbytejava.generated.model.SourceResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class PaginatorTest extends FacadeTestSupport {
  private static final UUID WORKSPACE = UUID.fromString("99999999-8888-7777-6666-555555555555");

  /** Serves {@code total} items of {@code route} by limit and offset, with {@code next} set as Airbyte does. */
  private void serve(String route, int total, String item) {
    routes.on(route, request -> page(request, total, item));
  }

  private MockResponse page(RecordedRequest request, int total, String item) {
    return page(limit(request), offset(request), total, item);
  }

  private static int limit(RecordedRequest request) {
    return Integer.parseInt(request.getUrl().queryParameter("limit"));
  }

  private static int offset(RecordedRequest request) {
    return Integer.parseInt(request.getUrl().queryParameter("offset"));
  }

  private MockResponse page(int limit, int offset, int total, String item) {
    List<String> items = new ArrayList<>();
    for (int i = offset; i < Math.min(total, offset + limit); i++) items.add(item.replace("#", String.valueOf(i)));
    String next = items.isEmpty() ? "" : server.url("/v1/x?limit=" + limit + "&offset=" + (offset + limit)).toString();
    return json(200, "{\"data\":[" + String.join(",", items) + "],\"next\":\"" + next + "\",\"previous\":\"\"}");
  }


  private List<String> offsets() {
    return routes.requests.stream().map(r -> r.getUrl().queryParameter("offset")).collect(Collectors.toList());
  }

  @Test
  void twoHundredFiftyItemsTakeThreeRequests() {
    serve("GET /v1/sources", 250, "{\"name\":\"source-#\"}");
    List<String> names = client().paginate().sources().map(SourceResponse::getName).collect(Collectors.toList());
    assertEquals(250, names.size());
    assertEquals("source-0", names.get(0));
    assertEquals("source-249", names.get(249));
    assertEquals(List.of("0", "100", "200"), offsets());
    routes.requests.forEach(request -> assertEquals("100", request.getUrl().queryParameter("limit")));
  }

  @Test
  void exactlyTwoHundredItemsTakeThreeRequestsTheLastEmpty() {
    serve("GET /v1/sources", 200, "{\"name\":\"source-#\"}");
    assertEquals(200, client().paginate().sources().count());
    assertEquals(List.of("0", "100", "200"), offsets());
  }

  @Test
  void oneHundredFiftyItemsTakeTwoRequestsDespiteNext() {
    serve("GET /v1/sources", 150, "{\"name\":\"source-#\"}");
    assertEquals(150, client().paginate().sources().count());
    assertEquals(List.of("0", "100"), offsets());
  }

  @Test
  void noItemsTakeOneRequest() {
    serve("GET /v1/sources", 0, "{}");
    assertEquals(0, client().paginate().sources().count());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void streamsAreLazy() {
    serve("GET /v1/sources", 1000, "{\"name\":\"source-#\"}");
    Stream<SourceResponse> stream = client().paginate().sources();
    assertEquals(0, server.getRequestCount(), "nothing before a terminal operation");
    assertEquals(5, stream.limit(5).count());
    assertEquals(1, server.getRequestCount());

    routes.requests.clear();
    client().paginate().sources().skip(150).findFirst();
    assertEquals(List.of("0", "100"), offsets());
  }

  @Test
  void filtersAreSentOnEveryPage() {
    serve("GET /v1/connections", 120, "{\"name\":\"connection-#\"}");
    List<ConnectionResponse> all = client().paginate().connections(List.of(WORKSPACE), null, true)
        .collect(Collectors.toList());
    assertEquals(120, all.size());
    for (RecordedRequest request : routes.requests) {
      assertEquals(WORKSPACE.toString(), request.getUrl().queryParameter("workspaceIds"));
      assertEquals("true", request.getUrl().queryParameter("includeDeleted"));
    }
  }

  @Test
  void everyPagedOperationHasAStream() {
    UUID group = UUID.fromString("abababab-abab-abab-abab-abababababab");
    serve("GET /v1/destinations", 101, "{\"name\":\"d#\"}");
    serve("GET /v1/workspaces", 3, "{\"name\":\"w#\"}");
    serve("GET /v1/jobs", 130, job(0, "succeeded").replace("\"jobId\":0", "\"jobId\":#"));
    serve("GET /v1/groups", 2, "{\"name\":\"g#\"}");
    serve("GET /v1/groups/" + group + "/members", 4, "{\"userId\":\"00000000-0000-0000-0000-000000000001\"}");
    AirbyteClient client = client();
    assertEquals(101, client.paginate().destinations().count());
    assertEquals(3, client.paginate().workspaces().count());
    assertEquals(130, client.paginate().jobs(CONNECTION).count());
    assertEquals(2, client.paginate().groups(WORKSPACE).count());
    assertEquals(4, client.paginate().groupMembers(group).count());
    RecordedRequest jobsPage = routes.requests("GET /v1/jobs").get(0);
    assertEquals(CONNECTION.toString(), jobsPage.getUrl().queryParameter("connectionId"));
    assertEquals("createdAt|ASC", jobsPage.getUrl().queryParameter("orderBy"));
    assertEquals(WORKSPACE.toString(), routes.requests("GET /v1/groups").get(0).getUrl()
        .queryParameter("organizationId"));
  }

  @Test
  void anyFetcherCanBeStreamed() {
    List<Integer> pages = new ArrayList<>();
    List<Integer> items = Paginator.stream(3, (limit, offset) -> {
      pages.add(offset);
      return Paginator.Page.of(offset >= 7 ? List.of()
          : List.of(offset, offset + 1, offset + 2).subList(0, Math.min(3, 7 - offset)), "more");
    }).collect(Collectors.toList());
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), items);
    assertEquals(List.of(0, 3, 6), pages);
  }

  @Test
  void aServerThatCapsTheLimitStillPagesThroughEverything() {
    routes.on("GET /v1/sources", request -> page(Math.min(40, limit(request)), offset(request), 250,
        "{\"name\":\"source-#\"}"));
    List<String> names = client().paginate().sources().map(SourceResponse::getName).collect(Collectors.toList());

    assertEquals(250, names.size(), "a short page is not the end while the server says there is more");
    assertEquals("source-249", names.get(249));
    assertEquals(List.of("0", "40", "80", "120", "160", "200", "240"), offsets());
  }

  @Test
  void aPageWithoutNextIsTheLast() {
    routes.on("GET /v1/sources", json(200, "{\"data\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"next\":\"\"}"));
    assertEquals(2, client().paginate().sources().count());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aServerThatIgnoresOffsetFailsTheStreamInsteadOfLoopingForever() {
    routes.on("GET /v1/sources", request -> page(limit(request), 0, 500, "{\"name\":\"source-#\"}"));
    Stream<SourceResponse> stream = client().paginate().sources();
    AirbyteException e = assertThrows(AirbyteException.class, stream::count);
    assertEquals("The page at offset 100 is the same as the one before it: the server ignores offset. Stopping"
        + " after 100 items rather than reading the same page forever.", e.getMessage());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aFailingPageThrowsItsTypedException() {
    routes.on("GET /v1/sources", request -> "0".equals(request.getUrl().queryParameter("offset"))
        ? page(request, 500, "{\"name\":\"source-#\"}")
        : json(403, "{\"title\":\"forbidden\",\"detail\":\"no access to workspace\"}"));
    Stream<SourceResponse> stream = client().paginate().sources();
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, stream::count);
    assertEquals("GET /v1/sources failed: HTTP 403: forbidden: no access to workspace", e.getMessage());
  }
}
