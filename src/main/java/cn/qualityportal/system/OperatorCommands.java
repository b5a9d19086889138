package cn.qualityportal.system;

import java.util.Optional;

import cn.qualityportal.system.database.RestoreCommand;

/**
 * Commands of the packaged jar besides starting the portal, run without a Spring context:
 * {@code java -jar portal.jar restore …} (see docs/operations.md).
 */
public final class OperatorCommands {

	private OperatorCommands() {
	}

	/** The exit code of the command named by the first argument, or empty when the portal should start. */
	public static Optional<Integer> run(String[] args) {
		if (args.length > 0 && args[0].equals("restore")) {
			return Optional.of(RestoreCommand.run(args, System.getenv(), System.out, System.err));
		}
		return Optional.empty();
	}

}
