package cn.changdu.labour.reporting.indicators;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.reporting.projection.Fact;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Targets as data: the plan's city targets are loaded once as version 1; any target (city, county, department)
 * can be set or changed through the API or a CSV file, each change kept with who made it and when. A change
 * names the version it replaces, so two people editing at once get a conflict instead of a lost update.
 */
@Component
public class Targets {

    /** The 2020 city targets of the plan (目标任务). */
    static final Map<String, BigDecimal> PLAN_2020 = Map.ofEntries(
            Map.entry("peopleTrained", new BigDecimal("25000")),
            Map.entry("consolidationTrained", new BigDecimal("10000")),
            Map.entry("orderDirectedShare", new BigDecimal("40")),
            Map.entry("inspectedTwiceShare", new BigDecimal("100")),
            Map.entry("passRate", new BigDecimal("80")),
            Map.entry("recommendedShare", new BigDecimal("100")),
            Map.entry("followedUpShare", new BigDecimal("100")),
            Map.entry("transfers", new BigDecimal("120000")),
            Map.entry("transfersConstruction", new BigDecimal("55000")),
            Map.entry("transfersLocalIndustry", new BigDecimal("20000")),
            Map.entry("transfersSocialForces", new BigDecimal("15000")),
            Map.entry("transfersPrivateEnterprise", new BigDecimal("30000")),
            Map.entry("govOrganisedOutOfRegion", new BigDecimal("1100")),
            Map.entry("transferIncome", new BigDecimal("660000000")),
            Map.entry("localLabourShare", new BigDecimal("30")),
            Map.entry("jobsDeveloped", new BigDecimal("10000")),
            Map.entry("employmentRateAfterTraining", new BigDecimal("40")),
            Map.entry("employmentRateAfterThreeMonths", new BigDecimal("55")),
            Map.entry("householdsWithNobodyEmployed", BigDecimal.ZERO),
            Map.entry("urbanNewEmployment", new BigDecimal("6500")),
            Map.entry("urbanUnemploymentRate", new BigDecimal("3")));

    public record Target(int year, String indicator, String area, BigDecimal value, long version,
                         String changedBy, String changedByDepartment, java.time.Instant changedAt) {
    }

    public record Change(int year, String indicator, String area, BigDecimal value, Long expectedVersion) {
    }

    /** The years targets may be set for: the plan's range (business dates from 2016, plans up to 2035). */
    public static final int FIRST_YEAR = 2016;
    public static final int LAST_YEAR = 2035;
    /** The largest target value taken (yuan or people): far above any plan's, far below an overflow. */
    private static final BigDecimal MAX_VALUE = new BigDecimal("999999999999.99");

    /** What is wrong with a change, if anything: the field (year, indicator, area, value), the rule, the message. */
    public record Refusal(String field, String rule, String message) {
    }

