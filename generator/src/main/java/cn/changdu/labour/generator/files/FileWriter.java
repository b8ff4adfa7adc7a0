package cn.changdu.labour.generator.files;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes the import files as the counties send them into a folder, by kind ({@code training-rosters/},
 * {@code placements/}, {@code project-rosters/}, {@code payrolls/}), and {@code manifest.json}: for each file where
 * it goes (endpoint and path, with the ids it needs as placeholders), when it is sent, its rows and its bad rows
 * (row number as the service counts them, and what is wrong).
 */
public final class FileWriter implements Closeable {

    private final Path folder;
    private final JsonGenerator manifest;
    private int files;

    public FileWriter(Path folder, Map<String, Object> run) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            manifest = new ObjectMapper().getFactory().createGenerator(folder.resolve("manifest.json").toFile(), JsonEncoding.UTF8);
            manifest.useDefaultPrettyPrinter();
            manifest.writeStartObject();
            for (Map.Entry<String, Object> e : run.entrySet()) {
                manifest.writeObjectField(e.getKey(), e.getValue());
            }
            manifest.writeArrayFieldStart("files");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one file (as first sent: with its bad rows) and its manifest entry. */
    public void write(ImportFile file, String endpoint, String path, Instant sentAt) {
        String kind = endpoint.contains("/training/") ? "training-rosters" : endpoint.contains("/placements/") ? "placements"
                : endpoint.contains("/payrolls/") ? "payrolls" : "project-rosters";
        Path target = folder.resolve(kind).resolve(file.name());
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, file.bytes(false));
            manifest.writeStartObject();
            manifest.writeStringField("file", kind + "/" + file.name());
            manifest.writeStringField("format", file.format().name());
            manifest.writeStringField("endpoint", "POST " + endpoint);
            manifest.writeStringField("path", path);
            manifest.writeStringField("sentAt", sentAt.toString());
            manifest.writeNumberField("rows", file.originalRows());
            manifest.writeNumberField("correctRows", file.rows().size());
            manifest.writeArrayFieldStart("badRows");
            var numbers = file.badRowNumbers();
            for (int i = 0; i < numbers.size(); i++) {
                manifest.writeStartObject();
                manifest.writeNumberField("row", numbers.get(i));
                manifest.writeStringField("kind", file.badRows().get(i).kind());
                manifest.writeEndObject();
            }
            manifest.writeEndArray();
            manifest.writeEndObject();
            files++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int files() {
        return files;
    }

    @Override
    public void close() {
        try {
            manifest.writeEndArray();
            manifest.writeNumberField("fileCount", files);
            manifest.writeEndObject();
            manifest.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
