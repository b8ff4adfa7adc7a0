package cn.changdu.labour.training.config;

import cn.changdu.labour.training.classes.model.TrainingPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar and catalogue the demo data relies on. The demo is a year made by the generator module, whose own
 * tests check that it uses exactly this calendar and trade catalogue (it reads this module's application.yml) and
 * files every class at least 5 working days ahead unless it carries a late-filing approval.
 */
class DemoDataTest {

    @Test
    void the_configured_calendar_counts_five_working_days_and_the_catalogue_has_the_plans_trades() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("app", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addFirst);
        TrainingSettings.Properties properties = Binder.get(environment)
                .bind("training", TrainingSettings.Properties.class).get();
        TrainingPolicy policy = new TrainingSettings().trainingPolicy(properties);

        // the end-to-end test's and the README's example: 电工 from 1 June, filed 20 May
        assertThat(policy.latestFilingDate(LocalDate.of(2020, 6, 1))).isEqualTo(LocalDate.of(2020, 5, 25));
        // over the National Day holidays (1–8 October) and the working Saturday of 10 October
        assertThat(policy.latestFilingDate(LocalDate.of(2020, 10, 15))).isEqualTo(LocalDate.of(2020, 10, 9));
        assertThat(List.of("电工", "焊工", "藏式烹饪", "唐卡绘画", "挖掘机操作")).allSatisfy(t -> assertThat(policy.categoryOf(t)).isPresent());
    }
}
