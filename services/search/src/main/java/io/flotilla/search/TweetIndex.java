package io.flotilla.search;

import io.flotilla.search.Changes.Change;
import io.flotilla.search.Changes.FeedTweet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of public tweets, and the feed cursor it has caught up to. Written by one thread
 * (the feed consumer) a batch at a time; searched by any number at once through a {@link
 * SearcherManager}. Each commit carries the feed cursor it has reached and the feed's epoch, so
 * after a crash or restart the index and the cursor agree: nothing is lost, and what came after the
 * last commit (at most a batch once caught up, a commit interval's worth while catching up) is
 * applied again, which is harmless because every change is an upsert or a delete by tweet id.
 *
 * <p>Searches see a batch once the index has caught up with the feed (or nearly: a batch short of
 * the limit): while it works through a backlog or rebuilds, they keep answering from the last
 * caught-up state rather than from half of it.
 */
@Component
class TweetIndex implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TweetIndex.class);

  static final String ID = "id";
  static final String TEXT = "text";
  static final String USERNAME = "username";
  static final String TAG = "tag";
  static final String TAG_ID = "tag_id";

  /** The tag's name lowercased: tags are matched by name case-insensitively. */
  static final String TAG_NAME = "tag_name";

  /** Epoch seconds: stored to answer, doc values to sort. */
  static final String CREATED = "created";

  private static final String ID_SORT = "id_sort";
  private static final String CURSOR = "feed.cursor";
  private static final String EPOCH = "feed.epoch";

  /** Best match first; equal scores (and filter-only queries) newest first. */
  static final Sort RANKING =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(CREATED, SortField.Type.LONG, true),
          new SortField(ID_SORT, SortField.Type.LONG, true));

  // Lowercase, English stop words, Porter stemming ("running" and "runs" find "run"); its
  // standard tokenizer keeps "slalom4lyfe" one word and drops the "#" of "#slalom4lyfe".
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Duration commitInterval;
  // Written and read by the feed consumer's thread only.
  private boolean uncommitted;
  private long committedAt = System.nanoTime();

  TweetIndex(SearchProperties properties) throws IOException {
    commitInterval = properties.commitInterval();
    Files.createDirectories(properties.indexDir());
    directory = FSDirectory.open(properties.indexDir());
    // No merging on refresh: by default a refresh waits up to 500 ms for the new tiny segments to
    // be merged, and under load that wait (45 ms median) was most of a write's way to its search.
    // They are merged in the background all the same.
    writer =
        new IndexWriter(
            directory,
            new IndexWriterConfig(analyzer)
                .setOpenMode(OpenMode.CREATE_OR_APPEND)
                .setMaxFullFlushMergeWaitMillis(0));
    searchers = new SearcherManager(writer, null);
    log.info(
        "search index opened dir={} documents={} epoch={} cursor={}",
        properties.indexDir().toAbsolutePath(),
        documents(),
        epoch(),
        cursor());
  }

  /** The seq of the last feed change in the last commit; 0 for a new index. */
  long cursor() {
    String cursor = commitData(CURSOR);
    return cursor == null ? 0 : Long.parseLong(cursor);
  }

  /** The epoch of the feed the cursor belongs to; null for a new index. */
  String epoch() {
    return commitData(EPOCH);
  }

  private String commitData(String key) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> entry : data) {
        if (key.equals(entry.getKey())) {
          return entry.getValue();
        }
      }
    }
    return null;
  }

  /** Live documents, i.e. public tweets indexed. */
  int documents() {
    return writer.getDocStats().numDocs;
  }

  /**
   * Empties the index and commits it at cursor 0 of {@code epoch}, for a rebuild from the feed's
   * beginning. Searches go on seeing the old documents until the rebuild has caught up.
   */
  void restart(String epoch) throws IOException {
    writer.deleteAll();
    commit(epoch, 0);
  }

  /**
   * Applies a batch of feed changes. Once {@code caughtUp}, makes them visible to searches. It
   * commits them with the feed's epoch and the cursor they reach when the last commit is {@code
   * commit-interval} old, or when the feed has nothing new (an empty batch, caught up): a commit (a
   * new segment, files synced) per batch would cost more than the batch while writes stream in, and
   * would hold up the next batch's way to searches. A crash loses what was not committed yet, and
   * the cursor with it, so it is read again.
   */
  void apply(List<Change> changes, String epoch, long cursor, boolean caughtUp) throws IOException {
    for (Change change : changes) {
      write(change);
    }
    if (!changes.isEmpty()) {
      // Also what a close commits (IndexWriter commits on close).
      writer.setLiveCommitData(Map.of(EPOCH, epoch, CURSOR, Long.toString(cursor)).entrySet());
      uncommitted = true;
    }
    // Searchable before durable: the reader is the writer's near-real-time view, so the commit's
    // fsync stays off the path from a write to its search. A crash before the commit loses no
    // change: the index restarts at the last committed cursor and applies the batch again.
    if (caughtUp) {
      searchers.maybeRefresh(); // a no-op when nothing was written since
    }
    boolean idle = caughtUp && changes.isEmpty();
    if (uncommitted && (idle || System.nanoTime() - committedAt >= commitInterval.toNanos())) {
      commit(epoch, cursor);
    }
  }

  private void commit(String epoch, long cursor) throws IOException {
    writer.setLiveCommitData(Map.of(EPOCH, epoch, CURSOR, Long.toString(cursor)).entrySet());
    writer.commit();
    uncommitted = false;
    committedAt = System.nanoTime();
  }

  private void write(Change change) throws IOException {
    Term id = new Term(ID, Long.toString(change.tweetId()));
    if (change.leavesPublicTweet()) {
      writer.updateDocument(id, document(change.tweet()));
    } else if (isKnown(change.type())) {
      // Deleted, or now private: either way no longer findable.
      writer.deleteDocuments(id);
    } else {
      log.warn(
          "search feed change skipped seq={} type={} reason=unknown-type",
          change.seq(),
          change.type());
    }
  }

  private static boolean isKnown(String type) {
    return "created".equals(type) || "updated".equals(type) || "deleted".equals(type);
  }

  private static Document document(FeedTweet tweet) {
    Document doc = new Document();
    doc.add(new StringField(ID, Long.toString(tweet.id()), Store.YES));
    doc.add(new NumericDocValuesField(ID_SORT, tweet.id()));
    doc.add(new StoredField(USERNAME, tweet.username()));
    doc.add(new TextField(TEXT, tweet.text(), Store.YES));
    if (tweet.tag() != null) {
      doc.add(new StoredField(TAG, tweet.tag()));
      doc.add(new StringField(TAG_NAME, tweet.tag().toLowerCase(Locale.ROOT), Store.NO));
    }
    if (tweet.tagId() != null) {
      doc.add(new StringField(TAG_ID, Long.toString(tweet.tagId()), Store.YES));
    }
    long created = tweet.created().getEpochSecond();
    doc.add(new StoredField(CREATED, created));
    doc.add(new NumericDocValuesField(CREATED, created));
    return doc;
  }

  /** The distinct index terms of a text, as the index analyzed tweet texts. */
  Set<String> terms(String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        terms.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String reads no file
    }
    return terms;
  }

  /** One page of the tweets matching the query, best first ({@link #RANKING}). */
  List<Tweet> search(Query query, int page, int size) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      ScoreDoc[] hits = searcher.search(query, (page + 1) * size, RANKING).scoreDocs;
      StoredFields stored = searcher.storedFields();
      List<Tweet> tweets = new ArrayList<>();
      for (int i = page * size; i < hits.length; i++) {
        tweets.add(tweet(stored.document(hits[i].doc)));
      }
      return tweets;
    } finally {
      searchers.release(searcher);
    }
  }

  private static Tweet tweet(Document doc) {
    Instant created =
        Instant.ofEpochSecond(doc.getField(CREATED).numericValue().longValue())
            .truncatedTo(ChronoUnit.SECONDS);
    return new Tweet(
        Long.parseLong(doc.get(ID)),
        doc.get(USERNAME),
        doc.get(TEXT),
        false,
        doc.get(TAG),
        created.toString());
  }

  @Override
  public void destroy() throws IOException {
    // After the feed consumer has stopped (lifecycle beans stop before singletons are destroyed).
    searchers.close();
    writer.close();
    directory.close();
  }
}
