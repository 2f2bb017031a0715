package io.flotilla.platform.sample;

import io.flotilla.platform.RoutineRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SampleController {

  @GetMapping("/hello")
  Map<String, String> hello() {
    return Map.of("greeting", "hello");
  }

  /** Answers like a long poll that found nothing: routine, so logged below INFO. */
  @GetMapping("/idle-poll")
  Map<String, String> idlePoll() {
    RoutineRequest.mark();
    return Map.of();
  }

  @PostMapping("/count")
  Map<String, Integer> count(@RequestBody List<Integer> numbers) {
    return Map.of("count", numbers.size());
  }

  /**
   * Eight megabytes: more than the socket buffers hold, so a client that leaves breaks the write.
   */
  @GetMapping("/big")
  Map<String, String> big() {
    return Map.of("text", "x".repeat(8 << 20));
  }

  @GetMapping("/boom")
  Map<String, String> boom() {
    throw new IllegalStateException(SampleApplication.SECRET);
  }
}
