package io.flotilla.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/** How query parameters become a Lucene query: analyzed terms and filters, never parsed syntax. */
class SearchRequestTest {

  @Test
  void keywordTermsAreAlternativesOfWhichOneMustMatch() {
    var request = SearchRequest.of("Running shoes", null, 0, 20);

    assertThat(request.query(List.of("run", "shoe")).toString())
        .isEqualTo("(text:run text:shoe)~1");
    assertThat(request.kind()).isEqualTo("keyword");
    assertThat(request.page()).isZero();
    assertThat(request.size()).isEqualTo(20);
  }

  @Test
  void aTagIsANameInLowerCaseOrAnIdAndFiltersWithoutScoring() {
    assertThat(SearchRequest.of(null, " World News ", 2, 5).query(List.of()).toString())
        .isEqualTo("+*:* #tag_name:world news");
    assertThat(SearchRequest.of("album", "007", 0, 20).query(List.of("album")).toString())
        .isEqualTo("(text:album #tag_id:7)~1");
  }

  @Test
  void blankParametersCountAsAbsent() {
    assertThatThrownBy(() -> SearchRequest.of(" ", "", 0, 20))
        .isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("Give a keyword, a tag or both");
    assertThat(SearchRequest.of("", "music", 0, 20).kind()).isEqualTo("tag");
  }
}
