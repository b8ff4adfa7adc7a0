package cn.changdu.labour.employment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Transfer employment (measures 7–13 of the plan): placements by channel, and later income and households. */
@SpringBootApplication
public class EmploymentApplication {
    public static void main(String[] args) {
        SpringApplication.run(EmploymentApplication.class, args);
    }
}
