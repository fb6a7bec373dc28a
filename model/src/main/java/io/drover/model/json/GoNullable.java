package io.drover.model.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a scalar field that is a pointer in Nomad's stored struct (e.g. a group's
 * {@code *time.Duration ShutdownDelay}), so null is a value Nomad stores and writes as
 * {@code null}. Every other scalar of a canonical job is a Go value and is never null.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface GoNullable {
}
