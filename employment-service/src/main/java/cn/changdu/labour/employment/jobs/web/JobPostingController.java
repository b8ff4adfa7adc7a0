package cn.changdu.labour.employment.jobs.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.employment.jobs.api.JobPostingCommands.FillJobPosting;
import cn.changdu.labour.employment.jobs.api.JobPostingCommands.PublishJobPosting;
import cn.changdu.labour.employment.jobs.api.JobPostingCommands.WithdrawJobPosting;
import cn.changdu.labour.employment.jobs.query.JobPostingQueries;
import cn.changdu.labour.employment.jobs.query.JobPostingQueries.JobPostingView;
import cn.changdu.labour.support.commands.DomainCommands;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.changdu.labour.kernel.Text.blankToNull;

@RestController
@RequestMapping("/api/employment/jobs")
public class JobPostingController {

    private final DomainCommands commands;
    private final JobPostingQueries jobs;

    public JobPostingController(DomainCommands commands, JobPostingQueries jobs) {
        this.commands = commands;
        this.jobs = jobs;
    }

    public record PublishRequest(@NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
                                 @NotBlank @Size(max = 100) String employer, @NotBlank @Size(max = 50) String sector,
                                 @NotNull @Min(1) @Max(100000) Integer positions,
                                 @Positive @Digits(integer = 9, fraction = 2) BigDecimal monthlyWage,
                                 @NotNull Destination region, @Size(max = 20) String province,
                                 @NotNull LocalDate publishedOn, Instant occurredAt) {
    }

    public record FillRequest(@NotNull @Min(1) Integer positionsFilled, @NotNull LocalDate filledOn, Instant occurredAt) {
    }

    public record WithdrawRequest(@Size(max = 200) String reason, @NotNull LocalDate withdrawnOn, Instant occurredAt) {
    }

    @Operation(summary = "Publish a job posting (开发就业岗位)")
    @PostMapping
    public ResponseEntity<Map<String, String>> publish(@Valid @RequestBody PublishRequest request, Actor actor) {
        String postingId = "job-" + UUID.randomUUID();
        commands.send(new PublishJobPosting(postingId, request.countyCode(), request.employer().strip(),
                request.sector().strip(), request.positions(), request.monthlyWage(), request.region(),
                blankToNull(request.province()), request.publishedOn()), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/employment/jobs/" + postingId)).body(Map.of("postingId", postingId));
    }

    @Operation(summary = "Record positions of a posting filled")
    @PostMapping("/{postingId}/fills")
    public Map<String, String> fill(@PathVariable String postingId, @Valid @RequestBody FillRequest request, Actor actor) {
        commands.send(new FillJobPosting(postingId, request.positionsFilled(), request.filledOn()), actor,
                request.occurredAt());
        return Map.of("postingId", postingId);
    }

    @Operation(summary = "Withdraw a posting")
    @PostMapping("/{postingId}/withdrawal")
    public Map<String, String> withdraw(@PathVariable String postingId, @Valid @RequestBody WithdrawRequest request,
                                        Actor actor) {
        commands.send(new WithdrawJobPosting(postingId, request.reason(), request.withdrawnOn()), actor,
                request.occurredAt());
        return Map.of("postingId", postingId);
    }

    @Operation(summary = "Job postings by county, employer and status (OPEN, FILLED, WITHDRAWN)")
    @GetMapping
    public List<JobPostingView> find(@RequestParam(required = false) String countyCode,
                                     @RequestParam(required = false) String employer,
                                     @RequestParam(required = false) String status) {
        return jobs.find(countyCode, employer, status);
    }
}
