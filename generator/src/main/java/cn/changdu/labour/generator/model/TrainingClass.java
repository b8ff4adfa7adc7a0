package cn.changdu.labour.generator.model;

import cn.changdu.labour.generator.model.Geography.County;
import cn.changdu.labour.generator.model.People.Person;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A training class of the year, from its filing (开班报备) to its trainees' subsidies and follow-ups; what is dated
 * after the {@code --until} date is simply not sent.
 *
 * @param filedAt      when the organiser filed it with the county (business time)
 * @param lateFiling   the approval of a filing later than 5 working days before the start, or null
 * @param rosterImport whether the county sends the roster as a file (else trainee by trainee)
 * @param registerDays the class days with an attendance register (考勤)
 * @param completedAt  when the class was completed (结业), or null (fewer than two inspections, or not ended yet)
 */
public record TrainingClass(int no, County county, String organiser, String organiserType, Trade trade, int plannedSize,
                            LocalDate start, LocalDate end, LocalDateTime filedAt, LateFiling lateFiling,
                            boolean orderDirected, String employer, String deliveryMode, String subsidyStandard,
                            boolean generalCurriculum, boolean rosterImport, List<Trainee> trainees,
                            List<LocalDate> registerDays, List<Inspection> inspections, LocalDateTime completedAt) {

    /** A trade of the plan's catalogue (training-service's {@code training.trades}) with its category. */
    public record Trade(String name, String category) {
    }

    public record LateFiling(String reason, String approver) {
    }

    /** An inspection (督导检查) on the plan's five items; {@code failedItem} is an item found wanting, or null. */
    public record Inspection(LocalDate on, String inspector, boolean byCity, String failedItem, String remarks) {
    }

    /** A follow-up (跟踪回访) with the employment status found. */
    public record FollowUp(LocalDate on, String status, String employer) {
    }

    /** A subsidy claim (申领) and its decision: approved and paid, or rejected. */
    public record Subsidy(LocalDate claimedOn, LocalDate decidedOn, String rejection, LocalDate paidOn) {
    }

    /** A job recommendation (推荐就业) to a qualified trainee. */
    public record Recommendation(LocalDate on, String employer, String position) {
    }

    /**
     * A trainee on the class roster.
     *
     * @param absentMask bit i set: absent on register day i
     * @param passed     the assessment (null: withdrawn, or not assessed yet)
     */
    public record Trainee(Person person, boolean registeredPoor, boolean consolidation, Integer previousTrainingYear,
                          String relocationSite, String householdNo, LocalDateTime enrolledAt, LocalDate withdrawnOn,
                          int absentMask, Boolean passed, Recommendation recommendation, FollowUp firstFollowUp,
                          FollowUp secondFollowUp, Subsidy subsidy) {

        public boolean qualified() {
            return Boolean.TRUE.equals(passed);
        }

        public boolean presentOn(int registerDay) {
            return (absentMask & (1 << registerDay)) == 0;
        }

        Trainee withoutRecommendation() {
            return new Trainee(person, registeredPoor, consolidation, previousTrainingYear, relocationSite, householdNo,
                    enrolledAt, withdrawnOn, absentMask, passed, null, firstFollowUp, secondFollowUp, subsidy);
        }

        Trainee withoutSecondFollowUp() {
            return new Trainee(person, registeredPoor, consolidation, previousTrainingYear, relocationSite, householdNo,
                    enrolledAt, withdrawnOn, absentMask, passed, recommendation, firstFollowUp, null, subsidy);
        }
    }

    /** Active trainees assessed and passed, over those assessed (the class's pass rate). */
    public double passRate() {
        long assessed = trainees.stream().filter(t -> t.passed() != null).count();
        long passed = trainees.stream().filter(Trainee::qualified).count();
        return assessed == 0 ? 1 : (double) passed / assessed;
    }

    public String department() {
        return county.hrOffice();
    }
}
