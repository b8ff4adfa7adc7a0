package cn.changdu.labour.reporting.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.reporting.indicators.TargetFile;
import cn.changdu.labour.reporting.indicators.Targets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details of the reporting API, in the same shape as the domain services' (type, title,
 * detail, {@code errors: [{field, rule, message}]}). The reporting service carries no Axon, so it does not
 * share service-support's handler; the shape is the contract.
 */
@RestControllerAdvice
public class ReportingProblems {

    /** A request value that breaks a rule, with the field and rule it breaks. */
    public static class BadRequest extends RuntimeException {
        private final String field;
        private final String rule;

        public BadRequest(String field, String rule, String message) {
            super(message);
            this.field = field;
            this.rule = rule;
        }
    }

    /** The actor of a write, from X-Actor-Id and X-Actor-Department (percent-encoded or raw UTF-8). */
    public static Actor actor(String id, String department) {
        if (id == null || id.isBlank() || department == null || department.isBlank()) {
            throw new BadRequest("X-Actor-Id", "required", "请求头 X-Actor-Id 与 X-Actor-Department 必填：每次修改都要注明操作人及其部门");
        }
        return new Actor(decode(id), decode(department));
    }

    private static String decode(String header) {
        return header.contains("%") ? URLDecoder.decode(header, StandardCharsets.UTF_8)
                : new String(header.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @ExceptionHandler(BadRequest.class)
    public ResponseEntity<ProblemDetail> badRequest(BadRequest ex) {
        return problem(HttpStatus.BAD_REQUEST, "validation", "请求数据未通过校验 (validation failed)", ex.getMessage(),
                ex.field, ex.rule);
    }

    @ExceptionHandler(TargetFile.Refused.class)
    public ResponseEntity<ProblemDetail> badTargetFile(TargetFile.Refused ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setType(URI.create("https://changdu-labour.example/problems/import-refused"));
        problem.setTitle("导入被拒绝 (import refused)");
        problem.setProperty("errors", ex.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Targets.VersionConflict.class)
    public ResponseEntity<ProblemDetail> conflict(Targets.VersionConflict ex) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "并发修改冲突 (conflict)", ex.getMessage(),
                "expectedVersion", "current-version");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         String field, String rule) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://changdu-labour.example/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("errors", List.of(Map.of("field", field, "rule", rule, "message", detail)));
        return ResponseEntity.status(status).body(problem);
    }
}
