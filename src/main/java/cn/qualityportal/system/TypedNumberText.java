package cn.qualityportal.system;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * A JSON number or string kept as the text that was sent, for fields read later by
 * {@link NumberInput} with rules only the receiver knows (a {@code 95%} is a number only for a
 * percentage indicator). The number is never converted by Jackson, so nothing unbounded is computed.
 */
public class TypedNumberText extends StdScalarDeserializer<String> {

	public TypedNumberText() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		return (String) context.handleUnexpectedToken(String.class, parser);
	}

}
