package io.flotilla.search;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Seed 003's search, answered from the index alone: it never calls the tweets service. */
@RestController
class SearchController {

  private final TweetIndex index;
  private final MeterRegistry meters;

  SearchController(TweetIndex index, MeterRegistry meters) {
    this.index = index;
    this.meters = meters;
  }

  @Operation(
      summary = "Public tweets by keyword and/or tag",
      description =
          "Keyword: any of its words, case-insensitive, word stems (running finds run); best"
              + " match first, ties newest first. Tag: by name (any case) or id; alone it lists"
              + " the tag's tweets newest first. Both: AND.")
  @GetMapping({"/api/v1/search/", "/api/v1/search"})
  List<Tweet> search(
      @Parameter(description = "words to look for, at most 200 characters")
          @RequestParam(required = false)
          String keyword,
      @Parameter(description = "a tag's name or id") @RequestParam(required = false) String tag,
      @Parameter(description = "page number from 0, default 0") @RequestParam(required = false)
          String page,
      @Parameter(description = "results per page, 1 to 100, default 20")
          @RequestParam(required = false)
          String size)
      throws IOException {
    SearchRequest request = SearchRequest.of(keyword, tag, page, size);
    Timer.Sample sample = Timer.start(meters);
    try {
      Set<String> terms = request.keyword() == null ? Set.of() : index.terms(request.keyword());
      if (request.keyword() != null && terms.isEmpty()) {
        // Only stop words or punctuation: there is no word to look for.
        return List.of();
      }
      return index.search(request.query(terms), request.page(), request.size());
    } finally {
      sample.stop(
          Timer.builder("search.queries")
              .description("Searches answered from the index, by kind")
              .tag("kind", request.kind())
              .register(meters));
    }
  }
}
