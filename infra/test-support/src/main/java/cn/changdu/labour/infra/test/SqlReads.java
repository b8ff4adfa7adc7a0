package cn.changdu.labour.infra.test;

import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the queries (SELECT statements) a service sends to its database, per table (the first one after FROM),
 * so a test can show that a request reads what it needs once rather than once per row. Declare it as a static
 * bean of the test: it wraps the application's {@link DataSource}.
 */
public final class SqlReads implements BeanPostProcessor {

    private static final Pattern FIRST_TABLE = Pattern.compile("\\bfrom\\s+([a-z_][a-z0-9_.]*)");

    private final Map<String, AtomicInteger> byTable = new ConcurrentHashMap<>();

    /** Queries of the table so far. */
    public int of(String table) {
        return byTable.getOrDefault(table.toLowerCase(Locale.ROOT), new AtomicInteger()).get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = method.invoke(target, args);
                return result instanceof Connection connection ? proxy(Connection.class, connection, this::counting)
                        : result;
            });
        }
        return bean;
    }

    private Object counting(Object connection, java.lang.reflect.Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
            count(sql);
        }
        Object result = method.invoke(connection, args);
        if (method.getName().equals("createStatement") && result instanceof Statement statement) {
            // a query without parameters runs as a plain statement: counted when it is executed
            return proxy(Statement.class, statement, (target, m, a) -> {
                if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
                    count(sql);
                }
                return m.invoke(target, a);
            });
        }
        return result;
    }

    private void count(String sql) {
        String text = sql.strip().toLowerCase(Locale.ROOT);
        if (!text.startsWith("select") && !text.startsWith("with")) {
            return;
        }
        Matcher table = FIRST_TABLE.matcher(text);
        if (table.find()) {
            byTable.computeIfAbsent(table.group(1), t -> new AtomicInteger()).incrementAndGet();
        }
    }

    private interface Call {
        Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (p, method, args) -> {
            try {
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler);
    }
}
