package io.flotilla.search;

import io.flotilla.platform.validation.Characters;
import io.flotilla.platform.validation.Texts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search, answered from the index alone: it never calls the tweets service. */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
class SearchController {

  private static final String PAGE =
      "must be an integer from 0 to "
          + (SearchRequest.MAX_WINDOW - 1)
          + ", got \"${validatedValue}\"";
  private static final String SIZE =
      "must be an integer from 1 to " + SearchRequest.MAX_SIZE + ", got \"${validatedValue}\"";

  private static final String NO_CONTROL_CHARACTERS = "must not contain control characters";

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
          @Characters(
              max = SearchRequest.MAX_KEYWORD_LENGTH,
              message = "must be at most {max} characters, got {length}")
          @Pattern(regexp = Texts.NO_CONTROL_CHARACTERS, message = NO_CONTROL_CHARACTERS)
          String keyword,
      @Parameter(description = "a tag's name or id")
          @RequestParam(required = false)
          @Characters(
              max = SearchRequest.MAX_TAG_LENGTH,
              message = "must be a tag's name or id of at most {max} characters, got {length}")
          @Pattern(regexp = Texts.NO_CONTROL_CHARACTERS, message = NO_CONTROL_CHARACTERS)
          String tag,
      @Parameter(description = "page number from 0, default 0")
          @RequestParam(defaultValue = "0")
          @Min(value = 0, message = PAGE)
          @Max(value = SearchRequest.MAX_WINDOW - 1, message = PAGE)
          int page,
      @Parameter(description = "results per page, 1 to 100, default 20")
          @RequestParam(defaultValue = "20")
          @Min(value = 1, message = SIZE)
          @Max(value = SearchRequest.MAX_SIZE, message = SIZE)
          int size)
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
