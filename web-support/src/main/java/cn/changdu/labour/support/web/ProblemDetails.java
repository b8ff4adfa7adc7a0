package cn.changdu.labour.support.web;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.imports.ImportFileException;
import cn.changdu.labour.support.imports.ImportRefusedException;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.input.InputRefused;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
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
    /** The most errors an answer lists; {@code errorCount} says how many there were. */
    public static final int MAX_ERRORS = 100;

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> fieldErrors = ex.getBindingResult().getFieldErrors();
        // a 50,000-line payroll with a bad value on each line is answered with the first errors and their count
        List<Map<String, String>> errors = fieldErrors.stream().limit(MAX_ERRORS).map(ProblemDetails::error).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", VALIDATION_TITLE,
                errors.stream().limit(10).map(e -> e.get("field") + ": " + e.get("message"))
                        .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        problem.setProperty("errorCount", fieldErrors.size());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        // the input policy (StrictJson): every refusal of a value names its field by JSON path and the rule
        String field = null;
        String rule = "format";
        String type = "malformed-request";
        String title = "请求格式错误 (malformed request)";
        String message = "请求体不是有效的 JSON";
        if (ex.getCause() instanceof BodySizeLimit.TooLarge tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge.maxBytes()).getBody());
        }
        if (ex.getCause() instanceof MismatchedInputException mismatch) {
            field = jsonPath(mismatch);
            if (mismatch instanceof InputRefused refused) {
                rule = refused.rule();
                type = "validation";
                title = VALIDATION_TITLE;
                message = refused.getOriginalMessage();
            } else if (mismatch instanceof UnrecognizedPropertyException) {
                rule = "unknown-field";
                message = "未知字段，请求不接受该字段";
            } else if (mismatch instanceof InvalidFormatException invalid) {
                rule = "type";
                message = "值 \"" + shortened(invalid.getValue()) + "\" 格式不正确";
            } else {
                rule = "type";
                message = "值的类型不正确（不自动转换类型：数字不能写成字符串，人数须为整数，日期须为 yyyy-MM-dd）";
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, type, title,
                field != null ? field + ": " + message : message);
        problem.setProperty("errors", List.of(entry(field, rule, message)));
        return ResponseEntity.badRequest().body(problem);
    }

    /** The path of the value Jackson was reading, as bean validation names it: {@code lines[3].amount}. */
    private static String jsonPath(MismatchedInputException mismatch) {
        if (mismatch.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mismatch.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String shortened(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String limit = ex.getMaxUploadSize() > 0 ? (ex.getMaxUploadSize() / (1024 * 1024)) + " MB" : "上限";
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(refusal(HttpStatus.PAYLOAD_TOO_LARGE,
                "payload-too-large", "文件过大 (file too large)", "file", "max-file-size",
                "文件不能超过 " + limit + "；请按县或按月拆分后导入").getBody());
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
        problem.setProperty("errors", ImportReport.firstOf(ex.errors()));
        problem.setProperty("errorCount", ex.errors().size());
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

    /** A request body over {@link BodySizeLimit}'s limit. */
    public static ResponseEntity<ProblemDetail> tooLarge(long maxBytes) {
        return refusal(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "请求体过大 (payload too large)", "body",
                "max-body-size", "请求体不能超过 " + Math.max(1, maxBytes / 1024) + " KB；大批数据请以文件导入");
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
