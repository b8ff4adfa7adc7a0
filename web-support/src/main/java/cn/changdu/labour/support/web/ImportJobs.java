package cn.changdu.labour.support.web;

import cn.changdu.labour.contracts.Actor;
import cn.changdu.labour.kernel.RuleViolation;
import cn.changdu.labour.support.imports.ImportFileException;
import cn.changdu.labour.support.imports.ImportProgress;
import cn.changdu.labour.support.imports.ImportRefusedException;
import cn.changdu.labour.support.imports.ImportReport;
import cn.changdu.labour.support.imports.RowImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Imports as jobs: a file of more than {@code syncMaxRows} rows (or any file, when the caller asks for it) is
 * accepted at once (202, {@code Location} of the job) and checked and applied in the background, with its progress
 * (rows checked, applied, errors so far) readable at the job's address, cancellable there (between two rows; rows
 * already applied stay applied), and its result (the import report, or the refusal the same file would have got at
 * once) kept for {@code retention}. A smaller file is answered at once, as before. Jobs are kept in memory: a
 * restart forgets them (a file interrupted by one is sent again; the rows it applied are then refused as already
 * recorded, or skipped by the idempotency of the import).
 */
public class ImportJobs implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    public enum State { RUNNING, DONE, REFUSED, CANCELLED, FAILED }

    /** A job as its caller sees it: {@code result} is the import report, or the problem detail of a refusal. */
    public record JobView(String id, State state, int rows, int checked, int applied, int errors, Instant startedAt,
                          Instant finishedAt, Object result) {
    }

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final String actorId;
        final int rows;
        final ImportProgress progress = new ImportProgress();
        final Instant startedAt = clock.instant();
        volatile State state = State.RUNNING;
        volatile Instant finishedAt;
        volatile Object result;

        Job(String actorId, int rows) {
            this.actorId = actorId;
            this.rows = rows;
        }

        void run(Supplier<ImportReport> work) {
            try {
                ImportReport report = work.get();
                finish(State.DONE, report);
            } catch (ImportProgress.Cancelled cancelled) {
                finish(State.CANCELLED, null);
            } catch (ImportRefusedException | ImportFileException | RuleViolation | NotFound refused) {
                finish(State.REFUSED, problems.refusalOf(refused).getBody());
            } catch (RuntimeException e) {
                LOG.error("import job {} failed", id, e);
                finish(State.FAILED, ProblemDetails.problem(HttpStatus.INTERNAL_SERVER_ERROR, "server-error",
                        "服务器内部错误 (server error)", "导入未完成：服务器内部错误；已导入的行保留，可重新提交文件"));
            }
        }

        void finish(State end, Object outcome) {
            result = outcome;
            finishedAt = clock.instant();
            state = end;
        }

        JobView view() {
            return new JobView(id, state, rows, progress.checked(), progress.applied(), progress.errors(), startedAt,
                    finishedAt, result);
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ProblemDetails problems;
    private final Clock clock;
    private final int syncMaxRows;
    private final Duration retention;
    private final String path;
    private final ThreadPoolExecutor executor;

    public ImportJobs(ProblemDetails problems, Clock clock, int syncMaxRows, Duration retention, String path,
                      int workers, int queued) {
        this.problems = problems;
        this.clock = clock;
        this.syncMaxRows = syncMaxRows;
        this.retention = retention;
        this.path = path;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queued), r -> {
                    Thread thread = new Thread(r, "import-job-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Answers an import: at once with its report when the file is small and the caller did not ask for a job, else
     * 202 with the job; {@code work} is the use case, run with {@code rows} watched by the job.
     */
    public ResponseEntity<?> answer(RowImport<?> rows, boolean asJob, Actor actor, Supplier<ImportReport> work) {
        if (!asJob && rows.rows() <= syncMaxRows) {
            return ResponseEntity.ok(work.get());
        }
        forgetFinishedBefore(clock.instant().minus(retention));
        Job job = new Job(actor.id(), rows.rows());
        rows.watchedBy(job.progress);
        jobs.put(job.id, job);
        try {
            executor.execute(() -> job.run(work));
        } catch (RejectedExecutionException busy) {
            jobs.remove(job.id);
            return ProblemDetails.refusal(HttpStatus.TOO_MANY_REQUESTS, "import-queue-full",
                    "导入排队已满 (too many imports)", "file", "import-queue-full", "正在处理的导入过多，请稍后重新提交");
        }
        return ResponseEntity.accepted().location(URI.create(path + "/" + job.id)).body(job.view());
    }

    /** The job, to the actor who started it (or an auditor). */
    public Optional<JobView> find(String id, Caller caller) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> mayRead(job, caller)).map(Job::view);
    }

    /** Asks the job to stop between two rows; answers the job as it is now. */
    public Optional<JobView> cancel(String id, Caller caller) {
        Optional<Job> job = Optional.ofNullable(jobs.get(id)).filter(j -> mayRead(j, caller));
        job.ifPresent(j -> j.progress.cancel());
        return job.map(Job::view);
    }

    private static boolean mayRead(Job job, Caller caller) {
        return caller.roles().contains(Caller.AUDITOR)
                || caller.actor() != null && caller.actor().id().equals(job.actorId);
    }

    private void forgetFinishedBefore(Instant cutoff) {
        jobs.values().removeIf(job -> job.finishedAt != null && job.finishedAt.isBefore(cutoff));
    }

    @Override
    public void destroy() {
        jobs.values().forEach(job -> job.progress.cancel());
        executor.shutdown();
    }
}
