package cn.changdu.labour.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Skills training (measures 1–6 of the plan): classes, trainees and, later, inspections, subsidies, follow-ups. */
@SpringBootApplication
public class TrainingApplication {
    public static void main(String[] args) {
        SpringApplication.run(TrainingApplication.class, args);
    }
}
