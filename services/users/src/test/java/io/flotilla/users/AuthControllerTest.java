package io.flotilla.users;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The login endpoint's HTTP contract: a bad body is answered before {@link Accounts} (its throttle,
 * its lookup, its log lines) ever sees it.
 */
@WebMvcTest(AuthController.class)
@AutoConfigureMockMvc(addFilters = false)
class AuthControllerTest {

  @Autowired MockMvc mvc;

  @MockitoBean Accounts accounts;

  @Test
  void aGoodLoginAnswersTheToken() throws Exception {
    when(accounts.login("karina", "flotilla-demo"))
        .thenReturn(new Tokens.Token("header.payload.signature", "Bearer", 3600));

    mvc.perform(
            post("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"karina\",\"password\":\"flotilla-demo\"}"))
        .andExpect(status().isOk())
        .andExpect(content().contentType(MediaType.APPLICATION_JSON))
        .andExpect(
            content()
                .string(
                    "{\"access_token\":\"header.payload.signature\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":3600}"));
  }

  @Test
  void everyProblemOfALoginIsListedAndNoAccountIsTouched() throws Exception {
    mvc.perform(
            post("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + "é".repeat(31) + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            content()
                .string(
                    "{\"detail\":\"username must be at most 30 characters, got 31; username may"
                        + " contain only letters a-z, digits 0-9 and _; password is required: the"
                        + " account's password.\",\"instance\":\"/api/v1/auth/login\",\"status\":400,"
                        + "\"title\":\"Bad Request\",\"errors\":["
                        + "{\"field\":\"username\",\"message\":\"must be at most 30 characters, got"
                        + " 31\"},"
                        + "{\"field\":\"username\",\"message\":\"may contain only letters a-z, digits"
                        + " 0-9 and _\"},"
                        + "{\"field\":\"password\",\"message\":\"is required: the account's"
                        + " password\"}]}"));

    verify(accounts, never()).login(any(), any());
  }

  @Test
  void aLoginThatCannotBeAnsweredInTheAcceptedTypeIsRefusedBeforeItIsTried() throws Exception {
    mvc.perform(
            post("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_HTML)
                .content("{\"username\":\"karina\",\"password\":\"flotilla-demo\"}"))
        .andExpect(status().isNotAcceptable())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

    verify(accounts, never()).login(any(), any());
  }
}
