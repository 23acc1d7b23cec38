package io.github.airbytejava.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FakeAirbyte} for JUnit 5 tests and fails a test whose exchanges with it did not match the spec.
 *
 * <pre>{@code
 * class MyClientTest {
 *   @RegisterExtension
 *   static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension();
 *
 *   @Test
 *   void listsSources() {
 *     FakeAirbyte fake = airbyte.fake();
 *     ... new MyClient(fake.baseUrl(), fake.clientId(), fake.clientSecret()) ...
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>In a {@code static} field, or with {@code @ExtendWith(FakeAirbyteExtension.class)}, one fake serves the whole
 *       class. Its data (workspaces, sources, jobs, ...) carries over from test to test, so an {@code @BeforeAll} can
 *       set some up; call {@link FakeAirbyte#reset()} for a clean slate, or register
 *       {@link #resetBeforeEachTest()} to have every test start from the fake's starting state. In an instance
 *       field, each test gets a fake of its own (a new server, a new port).
 *   <li>Before each test, queued faults, stubs, recorded requests and mismatches are cleared.
 *   <li>After each test, {@link FakeAirbyte#assertConformant()} fails the test if a request or answer did not match the
 *       spec. A test that sends a bad request on purpose calls {@link FakeAirbyte#clearMismatches()} after it.
 *   <li>Test methods and constructors may take a {@link FakeAirbyte} parameter.
 * </ul>
 */
public final class FakeAirbyteExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private final FakeAirbyte.Builder builder;
  private final boolean resetBeforeEach;
  private FakeAirbyte fake;
  /** How many class-level scopes (a class and its nested classes) share the fake; it stops when the last ends. */
  private int classScopes;

  /** A fake with the defaults of {@link FakeAirbyte.Builder}. */
  public FakeAirbyteExtension() {
    this(FakeAirbyte.builder());
  }

  /** A fake with these settings, e.g. {@code new FakeAirbyteExtension(FakeAirbyte.builder().clock(clock))}. */
  public FakeAirbyteExtension(FakeAirbyte.Builder builder) {
    this(builder, false);
  }

  private FakeAirbyteExtension(FakeAirbyte.Builder builder, boolean resetBeforeEach) {
    this.builder = Objects.requireNonNull(builder, "builder");
    this.resetBeforeEach = resetBeforeEach;
  }

  /**
   * An extension with the same settings that gives each test a clean fake: {@link FakeAirbyte#reset()} before each
   * test, so nothing a test (or an {@code @BeforeAll}) created carries over, while the server and its port stay.
   * <pre>{@code
   * @RegisterExtension
   * static final FakeAirbyteExtension airbyte = new FakeAirbyteExtension().resetBeforeEachTest();
   * }</pre>
   */
  public FakeAirbyteExtension resetBeforeEachTest() {
    return new FakeAirbyteExtension(builder, true);
  }

  /** The running fake; only during a test or a {@code @BeforeAll}/{@code @BeforeEach}. */
  public synchronized FakeAirbyte fake() {
    if (fake == null) {
      throw new IllegalStateException("The fake Airbyte runs only while a test of the class that registers it runs");
    }
    return fake;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    if (classScopes++ == 0) {
      fake = builder.start();
    }
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (--classScopes == 0 && fake != null) {
      fake.close();
      fake = null;
    }
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    if (fake == null) {
      fake = builder.start();
    } else {
      if (resetBeforeEach) {
        fake.reset();
      }
      fake.faults().clear();
      fake.stubs().clear();
      fake.clearRequests();
      fake.clearMismatches();
    }
  }

  @Override
  public synchronized void afterEach(ExtensionContext context) {
    try {
      if (fake != null) {
        fake.assertConformant();
      }
    } finally {
      if (fake != null) {
        fake.clearMismatches();
        if (classScopes == 0) {
          fake.close();
          fake = null;
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeAirbyte.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return fake();
  }
}
