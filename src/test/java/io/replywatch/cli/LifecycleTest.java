package io.replywatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.usage.UsageException;
import java.net.BindException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** Why the server could not listen, said as the user can act on it: only a port in use is fixed by another port. */
class LifecycleTest {

  private static String explain(Exception cause, String host) {
    Exception e = Lifecycle.explainStartFailure(new RuntimeException("deploy failed", cause), host, 8080,
        "server.port");
    assertEquals(UsageException.class, e.getClass(), "exit 2 with one line, not a stack trace");
    return e.getMessage();
  }

  @Test
  void shouldSuggestAnotherPortOnlyWhenThePortIsInUse() {
    assertEquals("cannot listen on 127.0.0.1:8080: address already in use (change server.port, or use 0 for a free"
        + " port)", explain(new BindException("Address already in use"), "127.0.0.1"));
  }

  @Test
  void shouldNameAHostThatIsNotThisMachines() {
    // Said "address already in use (change server.port ...)" before, for a port that was free.
    assertEquals("cannot listen on 192.0.2.1:8080: 192.0.2.1 is not an address of this machine (check server.host)",
        explain(new BindException("Cannot assign requested address"), "192.0.2.1"));
  }

  @Test
  void shouldNameAHostNameThatDoesNotResolve() {
    // Was an "unexpected failure" with Netty's stack trace and exit 1.
    assertEquals("cannot listen on nosuch.invalid:8080: the host name nosuch.invalid does not resolve (check"
        + " server.host)", explain(new UnknownHostException("Failed to resolve 'nosuch.invalid'"), "nosuch.invalid"));
  }

  @Test
  void shouldPassOnTheSystemsReasonForAnyOtherBindFailure() {
    assertEquals("cannot listen on 127.0.0.1:8080: Permission denied",
        explain(new BindException("bind(..) failed: Permission denied"), "127.0.0.1"));
  }
}
