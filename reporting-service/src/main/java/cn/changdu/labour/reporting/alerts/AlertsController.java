package cn.changdu.labour.reporting.alerts;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.reporting.web.ReportingProblems;
import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/reports/alerts")
public class AlertsController {

    private final Alerts alerts;

    public AlertsController(Alerts alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "Alerts derived from the event stream, oldest first, with county, owner and age")
    @GetMapping
    public List<Document> list(@RequestParam(required = false) Alerts.Status status,
                               @RequestParam(required = false) String county) {
        return alerts.list(status, county);
    }

    @Operation(summary = "Acknowledge an open alert")
    @PostMapping("/{id}/acknowledge")
    public Document acknowledge(@PathVariable String id, @RequestHeader(name = "X-Actor-Id", required = false) String actorId,
                                @RequestHeader(name = "X-Actor-Department", required = false) String department) {
        return alerts.acknowledge(id, ReportingProblems.actor(actorId, department));
    }

    @Operation(summary = "Close an alert")
    @PostMapping("/{id}/close")
    public Document close(@PathVariable String id, @RequestHeader(name = "X-Actor-Id", required = false) String actorId,
                          @RequestHeader(name = "X-Actor-Department", required = false) String department) {
        return alerts.close(id, ReportingProblems.actor(actorId, department));
    }

    @ExceptionHandler(Alerts.StateConflict.class)
    public ResponseEntity<ProblemDetail> conflict(Alerts.StateConflict ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(URI.create("https://changdu-labour.example/problems/alert-state"));
        problem.setTitle("预警状态冲突 (conflict)");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

}
