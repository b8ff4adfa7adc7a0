package cn.changdu.labour.support.commands;

import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.web.ProblemDetails;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Axon's refusals as problem details, in web-support's shape ({@link ProblemDetails}): an unknown record, a
 * concurrent change, a rule violation a command bus wrapped. Consulted before {@link ProblemDetails}, so a wrapped
 * exception is judged by its wrapper first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblems {

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException ex) {
        return ProblemDetails.notFound("未找到编号为 " + ex.getAggregateIdentifier() + " 的记录");
    }

    /** Two writers changed the same record at once; the later one must reload and try again. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    public ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
        return ProblemDetails.refusal(HttpStatus.CONFLICT, "concurrent-modification", "并发修改冲突 (conflict)", null,
                "concurrent-modification", "该记录刚被他人修改，请刷新后重试");
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<?> commandFailed(CommandExecutionException ex) throws Exception {
        // a distributed command bus wraps the handler's exception; unwrap the ones we know
        if (ex.getCause() instanceof RuleViolation violation) {
            return ProblemDetails.ruleViolated(violation);
        }
        if (ex.getCause() instanceof AggregateNotFoundException missing) {
            return notFound(missing);
        }
        if (ex.getCause() instanceof ConcurrencyException || ex.getCause() instanceof AggregateStreamCreationException) {
            return conflict((RuntimeException) ex.getCause());
        }
        throw ex;
    }
}
