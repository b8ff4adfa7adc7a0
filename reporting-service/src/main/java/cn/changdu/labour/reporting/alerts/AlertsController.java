package cn.changdu.labour.reporting.alerts;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.support.web.ProblemDetails;
import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
    public Document acknowledge(@PathVariable String id, Actor actor) {
        return alerts.acknowledge(id, actor);
    }

    @Operation(summary = "Close an alert")
    @PostMapping("/{id}/close")
    public Document close(@PathVariable String id, Actor actor) {
        return alerts.close(id, actor);
    }

    @ExceptionHandler(Alerts.StateConflict.class)
    public ResponseEntity<ProblemDetail> conflict(Alerts.StateConflict ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetails.problem(HttpStatus.CONFLICT, "alert-state",
                "预警状态冲突 (conflict)", ex.getMessage()));
    }

}
