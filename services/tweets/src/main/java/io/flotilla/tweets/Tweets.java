package io.flotilla.tweets;

import io.flotilla.tweets.TweetBodies.Draft;
import io.flotilla.tweets.TweetRepository.Owner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.ErrorResponseException;

/**
 * Writes: each changes the tweet and appends its change to the feed in one transaction, checks that
 * the caller is the author, counts itself in {@code tweets.writes{operation}}, and wakes the feed's
 * waiting readers once committed.
 *
 * <p>Someone else's tweet: public → 403 (its existence is no secret); private → 404, the same
 * answer as for an id that does not exist, so writes reveal no more than reads do.
 */
@Service
class Tweets {

  private static final Logger log = LoggerFactory.getLogger(Tweets.class);

  private final TweetRepository repository;
  private final ChangeLog changes;
  private final ChangeFeed feed;
  private final Counter creates;
  private final Counter updates;
  private final Counter deletes;
  private volatile List<Tag> tags;

  Tweets(TweetRepository repository, ChangeLog changes, ChangeFeed feed, MeterRegistry registry) {
    this.repository = repository;
    this.changes = changes;
    this.feed = feed;
    this.creates = writes(registry, "create");
    this.updates = writes(registry, "update");
    this.deletes = writes(registry, "delete");
  }

  private static Counter writes(MeterRegistry registry, String operation) {
    return Counter.builder("tweets.writes")
        .description("Accepted tweet writes")
        .tag("operation", operation)
        .register(registry);
  }

  /** The nine tags; reference data that only a migration changes, so read once. */
  List<Tag> tags() {
    List<Tag> known = tags;
    if (known == null) {
      known = repository.tags();
      tags = known;
    }
    return known;
  }

  @Transactional
  Tweet create(Author author, Draft draft) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long id = repository.insert(author, draft, now);
    Tweet tweet = repository.findById(id).orElseThrow();
    changes.append(ChangeLog.CREATED, id, tweet, now);
    afterCommit(creates);
    log.info("tweet created id={} username={}", id, author.username());
    return tweet;
  }

  @Transactional
  Tweet update(Author author, long id, Draft draft) {
    checkAuthor(author, id);
    Instant now = Instant.now();
    repository.update(id, draft, now);
    Tweet tweet = repository.findById(id).orElseThrow();
    changes.append(ChangeLog.UPDATED, id, tweet, now);
    afterCommit(updates);
    log.info("tweet updated id={} username={}", id, author.username());
    return tweet;
  }

  @Transactional
  void delete(Author author, long id) {
    checkAuthor(author, id);
    repository.delete(id);
    changes.append(ChangeLog.DELETED, id, null, Instant.now());
    afterCommit(deletes);
    log.info("tweet deleted id={} username={}", id, author.username());
  }

  private void checkAuthor(Author author, long id) {
    Owner owner = repository.lockOwner(id).orElseThrow(() -> notFound(id));
    if (!author.wrote(owner.accountId(), owner.username())) {
      if (owner.isPrivate()) {
        throw notFound(id);
      }
      throw TweetBodies.problem(
          HttpStatus.FORBIDDEN,
          "Tweet " + id + " belongs to another user; only its author may change or delete it.");
    }
  }

  static ErrorResponseException notFound(long id) {
    return TweetBodies.problem(HttpStatus.NOT_FOUND, "No tweet with id " + id + ".");
  }

  private void afterCommit(Counter counter) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            counter.increment();
            feed.written();
          }
        });
  }
}
