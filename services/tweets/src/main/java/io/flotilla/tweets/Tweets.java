package io.flotilla.tweets;

import io.flotilla.tweets.TweetGenerator.Generated;
import io.flotilla.tweets.TweetRepository.Owner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.ErrorResponseException;

/**
 * Tweets as the API reads and writes them. Reads show a private tweet only to its author.
 *
 * <p>Writes: each changes the tweet and appends its change to the feed in one transaction, checks
 * that the caller is the author, counts itself in {@code tweets.writes{operation}}, and wakes the
 * feed's waiting readers once committed.
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
  private final ApplicationEventPublisher events;
  private final Map<String, Counter> writes;
  private volatile List<Tag> tags;

  /** A tweet was written: {@code change} is the feed's kind of change, e.g. {@code created}. */
  record Written(long id, String change) {}

  Tweets(
      TweetRepository repository,
      ChangeLog changes,
      ChangeFeed feed,
      ApplicationEventPublisher events,
      MeterRegistry registry) {
    this.repository = repository;
    this.changes = changes;
    this.feed = feed;
    this.events = events;
    this.writes =
        Map.of(
            ChangeLog.CREATED, writes(registry, "create"),
            ChangeLog.UPDATED, writes(registry, "update"),
            ChangeLog.DELETED, writes(registry, "delete"));
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

  /** One numbered page of tweets, newest first, and how many there are in all. */
  record Page(List<Tweet> tweets, long total) {}

  /** Tweets newest first from a place in the list, and where the next ones start (if any). */
  record Slice(List<Tweet> tweets, Cursor next) {

    /** From one row more than asked for: its presence says that there is a next slice. */
    static Slice of(List<Tweet> rows, int size) {
      if (rows.size() <= size) {
        return new Slice(rows, null);
      }
      List<Tweet> tweets = rows.subList(0, size);
      return new Slice(List.copyOf(tweets), Cursor.after(tweets.getLast()));
    }
  }

  /**
   * The newest public tweets, or those after {@code before}; no count, so any depth costs alike.
   */
  Slice timeline(Cursor before, int size) {
    return Slice.of(repository.publicTimeline(before, size + 1), size);
  }

  /** A user's tweets after {@code before} (or the newest); private ones to that user only. */
  Slice byUser(String username, Author viewer, Cursor before, int size) {
    return Slice.of(repository.byUser(username, viewer, before, size + 1), size);
  }

  Page timeline(int page, int size) {
    return new Page(repository.publicTimeline((long) page * size, size), repository.countPublic());
  }

  /** A user's tweets; the private ones too when the viewer is that user. */
  Page byUser(String username, Author viewer, int page, int size) {
    return new Page(
        repository.byUser(username, viewer, (long) page * size, size),
        repository.countByUser(username, viewer));
  }

  Tweet one(long id, Author viewer) {
    return repository
        .findById(id)
        .filter(tweet -> tweet.visibleTo(viewer))
        .orElseThrow(() -> notFound(id));
  }

  /**
   * A new tweet: public unless {@code isPrivate} says otherwise.
   *
   * @param tag a tag's name in any case, or null for none
   */
  @Transactional
  Tweet create(Author author, String text, String tag, Boolean isPrivate) {
    return create(author, new Draft(text, tagId(tag), Boolean.TRUE.equals(isPrivate)));
  }

  /**
   * Replaces the text and tag of one of the author's tweets, and its privacy unless {@code
   * isPrivate} is null: a client that leaves it out keeps the tweet as private as it was.
   */
  @Transactional
  Tweet update(Author author, long id, String text, String tag, Boolean isPrivate) {
    boolean wasPrivate = checkAuthor(author, id).isPrivate();
    return update(
        author, id, new Draft(text, tagId(tag), isPrivate == null ? wasPrivate : isPrivate));
  }

  /** The tag's id, or a 422 that lists the tags there are. */
  private Integer tagId(String tag) {
    if (tag == null) {
      return null;
    }
    String wanted = tag.strip().toLowerCase(Locale.ROOT);
    return tags().stream()
        .filter(known -> known.name().equals(wanted))
        .map(Tag::id)
        .findFirst()
        .orElseThrow(() -> unknownTag(tag));
  }

  private String tagName(Integer id) {
    return id == null
        ? null
        : tags().stream().filter(tag -> tag.id() == id).map(Tag::name).findFirst().orElseThrow();
  }

  private ErrorResponseException unknownTag(String tag) {
    List<String> names = tags().stream().map(Tag::name).toList();
    var detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "Unknown tag \""
                + tag
                + "\"; use one of "
                + String.join(", ", names)
                + " (any case), or leave tag out.");
    detail.setProperty("tags", names);
    return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, detail, null);
  }

  @Transactional
  Tweet create(Author author, Draft draft) {
    // The tweet says its second (the API's created); the feed says the write's own time, from
    // which search times how long the write takes to become searchable.
    Instant at = Instant.now();
    long id = repository.insert(author, draft, at.truncatedTo(ChronoUnit.SECONDS));
    Tweet tweet = repository.findById(id).orElseThrow();
    written(ChangeLog.CREATED, id, tweet, at);
    log.info("tweet created id={} username={}", id, author.username());
    return tweet;
  }

  /**
   * New tweets in one JDBC batch, all created now, each with its change in the feed: the bulk form
   * of {@link #create(Author, Draft)}, without its reads back and its log line per tweet.
   *
   * @return the tweets written, in the batch's order
   */
  @Transactional
  List<Tweet> createAll(List<Generated> batch) {
    Instant at = Instant.now();
    Instant now = at.truncatedTo(ChronoUnit.SECONDS);
    List<Long> ids = repository.insertAll(batch, now);
    List<Tweet> created = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Author author = batch.get(i).author();
      Draft draft = batch.get(i).draft();
      created.add(
          new Tweet(
              ids.get(i),
              author.account(),
              author.username(),
              draft.text(),
              draft.isPrivate(),
              draft.tagId(),
              tagName(draft.tagId()),
              now));
    }
    changes.appendCreated(created, at);
    events.publishEvent(new Batch(created.size()));
    return created;
  }

  private Tweet update(Author author, long id, Draft draft) {
    Instant now = Instant.now();
    repository.update(id, draft, now);
    Tweet tweet = repository.findById(id).orElseThrow();
    written(ChangeLog.UPDATED, id, tweet, now);
    log.info("tweet updated id={} username={}", id, author.username());
    return tweet;
  }

  @Transactional
  void delete(Author author, long id) {
    checkAuthor(author, id);
    repository.delete(id);
    written(ChangeLog.DELETED, id, null, Instant.now());
    log.info("tweet deleted id={} username={}", id, author.username());
  }

  private Owner checkAuthor(Author author, long id) {
    Owner owner = repository.lockOwner(id).orElseThrow(() -> notFound(id));
    if (!author.wrote(owner.accountId(), owner.username())) {
      if (owner.isPrivate()) {
        throw notFound(id);
      }
      throw TweetBodies.problem(
          HttpStatus.FORBIDDEN,
          "Tweet " + id + " belongs to another user; only its author may change or delete it.");
    }
    return owner;
  }

  static ErrorResponseException notFound(long id) {
    return TweetBodies.problem(HttpStatus.NOT_FOUND, "No tweet with id " + id + ".");
  }

  /** Appends the change to the feed, in the write's transaction. */
  private void written(String change, long id, Tweet tweet, Instant at) {
    changes.append(change, id, tweet, at);
    events.publishEvent(new Written(id, change));
  }

  /** Once a write is committed: count it and wake the feed's waiting readers. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void committed(Written write) {
    writes.get(write.change()).increment();
    feed.written();
  }

  /** Tweets created together ({@link #createAll}). */
  record Batch(int count) {}

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void committed(Batch batch) {
    writes.get(ChangeLog.CREATED).increment(batch.count());
    feed.written();
  }
}
