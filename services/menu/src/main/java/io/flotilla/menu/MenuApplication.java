package io.flotilla.menu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MenuApplication {

  public static void main(String[] args) {
    SpringApplication.run(MenuApplication.class, args);
  }
}
