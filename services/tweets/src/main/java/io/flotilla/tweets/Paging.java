package io.flotilla.tweets;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ranges of the {@code page} and {@code size} parameters of the lists of tweets, and the links
 * between their pages.
 */
final class Paging {

  private Paging() {}

  /**
   * How deep numbered pages reach: offsets grow with the page number, so its range is bounded.
   * Following {@code next} links ({@code before}) costs the same at any depth.
   */
  static final int MAX_PAGE = 10_000;

  static final int MAX_SIZE = 100;

  private static final String PAGE_RANGE =
      "must be an integer from 0 to " + MAX_PAGE + ", got ${validatedValue}";
  private static final String SIZE_RANGE =
      "must be an integer from 1 to " + MAX_SIZE + ", got ${validatedValue}";

  /** A page number, from 0. */
  @Min(value = 0, message = PAGE_RANGE)
  @Max(value = MAX_PAGE, message = PAGE_RANGE)
  @Target(PARAMETER)
  @Retention(RUNTIME)
  @Constraint(validatedBy = {})
  @interface Page {

    String message() default PAGE_RANGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  private static final String BEFORE_FORM =
      "must be the before of a Link header, got ${validatedValue}";

  /** Where a page starts: the {@code before} of the previous page's {@code next} link. */
  @Pattern(regexp = Cursor.PATTERN, message = BEFORE_FORM)
  @Target(PARAMETER)
  @Retention(RUNTIME)
  @Constraint(validatedBy = {})
  @interface Before {

    String message() default BEFORE_FORM;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Tweets per page. */
  @Min(value = 1, message = SIZE_RANGE)
  @Max(value = MAX_SIZE, message = SIZE_RANGE)
  @Target(PARAMETER)
  @Retention(RUNTIME)
  @Constraint(validatedBy = {})
  @interface Size {

    String message() default SIZE_RANGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** One link of an RFC 8288 {@code Link} header. */
  record Link(String target, String rel) {

    @Override
    public String toString() {
      return "<" + target + ">; rel=\"" + rel + "\"";
    }
  }

  /**
   * The links from a page of the list at {@code path} (as requested, still percent-encoded) to the
   * pages beside it, {@code next} and {@code prev} where they exist, as references relative to the
   * host (so they stay right behind the gateway).
   */
  static List<Link> around(String path, int page, int size, long total) {
    long lastPage = total == 0 ? 0 : (total - 1) / size;
    var links = new ArrayList<Link>();
    if (page < lastPage) {
      links.add(new Link(page(path, page + 1L, size), "next"));
    }
    if (page > 0) {
      links.add(new Link(page(path, Math.min(page - 1L, lastPage), size), "prev"));
    }
    return links;
  }

  /** The link to the page after the one that ended at {@code last}. */
  static Link next(String path, Cursor last, int size) {
    return new Link(
        UriComponentsBuilder.fromPath(path)
            .queryParam("before", last)
            .queryParam("size", size)
            .build()
            .toUriString(),
        "next");
  }

  private static String page(String path, long page, int size) {
    return UriComponentsBuilder.fromPath(path)
        .queryParam("page", page)
        .queryParam("size", size)
        .build()
        .toUriString();
  }
}
