package org.farmgate;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Farmgate in a JVM of its own, started the way {@code ./mvnw spring-boot:run} starts it
 * (the application's classes and dependencies, not the tests'; the heap capped, the
 * collector's options left at the JVM's), for tests that kill it.
 */
public final class FarmgateProcess {

	private FarmgateProcess() {
	}

	/** Starts Farmgate with the arguments, its output going to the log file. */
	public static Process launch(Path log, String... arguments) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(
				List.of(java, "-Xmx512m", "-cp", classpath, FarmgateApplication.class.getName()));
		command.addAll(Arrays.asList(arguments));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/** Waits until the check passes, failing after the timeout. */
	public static void await(Check check, Duration timeout) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		while (!check.passes()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not reached within " + timeout);
			}
			Thread.sleep(250);
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A condition to wait for.
	 */
	@FunctionalInterface
	public interface Check {

		boolean passes() throws Exception;

	}

}
