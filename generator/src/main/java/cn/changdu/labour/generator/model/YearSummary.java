package cn.changdu.labour.generator.model;

import cn.changdu.labour.generator.model.Employment.Placement;
import cn.changdu.labour.generator.model.Project.Stint;
import cn.changdu.labour.generator.model.TrainingClass.Trainee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The year's figures as the plan counts them (whole year, whatever --until says): people trained, consolidation
 * and order-directed shares, transfers per channel (each person once, in the channel of their first transfer, as
 * the dashboard counts them), income, projects and their local share. The CLI prints it; the tests check it.
 */
public record YearSummary(int classes, int trainees, int consolidation, int orderDirected, double passRate,
                          int classesBelow80, int lateFilings, int classesInspectedOnce, int duplicateAttempts,
                          Map<String, Integer> transfersByChannel, int governmentOrganised, int placements,
                          BigDecimal income, int households, int householdsWithNobodyEmployed, int jobsDeveloped,
                          int urbanNewEmployment, int projects, int rosterStints, int rosterWorkers, double localShare,
                          int projectsBelow30, int wageMonths, int wageIssues, int disputes,
                          Map<String, Integer> traineesByCounty) {

    public static YearSummary of(Year year) {
        List<TrainingClass> classes = year.classes();
        Set<String> trained = new HashSet<>();
        int consolidation = 0;
        int ordered = 0;
        long assessed = 0;
        long passed = 0;
        Map<String, Integer> byCounty = new TreeMap<>();
        for (TrainingClass c : classes) {
            for (Trainee t : c.trainees()) {
                if (trained.add(t.person().residentId())) {
                    byCounty.merge(c.county().code(), 1, Integer::sum);
                    consolidation += t.consolidation() ? 1 : 0;
                    ordered += c.orderDirected() ? 1 : 0;
                }
                assessed += t.passed() != null ? 1 : 0;
                passed += t.qualified() ? 1 : 0;
            }
        }
        // transfers: each person once a year, in the channel of the first (a placement wins on the same day)
        Map<String, LocalDate> firstOn = new java.util.HashMap<>();
        Map<String, String> firstChannel = new java.util.HashMap<>();
        for (Placement p : year.employment().placements()) {
            String id = p.person().residentId();
            if (!firstOn.containsKey(id) || p.start().isBefore(firstOn.get(id))) {
                firstOn.put(id, p.start());
                firstChannel.put(id, p.channel());
            }
        }
        Set<String> rosterWorkers = new HashSet<>();
        long local = 0;
        long total = 0;
        int below = 0;
        int wageMonths = 0;
        int issues = 0;
        int disputes = 0;
        for (Project project : year.projects()) {
            long projectLocal = 0;
            for (Stint s : project.stints()) {
                rosterWorkers.add(s.person().residentId());
                local += s.local() ? 1 : 0;
                projectLocal += s.local() ? 1 : 0;
                total++;
                String id = s.person().residentId();
                if (s.local() && (!firstOn.containsKey(id) || s.joined().isBefore(firstOn.get(id)))) {
                    firstOn.put(id, s.joined());
                    firstChannel.put(id, "CONSTRUCTION_PROJECT");
                }
                for (YearMonth m = YearMonth.from(s.joined()); m.getYear() == 2020
                        && (s.left() == null || !m.isAfter(YearMonth.from(s.left()))); m = m.plusMonths(1)) {
                    wageMonths++;
                }
            }
            below += projectLocal * 100 < 30L * project.stints().size() ? 1 : 0;
            issues += project.wageIssues().size();
            disputes += project.disputes().size();
        }
        Map<String, Integer> byChannel = new LinkedHashMap<>();
        for (String channel : EmploymentGenerator.CHANNELS.keySet()) {
            byChannel.put(channel, 0);
        }
        firstChannel.values().forEach(c -> byChannel.merge(c, 1, Integer::sum));
        BigDecimal income = BigDecimal.ZERO;
        int government = 0;
        Set<Integer> employedHouseholds = new HashSet<>();
        for (Placement p : year.employment().placements()) {
            for (YearMonth m = YearMonth.from(p.start()); m.getYear() == 2020; m = m.plusMonths(1)) {
                if (p.reportsIncome(m)) {
                    income = income.add(p.incomeFor(m));
                }
            }
            government += p.byCity() ? 1 : 0;
            if (p.household() != null && p.ending() == null) {
                employedHouseholds.add(p.household().no());
            }
        }
        return new YearSummary(classes.size(), trained.size(), consolidation, ordered,
                assessed == 0 ? 0 : (double) passed / assessed,
                (int) classes.stream().filter(c -> c.completedAt() != null && c.passRate() < 0.8).count(),
                (int) classes.stream().filter(c -> c.lateFiling() != null).count(),
                (int) classes.stream().filter(c -> c.inspections().size() < 2).count(),
                year.duplicateAttempts().size(), byChannel, government, year.employment().placements().size(), income,
                year.employment().households().size(),
                year.employment().households().size() - employedHouseholds.size(),
                year.employment().postings().stream().mapToInt(Employment.JobPosting::positions).sum(),
                year.employment().urbanEmployment().size(), year.projects().size(), (int) total, rosterWorkers.size(),
                total == 0 ? 0 : (double) local / total, below, wageMonths, issues, disputes, byCounty);
    }

    public int transfers() {
        return transfersByChannel.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The summary as a few lines (the CLI prints it). */
    public String text() {
        return String.format("""
                training:   %,d classes, %,d people trained (%,d consolidation, %.1f %% order-directed), pass rate %.1f %%, \
                %d classes below 80 %%, %d filed late, %d inspected once, %d duplicate-training attempts
                transfers:  %,d people %s; %,d placements, %,d government-organised out of region; income %,.0f yuan
                            %,d relocated households (%d with nobody employed), %,d jobs developed, %,d urban new employment
                projects:   %,d projects, %,d roster stints of %,d workers, local share %.1f %% (%d projects below 30 %%), \
                %,d worker-months paid, %d with arrears, %d disputes
                """, classes, trainees, consolidation, 100.0 * orderDirected / Math.max(1, trainees), 100 * passRate,
                classesBelow80, lateFilings, classesInspectedOnce, duplicateAttempts, transfers(), transfersByChannel,
                placements, governmentOrganised, income, households, householdsWithNobodyEmployed, jobsDeveloped,
                urbanNewEmployment, projects, rosterStints, rosterWorkers, 100 * localShare, projectsBelow30, wageMonths,
                wageIssues, disputes);
    }
}
