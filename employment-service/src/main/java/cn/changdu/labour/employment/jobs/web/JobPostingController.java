package cn.changdu.labour.employment.jobs.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.contracts.employment.Destination;
import cn.changdu.labour.employment.jobs.app.JobPostings;
import cn.changdu.labour.employment.jobs.query.JobPostingQueries;
import cn.changdu.labour.employment.jobs.query.JobPostingQueries.JobPostingView;
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

@RestController
@RequestMapping("/api/employment/jobs")
public class JobPostingController {

    private final JobPostings postings;
    private final JobPostingQueries jobs;

    public JobPostingController(JobPostings postings, JobPostingQueries jobs) {
        this.postings = postings;
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

    public record JobPostingPublishedResponse(String postingId) {
    }

    public record JobPostingFilledResponse(String postingId) {
    }

    public record JobPostingWithdrawnResponse(String postingId) {
    }

    @Operation(summary = "Publish a job posting (开发就业岗位)")
    @PostMapping
    public ResponseEntity<JobPostingPublishedResponse> publish(@Valid @RequestBody PublishRequest request, Actor actor) {
        String postingId = postings.publish(request.countyCode(), request.employer(), request.sector(),
                request.positions(), request.monthlyWage(), request.region(), request.province(),
                request.publishedOn(), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/employment/jobs/" + postingId))
                .body(new JobPostingPublishedResponse(postingId));
    }

    @Operation(summary = "Record positions of a posting filled")
    @PostMapping("/{postingId}/fills")
    public JobPostingFilledResponse fill(@PathVariable String postingId, @Valid @RequestBody FillRequest request,
                                         Actor actor) {
        postings.fill(postingId, request.positionsFilled(), request.filledOn(), actor, request.occurredAt());
        return new JobPostingFilledResponse(postingId);
    }

    @Operation(summary = "Withdraw a posting")
    @PostMapping("/{postingId}/withdrawal")
    public JobPostingWithdrawnResponse withdraw(@PathVariable String postingId,
                                                @Valid @RequestBody WithdrawRequest request, Actor actor) {
        postings.withdraw(postingId, request.reason(), request.withdrawnOn(), actor, request.occurredAt());
        return new JobPostingWithdrawnResponse(postingId);
    }

    @Operation(summary = "Job postings by county, employer and status (OPEN, FILLED, WITHDRAWN)")
    @GetMapping
    public List<JobPostingView> find(@RequestParam(required = false) String countyCode,
                                     @RequestParam(required = false) String employer,
                                     @RequestParam(required = false) String status) {
        return jobs.find(countyCode, employer, status);
    }
}
