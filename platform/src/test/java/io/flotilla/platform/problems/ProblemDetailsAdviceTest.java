package io.flotilla.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The platform's error contract, as every servlet service gets it. */
@WebMvcTest(ProblemsController.class)
class ProblemDetailsAdviceTest {

  private static final String PROBLEM = "application/problem+json";

  @Autowired MockMvc mvc;

  private ResultActions postThing(String json) throws Exception {
    return mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(json));
  }

  @Test
  void everyViolationIsListedByItsJsonNameInDeclarationOrder() throws Exception {
    postThing("{\"name\":\"abcdef\\u0007\",\"in_stock\":-1}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"name must be 1 to 5 characters, got 7; name must not contain"
                        + " control characters; in_stock must be 0 or more.\",\"instance\":\"/things\","
                        + "\"status\":400,\"title\":\"Bad Request\",\"errors\":["
                        + "{\"field\":\"name\",\"message\":\"must be 1 to 5 characters, got 7\"},"
                        + "{\"field\":\"name\",\"message\":\"must not contain control characters\"},"
                        + "{\"field\":\"in_stock\",\"message\":\"must be 0 or more\"}]}"));
  }

  @Test
  void charactersAreCountedAsAPersonCountsThem() throws Exception {
    postThing("{\"name\":\"\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\"}")
        .andExpect(status().isOk());
  }

  @Test
  void anUnknownFieldIsNamedWithTheFieldsThereAre() throws Exception {
    postThing("{\"name\":\"a\",\"colour\":\"red\"}")
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"colour is not a known field; the fields are name, in_stock.\","
                        + "\"instance\":\"/things\",\"status\":400,\"title\":\"Bad Request\","
                        + "\"errors\":[{\"field\":\"colour\",\"message\":\"is not a known field;"
                        + " the fields are name, in_stock\"}]}"));
  }

  @Test
  void aValueOfTheWrongJsonTypeIsNamed() throws Exception {
    postThing("{\"name\":42}")
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"name must be a string.\",\"instance\":\"/things\",\"status\":400,"
                        + "\"title\":\"Bad Request\",\"errors\":[{\"field\":\"name\",\"message\":"
                        + "\"must be a string\"}]}"));
    postThing("{\"name\":\"a\",\"in_stock\":\"many\"}")
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"in_stock must be an integer.\",\"instance\":\"/things\","
                        + "\"status\":400,\"title\":\"Bad Request\",\"errors\":[{\"field\":"
                        + "\"in_stock\",\"message\":\"must be an integer\"}]}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"name\":", "[1,2]", "not json", "", "{\"name\":\"a\"} {}"})
  void aBodyThatIsNotTheJsonObjectSaysWhichFieldsItHas(String body) throws Exception {
    postThing(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"The body must be a JSON object with the fields name, in_stock.\","
                        + "\"instance\":\"/things\",\"status\":400,\"title\":\"Bad Request\"}"));
  }

  @Test
  void parametersAreValidatedAndNamedLikeFields() throws Exception {
    mvc.perform(get("/things").param("page", "-1").param("size", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"page must be 0 or more; size must be from 1 to 100.\","
                        + "\"instance\":\"/things\",\"status\":400,\"title\":\"Bad Request\","
                        + "\"errors\":[{\"field\":\"page\",\"message\":\"must be 0 or more\"},"
                        + "{\"field\":\"size\",\"message\":\"must be from 1 to 100\"}]}"));
  }

  @Test
  void aParameterThatIsNotANumberSaysWhatItMustBe() throws Exception {
    mvc.perform(get("/things").param("page", "one"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"page must be an integer, got \\\"one\\\".\","
                        + "\"instance\":\"/things\",\"status\":400,\"title\":\"Bad Request\","
                        + "\"errors\":[{\"field\":\"page\",\"message\":\"must be an integer, got"
                        + " \\\"one\\\"\"}]}"));
  }

  @Test
  void aLongWrongValueIsQuotedShortened() throws Exception {
    mvc.perform(get("/things").param("page", "9".repeat(50)))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "page must be an integer, got \\\"" + "9".repeat(40) + "…\\\".")));
  }

  @Test
  void aMissingParameterIsNamed() throws Exception {
    mvc.perform(get("/things/needs"))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"what is required.\",\"instance\":\"/things/needs\",\"status\":400,"
                        + "\"title\":\"Bad Request\",\"errors\":[{\"field\":\"what\",\"message\":"
                        + "\"is required\"}]}"));
  }

  @Test
  void aWrongMethodIs405SayingWhatIsAllowed() throws Exception {
    mvc.perform(delete("/things"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentType(PROBLEM))
        .andExpect(
            header()
                .string(
                    "Allow",
                    org.hamcrest.Matchers.either(org.hamcrest.Matchers.is("GET, POST"))
                        .or(org.hamcrest.Matchers.is("POST, GET"))));
  }

  @Test
  void aBodyOfAnotherTypeIs415() throws Exception {
    mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("name=a"))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentType(PROBLEM));
  }

  @Test
  void aClientThatAcceptsOnlyXmlGets406BeforeTheHandlerRuns() throws Exception {
    int before = ProblemsController.written;

    mvc.perform(
            post("/things")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_XML)
                .content("{\"name\":\"a\"}"))
        .andExpect(status().isNotAcceptable())
        .andExpect(content().contentType(PROBLEM));

    assertThat(ProblemsController.written).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html", "application/xml", "image/png"})
  void errorsAreProblemJsonWhateverTheClientAccepts(String accept) throws Exception {
    mvc.perform(get("/things").param("page", "-1").header("Accept", accept))
        .andExpect(status().isNotAcceptable())
        .andExpect(content().contentType(PROBLEM));
    mvc.perform(
            post("/things")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}")
                .header("Accept", accept))
        .andExpect(status().isNotAcceptable())
        .andExpect(content().contentType(PROBLEM));
    mvc.perform(get("/nothing/here").header("Accept", accept))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(PROBLEM));
  }

  @Test
  void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
    String big = "{\"name\":\"" + "a".repeat(64 * 1024) + "\"}";
    postThing(big)
        .andExpect(status().isContentTooLarge())
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"The request body must be at most 65536 bytes.\",\"instance\":"
                        + "\"/things\",\"status\":413,\"title\":\"Content Too Large\"}"));
  }
}
