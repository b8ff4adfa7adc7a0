package cn.changdu.labour.employment.placement.app;

import cn.changdu.labour.contracts.employment.TransferChannel;
import cn.changdu.labour.employment.households.query.HouseholdQueries;
import cn.changdu.labour.employment.intermediaries.query.IntermediaryQueries;
import cn.changdu.labour.employment.jobfairs.query.JobFairQueries;
import cn.changdu.labour.employment.placement.api.PlacementDetails;
import cn.changdu.labour.kernel.RuleViolation;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Rules of a placement that span aggregates, checked against read models before the command is sent.
 * Residual race: an intermediary suspended between this check and the command's commit is not caught (the read
 * model lags by well under a second); the intermediary service subsidy checks the intermediary again.
 */
@Component
public class PlacementPreconditions {

    private final IntermediaryQueries intermediaries;
    private final HouseholdQueries households;
    private final JobFairQueries jobFairs;

    public PlacementPreconditions(IntermediaryQueries intermediaries, HouseholdQueries households,
                                  JobFairQueries jobFairs) {
        this.intermediaries = intermediaries;
        this.households = households;
        this.jobFairs = jobFairs;
    }

    public void check(TransferChannel channel, PlacementDetails details) {
        check(channel, details, intermediaries::status, households::exists, jobFairs::exists);
    }

    /** The same check for many placements (an import). */
    public interface Check {
        void check(TransferChannel channel, PlacementDetails details);
    }

    /**
     * A check for the placements of a file: the intermediaries, households and job fairs they name are read here,
     * once (one query per read model), instead of once per row.
     */
    public Check forAll(Collection<PlacementDetails> placements) {
        Map<String, String> statuses = intermediaries.statuses(named(placements, PlacementDetails::intermediaryId));
        Set<String> registered = households.registered(named(placements, PlacementDetails::householdId));
        Set<String> held = jobFairs.held(named(placements, PlacementDetails::jobFairId));
        return (channel, details) -> check(channel, details, id -> Optional.ofNullable(statuses.get(id)),
                registered::contains, held::contains);
    }

    private static Set<String> named(Collection<PlacementDetails> placements, Function<PlacementDetails, String> id) {
        return placements.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static void check(TransferChannel channel, PlacementDetails details,
                              Function<String, Optional<String>> intermediaryStatus,
                              Predicate<String> householdRegistered, Predicate<String> jobFairHeld) {
        if (details.intermediaryId() != null && channel == TransferChannel.SOCIAL_FORCES) {
            requireRecognised(details.intermediaryId(), intermediaryStatus.apply(details.intermediaryId()));
        }
        if (details.householdId() != null && !householdRegistered.test(details.householdId())) {
            throw new RuleViolation("household-registered", "householdId",
                    "未找到编号为 " + details.householdId() + " 的易地搬迁户，请先登记该户");
        }
        if (details.jobFairId() != null && !jobFairHeld.test(details.jobFairId())) {
            throw new RuleViolation("job-fair-held", "jobFairId", "未找到编号为 " + details.jobFairId() + " 的招聘活动");
        }
    }

    public void requireRecognised(String intermediaryId) {
        requireRecognised(intermediaryId, intermediaries.status(intermediaryId));
    }

    private static void requireRecognised(String intermediaryId, Optional<String> known) {
        String status = known.orElse(null);
        if (!"RECOGNISED".equals(status)) {
            throw new RuleViolation("intermediary-recognised", "intermediaryId", status == null
                    ? "未找到编号为 " + intermediaryId + " 的经人社部门认定的中介机构"
                    : "该中介机构已被暂停认定");
        }
    }
}
