package io.flotilla.users;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The account rules as Bean Validation applies them, without Spring. */
class RegistrationTest {

  private static final jakarta.validation.ValidatorFactory FACTORY =
      Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  private static Registration valid() {
    return new Registration("bob", "correct horse", "bob@example.org", "Bob", "Smith");
  }

  private static List<String> problems(Registration registration, String field) {
    return VALIDATOR.validate(registration).stream()
        .filter(violation -> violation.getPropertyPath().toString().equals(field))
        .map(ConstraintViolation::getMessage)
        .sorted()
        .toList();
  }

  private static Registration withUsername(String username) {
    return new Registration(username, "correct horse", "bob@example.org", "Bob", "Smith");
  }

  @Test
  void aRegistrationWithinEveryRuleIsValid() {
    assertThat(VALIDATOR.validate(valid())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bob", "karina", "a_1", "abcdefghijklmnopqrstuvwxyz_123", "tagsandmore"})
  void usernamesWithinTheRuleAreAccepted(String username) {
    assertThat(problems(withUsername(username), "username")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"me", "tags", "admin", "api"})
  void reservedWordsAreRefused(String username) {
    assertThat(problems(withUsername(username), "username"))
        .contains("\"" + username + "\" is reserved, as are all of admin, api, me, tags");
  }

  @Test
  void aNewlineInAUsernameIsRefused() {
    assertThat(problems(withUsername("bob\nadmin"), "username"))
        .containsExactly("may contain only lower-case letters a-z, digits 0-9 and _");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@b.co", "first.last+tag@example.org", "o'brien@mail.example.ie", "x@sub-1.a.b"})
  void emailAddressesAsPeopleTypeThemAreAccepted(String email) {
    assertThat(problems(new Registration("bob", "correct horse", email, "B", "S"), "email"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a@b", "a..b@example.org", ".a@example.org", "a@-b.org", "a@b..org", "a@@b.org"})
  void malformedAddressesAreRefused(String email) {
    assertThat(problems(new Registration("bob", "correct horse", email, "B", "S"), "email"))
        .containsExactly("must be an email address like name@example.com");
  }

  @Test
  void anEmailIsKeptLowerCaseWithoutSurroundingSpaces() {
    assertThat(new Registration("bob", "x", " Bob@Example.ORG ", "B", "S").email())
        .isEqualTo("bob@example.org");
  }

  @Test
  void passwordLengthIsCountedInCharactersAndItsLimitInBytes() {
    assertThat(problems(new Registration("bob", "ééééééé", "b@x.org", "B", "S"), "password"))
        .containsExactly("must be at least 8 characters");
    assertThat(problems(new Registration("bob", "😀".repeat(18), "b@x.org", "B", "S"), "password"))
        .isEmpty();
    assertThat(problems(new Registration("bob", "😀".repeat(19), "b@x.org", "B", "S"), "password"))
        .hasSize(1);
  }

  @Test
  void namesMustHaveVisibleTextAndNoControlCharacters() {
    assertThat(problems(new Registration("bob", "correct horse", "b@x.org", "", "S"), "firstName"))
        .containsExactly("must not be blank");
    assertThat(
            problems(
                new Registration("bob", "correct horse", "b@x.org", "\u200B\u200B", "S"),
                "firstName"))
        .containsExactly("must not be blank");
    assertThat(
            problems(new Registration("bob", "correct horse", "b@x.org", "a\tb", "S"), "firstName"))
        .containsExactly("must not contain control characters");
    assertThat(
            problems(new Registration("bob", "correct horse", "b@x.org", "Zoë", "S"), "firstName"))
        .isEmpty();
  }
}
