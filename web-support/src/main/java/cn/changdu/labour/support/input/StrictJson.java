package cn.changdu.labour.support.input;

import cn.changdu.labour.kernel.BusinessTime;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The input policy for request bodies: a copy of the service's ObjectMapper that refuses unknown fields and every
 * coercion ({@code "30"} for a number, {@code 30.5} for a count, {@code "true"} for a boolean, a number for a text,
 * a date-time for a date), normalises every string once ({@link TextPolicy}), and holds money and business dates
 * to the plan's range ({@link Money}, {@link BusinessDate}). Only the request bodies of Spring
 * MVC read through it; the mapper the events, Kafka and imports use stays as it is.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The first day a business date may name: the plan's records start with the 13th five-year plan (2016). */
    public static final LocalDate EARLIEST = LocalDate.of(2016, 1, 1);
    /** The latest a planned date may lie ahead. */
    public static final LocalDate LATEST_PLANNED = LocalDate.of(2035, 12, 31);
    /** The largest amount of money (yuan) a request may name: the {@code @Digits(integer = 9)} of the amounts. */
    public static final BigDecimal MAX_MONEY = new BigDecimal("999999999.99");
    /**
     * The most items any list in a request takes (a payroll's lines, a class's attendance): a bigger list is refused
     * as soon as it is read, before 50,000 lines are validated one by one; bigger batches are files.
     */
    public static final int MAX_ITEMS = 10_000;
    /** Clock skew tolerated between a client and the service for a time that has happened. */
    public static final Duration SKEW = Duration.ofMinutes(5);

    public static ObjectMapper strict(ObjectMapper base, Clock clock) {
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
        module.addDeserializer(BigDecimal.class, new Money());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config,
                                                                    CollectionType type, BeanDescription description,
                                                                    JsonDeserializer<?> deserializer) {
                return new MaxItems(deserializer);
            }
        });
        // registered last, so these take the place of the Java-time module's lenient ones
        mapper.registerModule(module);
        mapper.registerModule(businessDates(clock));
        return mapper;
    }

    /**
     * Business dates and times in their one ISO form and within the plan's range ({@link BusinessDate}): for the
     * request bodies, and for the rows of an import file, which are otherwise read leniently (a cell is text).
     */
    public static SimpleModule businessDates(Clock clock) {
        SimpleModule module = new SimpleModule("business-dates");
        module.addDeserializer(LocalDate.class, new BusinessDate<>(LocalDate.class, "日期须为 yyyy-MM-dd",
                text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE), date -> date,
                () -> BusinessTime.dateOf(clock.instant()), false));
        module.addDeserializer(YearMonth.class, new BusinessDate<>(YearMonth.class, "月份须为 yyyy-MM",
                YearMonth::parse, month -> month.atDay(1), () -> BusinessTime.dateOf(clock.instant()), false));
        module.addDeserializer(Instant.class, new BusinessDate<>(Instant.class,
                "时间须为带时区的 ISO 8601 时间，如 2020-04-01T10:00:00+08:00",
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
                time -> BusinessTime.dateOf(time.minus(SKEW)), () -> BusinessTime.dateOf(clock.instant()), false));
        return module;
    }

    /** A list of at most {@link #MAX_ITEMS}. */
    static final class MaxItems extends DelegatingDeserializer {
        MaxItems(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new MaxItems(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Collection<?> items && items.size() > MAX_ITEMS) {
                throw new InputRefused(p, Collection.class, "max-items",
                        "最多 " + MAX_ITEMS + " 项（收到 " + items.size() + " 项）；更多请以文件导入");
            }
            return value;
        }
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

    /**
     * Money in yuan: a JSON number or a decimal string ({@code "2400.00"}, the platform's convention for amounts),
     * plain digits only (no exponent, no blanks), at most two decimals and at most {@link #MAX_MONEY}.
     */
    static final class Money extends StdScalarDeserializer<BigDecimal> {
        private static final Pattern PLAIN = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?");

        Money() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING) && !p.hasToken(JsonToken.VALUE_NUMBER_INT)
                    && !p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            String text = p.getText();
            if (!PLAIN.matcher(text).matches()) {
                throw new InputRefused(p, BigDecimal.class, "type", "金额须为数字（元），如 2400 或 \"2400.00\"");
            }
            BigDecimal amount = new BigDecimal(text);
            if (amount.stripTrailingZeros().scale() > 2) {
                throw new InputRefused(p, BigDecimal.class, "money-scale", "金额最多两位小数");
            }
            if (amount.abs().compareTo(MAX_MONEY) > 0) {
                throw new InputRefused(p, BigDecimal.class, "money-max", "金额不能超过 " + MAX_MONEY.toPlainString() + " 元");
            }
            return amount;
        }
    }

    /**
     * A business date or time only in its one ISO form, from a JSON string (no numbers, no date-time for a date),
     * within the plan's range: not before {@link #EARLIEST}, and not after the business clock's today unless the
     * field is a {@link PlannedDate} (then not after {@link #LATEST_PLANNED}).
     */
    static final class BusinessDate<T> extends StdScalarDeserializer<T> implements ContextualDeserializer {
        private final String expected;
        private final Function<String, T> parse;
        private final Function<T, LocalDate> day;
        private final Supplier<LocalDate> today;
        private final boolean planned;

        BusinessDate(Class<T> type, String expected, Function<String, T> parse, Function<T, LocalDate> day,
                     Supplier<LocalDate> today, boolean planned) {
            super(type);
            this.expected = expected;
            this.parse = parse;
            this.day = day;
            this.today = today;
            this.planned = planned;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean plan = property != null && property.getAnnotation(PlannedDate.class) != null;
            return plan == planned ? this
                    : new BusinessDate<>((Class<T>) handledType(), expected, parse, day, today, plan);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            T value;
            try {
                value = parse.apply(p.getText().strip());
            } catch (DateTimeParseException e) {
                throw new InputRefused(p, handledType(), "type", expected);
            }
            LocalDate date = day.apply(value);
            if (date.isBefore(EARLIEST)) {
                throw new InputRefused(p, handledType(), "date-range", "日期不能早于 " + EARLIEST);
            }
            if (planned && date.isAfter(LATEST_PLANNED)) {
                throw new InputRefused(p, handledType(), "date-range", "计划日期不能晚于 " + LATEST_PLANNED);
            }
            if (!planned && date.isAfter(today.get())) {
                throw new InputRefused(p, handledType(), "not-in-future", "不能晚于今天（" + today.get() + "）");
            }
            return value;
        }
    }
}
