package cn.changdu.labour.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The central dashboard's read side: a projection of the three domain topics into indicators. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class ReportingApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}
