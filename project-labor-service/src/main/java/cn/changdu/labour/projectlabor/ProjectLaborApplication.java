package cn.changdu.labour.projectlabor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Construction-project labour (measures 8 and 14): projects, real-name rosters, wages, arrears. */
@SpringBootApplication
public class ProjectLaborApplication {
    public static void main(String[] args) {
        SpringApplication.run(ProjectLaborApplication.class, args);
    }
}
