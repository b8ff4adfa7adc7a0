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
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
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
import java.util.ArrayList;
import java.util.Comparator;
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
        return ResponseEntity.badRequest().body(validation(ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetails::error).toList()));
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

    /** A query or path parameter of the wrong type ({@code asOf=yesterday}, {@code year=x}): named, rule type. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "" : switch (ex.getRequiredType().getSimpleName()) {
            case "LocalDate" -> "：须为 yyyy-MM-dd";
            case "YearMonth" -> "：须为 yyyy-MM";
            case "Instant" -> "：须为带时区的 ISO 8601 时间";
            case "int", "Integer", "long", "Long" -> "：须为整数";
            case "boolean", "Boolean" -> "：须为 true 或 false";
            default -> "";
        };
        return ResponseEntity.badRequest().body(refusal(HttpStatus.BAD_REQUEST, "validation", VALIDATION_TITLE, name,
                "type", "参数 " + name + " 格式不正确" + expected).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(refusal(HttpStatus.BAD_REQUEST, "validation", VALIDATION_TITLE,
                ex.getParameterName(), "required", "缺少参数 " + ex.getParameterName()).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return ResponseEntity.badRequest().body(refusal(HttpStatus.BAD_REQUEST, "validation", VALIDATION_TITLE,
                ex.getRequestPartName(), "required", "缺少上传的部分（文件）").getBody());
    }

    /** Constraints on parameters ({@code @Pattern} on a path variable, {@code @Min} on a query parameter). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String[] codes = error.getCodes();
                String rule = codes != null && codes.length > 0 ? codes[codes.length - 1] : "invalid";
                errors.add(entry(name, rule, error.getDefaultMessage()));
            }
        }
        return ResponseEntity.badRequest().body(validation(errors));
    }

    /** The same constraints checked by a {@code @Validated} bean: the parameter is the path's last node. */
    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> entry(lastNode(v.getPropertyPath()),
                        v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(), v.getMessage()))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }

    /**
     * A validation answer: the first {@link #MAX_ERRORS} errors and {@code errorCount} (a 50,000-line payroll with a
     * bad value on each line is answered with a bounded body).
     */
    private static ProblemDetail validation(List<Map<String, String>> all) {
        // by field, so a list's own error (lines: at most 10,000) comes before those of its elements
        List<Map<String, String>> errors = all.stream()
                .sorted(Comparator.comparing(e -> e.get("field"), Comparator.nullsFirst(Comparator.naturalOrder())))
                .limit(MAX_ERRORS).toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", VALIDATION_TITLE,
                errors.stream().limit(10).map(e -> e.get("field") + ": " + e.get("message"))
                        .collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        problem.setProperty("errorCount", all.size());
        return problem;
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
        return notFound(ex.getMessage());
    }

    /** The record the path names does not exist: 404, rule {@code not-found}. */
    public static ResponseEntity<ProblemDetail> notFound(String message) {
        return refusal(HttpStatus.NOT_FOUND, "not-found", NOT_FOUND_TITLE, null, "not-found", message);
    }

    /**
     * Spring MVC's own refusals (unknown path, method not allowed, unsupported media type ...) get the one entry of
     * {@code errors} every problem of the platform has; the rule is the last part of their type or the status.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("errors"))) {
            String[] rule = switch (statusCode.value()) {
                case 404 -> new String[] {"not-found", NOT_FOUND_TITLE};
                case 405 -> new String[] {"method-not-allowed", "方法不允许 (method not allowed)"};
                case 406 -> new String[] {"not-acceptable", "无法提供所需格式 (not acceptable)"};
                case 415 -> new String[] {"unsupported-media-type", "不支持的内容类型 (unsupported media type)"};
                default -> new String[] {"refused", problem.getTitle()};
            };
            if (URI.create("about:blank").equals(problem.getType())) {
                problem.setType(URI.create(TYPE_BASE + rule[0]));
                problem.setTitle(rule[1]);
            }
            problem.setProperty("errors", List.of(entry(null, rule[0], problem.getDetail())));
        }
        return answer;
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

    /** The answer an import's refusal gets, for an import run as a job ({@link ImportJobs}). */
    ResponseEntity<ProblemDetail> refusalOf(RuntimeException refused) {
        if (refused instanceof ImportRefusedException file) {
            return importRefused(file);
        }
        if (refused instanceof ImportFileException unreadable) {
            return unreadableImport(unreadable);
        }
        if (refused instanceof NotFound missing) {
            return notFound(missing);
        }
        if (refused instanceof RuleViolation violation) {
            return ruleViolated(violation);
        }
        throw refused;
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
