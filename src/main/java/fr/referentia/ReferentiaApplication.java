package fr.referentia;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ReferentiaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferentiaApplication.class, args);
    }
}
