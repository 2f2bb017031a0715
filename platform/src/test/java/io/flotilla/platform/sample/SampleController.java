package io.flotilla.platform.sample;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SampleController {

  @GetMapping("/hello")
  Map<String, String> hello() {
    return Map.of("greeting", "hello");
  }

  @GetMapping("/boom")
  Map<String, String> boom() {
    throw new IllegalStateException(SampleApplication.SECRET);
  }
}
