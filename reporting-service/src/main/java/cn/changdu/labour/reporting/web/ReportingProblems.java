package cn.changdu.labour.reporting.web;

import cn.changdu.labour.reporting.indicators.TargetFile;
import cn.changdu.labour.reporting.indicators.Targets;
import cn.changdu.labour.support.web.ProblemDetails;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The reporting API's own refusals, in web-support's problem shape ({@link ProblemDetails}: type, title, detail,
 * {@code errors}); bad input ({@code InvalidInput}) and a missing actor are web-support's. Ordered first, so that a
 * query parameter of the wrong type ({@code asOf}, {@code year}, {@code recordedBefore}, {@code quarter}) is
 * answered here, naming the parameter, and not by the generic handler of Spring's base class.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReportingProblems {

    private static final String VALIDATION_TITLE = "请求数据未通过校验 (validation failed)";

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

    /** {@code ?asOf=yesterday}, {@code ?year=x}: a 400 naming the parameter, rule {@code type}, and the format. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException ex) {
        Class<?> type = ex.getRequiredType();
        String expected = type == LocalDate.class ? "：须为日期 yyyy-MM-dd"
                : type == Instant.class ? "：须为带时区的 ISO 8601 时间，如 2020-10-01T00:00:00Z"
                : type == Integer.class || type == int.class ? "：须为整数"
                : "";
        return ProblemDetails.refusal(HttpStatus.BAD_REQUEST, "validation", VALIDATION_TITLE, ex.getName(), "type",
                "参数 " + ex.getName() + " 格式不正确" + expected);
    }

    /** A required query parameter left out ({@code /quarterly} without {@code year}): named, rule {@code required}. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
        return ProblemDetails.refusal(HttpStatus.BAD_REQUEST, "validation", VALIDATION_TITLE, ex.getParameterName(),
                "required", "缺少参数 " + ex.getParameterName());
    }
}