    /**
     * The one check of a target change, for the API and for a file: a plan year, a known indicator and area, and a
     * value in the indicator's unit — a whole number of people or things, yuan to the fen, a percent of 0–100.
     */
    public static Optional<Refusal> refusal(int year, String indicator, String area, BigDecimal value) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return refused("year", "year-range", "年份须在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间");
        }
        if (indicator == null || !IndicatorCatalog.exists(indicator)) {
            return refused("indicator", "known-indicator", "未知指标：" + indicator);
        }
        if (area == null || !(area.equals(Fact.CITY) || Counties.CHANGDU.containsKey(area) || area.startsWith("dept:"))) {
            return refused("area", "known-area", "区域须为 540300（全市）、县区代码或 dept:部门名称");
        }
        if (value == null || value.signum() < 0) {
            return refused("value", "non-negative", "目标值须为非负数");
        }
        if (value.compareTo(MAX_VALUE) > 0) {
            return refused("value", "max-value", "目标值过大");
        }
        int scale = value.stripTrailingZeros().scale();
        Optional<IndicatorCatalog.Definition> counted = IndicatorCatalog.definition(indicator);
        if (counted.isEmpty()) {
            // a ratio: a percentage
            if (value.compareTo(ONE_HUNDRED) > 0) {
                return refused("value", "percent-range", "百分比目标须在 0–100 之间");
            }
            return scale > 2 ? refused("value", "percent-scale", "百分比目标最多两位小数") : Optional.empty();
        }
        if (counted.get().counting().yuan()) {
            return scale > 2 ? refused("value", "money-scale", "金额目标最多两位小数（精确到分）") : Optional.empty();
        }
        return scale > 0 ? refused("value", "whole-number", "人数、个数类目标须为整数") : Optional.empty();
    }

    private static final BigDecimal ONE_HUNDRED = new BigDecimal("100");

    private static Optional<Refusal> refused(String field, String rule, String message) {
        return Optional.of(new Refusal(field, rule, message));
    }

    /** Thrown when the target changed since the caller read it. */
    public static class VersionConflict extends RuntimeException {
        public VersionConflict(String message) {
            super(message);
        }
    }

    private final MongoCollection<Document> current;
    private final MongoCollection<Document> history;
    private final Clock clock;

    public Targets(MongoDatabase reportingDatabase, Clock clock) {
        this.current = reportingDatabase.getCollection("targets");
        this.history = reportingDatabase.getCollection("target_changes");
        this.clock = clock;
        PLAN_2020.forEach((indicator, value) -> {
            try {
                current.insertOne(document(2020, indicator, cn.changdu.labour.reporting.projection.Fact.CITY, value, 1, "plan", "市人社局"));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        });
    }

    public Optional<BigDecimal> target(int year, String indicator, String area) {
        Document doc = current.find(Filters.eq("_id", id(year, indicator, area))).first();
        return Optional.ofNullable(doc).map(d -> new BigDecimal(d.getString("value")));
    }

    public List<Target> all(int year) {
        List<Target> targets = new ArrayList<>();
        current.find(Filters.eq("year", year)).sort(Sorts.ascending("_id")).forEach(d -> targets.add(target(d)));
        return targets;
    }

    public List<Document> history(int year) {
        return history.find(Filters.eq("year", year)).sort(Sorts.descending("changedAt")).into(new ArrayList<>());
    }

    /** Applies the changes in order; each is checked against the version it names. */
    public List<Target> change(List<Change> changes, Actor actor) {
        List<Target> result = new ArrayList<>();
        for (Change change : changes) {
            String id = id(change.year(), change.indicator(), change.area());
            Document existing = current.find(Filters.eq("_id", id)).first();
            long version = existing == null ? 0 : existing.getLong("version");
            if (change.expectedVersion() != null && change.expectedVersion() != version) {
                throw new VersionConflict("目标 " + change.indicator() + "/" + change.area() + " 已被修改（当前版本 "
                        + version + "，提交依据版本 " + change.expectedVersion() + "），请刷新后重试");
            }
            Document next = document(change.year(), change.indicator(), change.area(), change.value(), version + 1,
                    actor.id(), actor.department());
            boolean written = existing == null
                    ? insertIfAbsent(next)
                    : current.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)), next)
                    .getModifiedCount() == 1;
            if (!written) {
                throw new VersionConflict("目标 " + change.indicator() + "/" + change.area() + " 正被他人修改，请刷新后重试");
            }
            history.insertOne(new Document(next).append("_id", id + "#" + (version + 1))
                    .append("previousValue", existing == null ? null : existing.getString("value")));
            result.add(target(next));
        }
        return result;
    }

    private boolean insertIfAbsent(Document doc) {
        try {
            current.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private Document document(int year, String indicator, String area, BigDecimal value, long version, String by,
                              String department) {
        return new Document("_id", id(year, indicator, area)).append("year", year).append("indicator", indicator)
                .append("area", area).append("value", value.toPlainString()).append("version", version)
                .append("changedBy", by).append("changedByDepartment", department)
                .append("changedAt", Date.from(clock.instant()));
    }

    private static Target target(Document d) {
        return new Target(d.getInteger("year"), d.getString("indicator"), d.getString("area"),
                new BigDecimal(d.getString("value")), d.getLong("version"), d.getString("changedBy"),
                d.getString("changedByDepartment"), d.getDate("changedAt").toInstant());
    }

    private static String id(int year, String indicator, String area) {
        return year + "|" + indicator + "|" + area;
    }
}
