package cn.changdu.labour.reporting.web;

import cn.changdu.labour.reporting.indicators.TargetFile;
import cn.changdu.labour.reporting.indicators.Targets;
import cn.changdu.labour.support.web.ProblemDetails;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The reporting API's own refusals, in web-support's problem shape ({@link ProblemDetails}: type, title, detail,
 * {@code errors}); bad input ({@code InvalidInput}), parameters of the wrong type or missing ({@code asOf},
 * {@code year}) and a missing actor are web-support's.
 */
@RestControllerAdvice
public class ReportingProblems {

    @ExceptionHandler(TargetFile.Refused.class)
    public ResponseEntity<ProblemDetail> badTargetFile(TargetFile.Refused ex) {
        ProblemDetail problem = ProblemDetails.problem(HttpStatus.BAD_REQUEST, "import-refused", "导入被拒绝 (import refused)",
                ex.getMessage());
        problem.setProperty("errors", ex.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Targets.VersionConflict.class)
    public ResponseEntity<ProblemDetail> conflict(Targets.VersionConflict ex) {
        return ProblemDetails.refusal(HttpStatus.CONFLICT, "concurrent-modification", "并发修改冲突 (conflict)",
                "expectedVersion", "current-version", ex.getMessage());
    }
}
