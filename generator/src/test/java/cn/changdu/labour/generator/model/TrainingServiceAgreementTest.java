package cn.changdu.labour.generator.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's working calendar and trade catalogue are training-service's (its application.yml): a class the
 * generator files in time is one the service takes.
 */
class TrainingServiceAgreementTest {

    private final String yml = read();

    @Test
    void the_holidays_and_working_weekends_are_training_services() {
        assertThat(dates("holidays")).isEqualTo(WorkingDays.HOLIDAYS);
        assertThat(dates("working-weekends")).isEqualTo(WorkingDays.WORKING_WEEKENDS);
        assertThat(yml).contains("filing-working-days: " + WorkingDays.FILING_WORKING_DAYS);
    }

    @Test
    void every_trade_is_in_training_services_catalogue_with_its_category() {
        Matcher m = Pattern.compile("- \\{name: (\\S+), category: (\\w+)}").matcher(yml);
        Map<String, String> catalogue = new java.util.HashMap<>();
        while (m.find()) {
            catalogue.put(m.group(1), m.group(2));
        }
        assertThat(catalogue).hasSizeGreaterThan(30);
        TrainingGenerator.TRADES.keySet().forEach(t -> assertThat(catalogue).containsEntry(t.name(), t.category()));
        assertThat(TrainingGenerator.TRADES).hasSize(catalogue.size());
    }

    private Set<LocalDate> dates(String key) {
        Matcher list = Pattern.compile("\\n  " + key + ": \\[([^]]+)]").matcher(yml);
        assertThat(list.find()).as(key).isTrue();
        Set<LocalDate> dates = new HashSet<>();
        for (String d : list.group(1).split(",")) {
            dates.add(LocalDate.parse(d.strip()));
        }
        return dates;
    }

    private static String read() {
        try {
            return Files.readString(Path.of("../training-service/src/main/resources/application.yml"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("training-service's application.yml is read from the source tree", e);
        }
    }
}
