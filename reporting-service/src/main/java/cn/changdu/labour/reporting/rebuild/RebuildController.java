package cn.changdu.labour.reporting.rebuild;

import cn.changdu.labour.support.web.ProblemDetails;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports/rebuild")
public class RebuildController {

    private final Rebuild rebuild;

    public RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(summary = "Rebuild the read model from the Kafka topics into a new version, then switch to it")
    @PostMapping
    public ResponseEntity<Rebuild.Progress> start() {
        return ResponseEntity.accepted().body(rebuild.start());
    }

    @Operation(summary = "Progress of the last rebuild: events done/total, rate, ETA")
    @GetMapping
    public Rebuild.Progress progress() {
        return rebuild.progress();
    }

    @ExceptionHandler(Rebuild.AlreadyRunning.class)
    public ResponseEntity<ProblemDetail> running(Rebuild.AlreadyRunning ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetails.problem(HttpStatus.CONFLICT,
                "rebuild-running", "重建正在进行 (rebuild running)", ex.getMessage()));
    }
}
