package cn.changdu.labour.support.imports;

import java.util.List;

/** A whole import refused because some rows are bad and partial import was not asked for: nothing recorded. */
public class ImportRefusedException extends RuntimeException {

    private final int rows;
    private final List<RowError> errors;

    public ImportRefusedException(int rows, List<RowError> errors) {
        super(errors.size() + " 行有误，未导入任何数据；修正后重新导入，或选择部分导入（partial=true）");
        this.rows = rows;
        this.errors = List.copyOf(errors);
    }

    public int rows() {
        return rows;
    }

    public List<RowError> errors() {
        return errors;
    }
}
