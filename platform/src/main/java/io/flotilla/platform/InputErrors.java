package io.flotilla.platform;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintViolation;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Bad input as a list of {@link FieldProblem}s named as the client wrote them (JSON property names,
 * query parameter names), in a stable order: fields in the order the body or the method declares
 * them, and one field's problems in the order its constraints are written. Bean Validation itself
 * reports violations in no particular order.
 */
final class InputErrors {

  /**
   * One thing wrong with one input, as listed in a 400's {@code errors}.
   *
   * @param field the JSON field or parameter, e.g. {@code first_name} or {@code page}
   * @param message what is wrong and what is allowed, e.g. {@code must start with a letter a-z}
   */
  record FieldProblem(String field, String message) {}

  private record Ranked(int position, int constraint, FieldProblem problem) {}

  private static final Comparator<Ranked> ORDER =
      Comparator.comparingInt(Ranked::position)
          .thenComparingInt(Ranked::constraint)
          .thenComparing(ranked -> ranked.problem().message());

  private InputErrors() {}

  /** The detail that lists every problem: "username must ...; password must ...". */
  static String sentence(List<FieldProblem> problems) {
    return problems.stream()
        .map(problem -> problem.field() + " " + problem.message())
        .collect(Collectors.joining("; ", "", "."));
  }

  /** The violations of a body (or other object) of this type. */
  static List<FieldProblem> of(Class<?> type, List<FieldError> errors) {
    List<String> fields = declaredFields(type);
    return errors.stream()
        .map(error -> {
          String name = topLevel(error.getField());
          Field field = type == null ? null : ReflectionUtils.findField(type, name);
          return new Ranked(
              indexOr(fields.indexOf(name)),
              constraintIndex(field, violation(error)),
              new FieldProblem(jsonName(type, error.getField()), error.getDefaultMessage()));
        })
        .sorted(ORDER)
        .map(Ranked::problem)
        .toList();
  }

  /** The violations of a handler's parameters (and of its bodies, when validated alike). */
  static List<FieldProblem> of(HandlerMethodValidationException exception) {
    var ranked = new ArrayList<Ranked>();
    for (ParameterValidationResult result : exception.getParameterValidationResults()) {
      MethodParameter parameter = result.getMethodParameter();
      int position = parameter.getParameterIndex() * 1000;
      if (result instanceof ParameterErrors errors) {
        Object argument = errors.getArgument();
        List<FieldProblem> fields =
            of(argument == null ? null : argument.getClass(), errors.getFieldErrors());
        for (int i = 0; i < fields.size(); i++) {
          ranked.add(new Ranked(position, i, fields.get(i)));
        }
        continue;
      }
      String name = parameterName(parameter);
      List<Annotation> annotations = flattened(parameter.getParameterAnnotations());
      result
          .getResolvableErrors()
          .forEach(error -> {
            ConstraintViolation<?> violation = unwrap(result, error);
            int constraint =
                violation == null ? Integer.MAX_VALUE : indexOf(annotations, violation);
            ranked.add(
                new Ranked(
                    position, constraint, new FieldProblem(name, error.getDefaultMessage())));
          });
    }
    return ranked.stream().sorted(ORDER).map(Ranked::problem).toList();
  }

  /** The JSON property names of a body type, in declaration order: "a, b, c". */
  static String fieldList(Class<?> type) {
    return declaredFields(type).stream()
        .map(name -> jsonName(type, name))
        .collect(Collectors.joining(", "));
  }

  /** "an integer", "true or false"...: what a value of this type looks like. */
  static String kind(Class<?> type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return "a string";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == BigInteger.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type)
        || type == double.class
        || type == float.class
        || type == BigDecimal.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  /** A value a client sent, quoted for a detail: at most 40 characters of it. */
  static String quoted(Object value) {
    String text = String.valueOf(value);
    if (text.codePointCount(0, text.length()) > 40) {
      text = text.substring(0, text.offsetByCodePoints(0, 40)) + "…";
    }
    return "\"" + text + "\"";
  }

