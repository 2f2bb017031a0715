package io.flotilla.search;

import io.flotilla.platform.client.CircuitOpenException;
import io.flotilla.platform.client.ServiceClients;
import java.net.ConnectException;
import java.time.Duration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The tweets service's change feed, through the platform's client for {@code tweets}: one
 * long-polling GET per call, with a service token for tweets (the feed is private).
 */
@Component
class ChangeFeed {

  static final String PATH = "/internal/v1/changes";

  private final RestClient client;
  private final String url;
  private final int limit;
  private final String wait;

  ChangeFeed(ServiceClients clients, SearchProperties properties) {
    this.client = clients.builderWithCredential("tweets").build();
    this.url = properties.changesUrl();
    this.limit = properties.batchLimit();
    this.wait = duration(properties.pollWait());
  }

  /** "10s", or "500ms" when not whole seconds: the feed's duration format. */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  String url() {
    return url;
  }

  int limit() {
    return limit;
  }

  /**
   * The changes after a cursor; waits up to the poll wait when there are none yet.
   *
   * @throws Failure when the feed cannot be reached or gives no usable answer
   * @throws CircuitOpenException when the feed failed too often lately to be called now
   */
  Changes after(long cursor) {
    Changes page;
    try {
      page =
          client
              .get()
              .uri(PATH + "?after={after}&limit={limit}&wait={wait}", cursor, limit, wait)
              .retrieve()
              .body(Changes.class);
    } catch (CircuitOpenException paused) {
      throw paused;
    } catch (RestClientResponseException status) {
      throw new Failure("answered " + status.getStatusCode().value());
    } catch (ResourceAccessException io) {
      // The JDK client reports a refused connection as a ConnectException around a bare
      // ClosedChannelException: say it in words.
      throw new Failure(
          io.getCause() instanceof ConnectException
              ? "unreachable: cannot connect"
              : "unreachable: " + NestedExceptionUtils.getMostSpecificCause(io));
    } catch (RestClientException bad) {
      throw new Failure("bad answer: " + NestedExceptionUtils.getMostSpecificCause(bad));
    }
    if (page == null
        || page.epoch() == null
        || page.epoch().isBlank()
        || page.changes() == null
        || page.last() < cursor) {
      throw new Failure("bad answer: no epoch or change list, or last before after=" + cursor);
    }
    return page;
  }

  /** The feed gave no usable answer; the message says why, for the log and /actuator/info. */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message, null, false, false);
    }
  }
}
