package cn.changdu.labour.support.imports;

import cn.changdu.labour.support.input.StrictJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;

import java.time.Clock;
import java.util.Map;

/**
 * Makes the {@link RowBinder} of an import: the service's validator, and its mapper with the input policy's business
 * dates, so a row's dates are held to the same range as a request's (a cell is text, so numbers stay lenient).
 */
public class RowBinders {

    private final Validator validator;
    private final ObjectMapper mapper;

    public RowBinders(Validator validator, ObjectMapper mapper, Clock clock) {
        this.validator = validator;
        this.mapper = mapper.copy().registerModule(StrictJson.businessDates(clock));
    }

    /** @param columns column title → request field; several titles may name one field (e.g. 姓名 and name) */
    public <T> RowBinder<T> of(Class<T> type, Map<String, String> columns) {
        return new RowBinder<>(type, columns, validator, mapper);
    }
}
