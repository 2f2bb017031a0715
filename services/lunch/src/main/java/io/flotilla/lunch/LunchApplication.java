package io.flotilla.lunch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LunchApplication {

  public static void main(String[] args) {
    SpringApplication.run(LunchApplication.class, args);
  }
}
