package cn.changdu.labour.support.imports;

/** The file itself cannot be read as a roster (format, encoding, missing columns). */
public class ImportFileException extends RuntimeException {
    public ImportFileException(String message) {
        super(message);
    }

    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
