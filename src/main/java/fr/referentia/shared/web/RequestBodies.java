package fr.referentia.shared.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/** Spring Boot's JSON converter, whose reading of a request body is marked for {@link JsonTextCharacters}. */
@Configuration(proxyBeanMethods = false)
class RequestBodies {

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper json) {
        return new MappingJackson2HttpMessageConverter(json) {
            @Override
            protected ObjectReader customizeReader(ObjectReader reader, JavaType javaType) {
                return super.customizeReader(reader, javaType).withAttribute(JsonTextCharacters.REQUEST_BODY, Boolean.TRUE);
            }
        };
    }
}
