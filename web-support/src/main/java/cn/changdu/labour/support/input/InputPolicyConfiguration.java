package cn.changdu.labour.support.input;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/**
 * Every service's request bodies read through {@link StrictJson}. The MVC converter is replaced, not changed: the
 * service's ObjectMapper and the converters HTTP clients share stay lenient (events, Kafka, imports, tests).
 */
@Configuration(proxyBeanMethods = false)
public class InputPolicyConfiguration implements WebMvcConfigurer {

    private final Clock clock;

    public InputPolicyConfiguration(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                MappingJackson2HttpMessageConverter strict =
                        new MappingJackson2HttpMessageConverter(StrictJson.strict(json.getObjectMapper(), clock));
                strict.setSupportedMediaTypes(json.getSupportedMediaTypes());
                converters.set(i, strict);
            }
        }
    }
}