  private static String parameterName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && StringUtils.hasText(param.name())) {
      return param.name();
    }
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    if (path != null && StringUtils.hasText(path.name())) {
      return path.name();
    }
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null && StringUtils.hasText(header.name())) {
      return header.name();
    }
    String name = parameter.getParameterName();
    return name == null ? "argument " + parameter.getParameterIndex() : name;
  }

  private static List<String> declaredFields(Class<?> type) {
    if (type == null) {
      return List.of();
    }
    if (type.isRecord()) {
      return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
    }
    return Arrays.stream(type.getDeclaredFields())
        .filter(field -> !java.lang.reflect.Modifier.isStatic(field.getModifiers()))
        .map(Field::getName)
        .toList();
  }

  private static String topLevel(String path) {
    int end = path.length();
    for (char separator : new char[] {'.', '['}) {
      int at = path.indexOf(separator);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return path.substring(0, end);
  }

  /** The path with its first segment as the body's JSON names it. */
  private static String jsonName(Class<?> type, String path) {
    String name = topLevel(path);
    Field field = type == null ? null : ReflectionUtils.findField(type, name);
    JsonProperty property = field == null ? null : field.getAnnotation(JsonProperty.class);
    if (property == null || property.value().isEmpty()) {
      return path;
    }
    return property.value() + path.substring(name.length());
  }

  private static ConstraintViolation<?> violation(FieldError error) {
    try {
      return error.unwrap(ConstraintViolation.class);
    } catch (IllegalArgumentException notAViolation) {
      return null;
    }
  }

  private static ConstraintViolation<?> unwrap(
      ParameterValidationResult result, org.springframework.context.MessageSourceResolvable error) {
    try {
      return result.unwrap(error, ConstraintViolation.class);
    } catch (IllegalArgumentException notAViolation) {
      return null;
    }
  }

  private static int constraintIndex(AnnotatedElement element, ConstraintViolation<?> violation) {
    if (element == null || violation == null) {
      return Integer.MAX_VALUE;
    }
    return indexOf(flattened(element.getDeclaredAnnotations()), violation);
  }

  /**
   * The annotations in the order written, repeated ones ({@code @Pattern.List}) expanded, and a
   * composed constraint ({@code @Name}) followed by the constraints it is made of.
   */
  private static List<Annotation> flattened(Annotation[] annotations) {
    return Arrays.stream(annotations).flatMap(InputErrors::expanded).toList();
  }

  private static Stream<Annotation> expanded(Annotation annotation) {
    Method value = ReflectionUtils.findMethod(annotation.annotationType(), "value");
    if (value != null
        && value.getReturnType().isArray()
        && value.getReturnType().getComponentType().isAnnotation()) {
      return Arrays.stream((Annotation[]) ReflectionUtils.invokeMethod(value, annotation))
          .flatMap(InputErrors::expanded);
    }
    if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
      return Stream.concat(
          Stream.of(annotation),
          flattened(annotation.annotationType().getDeclaredAnnotations()).stream());
    }
    return Stream.of(annotation);
  }

  /**
   * Where the violated constraint is written: compared by type and message, since Hibernate
   * Validator gives a composing constraint the groups of the one it composes.
   */
  private static int indexOf(List<Annotation> annotations, ConstraintViolation<?> violation) {
    Annotation violated = violation.getConstraintDescriptor().getAnnotation();
    Object message = AnnotationUtils.getValue(violated, "message");
    for (int i = 0; i < annotations.size(); i++) {
      Annotation candidate = annotations.get(i);
      if (candidate.annotationType() == violated.annotationType()
          && java.util.Objects.equals(AnnotationUtils.getValue(candidate, "message"), message)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static int indexOr(int index) {
    return index < 0 ? Integer.MAX_VALUE : index;
  }
}
