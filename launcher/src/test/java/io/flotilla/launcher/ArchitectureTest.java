package io.flotilla.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the modules promise, checked on their compiled main classes (the launcher is built
 * after every other module): services, the gateway and the command line share nothing but {@code
 * platform}, which knows none of them, and nothing depends on the launcher.
 */
class ArchitectureTest {

  static final List<String> SERVICES =
      List.of("math", "hardware", "portal", "lunch", "menu", "users", "tweets", "search");

  /** The services, the gateway and the command line: each talks to the others over HTTP only. */
  static final List<String> APPLICATIONS =
      Stream.concat(SERVICES.stream(), Stream.of("gateway", "cli")).toList();

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> modules =
        Stream.concat(
                SERVICES.stream().map(service -> root.resolve("services").resolve(service)),
                Stream.of("platform", "test-support", "gateway", "cli", "launcher")
                    .map(root::resolve))
            .map(module -> module.resolve("target/classes"))
            .toList();
    assertThat(modules).allMatch(Files::isDirectory, "is compiled");
    classes = new ClassFileImporter().importPaths(modules);
  }

  @Test
  void noApplicationUsesAnotherOnesClasses() {
    for (String application : APPLICATIONS) {
      noClasses()
          .that()
          .resideInAPackage(packageOf(application))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              APPLICATIONS.stream()
                  .filter(other -> !other.equals(application))
                  .map(ArchitectureTest::packageOf)
                  .toArray(String[]::new))
          .check(classes);
    }
  }

  @Test
  void platformDependsOnNoService() {
    noClasses()
        .that()
        .resideInAPackage("io.flotilla.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(services())
        .check(classes);
  }

  @Test
  void nothingDependsOnTheLauncher() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.flotilla.launcher..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.flotilla.launcher..")
        .check(classes);
  }

  @Test
  void tweetsControllersGoThroughTheDomainNotTheRepositories() {
    noClasses()
        .that()
        .resideInAPackage("io.flotilla.tweets..")
        .and()
        .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith("org.springframework.stereotype.Repository")
        .check(classes);
  }

  private static String[] services() {
    return SERVICES.stream().map(ArchitectureTest::packageOf).toArray(String[]::new);
  }

  private static String packageOf(String module) {
    return "io.flotilla." + module + "..";
  }
}
