package io.flotilla.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a process prints, read line by line on a thread of its own as it comes and kept for the
 * assertions; lets a test wait for the line that says the process is ready.
 */
final class ProcessOutput {

  private final List<String> lines = new ArrayList<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread reader;

  /** Reads {@code process}'s output, giving each line to {@code eachLine} as it comes. */
  ProcessOutput(Process process, Predicate<String> readyLine, Consumer<String> eachLine) {
    reader =
        Thread.ofPlatform()
            .daemon()
            .start(() -> {
              try (var output =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                  synchronized (lines) {
                    lines.add(line);
                  }
                  eachLine.accept(line);
                  if (readyLine.test(line)) {
                    ready.countDown();
                  }
                }
              } catch (IOException ended) {
                // the process ended
              }
              ready
                  .countDown(); // the process exited: stop waiting, the caller's assertion says why
            });
  }

  /** Until the ready line, the end of the output, or the timeout. */
  void awaitReady(Duration timeout) throws InterruptedException {
    ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Until the process's output has ended (it exited), at most {@code timeout}. */
  void awaitEnd(Duration timeout) throws InterruptedException {
    reader.join(timeout);
  }

  /**
   * The lines so far, as a copy: the process goes on printing while a test looks, and iterating the
   * live list would fail with a ConcurrentModificationException.
   */
  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }
}
