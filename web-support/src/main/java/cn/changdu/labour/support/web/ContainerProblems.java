package cn.changdu.labour.support.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * What Tomcat refuses before Spring sees the request (an encoded slash, {@code %00}, {@code ../} in the path, a URI
 * or headers too long) is answered with the platform's problem detail instead of Tomcat's HTML page. The answer is
 * fixed text per status: nothing of the refused request is echoed, and no server name or class.
 */
public class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // the host adds its error report valve when it starts, by this class name
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report valve, writing RFC 9457 JSON. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String[] kind = switch (status) {
                case 400 -> new String[] {"malformed-request", "请求格式错误 (malformed request)", "path", "invalid-uri",
                        "请求地址或请求头无效（路径中不能有编码的斜杠、反斜杠、空字符或 ../）"};
                case 404 -> new String[] {"not-found", ProblemDetails.NOT_FOUND_TITLE, "path", "not-found", "地址不存在"};
                case 405 -> new String[] {"method-not-allowed", "方法不允许 (method not allowed)", null,
                        "method-not-allowed", "该地址不接受此方法"};
                case 413 -> new String[] {"payload-too-large", "请求体过大 (payload too large)", "body",
                        "max-body-size", "请求体过大"};
                case 414 -> new String[] {"uri-too-long", "请求地址过长 (URI too long)", "path", "max-uri-length",
                        "请求地址过长；大批条件请放入请求体"};
                case 431 -> new String[] {"headers-too-large", "请求头过大 (headers too large)", null,
                        "max-header-size", "请求头过大"};
                default -> status < 500
                        ? new String[] {"refused", "请求被拒绝 (refused)", null, "refused", "请求被拒绝"}
                        : new String[] {"server-error", "服务器内部错误 (server error)", null, "server-error",
                        "服务器内部错误，请稍后重试"};
            };
            String body = "{\"type\":\"https://changdu-labour.example/problems/" + kind[0] + "\",\"title\":\""
                    + kind[1] + "\",\"status\":" + status + ",\"detail\":\"" + kind[4] + "\",\"errors\":[{\"field\":"
                    + (kind[2] == null ? "null" : "\"" + kind[2] + "\"") + ",\"rule\":\"" + kind[3]
                    + "\",\"message\":\"" + kind[4] + "\"}]}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone: nothing to answer
            }
        }
    }
}
