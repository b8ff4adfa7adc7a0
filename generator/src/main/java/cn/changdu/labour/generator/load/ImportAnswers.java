package cn.changdu.labour.generator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Set;
import java.util.TreeSet;

/** Reads the services' answers to imports: the row numbers a refusal (or a partial report) names. */
final class ImportAnswers {

    static final ObjectMapper JSON = new ObjectMapper();

    private ImportAnswers() {
    }

    /** The rows named in {@code errors} (an RFC 9457 problem or an import report); empty when there are none. */
    static Set<Integer> errorRows(String body) {
        Set<Integer> rows = new TreeSet<>();
        JsonNode errors = parse(body).path("errors");
        for (JsonNode error : errors) {
            if (error.has("row")) {
                rows.add(error.get("row").asInt());
            }
        }
        return rows;
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (java.io.IOException notJson) {
            return JSON.missingNode();
        }
    }
}
