package org.chimerabench.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's JSON, strict on the way in and finite on the way out, configured once for every controller:
 * unknown properties (at any depth), duplicate keys, trailing content after the body and type coercions (a string
 * for a number, a number for a string, a float for an integer, a scalar for a list) are refused, and the handler
 * turns each into a 400 naming the field (see {@link ApiExceptionHandler}). A statistic that is not a finite number
 * is written as {@code null}, never as {@code "NaN"} or {@code "Infinity"}.
 */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictApiJson() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .modulesToInstall(finiteNumbers())
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Integer)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Float)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
    }

    /** NaN and ±Infinity become null: JSON has no such numbers, and a string in a number's place breaks clients. */
    static SimpleModule finiteNumbers() {
        JsonSerializer<Double> doubles = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
                if (value == null || !Double.isFinite(value)) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
        };
        JsonSerializer<double[]> arrays = new JsonSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator json, SerializerProvider provider)
                    throws IOException {
                json.writeStartArray(values, values.length);
                for (double value : values) {
                    if (Double.isFinite(value)) {
                        json.writeNumber(value);
                    } else {
                        json.writeNull();
                    }
                }
                json.writeEndArray();
            }
        };
        SimpleModule module = new SimpleModule("finite-numbers");
        module.addSerializer(Double.class, doubles);
        module.addSerializer(Double.TYPE, doubles);
        module.addSerializer(double[].class, arrays);
        return module;
    }
}
