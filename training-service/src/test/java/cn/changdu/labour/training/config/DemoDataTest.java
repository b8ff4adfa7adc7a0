package cn.changdu.labour.training.config;

import cn.changdu.labour.training.classes.model.TrainingPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data set ({@code infra/demo/load-demo.sh}) files its classes with {@code occurredAt}: under the configured
 * calendar every one is filed at least 5 working days before it starts, in a catalogued trade.
 */
class DemoDataTest {

    @Test
    void every_demo_class_is_filed_in_time_and_in_a_catalogued_trade() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        TrainingSettings.Properties properties = Binder.get(environment)
                .bind("training", TrainingSettings.Properties.class).get();
        TrainingPolicy policy = new TrainingSettings().trainingPolicy(properties);

        String script = Files.readString(Path.of("../infra/demo/load-demo.sh"));
        Matcher row = Pattern.compile("\"(\\d{6})\\|[^|]+\\|([^|]+)\\|\\d+\\|([\\d-]+)\\|[\\d-]+\\|([\\d-]+)\\|\\d+\"").matcher(script);
        int classes = 0;
        while (row.find()) {
            classes++;
            LocalDate start = LocalDate.parse(row.group(3));
            LocalDate filed = LocalDate.parse(row.group(4));
            assertThat(filed).as("class %s starting %s", row.group(2), start).isBeforeOrEqualTo(policy.latestFilingDate(start));
            assertThat(policy.categoryOf(row.group(2))).as(row.group(2)).isPresent();
        }
        assertThat(classes).isEqualTo(16);
        // the end-to-end test's and the README's example: 电工 from 1 June, filed 20 May
        assertThat(policy.latestFilingDate(LocalDate.of(2020, 6, 1))).isEqualTo(LocalDate.of(2020, 5, 25));
        assertThat(List.of("电工", "焊工", "藏式烹饪")).allSatisfy(t -> assertThat(policy.categoryOf(t)).isPresent());
    }
}
