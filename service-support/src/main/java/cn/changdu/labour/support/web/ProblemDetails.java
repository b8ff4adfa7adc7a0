package cn.changdu.labour.support.web;

import cn.changdu.labour.support.domain.RuleViolation;
import cn.changdu.labour.support.imports.ImportFileException;
import cn.changdu.labour.support.imports.ImportRefusedException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every refusal as an RFC 9457 problem detail. Besides the standard members it carries {@code errors}: one
 * entry per broken rule, {@code {field, rule, message}}, so a client can point at the field and show the text.
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final String TYPE_BASE = "https://changdu-labour.example/problems/";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemDetails::error)
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", "请求数据未通过校验 (validation failed)",
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
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, ex.rule(), "违反业务规则 (rule violated): " + ex.rule(),
                ex.getMessage());
        problem.setProperty("rule", ex.rule());
        problem.setProperty("errors", List.of(entry(ex.field(), ex.rule(), ex.getMessage())));
        return ResponseEntity.unprocessableEntity().body(problem);
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
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "import-file", "导入文件无法读取 (unreadable file)",
                ex.getMessage());
        problem.setProperty("errors", List.of(entry("file", "format", ex.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ActorArgumentResolver.MissingActorException.class)
    public ResponseEntity<ProblemDetail> missingActor(ActorArgumentResolver.MissingActorException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "actor-required", "缺少录入人 (actor required)", ex.getMessage());
        problem.setProperty("errors", List.of(entry(ex.header(), "required", ex.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "not-found",
                "记录不存在 (not found)", "未找到编号为 " + ex.getAggregateIdentifier() + " 的记录"));
    }

    /** Two writers changed the same record at once; the later one must reload and try again. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    public ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "concurrent-modification",
                "并发修改冲突 (conflict)", "该记录刚被他人修改，请刷新后重试"));
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<?> commandFailed(CommandExecutionException ex) throws Exception {
        // a distributed command bus wraps the handler's exception; unwrap the ones we know
        if (ex.getCause() instanceof RuleViolation violation) {
            return ruleViolation(violation);
        }
        throw ex;
    }

    private static Map<String, String> error(FieldError error) {
        return entry(error.getField(), error.getCode(), error.getDefaultMessage());
    }

    private static Map<String, String> entry(String field, String rule, String message) {
        Map<String, String> entry = new java.util.LinkedHashMap<>();
        entry.put("field", field);
        entry.put("rule", rule);
        entry.put("message", message);
        return entry;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
