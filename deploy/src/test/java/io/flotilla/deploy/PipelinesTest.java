package io.flotilla.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flotilla.testsupport.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The CI pipelines for GitHub and GitLab pass yamllint and both have seed 003's stages in order:
 * build, test, images, staging (automatic on main), production (manual). Both test with .ci/run,
 * the command every CI runs, next to real databases, and build and deploy with the same .ci/
 * scripts.
 */
class PipelinesTest {

  private static final Path ROOT = Path.of("..");
  private static final String GITHUB = ".github/workflows/ci.yml";
  private static final String GITLAB = ".gitlab-ci.yml";
  private static final List<String> STAGES =
      List.of("build", "test", "images", "staging", "production");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Test
  void yamllintAcceptsBothPipelines() throws Exception {
    assumeTrue(
        Commands.onPath("yamllint").isPresent(),
        "yamllint is not on the PATH (Debian package yamllint): the pipelines are not linted");
    Process lint =
        new ProcessBuilder("yamllint", "--strict", "-c", ".yamllint.yaml", GITHUB, GITLAB)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(lint.waitFor()).as(output).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void gitlabRunsTheStagesInOrderAndProductionOnlyByHand() throws IOException {
    Map<String, Object> pipeline = read(GITLAB);

    assertThat((List<String>) pipeline.get("stages")).containsExactlyElementsOf(STAGES);
    for (String stage : STAGES) {
      assertThat(job(pipeline, stage)).as(stage).containsEntry("stage", stage);
    }
    Map<String, Object> test = job(pipeline, "test");
    assertThat((List<String>) test.get("script")).containsExactly(".ci/run");
    assertThat((List<Map<String, Object>>) test.get("services"))
        .extracting(service -> service.get("alias"))
        .containsExactlyInAnyOrder("postgres", "mariadb", "redis");
    assertThat((List<String>) job(pipeline, "images").get("script")).containsExactly(".ci/images");
    assertThat((List<String>) job(pipeline, "staging").get("script"))
        .containsExactly(".ci/deploy staging");
    assertThat((List<String>) job(pipeline, "production").get("script"))
        .containsExactly(".ci/deploy production");

    var stagingRules = (List<Map<String, Object>>) job(pipeline, "staging").get("rules");
    assertThat(stagingRules)
        .singleElement()
        .satisfies(rule -> assertThat(rule).doesNotContainKey("when"));
    var productionRules = (List<Map<String, Object>>) job(pipeline, "production").get("rules");
    assertThat(productionRules)
        .singleElement()
        .satisfies(rule ->
            assertThat(rule)
                .containsEntry("if", "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")
                .containsEntry("when", "manual"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void githubRunsTheJobsInOrderAndProductionOnlyAfterApproval() throws IOException {
    var jobs = (Map<String, Map<String, Object>>) read(GITHUB).get("jobs");

    assertThat(jobs.keySet()).containsExactlyElementsOf(STAGES);
    for (int i = 1; i < STAGES.size(); i++) {
      assertThat(jobs.get(STAGES.get(i)))
          .as(STAGES.get(i))
          .containsEntry("needs", STAGES.get(i - 1));
    }
    assertThat(runs(jobs.get("test"))).containsExactly(".ci/run");
    assertThat((Map<String, Object>) jobs.get("test").get("services"))
        .containsOnlyKeys("postgres", "mariadb", "redis");
    assertThat(runs(jobs.get("images"))).containsExactly(".ci/images");
    // Images, and so the deployments after them, only for what was pushed to main.
    assertThat((String) jobs.get("images").get("if")).contains("refs/heads/main");
    assertThat(runs(jobs.get("staging"))).anyMatch(run -> run.contains(".ci/deploy staging"));
    assertThat(runs(jobs.get("production"))).anyMatch(run -> run.contains(".ci/deploy production"));
    // The production environment is the one with required reviewers: the manual step.
    assertThat((Map<String, Object>) jobs.get("production").get("environment"))
        .containsEntry("name", "production");
    assertThat((Map<String, Object>) jobs.get("staging").get("environment"))
        .containsEntry("name", "staging");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> job(Map<String, Object> pipeline, String name) {
    assertThat(pipeline).containsKey(name);
    return (Map<String, Object>) pipeline.get(name);
  }

  @SuppressWarnings("unchecked")
  private static List<String> runs(Map<String, Object> job) {
    return ((List<Map<String, Object>>) job.get("steps"))
        .stream()
            .filter(step -> step.containsKey("run"))
            .map(step -> ((String) step.get("run")).strip())
            .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(String file) throws IOException {
    return YAML.readValue(Files.readString(ROOT.resolve(file)), Map.class);
  }
}
