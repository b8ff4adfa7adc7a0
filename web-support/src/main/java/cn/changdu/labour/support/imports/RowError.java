package cn.changdu.labour.support.imports;

/** What is wrong with one row: the row number, the field (request name), the rule, a zh-CN message. */
public record RowError(int row, String field, String rule, String message) {
}
