package io.github.airbytejava;

import io.github.airbytejava.Sleeper;
import io.github.airbytejava.testkit.ManualClock;
import io.github.airbytejava.testkit.NoDelayServerSocketFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A MockWebServer answering by route, a hand-advanced clock, and a sleeper that records each wait and advances
 * the clock by it (so nothing really sleeps). Jitter is 1.0: backoff waits are their upper bound.
 */
abstract class FacadeTestSupport {
  static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
  static final UUID CONNECTION = UUID.fromString("11111111-2222-3333-4444-555555555555");

  final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(START);
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final Routes routes = new Routes();
  final List<AirbyteClient> clients = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server.setDispatcher(routes);
    server.setServerSocketFactory(new NoDelayServerSocketFactory()); // no 40 ms Nagle stall per call
    server.start();
  }

  @AfterEach
  void stopServer() {
    clients.forEach(AirbyteClient::close);
    server.close();
  }

  /** A builder aimed at the mock server's {@code /v1}, with the fake clock, sleeper and jitter. */
  AirbyteClient.Builder builder() {
    return AirbyteClient.builder()
        .baseUrl(server.url("/v1").toString())
        .clock(clock)
        .sleeper(sleeper)
        .jitter(() -> 1.0);
  }

  AirbyteClient client() {
    return track(builder().build());
  }

  AirbyteClient track(AirbyteClient client) {
    clients.add(client);
    return client;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse response(int code, String contentType, String body) {
    MockResponse.Builder builder = new MockResponse.Builder().code(code).body(body);
    if (contentType != null) builder.addHeader("Content-Type", contentType);
    return builder.build();
  }

  static String job(long id, String status) {
    return job(id, status, "sync", 0);
  }

  static String job(long id, String status, String type, long rows) {
    return "{\"jobId\":" + id + ",\"status\":\"" + status + "\",\"jobType\":\"" + type + "\","
        + "\"startTime\":\"2026-11-28T10:00:00Z\",\"connectionId\":\"" + CONNECTION + "\","
        + "\"rowsSynced\":" + rows + ",\"bytesSynced\":" + rows * 10 + "}";
  }

  static String jobs(String... jobs) {
    return "{\"data\":[" + String.join(",", jobs) + "],\"next\":\"\",\"previous\":\"\"}";
  }

  /** Records waits and moves the clock by them instead of sleeping. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ManualClock clock;

    RecordingSleeper(ManualClock clock) {
      this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
      sleeps.add(duration);
      clock.advance(duration);
    }
  }

  /**
   * Answers by "METHOD /path" (the path without query): each route has a queue of answers, the last of which
   * repeats. Unknown routes get 404. Every request is recorded.
   */
  static final class Routes extends Dispatcher {
    private final Map<String, Deque<Function<RecordedRequest, MockResponse>>> routes = new LinkedHashMap<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    synchronized Routes on(String route, MockResponse... answers) {
      Deque<Function<RecordedRequest, MockResponse>> queue = routes.computeIfAbsent(route, r -> new ArrayDeque<>());
      for (MockResponse answer : answers) queue.add(request -> answer);
      return this;
    }

    synchronized Routes on(String route, Function<RecordedRequest, MockResponse> answer) {
      routes.computeIfAbsent(route, r -> new ArrayDeque<>()).add(answer);
      return this;
    }

    synchronized void reset() {
      routes.clear();
      requests.clear();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      requests.add(request);
      String route = request.getMethod() + " " + request.getUrl().encodedPath();
      Function<RecordedRequest, MockResponse> answer;
      synchronized (this) {
        Deque<Function<RecordedRequest, MockResponse>> queue = routes.get(route);
        if (queue == null || queue.isEmpty()) return json(404, "{\"type\":\"about:blank\",\"status\":404}");
        answer = queue.size() > 1 ? queue.poll() : queue.peek();
      }
      return answer.apply(request);
    }

    List<RecordedRequest> requests(String route) {
      List<RecordedRequest> matching = new ArrayList<>();
      for (RecordedRequest request : requests) {
        if (route.equals(request.getMethod() + " " + request.getUrl().encodedPath())) matching.add(request);
      }
      return matching;
    }
  }
}
