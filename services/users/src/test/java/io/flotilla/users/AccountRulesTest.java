package io.flotilla.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"bob", "karina", "a_1", "abcdefghijklmnopqrstuvwxyz_123", "tagsandmore"})
  void usernamesWithinTheRuleAreAccepted(String username) {
    assertThat(AccountRules.username(username)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"me", "tags", "admin", "api"})
  void reservedWordsAreRefused(String username) {
    assertThat(AccountRules.username(username))
        .contains("\"" + username + "\" is reserved, as are all of admin, api, me, tags");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@b.co", "first.last+tag@example.org", "o'brien@mail.example.ie", "x@sub-1.a.b"})
  void emailAddressesAsPeopleTypeThemAreAccepted(String email) {
    assertThat(AccountRules.email(email)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@b", "a..b@example.org", ".a@example.org", "a@-b.org", "a@b..org", "a@@b.org"})
  void malformedAddressesAreRefused(String email) {
    assertThat(AccountRules.email(email))
        .containsExactly("must be an email address like name@example.com");
  }

  @Test
  void passwordLengthIsCountedInCharactersAndItsLimitInBytes() {
    assertThat(AccountRules.password("ééééééé")).containsExactly("must be at least 8 characters");
    assertThat(AccountRules.password("😀".repeat(18))).isEmpty();
    assertThat(AccountRules.password("😀".repeat(19))).hasSize(1);
  }

  @Test
  void namesMustHaveTextAndNoControlCharacters() {
    assertThat(AccountRules.name("")).containsExactly("must not be blank");
    assertThat(AccountRules.name("a\tb")).containsExactly("must not contain control characters");
    assertThat(AccountRules.name("Zoë")).isEmpty();
  }
}
