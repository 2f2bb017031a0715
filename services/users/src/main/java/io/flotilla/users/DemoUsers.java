package io.flotilla.users;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The four demo users, added on start when absent (the laptop profile), all with the documented
 * password {@value #PASSWORD}. Never with the postgres or mysql profiles.
 */
@Component
@ConditionalOnBooleanProperty("flotilla.users.demo-users")
class DemoUsers implements ApplicationRunner {

  static final String PASSWORD = "flotilla-demo";

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private record Demo(String username, String firstName, String lastName, String email) {}

  private static final List<Demo> USERS =
      List.of(
          new Demo("karina", "karina", "gonzalez", "karina@email.com"),
          new Demo("bob", "bob", "slalom", "bob@email.com"),
          new Demo("simon", "simon", "sims", "simon@email.com"),
          new Demo("gina", "gina", "xu", "gina@email.com"));

  private final Accounts accounts;

  DemoUsers(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Demo demo : USERS) {
      if (accounts.addIfAbsent(
          demo.username(), demo.email(), PASSWORD, demo.firstName(), demo.lastName())) {
        log.info("demo user added username={}", demo.username());
      }
    }
  }
}
