package cn.changdu.labour.generator.model;

import cn.changdu.labour.generator.model.Geography.County;
import cn.changdu.labour.generator.model.People.Person;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/** The records of employment-service (measures 7–13) the year holds. */
public final class Employment {

    private Employment() {
    }

    /** A labour-market body recognised by the county (认定): HR agency, broker, work team (务工联队) or cooperative. */
    public record Intermediary(int no, County county, String name, String kind, String township, LocalDate recognisedOn,
                               LocalDate suspendedOn, String suspensionReason) {
    }

    /** A relocated household with members able to work (易地搬迁户). */
    public record Household(int no, County county, String site, Person head, int membersAbleToWork, LocalDate registeredOn) {
    }

    /** A matching event (招聘活动) a county held. */
    public record JobFair(int no, County county, String name, LocalDate heldOn, int employers, int positions, int attendance) {
    }

    /** Jobs developed (开发就业岗位): a posting, perhaps filled in part or withdrawn later. */
    public record JobPosting(int no, County county, String employer, String sector, int positions, BigDecimal monthlyWage,
                             String region, String province, LocalDate publishedOn, LocalDate filledOn, int filled,
                             LocalDate withdrawnOn) {
    }

    /** A county's quarterly placement report (转移就业花名册), sent as one or more files. */
    public record Batch(int no, County county, int quarter, int part, LocalDateTime sentAt) {
    }

    /** The 3-month stability check (稳岗核查). */
    public record Verification(LocalDate on, String status, LocalDateTime recordedAt) {
    }

    /** The end of a placement (离岗). */
    public record Ending(LocalDate on, String reason, LocalDateTime recordedAt) {
    }

    /**
     * A transfer-employment placement (转移就业登记).
     *
     * @param byCity       recorded by the city HR bureau (government-organised out-of-region work), else by the county
     * @param batch        the quarterly file it was reported in, or null (recorded one by one)
     * @param incomeMonths bit m-1 set: income reported for month m of 2020
     * @param outOfRegionSubsidy        whether the out-of-region subsidy is applied for after the check
     * @param intermediarySubsidy       whether the intermediary's service subsidy is applied for after the check
     */
    public record Placement(int no, Person person, String channel, String destination, String province, String employer,
                            LocalDate start, BigDecimal monthlyIncome, String organisedBy, Intermediary intermediary,
                            TrainingClass trainingClass, Project project, Household household, JobFair jobFair,
                            LocalDateTime recordedAt, boolean byCity, Batch batch, Verification verification,
                            Ending ending, int incomeMonths, boolean outOfRegionSubsidy, boolean intermediarySubsidy) {

        public County county() {
            return Geography.byCode(person.countyCode());
        }

        public LocalDate verificationDue() {
            return start.plusMonths(3);
        }

        /** Whether income is reported for the month. */
        public boolean reportsIncome(YearMonth month) {
            return month.getYear() == 2020 && (incomeMonths & (1 << (month.getMonthValue() - 1))) != 0;
        }

        /** The amount reported for one month: the expected income, a little up or down, for the days worked. */
        public BigDecimal incomeFor(YearMonth month) {
            long hash = (no * 31L + month.getMonthValue()) * 0x9E3779B97F4A7C15L;
            double noise = 0.92 + ((hash >>> 40) % 1600) / 10_000.0;
            double days = month.equals(YearMonth.from(start))
                    ? (double) (month.lengthOfMonth() - start.getDayOfMonth() + 1) / month.lengthOfMonth() : 1;
            if (ending != null && month.equals(YearMonth.from(ending.on()))) {
                days = Math.min(days, (double) ending.on().getDayOfMonth() / month.lengthOfMonth());
            }
            long tens = Math.max(10, Math.round(monthlyIncome.doubleValue() * noise * days / 10));
            return BigDecimal.valueOf(tens * 10).setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
    }

    /** Urban new employment (城镇新增就业). */
    public record UrbanEmployment(Person person, String employer, LocalDate registeredOn) {
    }

    /** A registered unemployment (城镇失业登记); ended by a job registered as urban employment or explicitly. */
    public record Unemployment(Person person, LocalDate registeredOn, LocalDate endedOn, String endReason) {
    }

    /** A county's urban labour force, the base of its registered unemployment rate. */
    public record LabourForce(County county, long labourForce) {
    }

    /** Everything employment-service records in the year. */
    public record Records(List<Intermediary> intermediaries, List<Household> households, List<JobFair> jobFairs,
                          List<JobPosting> postings, List<Placement> placements, List<UrbanEmployment> urbanEmployment,
                          List<Unemployment> unemployment, List<LabourForce> labourForce) {
    }
}
