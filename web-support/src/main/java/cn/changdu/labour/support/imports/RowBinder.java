package cn.changdu.labour.support.imports;

import cn.changdu.labour.support.input.InputRefused;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds roster rows to a request record and validates each with the same Bean Validation rules as the JSON API,
 * so a row is refused for exactly the reasons a single request would be.
 *
 * @param <T> the request record (the same one the single-record endpoint takes)
 */
public final class RowBinder<T> {

    private final Class<T> type;
    private final Map<String, String> fieldByTitle;
    private final Validator validator;
    private final ObjectMapper mapper;

    /**
     * @param columns column title → request field; several titles may name one field (e.g. 姓名 and name)
     */
    public RowBinder(Class<T> type, Map<String, String> columns, Validator validator, ObjectMapper mapper) {
        this.type = type;
        this.fieldByTitle = Map.copyOf(columns);
        this.validator = validator;
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public record Bound<T>(int row, T value) {
    }

    public record Binding<T>(int rows, List<Bound<T>> valid, List<RowError> errors) {
    }

    /** Checks that every required field has a column; a file without them is not a roster of this kind. */
    public void requireColumns(Table table, Set<String> requiredFields) {
        Set<String> present = new java.util.HashSet<>();
        table.titles().forEach(t -> {
            if (fieldByTitle.containsKey(t)) {
                present.add(fieldByTitle.get(t));
            }
        });
        List<String> missing = requiredFields.stream().filter(f -> !present.contains(f)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new ImportFileException("缺少必需的列：" + String.join("、", missing));
        }
    }

    public Binding<T> bind(Table table) {
        List<ImportRow> rows = table.rows();
        List<Bound<T>> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (ImportRow row : rows) {
            Map<String, Object> fields = new LinkedHashMap<>();
            row.cells().forEach((title, value) -> {
                String field = fieldByTitle.get(title);
                if (field != null) {
                    fields.put(field, value);
                }
            });
            T value;
            try {
                value = mapper.convertValue(fields, type);
            } catch (IllegalArgumentException e) {
                if (e.getCause() instanceof InputRefused refused) {
                    String field = refused.getPath().isEmpty() ? null : refused.getPath().get(0).getFieldName();
                    errors.add(new RowError(row.row(), field, refused.rule(), refused.getOriginalMessage()));
                    continue;
                }
                String field = e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()
                        ? m.getPath().get(0).getFieldName() : null;
                errors.add(new RowError(row.row(), field, "format",
                        field == null ? "无法识别的数据" : "值 \"" + fields.get(field) + "\" 格式不正确"));
                continue;
            }
            Set<ConstraintViolation<T>> violations = validator.validate(value);
            if (violations.isEmpty()) {
                valid.add(new Bound<>(row.row(), value));
            } else {
                violations.stream()
                        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .forEach(v -> errors.add(new RowError(row.row(), v.getPropertyPath().toString(),
                                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                                v.getMessage())));
            }
        }
        return new Binding<>(rows.size(), valid, errors);
    }
}
