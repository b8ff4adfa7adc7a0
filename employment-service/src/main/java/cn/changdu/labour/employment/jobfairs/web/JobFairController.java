package cn.changdu.labour.employment.jobfairs.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.contracts.Counties;
import cn.changdu.labour.employment.jobfairs.app.JobFairs;
import cn.changdu.labour.employment.jobfairs.query.JobFairQueries;
import cn.changdu.labour.employment.jobfairs.query.JobFairQueries.JobFairView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/employment/job-fairs")
public class JobFairController {

    private final JobFairs records;
    private final JobFairQueries jobFairs;

    public JobFairController(JobFairs records, JobFairQueries jobFairs) {
        this.records = records;
        this.jobFairs = jobFairs;
    }

    public record JobFairRequest(@NotNull @Pattern(regexp = Counties.PATTERN, message = "须为昌都市所辖县区代码") String countyCode,
                                 @NotBlank @Size(max = 100) String name, @NotNull LocalDate heldOn,
                                 @NotNull @Min(0) Integer employers, @NotNull @Min(0) Integer positionsOffered,
                                 @NotNull @Min(0) Integer attendance, Instant occurredAt) {
    }

    public record JobFairRecordedResponse(String jobFairId) {
    }

    @Operation(summary = "Record a county matching event (job fair) that was held")
    @PostMapping
    public ResponseEntity<JobFairRecordedResponse> record(@Valid @RequestBody JobFairRequest request, Actor actor) {
        String id = records.record(request.countyCode(), request.name(), request.heldOn(), request.employers(),
                request.positionsOffered(), request.attendance(), actor, request.occurredAt());
        return ResponseEntity.created(URI.create("/api/employment/job-fairs/" + id)).body(new JobFairRecordedResponse(id));
    }

    @Operation(summary = "Job fairs by county, with the placements attributed to each")
    @GetMapping
    public List<JobFairView> find(@RequestParam(required = false) String countyCode) {
        return jobFairs.find(countyCode);
    }
}
