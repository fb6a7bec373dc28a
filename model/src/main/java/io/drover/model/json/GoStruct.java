package io.drover.model.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the Go struct a model class stands for when Nomad decodes a request body into it.
 * Go's JSON errors name that struct ({@code Go struct field TaskGroup.Job.TaskGroups.Count}) and
 * its qualified type ({@code api.TaskGroup}); without this annotation the class's simple name
 * in package {@code api} is assumed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GoStruct {
    /** The Go struct name, e.g. {@code JobRegisterRequest}. */
    String value();

    /** The Go package the struct lives in, as Go prints it in type names. */
    String pkg() default "api";
}
