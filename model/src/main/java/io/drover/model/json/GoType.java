package io.drover.model.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The Go type of a field as Nomad declares it in the struct a body is decoded into, where the
 * Java type alone does not tell: a {@code Long} may be {@code time.Duration}, {@code int64} or
 * {@code uint64}; an {@code Integer} may be {@code int}, {@code int8} or {@code uint8}; a list of
 * structs may hold values rather than pointers. {@link GoJsonDecoder} uses it for range checks
 * and for the type it names in its errors.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface GoType {
    /** Go's spelling of the type, e.g. {@code time.Duration} or {@code []api.Port}. */
    String value();
}
