package io.flotilla.math;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MathApplication {

  public static void main(String[] args) {
    SpringApplication.run(MathApplication.class, args);
  }
}
