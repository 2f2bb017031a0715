package io.flotilla.platform;

import java.util.Map;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters.ServerBuilder;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a field the body type does not have, a number where text
 * belongs (or text where a number does) and anything after the JSON value are refused, each named
 * in the 400. Only the server's converter is strict: what a service reads from its peers (the
 * shared {@code JsonMapper}) still ignores fields it does not know, so peers can add fields.
 */
class StrictJsonBodies implements ServerHttpMessageConvertersCustomizer {

  @Override
  public void customize(ServerBuilder builder) {
    // Exactly Spring's converter: a subclass has a job of its own (Spring Data's projecting one
    // only reads @ProjectedPayload interfaces) that a plain copy would not keep.
    builder.configureMessageConvertersList(converters ->
        converters.replaceAll(converter ->
            converter.getClass() == JacksonJsonHttpMessageConverter.class
                ? strict((JacksonJsonHttpMessageConverter) converter)
                : converter));
  }

  private static JacksonJsonHttpMessageConverter strict(JacksonJsonHttpMessageConverter json) {
    JsonMapper mapper = json.getMapper();
    var strict =
        new JacksonJsonHttpMessageConverter(
            mapper
                .rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(
                    LogicalType.Textual,
                    text ->
                        text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)));
    // Actuator reads a write operation's body as a Map<String, String> and converts each value to
    // its parameter's type itself: there, 0.2 and true are text. No controller takes a Map body.
    strict.registerMappersForType(
        Map.class,
        mappers -> {
          mappers.put(MediaType.APPLICATION_JSON, mapper);
          mappers.put(new MediaType("application", "*+json"), mapper);
        });
    return strict;
  }
}
