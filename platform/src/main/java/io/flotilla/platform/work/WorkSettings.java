package io.flotilla.platform.work;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bulkhead for CPU-heavy work ({@link HeavyWork}), e.g. {@code FLOTILLA_WORK_THREADS=4}. A 0
 * takes the value derived from the number of cores.
 *
 * @param threads how many pieces of heavy work run at once; 0 for the number of cores
 * @param queue how many more may wait for a thread, past which the answer is 503; 0 for four per
 *     thread
 * @param perClient how many one client may have running or waiting at once, past which the answer
 *     is 429; 0 for the threads and half the queue, so that others always find room
 * @param maxWait how long work may wait in the queue for a thread, past which the answer is 503
 * @param timeout how long a request waits for its heavy work, queue and work together, past which
 *     the answer is 503 while the work goes on; below the gateway's response timeout (10 s)
 * @param retryAfter the {@code Retry-After} of those 503 and 429 answers
 */
@Validated
@ConfigurationProperties("flotilla.work")
record WorkSettings(
    @DefaultValue("0") @Min(0) int threads,
    @DefaultValue("0") @Min(0) int queue,
    @DefaultValue("0") @Min(0) int perClient,
    @DefaultValue("1s") @NotNull @DurationMin(millis = 1) Duration maxWait,
    @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration timeout,
    @DefaultValue("1s") @NotNull @DurationMin(seconds = 1) Duration retryAfter) {

  int threadCount() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }

  int queueCapacity() {
    return queue > 0 ? queue : 4 * threadCount();
  }

  int clientShare() {
    return perClient > 0 ? perClient : threadCount() + queueCapacity() / 2;
  }
}
