package io.flotilla.tweets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TweetsApplication {

  public static void main(String[] args) {
    SpringApplication.run(TweetsApplication.class, args);
  }
}
