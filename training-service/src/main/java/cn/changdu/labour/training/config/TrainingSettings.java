package cn.changdu.labour.training.config;

import cn.changdu.labour.training.plan.api.TrainingCategory;
import cn.changdu.labour.training.classes.model.TrainingPolicy;
import cn.changdu.labour.training.classes.query.AfterTrainingDueDays;
import cn.changdu.labour.training.trainee.model.TrainingRecordPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code training.*} of application.yml: the plan's numbers, the holiday calendar and the trade catalogue. Business
 * dates are counted in {@code BusinessTime.ZONE} (domain-kernel), not configured here.
 */
@Configuration
@EnableConfigurationProperties(TrainingSettings.Properties.class)
public class TrainingSettings {

    @ConfigurationProperties("training")
    public static class Properties {
        public int filingWorkingDays = 5;
        public List<LocalDate> holidays = new ArrayList<>();
        public List<LocalDate> workingWeekends = new ArrayList<>();
        public List<Trade> trades = new ArrayList<>();
        public int duplicateTrainingWindowDays = 365;
        public BigDecimal generalCurriculumAddOn = new BigDecimal("450.00");
        public BigDecimal attendanceThreshold = new BigDecimal("0.80");
        public int minimumInspections = 2;
        /** Days after a class ends by which every qualified trainee has a job recommendation. */
        public int recommendationDueDays = 30;
        /** Days after a class ends by which the first and the second follow-up are due. */
        public List<Integer> followUpDueDays = new ArrayList<>(List.of(30, 90));

        public void setFilingWorkingDays(int v) { this.filingWorkingDays = v; }
        public void setHolidays(List<LocalDate> v) { this.holidays = v; }
        public void setWorkingWeekends(List<LocalDate> v) { this.workingWeekends = v; }
        public void setTrades(List<Trade> v) { this.trades = v; }
        public void setDuplicateTrainingWindowDays(int v) { this.duplicateTrainingWindowDays = v; }
        public void setGeneralCurriculumAddOn(BigDecimal v) { this.generalCurriculumAddOn = v; }
        public void setAttendanceThreshold(BigDecimal v) { this.attendanceThreshold = v; }
        public void setMinimumInspections(int v) { this.minimumInspections = v; }
        public void setRecommendationDueDays(int v) { this.recommendationDueDays = v; }
        public void setFollowUpDueDays(List<Integer> v) { this.followUpDueDays = v; }
    }

    public static class Trade {
        public String name;
        public TrainingCategory category = TrainingCategory.OTHER_TRADES;

        public void setName(String name) { this.name = name; }
        public void setCategory(TrainingCategory category) { this.category = category; }
    }

    @Bean
    public TrainingPolicy trainingPolicy(Properties p) {
        Map<String, TrainingCategory> trades = new LinkedHashMap<>();
        p.trades.forEach(t -> trades.put(t.name.strip(), t.category));
        return new TrainingPolicy(p.filingWorkingDays, Set.copyOf(p.holidays), Set.copyOf(p.workingWeekends), trades,
                p.generalCurriculumAddOn, p.attendanceThreshold, p.minimumInspections);
    }

    @Bean
    public TrainingRecordPolicy trainingRecordPolicy(Properties p) {
        return new TrainingRecordPolicy(p.duplicateTrainingWindowDays);
    }

    @Bean
    public AfterTrainingDueDays afterTrainingDueDays(Properties p) {
        return new AfterTrainingDueDays(p.recommendationDueDays, p.followUpDueDays);
    }
}
