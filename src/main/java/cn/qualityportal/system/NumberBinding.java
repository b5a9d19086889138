package cn.qualityportal.system;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

import org.springframework.beans.PropertyAccessException;
import org.springframework.context.annotation.Bean;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every {@link BigDecimal} a form or a JSON body carries is read by {@link NumberInput}, so the
 * same forms are accepted and the same bounds hold on every page and every API call, before any
 * controller sees the number. A refused number is a field error with NumberInput's message key
 * (forms), or a 400 problem naming the field (JSON, see {@link ApiProblemHandler}).
 */
@ControllerAdvice
class NumberBinding {

	@InitBinder
	void numbers(WebDataBinder binder) {
		binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(NumberInput.parse(text, NumberInput.Unit.NONE));
			}

			@Override
			public String getAsText() {
				return getValue() instanceof BigDecimal number ? number.toPlainString() : "";
			}

		});
		binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {

			@Override
			public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
				NumberInput.Invalid invalid = invalid(ex);
				if (invalid == null) {
					super.processPropertyAccessException(ex, result);
					return;
				}
				String field = ex.getPropertyName();
				result.addError(new FieldError(result.getObjectName(), field, ex.getValue(), true,
						result.resolveMessageCodes(invalid.messageKey(), field), null, invalid.messageKey()));
			}

		});
	}

	static NumberInput.Invalid invalid(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof NumberInput.Invalid invalid) {
				return invalid;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	@Bean
	JacksonModule boundedNumbers() {
		SimpleModule module = new SimpleModule("bounded-numbers");
		module.addDeserializer(BigDecimal.class, new StdScalarDeserializer<>(BigDecimal.class) {

			@Override
			public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
				JsonToken token = parser.currentToken();
				if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
						|| token == JsonToken.VALUE_STRING) {
					// The token's own text, never a double: the bounds are checked before BigDecimal arithmetic.
					return NumberInput.parse(parser.getString(), NumberInput.Unit.NONE);
				}
				return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
			}

		});
		return module;
	}

}
