package io.flotilla.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.nio.charset.StandardCharsets;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

public class Utf8BytesValidator implements ConstraintValidator<Utf8Bytes, String> {

  private int max;

  @Override
  public void initialize(Utf8Bytes bytes) {
    this.max = bytes.max();
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    int length = value.getBytes(StandardCharsets.UTF_8).length;
    if (length <= max) {
      return true;
    }
    context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("length", length);
    return false;
  }
}
