package io.flotilla.menu;

import io.flotilla.testsupport.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Many requests let go at the same moment, each on a virtual thread of its own. */
final class Concurrently {

  private Concurrently() {}

  /** Runs {@code count} requests, the i-th made by {@code request.apply(i)}, and their answers. */
  static List<Http.Answer> get(int count, IntFunction<Callable<Http.Answer>> request)
      throws InterruptedException, ExecutionException {
    var start = new CountDownLatch(1);
    List<Future<Http.Answer>> pending = new ArrayList<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        Callable<Http.Answer> one = request.apply(i);
        pending.add(
            threads.submit(() -> {
              start.await();
              return one.call();
            }));
      }
      start.countDown();
    }
    List<Http.Answer> answers = new ArrayList<>();
    for (Future<Http.Answer> answer : pending) {
      answers.add(answer.get());
    }
    return answers;
  }
}
