package dev.pitwall.platform.web.internal;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import org.springframework.stereotype.Component;

/**
 * Marks a request record's primitive components ({@code boolean}, {@code int}...) as required in
 * the OpenAPI description: the API refuses a body that leaves one out ("is required"), so the
 * description must say so too.
 */
@Component
class PrimitivesRequired implements ModelConverter {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = rawClass(type.getType());
        if (schema == null || raw == null || !raw.isRecord()) {
            return schema;
        }
        Schema model = schema.get$ref() == null ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            boolean listed = model.getRequired() != null && model.getRequired().contains(component.getName());
            if (component.getType().isPrimitive() && model.getProperties().containsKey(component.getName()) && !listed) {
                model.addRequiredItem(component.getName());
            }
        }
        return schema;
    }

    private static Class<?> rawClass(java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof com.fasterxml.jackson.databind.JavaType javaType) {
            return javaType.getRawClass();
        }
        return null;
    }
}
