package cn.changdu.labour.support.imports;

import cn.changdu.labour.kernel.RuleViolation;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one flow of every bulk import: the file is read and each row bound and validated like the JSON API; each
 * valid row is checked against the plan's rules (a {@link RuleViolation} becomes that row's error); nothing is
 * applied unless every row is good or the caller asked for a partial import; then the good rows are applied,
 * each with its own commands or all in one.
 *
 * @param <R> the request record a row binds to
 */
public final class RowImport<R> {

    /** A refusal of one command for many rows that says which of them (0-based, in the order applied) it refused. */
    public interface RowRefusal {
        int index();
    }

    /** A good row and what it becomes. */
    public record Checked<C>(int row, C value) {
    }

    private final RowBinder.Binding<R> binding;
    private final List<RowError> errors;
    private final Map<String, Integer> firstRowOf = new HashMap<>();
    private volatile ImportProgress progress = ImportProgress.unwatched();

    private RowImport(RowBinder.Binding<R> binding) {
        this.binding = binding;
        this.errors = new ArrayList<>(binding.errors());
    }

    /** Counts this import's rows into {@code progress} and stops between two rows once it is cancelled. */
    public RowImport<R> watchedBy(ImportProgress progress) {
        this.progress = progress;
        progress.errors(errors.size());
        return this;
    }

    /** Reads and binds the file; a missing required column refuses it as a whole. */
    public static <R> RowImport<R> read(MultipartFile file, RowBinder<R> binder, Set<String> requiredFields)
            throws IOException {
        Table table = TabularFiles.read(file.getOriginalFilename(), file.getInputStream());
        binder.requireColumns(table, requiredFields);
        return new RowImport<>(binder.bind(table));
    }

    /** Data rows in the file. */
    public int rows() {
        return binding.rows();
    }

    /** The rows that passed binding and validation, in file order. */
    public List<RowBinder.Bound<R>> valid() {
        return binding.valid();
    }

    /** Every error so far, by row. */
    public List<RowError> errors() {
        List<RowError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(RowError::row));
        return sorted;
    }

    /**
     * Checks each valid row: {@code check} returns what the row becomes, or throws a {@link RuleViolation}, which
     * becomes the row's error.
     */
    public <C> List<Checked<C>> check(Function<RowBinder.Bound<R>, C> check) {
        List<Checked<C>> good = new ArrayList<>();
        for (RowBinder.Bound<R> bound : binding.valid()) {
            progress.stopIfCancelled();
            try {
                good.add(new Checked<>(bound.row(), check.apply(bound)));
            } catch (RuleViolation violation) {
                errors.add(error(bound.row(), violation));
            }
            progress.checked(errors.size());
        }
        return good;
    }

    /** The row on which {@code key} (a person, usually) first appeared, or null when this row is the first. */
    public Integer earlierRowOf(String key, int row) {
        return firstRowOf.putIfAbsent(key, row);
    }

    /** Refuses the whole file (422, every error) when a row failed and the caller did not ask for a partial import. */
    public void refuseUnlessPartial(boolean partial) {
        if (!errors.isEmpty() && !partial) {
            throw refused();
        }
    }

    /** The refusal of the whole file with every error so far. */
    public ImportRefusedException refused() {
        return new ImportRefusedException(binding.rows(), errors());
    }

    /**
     * Applies each good row with its own commands. A rule that still refuses one (the read models the check used
     * lag the aggregates) becomes that row's error; the others stay applied.
     */
    public <C> ImportReport applyEach(List<Checked<C>> good, boolean partial, Consumer<C> apply) {
        refuseUnlessPartial(partial);
        int applied = 0;
        for (Checked<C> checked : good) {
            progress.stopIfCancelled();
            try {
                apply.accept(checked.value());
                applied++;
                progress.applied(1, errors.size());
            } catch (RuleViolation raced) {
                errors.add(error(checked.row(), raced));
                progress.errors(errors.size());
            }
        }
        return ImportReport.of(binding.rows(), applied, partial, errors());
    }

    /**
     * Applies all good rows in one command: whole or nothing. If a rule still refuses it, the file is refused with
     * that error on the row the refusal names ({@link RowRefusal}), else on row 1 (the file as a whole).
     */
    public <C> ImportReport applyAll(List<Checked<C>> good, boolean partial, Consumer<List<C>> apply) {
        refuseUnlessPartial(partial);
        if (!good.isEmpty()) {
            progress.stopIfCancelled();
            try {
                apply.accept(good.stream().map(Checked::value).toList());
                progress.applied(good.size(), errors.size());
            } catch (RuleViolation refusal) {
                // a refusal that names no row concerns the file as a whole: reported on row 1, the header
                errors.add(error(refusal instanceof RowRefusal row ? good.get(row.index()).row() : 1, refusal));
                throw refused();
            }
        }
        return ImportReport.of(binding.rows(), good.size(), partial, errors());
    }

    private static RowError error(int row, RuleViolation violation) {
        return new RowError(row, violation.field(), violation.rule(), violation.getMessage());
    }
}
