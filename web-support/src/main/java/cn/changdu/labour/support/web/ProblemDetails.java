package cn.changdu.labour.support.web;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.imports.ImportFileException;
import cn.changdu.labour.support.imports.ImportRefusedException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every refusal as an RFC 9457 problem detail. Besides the standard members it carries {@code errors}: one
 * entry per broken rule, {@code {field, rule, message}}, so a client can point at the field and show the text.
 * A service adds its own refusals with {@link #problem}, {@link #entry} and {@link #refusal}, so every problem
 * of the platform has this one shape (service-support adds Axon's, reporting-service its own).
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://changdu-labour.example/problems/";
    private static final String VALIDATION_TITLE = "请求数据未通过校验 (validation failed)";
    public static final String NOT_FOUND_TITLE = "记录不存在 (not found)";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetails::error)
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", VALIDATION_TITLE,
                errors.stream().map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = null;
        String message = "请求体不是有效的 JSON";
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            field = mismatch.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            message = mismatch instanceof InvalidFormatException invalid
                    ? "值 \"" + invalid.getValue() + "\" 格式不正确"
                    : "值的类型不正确";
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "请求格式错误 (malformed request)",
                field != null ? field + ": " + message : message);
        problem.setProperty("errors", List.of(entry(field, "format", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(RuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolation(RuleViolation ex) {
        return ruleViolated(ex);
    }

    /** A broken plan rule: 422, the rule as {@code rule} and in {@code errors}. Also for a violation found wrapped. */
    public static ResponseEntity<ProblemDetail> ruleViolated(RuleViolation ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, ex.rule(), "违反业务规则 (rule violated): " + ex.rule(),
                ex.getMessage());
        problem.setProperty("rule", ex.rule());
        problem.setProperty("errors", List.of(entry(ex.field(), ex.rule(), ex.getMessage())));
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    /** A request value that breaks a rule the controller checks itself (not a bean-validation constraint). */
    @ExceptionHandler(InvalidInput.class)
    public ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex) {
        return refusal(HttpStatus.BAD_REQUEST, "validation", VALIDATION_TITLE, ex.field(), ex.rule(), ex.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    public ResponseEntity<ProblemDetail> notFound(NotFound ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "not-found",
                NOT_FOUND_TITLE, ex.getMessage()));
    }

    @ExceptionHandler(ImportRefusedException.class)
    public ResponseEntity<ProblemDetail> importRefused(ImportRefusedException ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "import-refused", "导入被拒绝 (import refused)",
                ex.getMessage());
        problem.setProperty("rows", ex.rows());
        problem.setProperty("applied", 0);
        problem.setProperty("errors", ex.errors());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(ImportFileException.class)
    public ResponseEntity<ProblemDetail> unreadableImport(ImportFileException ex) {
        return refusal(HttpStatus.BAD_REQUEST, "import-file", "导入文件无法读取 (unreadable file)", "file", "format",
                ex.getMessage());
    }

    @ExceptionHandler(ActorArgumentResolver.MissingActorException.class)
    public ResponseEntity<ProblemDetail> missingActor(ActorArgumentResolver.MissingActorException ex) {
        return refusal(HttpStatus.BAD_REQUEST, "actor-required", "缺少录入人 (actor required)", ex.header(), "required",
                ex.getMessage());
    }

    private static Map<String, String> error(FieldError error) {
        return entry(error.getField(), error.getCode(), error.getDefaultMessage());
    }

    /** A refusal that names one field and the rule it breaks: {@code detail} and the one entry of {@code errors}. */
    public static ResponseEntity<ProblemDetail> refusal(HttpStatus status, String type, String title, String field,
                                                        String rule, String message) {
        ProblemDetail problem = problem(status, type, title, message);
        problem.setProperty("errors", List.of(entry(field, rule, message)));
        return ResponseEntity.status(status).body(problem);
    }

    /** One entry of {@code errors}; the field may be null (the request as a whole). */
    public static Map<String, String> entry(String field, String rule, String message) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("field", field);
        entry.put("rule", rule);
        entry.put("message", message);
        return entry;
    }

    /** A problem of the platform's type {@code https://changdu-labour.example/problems/<type>}. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
