package io.flotilla.search;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A search as asked for in the query string, checked: a keyword, a tag, or both, and a page. The
 * Lucene query is built from the keyword's analyzed terms, never by a query parser, so a keyword is
 * only ever words to look for: {@code "}, {@code *}, {@code :} or {@code AND} mean nothing special.
 *
 * @param keyword the words to look for, or null
 * @param tag a tag's name (any case) or numeric id, or null
 */
record SearchRequest(String keyword, String tag, int page, int size) {

  static final int MAX_KEYWORD_LENGTH = 200;
  static final int MAX_TAG_LENGTH = 100;
  static final int MAX_SIZE = 100;

  /** How deep pages reach: (page + 1) * size results at most, like most search engines. */
  static final int MAX_WINDOW = 10_000;

  private static final Pattern TAG_ID = Pattern.compile("[0-9]{1,18}");

  /**
   * The search asked for by the query parameters, each already within its bounds (the controller's
   * validation); blank keyword and tag count as absent.
   *
   * @throws ResponseStatusException 400 when there is nothing to search for, or the page reaches
   *     beyond the first {@value #MAX_WINDOW} results
   */
  static SearchRequest of(String keyword, String tag, int page, int size) {
    keyword = blankToNull(keyword);
    tag = blankToNull(tag);
    if (keyword == null && tag == null) {
      throw bad(
          "Give a keyword, a tag or both, e.g. ?keyword=running or ?tag=music or ?tag=5&keyword=album"
              + " (parameters: keyword, tag, page, size).");
    }
    if ((long) (page + 1) * size > MAX_WINDOW) {
      throw bad(
          "page and size reach the first "
              + MAX_WINDOW
              + " results at most: (page + 1) * size must be at most "
              + MAX_WINDOW
              + ", got page="
              + page
              + " size="
              + size
              + ".");
    }
    return new SearchRequest(keyword, tag, page, size);
  }

  /** Which kind of search this is, for the query metrics. */
  String kind() {
    return keyword == null ? "tag" : tag == null ? "keyword" : "keyword_and_tag";
  }

  /**
   * The Lucene query: any of the keyword's terms in the text (BM25 ranks more matched and rarer
   * words higher), filtered by the tag; the tag alone matches all its tweets with the same score.
   *
   * @param terms the keyword's analyzed terms; empty when it has no searchable word
   */
  Query query(Collection<String> terms) {
    var query = new BooleanQuery.Builder();
    if (keyword == null) {
      query.add(new MatchAllDocsQuery(), Occur.MUST);
    } else {
      for (String term : terms) {
        query.add(new TermQuery(new Term(TweetIndex.TEXT, term)), Occur.SHOULD);
      }
      // With a FILTER clause SHOULD clauses become optional: at least one word must match.
      query.setMinimumNumberShouldMatch(1);
    }
    if (tag != null) {
      query.add(tagFilter(), Occur.FILTER);
    }
    return query.build();
  }

  private Query tagFilter() {
    String wanted = tag.strip();
    return TAG_ID.matcher(wanted).matches()
        ? new TermQuery(new Term(TweetIndex.TAG_ID, Long.toString(Long.parseLong(wanted))))
        : new TermQuery(new Term(TweetIndex.TAG_NAME, wanted.toLowerCase(Locale.ROOT)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static ResponseStatusException bad(String detail) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
  }
}
