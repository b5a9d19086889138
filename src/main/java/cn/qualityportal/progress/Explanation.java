package cn.qualityportal.progress;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * A sentence in the message bundles with its arguments, kept unrendered so each reader sees it in
 * their language. Arguments are plain strings (numbers already formatted) or nested explanations;
 * Spring's message source resolves the nested ones too.
 */
public record Explanation(String code, List<Object> args) implements MessageSourceResolvable {

	public Explanation {
		args = List.copyOf(args);
	}

	static Explanation of(String code, Object... args) {
		return new Explanation(code, List.of(args));
	}

	@Override
	public String[] getCodes() {
		return new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return args.toArray();
	}

}
