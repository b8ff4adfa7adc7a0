package cn.changdu.labour.support.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The input policy for request bodies: a copy of the service's ObjectMapper that refuses unknown fields and every
 * coercion ({@code "30"} for a number, {@code 30.5} for a count, {@code "true"} for a boolean, a number for a text,
 * a date-time for a date) and normalises every string once ({@link TextPolicy}). Only the request bodies of Spring
 * MVC read through it; the mapper the events, Kafka and imports use stays as it is.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("input-policy");
        module.addDeserializer(String.class, new Text(false));
        module.addDeserializer(LocalDate.class, new Temporal<>(LocalDate.class, "日期须为 yyyy-MM-dd",
                text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)));
        module.addDeserializer(YearMonth.class, new Temporal<>(YearMonth.class, "月份须为 yyyy-MM",
                YearMonth::parse));
        module.addDeserializer(Instant.class, new Temporal<>(Instant.class, "时间须为带时区的 ISO 8601 时间，如 2020-04-01T10:00:00+08:00",
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()));
        // registered last, so these take the place of the Java-time module's lenient ones
        mapper.registerModule(module);
        return mapper;
    }

    /** Every JSON string, normalised once; only a JSON string is a text. */
    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean multi = property != null && property.getAnnotation(MultiLineText.class) != null;
            return multi == multiLine ? this : new Text(multi);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            try {
                return TextPolicy.normalise(p.getText(), multiLine);
            } catch (TextPolicy.Refused refused) {
                throw new InputRefused(p, String.class, refused.rule(), refused.getMessage());
            }
        }
    }

    /** A date or time only in its one ISO form, from a JSON string (no numbers, no date-time for a date). */
    static final class Temporal<T> extends StdScalarDeserializer<T> {
        private final String expected;
        private final Function<String, T> parse;

        Temporal(Class<T> type, String expected, Function<String, T> parse) {
            super(type);
            this.expected = expected;
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            try {
                return parse.apply(p.getText().strip());
            } catch (DateTimeParseException e) {
                throw new InputRefused(p, handledType(), "type", expected);
            }
        }
    }
}
