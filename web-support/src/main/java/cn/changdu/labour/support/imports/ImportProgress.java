package cn.changdu.labour.support.imports;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far an import has got (rows checked against the plan's rules, rows applied, errors so far), and whether it
 * was asked to stop. {@link RowImport} counts into it and stops between two rows once cancelled.
 */
public final class ImportProgress {

    /** Thrown between two rows of a cancelled import; the rows applied before it stay applied. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("导入已取消", null, false, false);
        }
    }

    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** An import no one watches or stops (one answered at once). */
    static ImportProgress unwatched() {
        return new ImportProgress();
    }

    public int checked() {
        return checked.get();
    }

    public int applied() {
        return applied.get();
    }

    public int errors() {
        return errors.get();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public void cancel() {
        cancelled.set(true);
    }

    void checked(int errorsSoFar) {
        checked.incrementAndGet();
        errors.set(errorsSoFar);
    }

    void applied(int rows, int errorsSoFar) {
        applied.addAndGet(rows);
        errors.set(errorsSoFar);
    }

    void errors(int errorsSoFar) {
        errors.set(errorsSoFar);
    }

    /** Stops the import here if it was cancelled. */
    void stopIfCancelled() {
        if (cancelled.get()) {
            throw new Cancelled();
        }
    }
}
