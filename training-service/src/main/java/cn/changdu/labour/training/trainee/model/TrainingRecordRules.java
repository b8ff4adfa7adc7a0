package cn.changdu.labour.training.trainee.model;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.training.plan.api.EmploymentStatus;
import cn.changdu.labour.training.trainee.api.RecordPersonEnrolmentCommand;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/**
 * The rules across one person's classes, in one place: the person's record ({@link Trainee}) enforces them, and the
 * roster import checks its rows against them before sending anything.
 */
public final class TrainingRecordRules {

    public static final String DUPLICATE_TRAINING = "no-duplicate-training";
    /** The earliest year of training that qualifies for consolidation training (trained since 2016). */
    public static final int CONSOLIDATION_SINCE = 2016;

    /** A class the person is enrolled in. */
    public record Entry(String classId, String countyCode, String trade, LocalDate startDate, LocalDate endDate) {
    }

    private TrainingRecordRules() {
    }

    /** Why the proposed enrolment must be refused, or empty when the person may be enrolled. */
    public static Optional<RuleViolation> refusal(Collection<Entry> record, RecordPersonEnrolmentCommand proposed,
                                                  int duplicateWindowDays) {
        for (Entry other : record) {
            if (other.classId().equals(proposed.classId())) {
                return refuse("trainee-enrolled-once-per-class", "residentId", "此人已在本班报名");
            }
            if (!other.startDate().isAfter(proposed.endDate()) && !proposed.startDate().isAfter(other.endDate())) {
                return refuse("no-overlapping-classes", "residentId",
                        "此人已报名同期的另一个班（" + other.trade() + "，" + other.startDate() + " 至 " + other.endDate()
                                + "），培训时间不能重叠");
            }
            if (duplicates(other, proposed.trade(), proposed.startDate(), duplicateWindowDays)) {
                return refuse(DUPLICATE_TRAINING, "residentId",
                        "此人 " + other.startDate() + " 已参加" + other.trade() + "培训，" + duplicateWindowDays
                                + " 天内同一工种不能重复培训");
            }
        }
        return proposed.consolidationTraining() ? consolidationRefusal(record, proposed) : Optional.empty();
    }

    /** The earlier class that makes a class of this trade starting then duplicate training, if any. */
    public static Optional<Entry> duplicated(Collection<Entry> record, String classId, String trade, LocalDate startDate,
                                             int duplicateWindowDays) {
        return record.stream()
                .filter(other -> !other.classId().equals(classId) && duplicates(other, trade, startDate, duplicateWindowDays))
                .findFirst();
    }

    private static boolean duplicates(Entry other, String trade, LocalDate startDate, int windowDays) {
        return other.trade().equals(trade) && Math.abs(ChronoUnit.DAYS.between(other.startDate(), startDate)) < windowDays;
    }

    /**
     * 巩固培训: registered-poor people trained since 2016 (recorded here, or declared with the year) who are recorded
     * as not employed.
     */
    private static Optional<RuleViolation> consolidationRefusal(Collection<Entry> record, RecordPersonEnrolmentCommand proposed) {
        if (!proposed.registeredPoor()) {
            return refuse("consolidation-training-eligible", "consolidationTraining", "巩固培训仅限建档立卡贫困人员");
        }
        boolean trainedHere = record.stream()
                .anyMatch(c -> c.startDate().getYear() >= CONSOLIDATION_SINCE && c.startDate().isBefore(proposed.startDate()));
        Integer declared = proposed.previousTrainingYear();
        boolean trainedBefore = declared != null && declared >= CONSOLIDATION_SINCE
                && declared <= proposed.startDate().getYear();
        if (!trainedHere && !trainedBefore) {
            return refuse("consolidation-training-eligible", "previousTrainingYear",
                    "巩固培训仅限 " + CONSOLIDATION_SINCE + " 年以来参加过培训的人员：未查到培训记录，须登记此前培训年份");
        }
        if (proposed.employmentStatus() != EmploymentStatus.NOT_EMPLOYED) {
            return refuse("consolidation-training-eligible", "employmentStatus",
                    "巩固培训仅限培训后未就业的人员：须登记就业状态为未就业");
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> refuse(String rule, String field, String message) {
        return Optional.of(new RuleViolation(rule, field, message));
    }
}
