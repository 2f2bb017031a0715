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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The login endpoint's HTTP contract: a bad body is answered before {@link Accounts} (its throttle,
 * its lookup, its log lines) ever sees it.
 */
@WebMvcTest(AuthController.class)
@AutoConfigureMockMvc(addFilters = false)
@EnableConfigurationProperties(UsersProperties.class)
@TestPropertySource(properties = "flotilla.trusted-proxies=10.0.0.5, 10.1.0.0/16")
class AuthControllerTest {

  @Autowired MockMvc mvc;

  @MockitoBean Accounts accounts;

  @Test
  void aGoodLoginAnswersTheToken() throws Exception {
    when(accounts.login("karina", "flotilla-demo", "127.0.0.1"))
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
  void theClientIsTheForwardedAddressOnlyWhenATrustedProxyConnected() throws Exception {
    String body = "{\"username\":\"karina\",\"password\":\"flotilla-demo\"}";
    when(accounts.login(any(), any(), any()))
        .thenReturn(new Tokens.Token("header.payload.signature", "Bearer", 3600));

    mvc.perform(
        post("/api/v1/auth/login")
            .with(from("10.0.0.5"))
            .header("X-Forwarded-For", "198.51.100.1, 10.1.2.3, 203.0.113.7")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
    verify(accounts).login("karina", "flotilla-demo", "203.0.113.7");

    mvc.perform(
        post("/api/v1/auth/login")
            .with(from("203.0.113.9"))
            .header("X-Forwarded-For", "10.0.0.5")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
    verify(accounts).login("karina", "flotilla-demo", "203.0.113.9");
  }

  private static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
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

    verify(accounts, never()).login(any(), any(), any());
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

    verify(accounts, never()).login(any(), any(), any());
  }
}
