package io.flotilla.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

public class CharactersValidator implements ConstraintValidator<Characters, CharSequence> {

  private int min;
  private int max;

  @Override
  public void initialize(Characters characters) {
    this.min = characters.min();
    this.max = characters.max();
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    int length = Character.codePointCount(value, 0, value.length());
    if (length >= min && length <= max) {
      return true;
    }
    context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("length", length);
    return false;
  }
}
