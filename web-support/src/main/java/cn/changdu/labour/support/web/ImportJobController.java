package cn.changdu.labour.support.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The import jobs of a service ({@link ImportJobs}), at {@code platform.imports.jobs-path}. */
@RestController
@RequestMapping("${platform.imports.jobs-path}")
public class ImportJobController {

    private final ImportJobs jobs;

    public ImportJobController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Operation(summary = "An import job: state, rows checked and applied, errors so far, and when done its report")
    @GetMapping("/{jobId}")
    public ImportJobs.JobView job(@PathVariable String jobId, Caller caller) {
        return jobs.find(jobId, caller).orElseThrow(() -> new NotFound("未找到导入任务 " + jobId));
    }

    @Operation(summary = "Cancel an import job between two rows; rows already recorded stay recorded")
    @DeleteMapping("/{jobId}")
    public ResponseEntity<ImportJobs.JobView> cancel(@PathVariable String jobId, Caller caller) {
        return ResponseEntity.accepted().body(jobs.cancel(jobId, caller)
                .orElseThrow(() -> new NotFound("未找到导入任务 " + jobId)));
    }
}
